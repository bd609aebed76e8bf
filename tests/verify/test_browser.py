"""In Chromium, under a strict Content-Security-Policy: the browser twin against every vector, the checker
page in English and Chinese, its links from the "we will never ask" boxes, and axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpcenter.floor import strings as ui_strings
from helpcenter.verify import channels as channel_loader
from tests.browser import AXE, STRICT_CSP, WATCH_CSP
from tests.builds import ROOT
from tests.verify import cases

pytestmark = pytest.mark.browser

CSP = STRICT_CSP
STRINGS = ui_strings.builtin()
_, CHANNELS_DATA, CASES = cases.load()
ARTICLE = "en/account-security/phishing-scams/"  # an article with the "Still stuck?" box


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve) -> str:
    return serve(sample_site, CSP)


@pytest.fixture
def watched(page):
    """The page, recording CSP violations (events and console reports)."""
    reports: list[str] = []
    page.add_init_script(WATCH_CSP)
    page.on("console", lambda m: reports.append(m.text) if "Content Security Policy" in m.text else None)
    yield page, reports
    assert reports == [], f"CSP reports: {reports}"
    assert page.evaluate("window.__csp || []") == [], "CSP violations"


def test_sample_channels_are_the_vectors_channels() -> None:
    from mkdocs.config import load_config

    plugin = load_config(str(ROOT / "mkdocs.yml")).plugins[channel_loader.PLUGIN]
    found, problems = channel_loader.load(dict(plugin.config), "mkdocs.yml", {})
    assert problems == []
    assert found.to_json() == CHANNELS_DATA


def test_browser_twin_runs_every_vector(watched, site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "en/verify/")
    page.wait_for_function("() => window.helpcenter && typeof window.helpcenter.verify === 'function'")
    results = page.evaluate("async (inputs) => Promise.all(inputs.map((t) => window.helpcenter.verify(t)))",
                            [c.input for c in CASES])
    rows = list(zip(CASES, results, strict=True))
    cases.TABLES["browser (assets/helpcenter/verify/checker.js, Chromium)"] = rows
    wrong = [(c.case, cases.summary(r), c.expected()) for c, r in rows if cases.summary(r) != c.expected()]
    assert wrong == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_gives_verdicts_in_the_readers_language(watched, site_url: str, lang: str) -> None:
    page, _ = watched
    t = STRINGS.t
    page.goto(f"{site_url}{lang}/verify/")
    assert page.evaluate("document.documentElement.lang") == lang
    expect(page.locator("h1")).to_have_text(t(lang, "verify.title"))
    field = page.get_by_label(t(lang, "verify.label"))
    expect(field).to_be_enabled()
    result = page.locator("#hc-verify-result")
    assert result.get_attribute("aria-live") == "polite"
    field.fill("https://help.example-wallet.com/")
    field.press("Enter")  # the keyboard is enough
    expect(result.locator(".hc-verify__verdict")).to_have_text(t(lang, "verify.verdict.official"))
    field.fill("exаmple-wallet.com")  # Cyrillic а
    page.get_by_role("button", name=t(lang, "verify.check")).click()
    expect(result.locator(".hc-verify__verdict")).to_have_text(t(lang, "verify.verdict.lookalike"))
    punycode = result.locator('[data-reason="punycode"]')
    expect(punycode).to_have_text(t(lang, "verify.reasons.punycode", unicode="exаmple-wallet.com",
                                    ascii="xn--exmple-wallet-x1k.com"))
    expect(result).to_contain_text(t(lang, "verify.matched.lookalike", channel="example-wallet.com"))
    field.fill("<img src=x onerror=alert(1)>@x")  # shown as text if ever echoed, never parsed
    field.press("Enter")
    expect(result.locator(".hc-verify__verdict")).to_have_text(t(lang, "verify.verdict.unrecognised"))
    assert page.locator("#hc-verify img").count() == 0


def test_page_sends_nothing(watched, site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "en/verify/")
    field = page.get_by_label(STRINGS.t("en", "verify.label"))
    expect(field).to_be_enabled()
    page.wait_for_load_state("networkidle")
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url))
    for text in ("https://exаmple-wallet.com/login", "support@example-wallet.com", "+1 415 555 0100"):
        field.fill(text)
        field.press("Enter")
        expect(page.locator("#hc-verify-result .hc-verify__verdict")).not_to_be_empty()
    assert [u for u in sent if "wallet" in u or "415" in u] == []
    assert page.url == site_url + "en/verify/"  # the form never submitted


def test_without_javascript_the_page_lists_the_channels(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "zh/verify/")
    channels = page.locator(".hc-verify__channels")
    expect(channels).to_contain_text("example-wallet.com")
    expect(channels).to_contain_text(STRINGS.t("zh", "verify.channel.handle", platform="Telegram（电报）",
                                               value="examplewallet"))
    expect(page.locator("#hc-verify-input")).to_be_disabled()  # nothing would be sent to the server either
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_never_ask_box_links_to_the_checker(watched, site_url: str, lang: str) -> None:
    page, _ = watched
    page.goto(site_url + ARTICLE.replace("en/", f"{lang}/", 1))
    link = page.locator("#hc-still-stuck .hc-verify-link a")
    expect(link).to_have_text(STRINGS.t(lang, "verify.link"))
    link.click()
    expect(page).to_have_url(f"{site_url}{lang}/verify/")


def axe_violations(page, selector: str = "#hc-verify") -> list[tuple[str, str]]:
    """Serious and critical axe findings in our own markup (the theme's header and footer are Material's)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, not a <script>: the CSP stays strict
    found = page.evaluate("""async (selector) => (await axe.run(selector, {resultTypes: ['violations']}))
        .violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).join(', ')])""", selector)
    return [(rule, where) for rule, impact, where in found if impact in ("serious", "critical")]


