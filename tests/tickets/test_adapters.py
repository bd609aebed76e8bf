"""Each helpdesk adapter against its documented prefill format (no MkDocs: recipes and compose only)."""

from __future__ import annotations

import re

import pytest

from helpcenter.tickets import github, settings
from helpcenter.tickets.compose import Ticket, compose
from helpcenter.tickets.recipe import MAILTO_BUDGET, URL_BUDGET
from tests.tickets.helpers import GITHUB_PROJECT, TICKET, decode, labels, options, recipe, words

HASH = "ab" * 32
CONTEXT_EN = ["— From the help center —", "Article: Transfer not arrived (tx-not-received)",
              "https://help.example-wallet.com/en/t/tx-not-received/",
              "Troubleshooter: tx-not-received (reached: e-support)",
              "1. Which network? → TRON"]


def url_of(name: str, ticket: Ticket = TICKET, lang: str = "en") -> str:
    return compose(recipe(name), ticket, words(lang), labels(lang)).url


def test_zendesk_native_uses_tf_parameters_and_rich_text() -> None:
    url = url_of("zendesk")
    assert url.startswith("https://support.example-wallet.com/hc/en-us/requests/new?ticket_form_id=360001234567"
                          "&tf_subject=Transfer%20not%20arrived%3A%20Sent%2010%20USDT%2C%20not%20arrived"
                          "&tf_description=%3Cp%3ESent%2010%20USDT%2C%20not%20arrived%3C%2Fp%3E%3Cp%3E")
    base, pairs = decode(url)
    assert base == "https://support.example-wallet.com/hc/en-us/requests/new"
    assert [name for name, _ in pairs] == ["ticket_form_id", "tf_subject", "tf_description", "tf_360012345601",
                                           "tf_360012345602"]
    assert dict(pairs)["tf_description"] == "".join(f"<p>{line}</p>" for line in ["Sent 10 USDT, not arrived",
                                                                                  *CONTEXT_EN])
    # Network and TxID have their own fields, so the description does not repeat them.
    assert (dict(pairs)["tf_360012345601"], dict(pairs)["tf_360012345602"]) == ("TRON", HASH)


def test_zendesk_locale_follows_the_reader_and_html_is_escaped() -> None:
    ticket = Ticket(lang="zh", what_happened="<b>转账</b> & 没到", article_id="a", article_title="标题")
    base, pairs = decode(url_of("zendesk", ticket, "zh"))
    assert base == "https://support.example-wallet.com/hc/zh-cn/requests/new"
    assert dict(pairs)["tf_description"] == ("<p>&lt;b&gt;转账&lt;/b&gt; &amp; 没到</p><p>— 来自帮助中心 —</p>"
                                             "<p>文章: 标题 (a)</p>")
    assert dict(pairs)["tf_subject"] == "标题: <b>转账</b> & 没到"


def test_zendesk_legacy_uses_the_classic_form_names_and_plain_text() -> None:
    base, pairs = decode(url_of("zendesk-legacy"))
    assert base == "https://example.zendesk.com/hc/en-us/requests/new"
    assert [name for name, _ in pairs] == ["request[subject]", "request[description]",
                                           "request[custom_fields][360012345601]"]
    assert dict(pairs)["request[description]"].split("\n") == [
        "Sent 10 USDT, not arrived", "", *CONTEXT_EN, f"Transaction hash (TxID): {HASH}", "Language: en"]
    assert "request%5Bcustom_fields%5D%5B360012345601%5D=TRON" in url_of("zendesk-legacy")


def test_github_issue_form_prefills_elements_by_id() -> None:
    url = url_of("github")
    assert url.startswith("https://github.com/example-wallet/support/issues/new?template=support.yml&title=Transfer"
                          "%20not%20arrived%3A%20Sent%2010%20USDT%2C%20not%20arrived&labels=support,wallet"
                          "&what-happened=Sent%2010%20USDT")
    _, pairs = decode(url)
    assert [name for name, _ in pairs] == ["template", "title", "labels", "what-happened", "network-name", "tx-hash",
                                           "help-article"]
    assert dict(pairs)["what-happened"].split("\n") == [
        "Sent 10 USDT, not arrived", "", "— From the help center —", "Article: Transfer not arrived",
        *CONTEXT_EN[2:], "Language: en"]
    assert (dict(pairs)["network-name"], dict(pairs)["tx-hash"], dict(pairs)["help-article"]) == (
        "TRON", HASH, "tx-not-received")


def test_github_without_a_form_uses_title_and_body() -> None:
    _, pairs = decode(url_of("github-plain"))
    assert [name for name, _ in pairs] == ["title", "body"]
    assert f"Transaction hash (TxID): {HASH}" in dict(pairs)["body"].split("\n")


