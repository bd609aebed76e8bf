"""The URL budget, what gets cut and how it says so, and properties that hold for every helpdesk."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpcenter.tickets.compose import Step, Ticket, compose
from helpcenter.tickets.redact import redact
from tests.firewall.test_secrets import VECTORS
from tests.tickets.helpers import TICKET, decode, labels, recipe, words

ADAPTERS = ["zendesk", "zendesk-legacy", "github", "github-plain", "gitlab", "email", "url"]
NATIVE = {  # adapter → {ticket part: query parameter}
    "zendesk": {"network": "tf_360012345601", "tx_hash": "tf_360012345602", "subject": "tf_subject"},
    "zendesk-legacy": {"network": "request[custom_fields][360012345601]", "subject": "request[subject]"},
    "github": {"network": "network-name", "tx_hash": "tx-hash", "article_id": "help-article", "subject": "title"},
    "github-plain": {"subject": "title"}, "gitlab": {"subject": "issue[title]"}, "url": {"subject": "title",
                                                                                        "article_id": "article"},
}
BODY = {"zendesk": "tf_description", "zendesk-legacy": "request[description]", "github": "what-happened",
        "github-plain": "body", "gitlab": "issue[description]", "email": "body", "url": "body"}
LONG_ZH = "我的转账一直没有到账，交易所说已经发出，" * 40


def body_lines(name: str, url: str) -> list[str]:
    value = dict(decode(url)[1])[BODY[name]]
    if name == "zendesk":
        return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", value)]
    return value.replace("\r\n", "\n").split("\n")


def test_a_short_ticket_is_not_cut() -> None:
    result = compose(recipe("zendesk"), TICKET, words(), labels())
    assert (result.cut, result.fits) == ((), True)
    assert not any(line.startswith("[Shortened") for line in body_lines("zendesk", result.url))


def test_least_useful_parts_go_first_and_the_description_says_so() -> None:
    query = "usdt trc20 not arrived after two hours from binance withdrawal " * 3
    ticket = replace(TICKET, query=query, page_url="https://help.example-wallet.com/en/search/?page=" + "1" * 80)
    full = compose(recipe("gitlab"), ticket, words(), labels()).url
    tight = replace(recipe("gitlab"), max_length=len(full) - 200)
    result = compose(tight, ticket, words(), labels())
    assert result.cut == ("page_url", "query")
    assert len(result.url) <= tight.max_length
    lines = body_lines("gitlab", result.url)
    assert lines[-1] == "[Shortened to fit the helpdesk's link limit: page address, search query.]"
    assert not [line for line in lines if line.startswith(("Search:", "Page:"))]


def test_the_description_is_cut_between_characters_and_the_count_is_told() -> None:
    ticket = Ticket(lang="zh", what_happened=LONG_ZH, article_id="tx-not-received", article_title="转账未到账",
                    path=(Step("q-net", "哪个网络？", "波场"),), flowchart_id="tx-not-received")
    result = compose(recipe("zendesk"), ticket, words("zh"), labels("zh"))
    assert result.fits
    assert len(result.url) <= 2000
    assert result.cut == ("flowchart_asks", "flowchart_path", "article_title", "what_happened")
    lines = body_lines("zendesk", result.url)
    kept = lines[0].removesuffix("…")
    assert LONG_ZH.startswith(kept)
    assert lines[-1] == (f"[为符合客服系统的链接长度限制，已省略：排查向导的问题, 排查向导的回答, 文章标题, "
                         f"描述中的 {len(LONG_ZH) - len(kept)} 个字符。]")


def test_mailto_stays_within_1800() -> None:
    ticket = Ticket(lang="zh", what_happened=LONG_ZH)
    result = compose(recipe("email"), ticket, words("zh"), labels("zh"))
    assert len(result.url) <= 1800 < len(compose(replace(recipe("email"), max_length=10**6), ticket, words("zh"),
                                                 labels("zh")).url)


def test_a_long_detail_is_capped_before_the_description() -> None:
    ticket = replace(TICKET, fields=(("network", "TRON"), ("error_text", "E" * 3000)))
    result = compose(recipe("github-plain"), ticket, words(), labels())
    assert result.cut[-1] == "field_values"
    assert "Error message: " + "E" * 100 + "…" in body_lines("github-plain", result.url)


def test_redact_removes_secrets_and_a_query_that_held_one() -> None:
    ticket = redact(Ticket(lang="en", what_happened="PIN: 4821 please", query="seed phrase august ceiling hobby",
                           fields=(("error_text", "private key " + "4c" * 32),)))
    assert (ticket.what_happened, ticket.query, ticket.fields) == (
        "PIN: [removed: password] please", "", (("error_text", "private key [removed: private-key]"),))


# Properties, for every helpdesk ------------------------------------------------------------------

IDS = st.from_regex(r"[a-z][a-z0-9-]{0,30}", fullmatch=True)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
ANY_TEXT = st.one_of(TEXT, st.text(st.sampled_from("转账未到账交易哈希地址 \n"), max_size=1500),
                     st.text(st.characters(codec="utf-8"), max_size=1500))
FIELD = st.tuples(st.sampled_from(["network", "tx_hash", "amount", "error_text", "to_address"]), TEXT)


@st.composite
def tickets(draw, text=TEXT) -> Ticket:
    return Ticket(
        lang=draw(st.sampled_from(["en", "zh"])), what_happened=draw(text), article_id=draw(IDS),
        article_title=draw(text), article_url=draw(st.sampled_from(["", "https://help.example.test/en/a/x/"])),
        flowchart_id=draw(IDS), flowchart_leaf=draw(IDS),
        path=tuple(draw(st.lists(st.builds(Step, IDS, text, text), max_size=4))),
        fields=tuple(draw(st.lists(FIELD, max_size=4, unique_by=lambda f: f[0]))), query=draw(text),
    )


def _expected(value: str) -> str:
    spaces = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u2028\u2029\u202f\u205f\u3000\ufeff"
    return value.replace("\r\n", "\n").replace("\r", "\n").strip(spaces)


@pytest.mark.parametrize("name", ADAPTERS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ticket=tickets())
def test_the_url_decodes_back_to_exactly_the_fields(name: str, ticket: Ticket) -> None:
    roomy = replace(recipe(name), max_length=10**6)
    result = compose(roomy, ticket, words(ticket.lang), labels(ticket.lang))
    assert result.cut == ()
    params = dict(decode(result.url)[1])
    for part, param in NATIVE.get(name, {}).items():
        if part == "subject":
            continue
        value = dict(ticket.fields).get(part, getattr(ticket, part, ""))
        assert params.get(param, "") == _expected(value)
    lines = body_lines(name, result.url)
    what = _expected(ticket.what_happened)
    if name != "zendesk":  # Zendesk's rich text drops empty paragraphs
        assert "\n".join(lines).startswith(what)
    for field_name, value in ticket.fields:
        if _expected(value) and field_name not in NATIVE.get(name, {}) and name != "url":
            assert any(line.endswith(" / ".join(_expected(value).split("\n"))) for line in lines)


@pytest.mark.parametrize("name", ADAPTERS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ticket=tickets(ANY_TEXT))
def test_the_url_stays_within_budget_for_any_input(name: str, ticket: Ticket) -> None:
    chosen = recipe(name)
    result = compose(chosen, ticket, words(ticket.lang), labels(ticket.lang))
    assert result.fits
    assert len(result.url) <= chosen.max_length
    assert result.url.isascii()
    # Every escape is whole and the values are whole UTF-8: nothing was cut inside either.
    assert not re.search(r"%(?![0-9A-F]{2})", result.url)
    for raw in urlsplit(result.url).query.split("&"):
        unquote_to_bytes(raw.partition("=")[2]).decode("utf-8")  # raises on a cut UTF-8 sequence


MUST_BLOCK = [(v["text"], [s for kind, s in v["find"] if kind != "ambiguous-hex"]) for v in VECTORS
              if any(kind != "ambiguous-hex" for kind, _ in v["find"])]


@pytest.mark.parametrize("name", ADAPTERS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ticket=tickets(), vector=st.sampled_from(MUST_BLOCK), where=st.sampled_from(["what", "field", "query"]))
def test_no_must_block_secret_survives(name: str, ticket: Ticket, vector: tuple[str, list[str]], where: str) -> None:
    text, secrets = vector
    if where == "what":
        ticket = replace(ticket, what_happened=f"{ticket.what_happened}\n{text}\n")
    elif where == "field":
        ticket = replace(ticket, fields=(*ticket.fields, ("suspicious_urls", f"see {text} there")))
    else:
        ticket = replace(ticket, query=text)
    url = compose(replace(recipe(name), max_length=10**6), redact(ticket), words(ticket.lang), labels()).url
    fixed = {"ticket_form_id", "template", "labels", "issuable_template", "issue[confidential]"}
    decoded = " ".join(html.unescape(value) for key, value in decode(url)[1] if key not in fixed)
    for secret in secrets:
        assert secret.replace("\r\n", "\n") not in decoded