@pytest.mark.parametrize(("lang", "text"), [("en", ""), ("en", "support@example-wallet.com"),
                                            ("zh", "examp1e-wallet.com"), ("en", "hello world")])
def test_axe_on_the_checker(watched, site_url: str, lang: str, text: str) -> None:
    page, _ = watched
    page.goto(f"{site_url}{lang}/verify/")
    field = page.locator("#hc-verify-input")
    expect(field).to_be_enabled()
    if text:
        field.fill(text)
        field.press("Enter")
        expect(page.locator("#hc-verify-result .hc-verify__verdict")).not_to_be_empty()
    assert axe_violations(page) == []


ESCALATE = "en/troubleshooting/balance-not-showing/?step=e-display"  # a troubleshooter's escalate leaf


def test_escalate_leaf_and_ticket_form_link_to_the_checker(watched, site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + ESCALATE)
    leaf = page.locator(".hc-flow__notice + .hc-verify-link a").first
    expect(leaf).to_have_text(STRINGS.t("en", "verify.link"))
    assert leaf.get_attribute("href") == site_url + "en/verify/"
    page.locator(".hc-flow__ticket").first.click()  # the ticket form, drawn by tickets.js
    form_link = page.locator("dialog.hc-ticket[open] .hc-ticket__notice + .hc-verify-link a")
    expect(form_link).to_have_text(STRINGS.t("en", "verify.link"))


@pytest.mark.parametrize(("lang", "query"), [("en", "is this site real?"), ("en", "fake telegram support"),
                                             ("zh", "这个网站是真的吗")])
def test_search_finds_the_checker_first(watched, site_url: str, lang: str, query: str) -> None:
    page, _ = watched
    page.goto(f"{site_url}{lang}/")
    page.wait_for_function("() => window.helpcenter && typeof window.helpcenter.search === 'function'")
    results = page.evaluate("([q, lang]) => window.helpcenter.search(q, {lang})", [query, lang])
    assert results, f"nothing found for {query!r}"
    assert (results[0]["id"], results[0]["url"]) == ("verify", f"{site_url}{lang}/verify/")


def test_without_javascript_the_never_ask_box_links_to_the_checker(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + ARTICLE.replace("en/", "zh/", 1))
    link = page.locator("#hc-still-stuck .hc-still-stuck__notice + .hc-verify-link a")
    expect(link).to_have_text(STRINGS.t("zh", "verify.link"))
    assert link.get_attribute("href") == "../../verify/"
    context.close()
