"""In Chromium, under a strict CSP, with the browser's clock set by the test: notices inside and outside
their window, dismissal remembered by id across reloads, critical ones that cannot be dismissed, no
JavaScript, and axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpcenter.floor import strings as ui_strings
from tests.browser import AXE, STRICT_CSP, WATCH_CSP

pytestmark = pytest.mark.browser

CSP = STRICT_CSP
STRINGS = ui_strings.builtin()
ARTICLE = "en/wallet/create-wallet/"
FEES = "en/fees/network-fees/"
KEY = "helpcenter.notices.dismissed"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("notices"), CSP)


@pytest.fixture
def tab(page):
    """The page, recording CSP violations (an init script is not subject to the policy)."""
    reports: list[str] = []
    page.add_init_script(WATCH_CSP)
    page.on("console", lambda m: reports.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    assert reports == [], f"CSP reports: {reports}"
    assert page.evaluate("window.__csp || []") == [], "CSP violations"


def visible(page) -> list[str]:
    page.wait_for_function("() => document.querySelector('[data-hc-notices]') !== null")
    return page.eval_on_selector_all("[data-hc-notices] .hc-notice",
                                     "(ns) => ns.filter((n) => n.checkVisibility()).map((n) => n.dataset.noticeId)")


@pytest.mark.parametrize(("at", "page_path", "expected"), [
    ("2030-03-01T00:30:00Z", ARTICLE, ["article-only"]),
    ("2030-03-01T02:30:00Z", ARTICLE, ["outage-critical", "maintenance-window", "article-only"]),
    ("2030-03-01T03:00:00Z", ARTICLE, ["outage-critical", "article-only"]),  # the end is exclusive
    ("2030-03-01T04:59:59Z", FEES, ["outage-critical", "fees-info"]),
    ("2030-03-03T00:00:00Z", FEES, ["fees-info"]),
    ("2026-12-04T12:00:00Z", ARTICLE, []),
])
def test_the_browser_clock_decides(tab, site_url: str, at: str, page_path: str, expected: list[str]) -> None:
    tab.clock.set_fixed_time(at)
    tab.goto(site_url + page_path)
    assert visible(tab) == expected
    region = tab.locator("[data-hc-notices]")
    (expect(region).to_be_visible if expected else expect(region).to_be_hidden)()


def test_a_notice_appears_when_its_time_comes(tab, site_url: str) -> None:
    tab.clock.install(time="2030-03-01T00:59:00Z")
    tab.goto(site_url + ARTICLE)
    assert "maintenance-window" not in visible(tab)
    tab.clock.run_for("02:00")  # two minutes later, without a reload
    expect(tab.locator('[data-notice-id="maintenance-window"]')).to_be_visible()


def test_dismissal_is_remembered_by_id_and_critical_stays(tab, site_url: str) -> None:
    tab.clock.set_fixed_time("2030-03-01T02:30:00Z")
    tab.goto(site_url + ARTICLE)
    critical = tab.locator('[data-notice-id="outage-critical"]')
    expect(critical.get_by_role("button")).to_have_count(0)
    warning = tab.locator('[data-notice-id="maintenance-window"]')
    button = warning.get_by_role("button", name=STRINGS.t("en", "notices.dismiss"))
    button.focus()
    tab.keyboard.press("Enter")  # by keyboard
    expect(warning).to_be_hidden()
    # Focus stays in the notices: the next notice's dismiss button.
    assert tab.evaluate("document.activeElement.closest('.hc-notice').dataset.noticeId") == "article-only"
    assert tab.evaluate(f"localStorage.getItem('{KEY}')") == '["maintenance-window"]'  # ids only
    tab.reload()
    assert visible(tab) == ["outage-critical", "article-only"]
    tab.goto(site_url + "zh/wallet/create-wallet/")  # the same notice in another language: dismissed too
    assert visible(tab) == ["outage-critical", "article-only"]
    expect(tab.locator('[data-notice-id="outage-critical"]')).to_contain_text("TRON 转账延迟。请勿重复发送。")


def test_a_critical_notice_cannot_be_dismissed_through_storage(tab, site_url: str) -> None:
    tab.clock.set_fixed_time("2030-03-01T02:30:00Z")
    tab.add_init_script(f"localStorage.setItem('{KEY}', JSON.stringify(['outage-critical', 'article-only']))")
    tab.goto(site_url + ARTICLE)
    assert visible(tab) == ["outage-critical", "maintenance-window"]


def test_without_javascript_the_build_time_decides(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + FEES)
    assert page.eval_on_selector_all("[data-hc-notices] .hc-notice",
                                     "(ns) => ns.filter((n) => n.checkVisibility()).map((n) => n.dataset.noticeId)") \
        == ["fees-info"]
    expect(page.locator(".hc-notice__dismiss").first).to_be_hidden()
    context.close()


def axe_violations(page, selector: str) -> list[tuple[str, str]]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, not a <script>: the CSP stays strict
    found = page.evaluate("""async (selector) => (await axe.run(selector, {resultTypes: ['violations']}))
        .violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).join(', ')])""", selector)
    return [(rule, where) for rule, impact, where in found if impact in ("serious", "critical")]


@pytest.mark.parametrize("page_path", [ARTICLE, FEES, "zh/fees/network-fees/"])
def test_axe_on_pages_with_notices(tab, site_url: str, page_path: str) -> None:
    tab.clock.set_fixed_time("2030-03-01T02:30:00Z")
    tab.goto(site_url + page_path)
    assert len(visible(tab)) >= 3
    assert axe_violations(tab, "[data-hc-notices]") == []
