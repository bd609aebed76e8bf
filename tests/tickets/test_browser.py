"""In Chromium: the secret firewall on the shared vectors, compose.js against Python, and the whole form.

The helpdesk is never loaded: requests to it are aborted and their URL is what the tests read.
"""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from helpcenter.tickets.compose import Step, Ticket, compose
from tests.firewall.test_secrets import VECTORS
from tests.tickets.helpers import HELPDESKS, TICKET, labels, recipe, words

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
HELPDESK = "https://support.example-wallet.com/**"
PHRASE_EN = "need adult screen foot ill quit valid prevent priority notable scan below"
PHRASE_ZH = "冶你惨钱审哭阵牌筹次阿光"
TRON_ADDRESS = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
TX_HASH = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("tickets"))


@pytest.fixture
def helpdesk(page) -> list[str]:
    """URLs the pages tried to open at the helpdesk (aborted: the remote site is never loaded)."""
    opened: list[str] = []

    def abort(route) -> None:
        opened.append(route.request.url)
        route.abort()

    page.context.route(HELPDESK, abort)
    return opened


def params(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def paragraphs(description: str) -> list[str]:
    return [unescape(p) for p in re.findall(r"<p>(.*?)</p>", description)]


def send(page) -> None:
    page.locator(".hc-ticket__send").click()


def send_and_capture(page, helpdesk: list[str]) -> str:
    with page.context.expect_page() as popup:
        send(page)
    tab = popup.value
    tab.wait_for_load_state()
    assert tab.evaluate("window.opener") is None  # noopener: the helpdesk cannot reach back into our page
    tab.close()
    assert len(helpdesk) == 1
    return helpdesk[0]


def test_secret_vectors_match_the_python_twin(page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "en/app/update-app/")
    assert not any("bip39-wordlists.json" in url for url in requested)  # lazy: not loaded with the page
    found = page.evaluate("""async (vectors) => {
      const out = [];
      for (const v of vectors) {
        const hits = await window.helpcenter.tickets.findSecrets(v.text);
        out.push(hits.map((f) => [f.kind, v.text.slice(f.start, f.end)]));
      }
      return out;
    }""", [{"text": v["text"]} for v in VECTORS])
    assert dict(zip([v["name"] for v in VECTORS], found, strict=True)) == {v["name"]: v["find"] for v in VECTORS}
    assert sum("bip39-wordlists.json" in url for url in requested) == 1


def test_find_secrets_uses_javascript_indices(page, site_url: str) -> None:
    page.goto(site_url + "en/app/update-app/")
    text = "😀😀 PIN: 4821"
    assert page.evaluate("(t) => window.helpcenter.tickets.findSecrets(t)", text) == [
        {"kind": "password", "start": 10, "end": 14}]


TICKETS = [
    TICKET,
    Ticket(lang="zh", what_happened="我的转账一直没有到账，交易所说已经发出。\n请帮忙看看" * 30,
           article_id="tx-not-received", article_title="转账未到账", article_url="https://help.example.test/zh/t/",
           flowchart_id="tx-not-received",
           path=(Step("q-net", "哪个网络？", "波场"), Step("q-time", "多久了？", "超过一小时")),
           fields=(("network", "波场 TRC20"), ("error_text", "超时 " * 80)), query="转账没到账",
           page_url="https://x.test/p/"),
    Ticket(lang="en", what_happened="  emoji 😀 and a lone \ud800 surrogate\r\nline  ",
           fields=(("amount", "1,000.5 USDT"),)),
    replace(TICKET, what_happened="x" * 5000, query="q" * 300, page_url="https://help.example.test/search/"),
]


@pytest.mark.parametrize("name", sorted(HELPDESKS))
def test_compose_js_builds_the_same_urls_as_python(page, site_url: str, name: str) -> None:
    page.goto(site_url + "en/app/update-app/")
    chosen = recipe(name)
    for ticket in TICKETS:
        expected = compose(chosen, ticket, words(ticket.lang), labels(ticket.lang))
        data = asdict(ticket)
        actual = page.evaluate("""async ([module, recipe, ticket, words, labels]) => {
          const { compose } = await import(module);
          return compose(recipe, ticket, words, labels);
        }""", [site_url + "assets/helpcenter/tickets/compose.js", chosen.as_json(), data, words(ticket.lang),
               labels(ticket.lang)])
        assert actual == {"url": expected.url, "cut": list(expected.cut), "fits": expected.fits}


def walk_to_escalation(page, site_url: str) -> None:
    page.goto(site_url + "en/app/app-trouble/")
    page.locator(".hc-flow__app button.hc-flow__option", has_text="The app crashes").click()
    page.locator(".hc-flow__app button.hc-flow__option", has_text=re.compile("^Yes$")).click()
    page.locator(".hc-flow__app button.hc-flow__ticket").click()
    page.locator("dialog.hc-ticket[open]").wait_for()


def test_escalate_leaf_to_a_prefilled_ticket(page, site_url: str, helpdesk: list[str]) -> None:
    walk_to_escalation(page, site_url)
    dialog = page.locator("dialog.hc-ticket")
    assert dialog.locator("h2").inner_text() == "Contact support"
    assert "You will continue on Example Wallet Support" in dialog.locator(".hc-ticket__channel").inner_text()
    assert dialog.locator(".hc-ticket__notice").inner_text().startswith("We will never ask for your recovery phrase")
    assert dialog.locator(".hc-ticket__field label").all_inner_texts() == [
        "Network", "Transaction hash (TxID)", "Receiving address", "App version"]
    # Deflection: the search API is asked in the reader's language; three results, escaped, not our own article.
    page.fill("#hc-ticket-what", "The app crashes right after I open it")
    page.locator(".hc-ticket__deflect li").nth(2).wait_for()
    assert page.locator(".hc-ticket__deflect li").all_inner_texts() == [
        "Update the app <b>now</b>", "Reinstall the app", "A fourth result"]
    assert page.evaluate("window.helpcenter.searchCalls.at(-1)") == ["The app crashes right after I open it", "en"]
    # A pasted recovery phrase blocks sending, says why, and never reaches the search or the helpdesk.
    page.fill("#hc-ticket-what", f"It crashes. My words are {PHRASE_EN}")
    send(page)
    secrets = page.locator(".hc-ticket__secrets")
    secrets.wait_for()
    assert secrets.locator(".hc-ticket__secret").get_attribute("data-kind") == "recovery-phrase"
    assert "What happened?: a recovery phrase, or part of one" in secrets.inner_text()
    assert "We will never ask for it; anyone who does is a scammer." in secrets.inner_text()
    secrets.locator(".hc-ticket__select").click()
    assert page.evaluate("document.activeElement.id") == "hc-ticket-what"
    assert page.evaluate("(() => { const t = document.activeElement; "
                         "return t.value.slice(t.selectionStart, t.selectionEnd); })()").endswith("scan below")
    assert helpdesk == []
    assert not any(PHRASE_EN.split()[0] in call[0] for call in page.evaluate("window.helpcenter.searchCalls"))
    # Fixed: the details are checked per network, then the ticket opens in a new tab.
    page.fill("#hc-ticket-what", "It crashes right after I open it.")
    page.fill("#hc-ticket-f-network", "TRON")
    page.fill("#hc-ticket-f-to_address", "0x52908400098527886E0F7030069857D2E4169EE7")
    page.fill("#hc-ticket-f-tx_hash", TX_HASH)
    page.fill("#hc-ticket-f-app_version", "4.2.1")
    send(page)
    error = page.locator("#hc-ticket-f-to_address-error")
    assert error.inner_text() == ("A TRON address starts with T and has 34 letters and digits. "
                                  "Copy it again from the app.")
    assert page.evaluate("document.activeElement.id") == "hc-ticket-f-to_address"
    page.fill("#hc-ticket-f-to_address", TRON_ADDRESS)
    url = send_and_capture(page, helpdesk)
    fields = params(url)
    assert url.startswith("https://support.example-wallet.com/hc/en-us/requests/new?ticket_form_id=360001234567&")
    assert fields["tf_subject"] == "The app is not working: It crashes right after I open it."
    assert paragraphs(fields["tf_description"]) == [
        "It crashes right after I open it.", "— From the help center —", "Article: The app is not working",
        "https://help.example.test/en/app/app-trouble/", "Troubleshooter: app-trouble (reached: e-crash)",
        "1. What happens? → The app crashes", "2. Is the app up to date? → Yes"]
    assert (fields["tf_360012345601"], fields["tf_360012345602"], fields["tf_360012345603"],
            fields["tf_360012345604"], fields["tf_360012345605"]) == ("TRON", TX_HASH, TRON_ADDRESS, "4.2.1",
                                                                      "app-trouble")
    assert page.locator(".hc-ticket__opened a").get_attribute("href") == url


def test_chinese_reader_chinese_phrase_and_messages(page, site_url: str, helpdesk: list[str]) -> None:
    page.goto(site_url + "zh/app/update-app/")
    page.locator(".hc-still-stuck__link").click()
    dialog = page.locator("dialog.hc-ticket[open]")
    dialog.wait_for()
    assert dialog.get_attribute("lang") == "zh"
    assert dialog.locator("h2").inner_text() == "联系客服"
    page.fill("#hc-ticket-what", f"钱包打不开了，助记词是{PHRASE_ZH}")
    send(page)
    page.locator(".hc-ticket__secrets").wait_for()
    assert "发生了什么？: 助记词（或其中一部分）" in page.locator(".hc-ticket__secrets").inner_text()
    assert "我们绝不会索要它；索要的人都是骗子。" in page.locator(".hc-ticket__secrets").inner_text()
    page.fill("#hc-ticket-what", "钱包打不开了")
    page.fill("#hc-ticket-f-network", "以太坊")
    page.fill("#hc-ticket-f-tx_hash", TX_HASH)  # Ethereum hashes start with 0x
    page.fill("#hc-ticket-f-amount", "一百")
    send(page)
    assert page.locator("#hc-ticket-f-tx_hash-error").inner_text() == "以太坊交易哈希为 0x 加 64 位字符（0-9、a-f）。"
    assert page.locator("#hc-ticket-f-amount-error").inner_text() == "请用数字填写金额，例如 125.5 或 125.5 USDT。"
    page.fill("#hc-ticket-f-tx_hash", "0x" + TX_HASH)
    page.fill("#hc-ticket-f-amount", "100 USDT")
    url = send_and_capture(page, helpdesk)
    assert url.startswith("https://support.example-wallet.com/hc/zh-cn/requests/new?")
    description = paragraphs(params(url)["tf_description"])
    assert description[:3] == ["钱包打不开了", "— 来自帮助中心 —", "文章: 更新 App"]
    assert "金额: 100 USDT" in description
    assert PHRASE_ZH not in url


def test_unlabelled_hex_must_be_confirmed_as_a_transaction_hash(page, site_url: str, helpdesk: list[str]) -> None:
    page.goto(site_url + "en/app/update-app/")
    page.locator(".hc-still-stuck__link").click()
    page.fill("#hc-ticket-what", f"Stuck since {TX_HASH}")
    send(page)
    confirm = page.locator(".hc-ticket__confirm-row")
    confirm.wait_for()
    assert confirm.inner_text().strip().startswith(
        "The 64-character code 4c0883a691…1a3f362318 is a transaction hash (TxID)")
    assert helpdesk == []
    confirm.locator("input").check()
    url = send_and_capture(page, helpdesk)
    assert paragraphs(params(url)["tf_description"])[0] == f"Stuck since {TX_HASH}"


def test_search_no_results_context_carries_the_query_unless_it_held_a_secret(page, site_url: str,
                                                                          helpdesk: list[str]) -> None:
    page.goto(site_url + "en/")
    page.evaluate("""(contexts) => contexts.forEach((context, i) => {
      const button = document.createElement("button");
      Object.assign(button, { type: "button", id: `no-results-${i}`, textContent: "Contact support" });
      button.setAttribute("data-hc-ticket", "");
      button.setAttribute("data-hc-ticket-context", JSON.stringify(context));
      document.body.append(button);
    })""", [{"source": "search", "query": "usdt never arrived", "lang": "en", "collect": ["network"]},
            {"source": "search", "query": "PIN: 4821", "lang": "en", "collect": []}])
    page.locator("#no-results-0").click()
    page.fill("#hc-ticket-what", "No article matched")
    description = paragraphs(params(send_and_capture(page, helpdesk))["tf_description"])
    assert "Search: usdt never arrived" in description
    page.keyboard.press("Escape")
    page.locator("#no-results-1").click()
    page.fill("#hc-ticket-what", "No article matched")
    helpdesk.clear()
    description = paragraphs(params(send_and_capture(page, helpdesk))["tf_description"])
    assert not [line for line in description if line.startswith("Search:")]


def test_the_form_works_without_the_search_api(page, site_url: str, helpdesk: list[str]) -> None:
    page.goto(site_url + "en/app/update-app/")
    page.evaluate("delete window.helpcenter.search")
    page.locator(".hc-still-stuck__link").click()
    page.fill("#hc-ticket-what", "The app crashes on start")
    page.wait_for_timeout(500)
    assert page.locator(".hc-ticket__deflect").is_hidden()
    assert send_and_capture(page, helpdesk).startswith("https://support.example-wallet.com/")


def test_escape_closes_the_form_and_focus_returns(page, site_url: str) -> None:
    page.goto(site_url + "en/app/update-app/")
    page.locator(".hc-still-stuck__link").click()
    page.locator("dialog.hc-ticket[open]").wait_for()
    page.keyboard.press("Escape")
    page.locator("dialog.hc-ticket").wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('hc-still-stuck__link')")


def test_without_javascript_the_box_is_a_prefilled_link(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "en/app/update-app/")
    link = tab.locator("#hc-still-stuck a")
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").startswith(
        "https://support.example-wallet.com/hc/en-us/requests/new?ticket_form_id=360001234567&tf_subject=Update")
    context.close()


