"""In Chromium, on the sample: copy-link buttons, /errors/<CODE>/ links, and context from the app in the fragment."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
ARTICLE = "en/troubleshooting/trc20-out-of-energy/"
SHORT = "https://help.example-wallet.com/a/"
TX = "931da53f50a0be52d057e0bd04ab3005440698c83998e1705bb7a7af3d2e2425"
PHRASE = "happy inform giraffe cave city grid theme check credit hold position coconut"


@pytest.fixture(scope="module")
def base(sample_site: Path, serve) -> str:
    return serve(sample_site)


@pytest.fixture
def tab(browser, base: str, request):
    """A page whose browser speaks `request.param` (default en-US) and may use the clipboard."""
    locale = getattr(request, "param", "en-US")
    context = browser.new_context(locale=locale)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    context.close()
    assert errors == []


def opacity(locator) -> str:
    return locator.evaluate("(el) => getComputedStyle(el).opacity")


def test_keyboard_focus_shows_the_button_and_it_copies_the_short_link(tab, base: str) -> None:
    tab.goto(base + ARTICLE)
    button = tab.locator("#what-it-means .hc-copylink")
    button.wait_for(state="attached")
    assert button.get_attribute("aria-label") == "Copy link to section: What OUT_OF_ENERGY means"
    assert tab.locator(".md-content .hc-copylink").count() >= 5  # every section heading of the article
    tab.mouse.move(0, 0)
    assert opacity(button) == "0"
    tab.locator("#what-it-means .headerlink").focus()
    tab.keyboard.press("Tab")  # from the heading's permalink to its copy button, by keyboard
    assert tab.evaluate("document.activeElement.closest('h2') && document.activeElement.closest('h2').id") \
        == "what-it-means"
    tab.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.querySelector('.hc-copylink-status') && "
                          "document.querySelector('.hc-copylink-status').textContent === 'Link copied'")
    assert tab.evaluate("navigator.clipboard.readText()") == SHORT + "trc20-out-of-energy/#what-it-means"


@pytest.mark.parametrize("tab", ["zh-CN"], indirect=True)
def test_the_button_speaks_the_page_language_and_steps_have_one_too(tab, base: str) -> None:
    tab.goto(base + "zh/troubleshooting/tx-pending/")
    heading = tab.locator(".md-content h2[id] .hc-copylink").first
    heading.wait_for(state="attached")
    assert heading.get_attribute("aria-label").startswith("复制本节链接：")
    step = tab.locator(".hc-flow__view .hc-copylink")
    assert step.get_attribute("aria-label") == "复制此步骤的链接"
    tab.get_by_role("button", name="波场（TRX、TRC-20）").click()
    tab.wait_for_function("location.search.includes('step=q-tron-status')")
    tab.locator(".hc-flow__view .hc-copylink").click()
    tab.wait_for_function("document.querySelector('.hc-copylink-status') && "
                          "document.querySelector('.hc-copylink-status').textContent === '已复制此步骤的链接'")
    assert tab.evaluate("navigator.clipboard.readText()") == SHORT + "tx-pending/?step=q-tron-status"


def test_axe_finds_nothing_serious_with_the_buttons_shown(tab, base: str) -> None:
    tab.goto(base + ARTICLE)
    tab.locator(".md-content .hc-copylink").first.wait_for(state="attached")
    tab.add_style_tag(content=".hc-copylink { opacity: 1 !important; }")  # every button visible at once
    tab.add_script_tag(path=str(AXE))
    # The headings that carry the buttons (the article's own links and colours are the theme's business).
    found = tab.evaluate("""async () => (await axe.run({include: [['.md-content h2'], ['.md-content h3']]},
        {resultTypes: ['violations']}))
        .violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).join(', ')])""")
    assert [(rule, where) for rule, impact, where in found if impact in ("serious", "critical")] == []


@pytest.mark.parametrize("tab", ["zh-CN"], indirect=True)
@pytest.mark.parametrize("path", ["errors/OUT_OF_ENERGY/", "errors/out_of_energy/", "errors/?code=Out_Of_Energy"])
def test_an_error_link_opens_the_article_in_the_readers_language(tab, base: str, path: str) -> None:
    tab.goto(base + path)
    tab.wait_for_url(base + "zh/troubleshooting/trc20-out-of-energy/")
    assert tab.locator('meta[name="helpcenter:id"]').get_attribute("content") == "trc20-out-of-energy"


def test_a_hosts_404_page_routes_any_spelling(tab, base: str, sample_site: Path) -> None:
    # GitHub Pages and others answer an unknown path with the site's 404.html: play that host.
    not_found = (sample_site / "404.html").read_text(encoding="utf-8")
    tab.route("**/errors/Nonce_Expired/", lambda route: route.fulfill(status=404, body=not_found,
                                                                       content_type="text/html"))
    tab.goto(base + "errors/Nonce_Expired/")
    tab.wait_for_url(base + "en/troubleshooting/eth-speed-up-cancel/")


def test_an_unknown_code_lands_on_the_search_with_the_code(tab, base: str) -> None:
    tab.goto(base + "errors/?code=WALLET_ON_FIRE_42")
    tab.wait_for_url(base + "en/")  # search.js takes ?q= into the box and out of the address bar
    box = tab.locator("[data-hc-search-input]")
    box.wait_for()
    tab.wait_for_function("document.querySelector('[data-hc-search-input]').value === 'WALLET_ON_FIRE_42'")


def test_context_from_the_app_prefills_the_ticket_and_leaves_the_address_bar(tab, base: str) -> None:
    fragment = (f"#hc:network=tron&tx_hash={TX}&app_version=5.2.1&error_text={PHRASE.replace(' ', '%20')}"
                "&pin=123456&recovery_phrase=abc&amount=lots&device_os=Android%2014")
    tab.goto(base + "errors/OUT_OF_ENERGY/" + fragment)
    tab.wait_for_url(base + ARTICLE)  # no fragment left: not bookmarked, shared or kept in history
    assert tab.evaluate("location.hash") == ""
    tab.wait_for_function("window.helpcenter && window.helpcenter.links")
    assert tab.evaluate("window.helpcenter.links.contextFields()") == ["network", "tx_hash", "app_version",
                                                                        "device_os"]
    tab.locator("#hc-still-stuck [data-hc-ticket]").first.click()
    form = tab.locator("dialog.hc-ticket")
    form.wait_for()
    values = {name: form.locator(f"[name={name}]").input_value()
              for name in ("network", "tx_hash", "app_version", "error_text", "amount", "device_os")}
    assert values == {"network": "tron", "tx_hash": TX, "app_version": "5.2.1",
                      "error_text": "",  # a recovery phrase: dropped by the firewall
                      "amount": "",  # not an amount: dropped by the format check
                      "device_os": "Android 14"}
    assert tab.locator("[name=pin]").count() == 0
    assert tab.locator("[name=recovery_phrase]").count() == 0


def test_context_answers_the_troubleshooters_question(tab, base: str) -> None:
    tab.goto(base + "a/tx-pending/#hc:network=tron&app_version=5.2.1")
    tab.wait_for_function("location.search.includes('step=q-tron-status')")
    assert tab.evaluate("location.hash") == ""
    assert tab.evaluate("new URLSearchParams(location.search).get('path')") == "q-network"
    assert tab.locator("#hc-flow-current").inner_text() == "Search the hash on Tronscan. What does it show?"


def test_context_that_is_all_wrong_changes_nothing(tab, base: str) -> None:
    tab.goto(base + "a/tx-pending/#hc:network=" + PHRASE.replace(" ", "%20") + "&seed=x&constructor=1")
    tab.wait_for_url(base + "en/troubleshooting/tx-pending/")
    tab.wait_for_function("window.helpcenter && window.helpcenter.links")
    assert tab.evaluate("window.helpcenter.links.contextFields()") == []
    assert tab.evaluate("location.search + location.hash") == ""
    assert tab.locator("#hc-flow-current").inner_text() == "Which network is the transaction on?"