def test_gitlab_uses_issue_brackets_template_and_confidential() -> None:
    url = url_of("gitlab")
    assert url.startswith("https://gitlab.com/example-wallet/support/-/issues/new?issue%5Btitle%5D=Transfer%20not")
    assert url.endswith("&issuable_template=Support&issue%5Bconfidential%5D=true")
    _, pairs = decode(url)
    assert [name for name, _ in pairs] == ["issue[title]", "issue[description]", "issuable_template",
                                           "issue[confidential]"]


def test_django_helpdesk_prefills_its_public_form_and_custom_fields() -> None:
    url = url_of("django-helpdesk")
    assert url.startswith("https://help.example-wallet.com/desk/tickets/submit/?queue=3&title=Transfer%20not%20arrived")
    assert url.endswith("&custom_network=TRON&custom_help_article=tx-not-received"
                        "&_readonly_fields_=queue,custom_help_article&_hide_fields_=queue")
    _, pairs = decode(url)
    assert [name for name, _ in pairs] == ["queue", "title", "body", "custom_network", "custom_help_article",
                                           "_readonly_fields_", "_hide_fields_"]
    # Plain text; network and article id have their own fields, so the body does not repeat them.
    assert dict(pairs)["body"].split("\n") == [
        "Sent 10 USDT, not arrived", "", "— From the help center —", "Article: Transfer not arrived",
        *CONTEXT_EN[2:], f"Transaction hash (TxID): {HASH}", "Language: en"]


@pytest.mark.parametrize(("url", "base"), [
    ("https://help.example-wallet.com", "https://help.example-wallet.com/tickets/submit/"),
    ("https://help.example-wallet.com/desk/tickets/submit", "https://help.example-wallet.com/desk/tickets/submit/"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/tickets/submit/"),  # loopback: a trial instance
])
def test_django_helpdesk_form_address(url: str, base: str) -> None:
    loaded, problems = settings.load(options({"helpdesk": "django-helpdesk", "django_helpdesk_url": url,
                                              "django_helpdesk_queue": "1"}), GITHUB_PROJECT)
    assert problems == []
    assert loaded is not None
    assert loaded.recipe.base == base


def test_mailto_follows_rfc_6068() -> None:
    url = url_of("email")
    assert url.startswith("mailto:support@example-wallet.com?subject=%5BHelp%20center%5D%20Transfer%20not%20arrived"
                          "%3A%20Sent%2010%20USDT%2C%20not%20arrived&body=Sent%2010%20USDT%2C%20not%20arrived"
                          "%0D%0A%0D%0A%E2%80%94%20From")
    # Only qchar (unreserved and some-delims) or percent-escapes in the values; no '+' for spaces.
    for value in re.split(r"[?&]", url.split(":", 1)[1])[1:]:
        assert re.fullmatch(r"[a-z]+=(?:[A-Za-z0-9\-._~!$'()*+,;:@]|%[0-9A-F]{2})*", value), value
    assert "+" not in url
    assert "%0A" not in url.replace("%0D%0A", "")
    assert recipe("email").max_length == MAILTO_BUDGET


def test_url_template_fills_placeholders_and_leaves_out_empty_parameters() -> None:
    base, pairs = decode(url_of("url"))
    assert base == "https://help.example.com/new"
    assert [name for name, _ in pairs] == ["title", "body", "article"]  # q={query} was empty
    assert dict(pairs)["article"] == "tx-not-received"
    assert recipe("url").max_length == URL_BUDGET


def test_every_adapter_encodes_chinese_as_utf8_percent_escapes() -> None:
    ticket = Ticket(lang="zh", what_happened="转账未到账")
    for name in ("zendesk", "github", "gitlab", "django-helpdesk", "email", "url"):
        url = url_of(name, ticket, "zh")
        assert "%E8%BD%AC%E8%B4%A6%E6%9C%AA%E5%88%B0%E8%B4%A6" in url, name
        assert url.isascii()


def test_github_form_reader_lists_ids_types_and_positions() -> None:
    elements, problems = github.read_form(GITHUB_PROJECT / ".github/ISSUE_TEMPLATE/support.yml", "support.yml")
    assert problems == []
    assert [(e.id, e.type, e.line) for e in elements.values()] == [
        ("what-happened", "textarea", 11), ("network", "dropdown", 17), ("network-name", "input", 22),
        ("tx-hash", "input", 26), ("help-article", "input", 30), ("terms", "checkboxes", 34)]


@pytest.mark.parametrize(("text", "message"), [
    ("name: x\nbody: [\n", "support.yml:3:1: error[ticket-github-template-invalid]: issue form is not valid YAML: "
                            "expected the node content, but found '<stream end>' (while parsing a flow node)"),
    ("name: x\n", "support.yml:1:1: error[ticket-github-template-invalid]: issue form has no 'body' list"),
])
def test_github_form_reader_reports_broken_forms(tmp_path, text: str, message: str) -> None:
    form = tmp_path / "support.yml"
    form.write_text(text, encoding="utf-8")
    _, problems = github.read_form(form, "support.yml")
    assert [p.format().split("\n")[0] for p in problems] == [message]