def test_the_open_form_has_no_accessibility_violations(page, site_url: str) -> None:
    page.goto(site_url + "en/app/update-app/")
    page.locator(".hc-still-stuck__link").click()
    page.fill("#hc-ticket-what", "It crashes, my words are " + PHRASE_EN)
    send(page)
    page.locator(".hc-ticket__secrets").wait_for()
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run('dialog.hc-ticket', {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []


def test_sample_site_escalation_in_chinese(page, sample_site: Path, serve, helpdesk: list[str]) -> None:
    # The repository's own help center: its Zendesk setup, real search for deflection, a real tree.
    page.goto(serve(sample_site) + "zh/troubleshooting/tx-pending/")
    for answer in ("波场（TRX、TRC-20）", "已确认 / SUCCESS", "是，10 分钟后仍显示待确认"):
        page.locator(".hc-flow__app button.hc-flow__option", has_text=answer).click()
    page.locator(".hc-flow__app button.hc-flow__ticket").click()
    page.locator("dialog.hc-ticket[open]").wait_for()
    assert page.locator(".hc-ticket__screenshot").inner_text().startswith("下一步可以附上截图")
    page.fill("#hc-ticket-what", "App 一直显示待确认，但区块浏览器显示已经成功")
    page.locator(".hc-ticket__deflect li").first.wait_for()
    assert 1 <= page.locator(".hc-ticket__deflect li").count() <= 3
    page.fill("#hc-ticket-what", "App 一直显示待确认。助记词 选 法 曰 享 吗 抑 咨 攻 币 辞 危 米")
    send(page)
    page.locator(".hc-ticket__secrets").wait_for()
    assert helpdesk == []
    page.fill("#hc-ticket-what", "App 一直显示待确认，但区块浏览器显示已经成功")
    page.fill("#hc-ticket-f-network", "波场")
    page.fill("#hc-ticket-f-tx_hash", TX_HASH)
    page.fill("#hc-ticket-f-from_address", TRON_ADDRESS)
    url = send_and_capture(page, helpdesk)
    fields = params(url)
    assert url.startswith("https://support.example-wallet.com/hc/zh-cn/requests/new?ticket_form_id=360001234567&")
    assert (fields["tf_360012345601"], fields["tf_360012345604"], fields["tf_360012345605"]) == (
        "波场", TX_HASH, TRON_ADDRESS)
    assert fields["tf_360012345611"] == "tx-pending"
    assert fields["tf_360012345612"] == (
        "这笔交易在哪个网络上？ → 波场（TRX、TRC-20）; 在 Tronscan 搜索交易哈希，显示什么？ → "
        "已确认 / SUCCESS; 刷新后 App 里仍显示待确认吗？ → 是，10 分钟后仍显示待确认")
    assert paragraphs(fields["tf_description"])[:2] == [
        "App 一直显示待确认，但区块浏览器显示已经成功", "— 来自帮助中心 —"]
    assert len(url) <= 2000
