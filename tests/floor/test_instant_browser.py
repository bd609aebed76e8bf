"""In Chromium, with Material's navigation.instant: every widget is set up again on each page.

Material swaps the next page into the document instead of loading it (assets/helpcenter/shared/page.js
runs each feature's set-up again and ends what the page before started). Each test marks the window
first: a marker still there proves the navigation was instant, not a reload.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.builds import build_into, copy_site

pytestmark = pytest.mark.browser

ARTICLE = "en/app/app-trouble/"
CATEGORY = "en/app/"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """tests/sites/instant, served at the address its site_url names.

    Material follows a link instantly only when its sitemap lists it, matched by scheme, host and
    port, so (as `mkdocs serve` does) the site is built for the address it is served at.
    """
    into = tmp_path_factory.mktemp("instant")
    site_dir = into / "site"
    site_dir.mkdir()
    url = serve(site_dir)

    def at_server(project: Path) -> None:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("site_url: https://help.example.test/", f"site_url: {url}"), encoding="utf-8")

    build_into(copy_site("instant", into, at_server), site_dir=site_dir)
    return url


def open_marked(page, url: str) -> None:
    page.goto(url)
    page.evaluate("window.hcSameDocument = true")
    # Counts the pages set up (shared/page.js says when every feature has set one up).
    page.evaluate("window.hcPages = 1; document.addEventListener('helpcenter:page', "
                  "(event) => { window.hcPages = event.detail.number; })")


def set_up(page, number: int) -> None:
    """Wait until our scripts have set up the `number`-th page this document shows."""
    page.wait_for_function("(n) => window.hcPages >= n", arg=number)


def same_document(page) -> bool:
    return page.evaluate("window.hcSameDocument === true")


def go_instantly(page, site_url: str, link, path: str) -> None:
    shown = page.evaluate("window.hcPages")
    link.click()
    page.wait_for_url(site_url + path)  # Material pushes the address first, then fetches the page
    set_up(page, shown + 1)
    assert same_document(page)


def choose(page, label: str) -> None:
    page.locator(".hc-flow__app button.hc-flow__option", has_text=re.compile(f"^{re.escape(label)}$")).click()


def current(page) -> str:
    return page.locator("#hc-flow-current").inner_text()


def test_flowchart_after_an_instant_navigation_walks_to_a_leaf(page, site_url: str) -> None:
    open_marked(page, site_url + CATEGORY)
    assert page.locator("[data-hc-flow]").count() == 0
    go_instantly(page, site_url, page.locator(".md-content a[href$='app-trouble/']").first, ARTICLE)
    page.locator(".hc-flow__view").wait_for()
    assert current(page) == "What happens?"
    choose(page, "The app crashes")
    page.wait_for_url(f"{site_url}{ARTICLE}?step=q-updated&path=q-symptom")
    choose(page, "No")
    page.wait_for_url(f"{site_url}{ARTICLE}?step=r-update&path=q-symptom.q-updated")
    assert current(page) == "This should fix it"
    assert page.evaluate("window.helpcenter.flowchart.state().node") == "r-update"
    # Back walks the steps, then leaves for the category page (instantly), which has no troubleshooter.
    page.go_back()
    page.wait_for_url(f"{site_url}{ARTICLE}?step=q-updated&path=q-symptom")
    assert current(page) == "Is the app up to date?"
    page.go_back()
    page.go_back()
    page.wait_for_url(site_url + CATEGORY)
    set_up(page, 3)  # the category page, again
    assert page.locator("[data-hc-flow]").count() == 0
    assert same_document(page)
    assert page.evaluate("window.helpcenter.flowchart.state()") is None
    # And in again: one widget, set up once, whose steps push one history entry each.
    go_instantly(page, site_url, page.locator(".md-content a[href$='app-trouble/']").first, ARTICLE)
    page.locator(".hc-flow__view").wait_for()
    assert page.locator(".hc-flow__view").count() == 1
    length = page.evaluate("history.length")
    choose(page, "A balance looks wrong")
    page.wait_for_url(f"{site_url}{ARTICLE}?step=s-refresh&path=q-symptom")
    assert page.evaluate("history.length") == length + 1


def test_ticket_form_after_an_instant_navigation(page, site_url: str) -> None:
    page.context.route("https://support.example-wallet.com/**", lambda route: route.abort())
    open_marked(page, site_url + CATEGORY)
    go_instantly(page, site_url, page.locator(".md-content a[href$='app-trouble/']").first, ARTICLE)
    page.locator(".hc-flow__view").wait_for()
    choose(page, "The app crashes")
    choose(page, "Yes")
    page.wait_for_url(f"{site_url}{ARTICLE}?step=e-crash&path=q-symptom.q-updated")
    page.locator(".hc-flow__app [data-hc-ticket]").click()
    dialog = page.locator("dialog.hc-ticket")
    dialog.wait_for()
    assert dialog.locator("h2").inner_text() == "Contact support"
    assert dialog.locator(".hc-ticket__field label").all_inner_texts() == [
        "Network", "Transaction hash (TxID)", "Receiving address", "App version"]
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    # The Still stuck? box of the next page (reached instantly) opens the form with that page's article.
    go_instantly(page, site_url, page.locator(".md-content .hc-related a[href$='update-app/']").first,
                 "en/app/update-app/")
    page.locator(".hc-still-stuck__link").click()
    dialog.wait_for()
    assert page.evaluate("document.activeElement.id") == "hc-ticket-what"
    page.keyboard.press("Escape")
    # Back, with a form open: the page it belonged to is gone, so is the form.
    page.locator(".hc-still-stuck__link").click()
    dialog.wait_for()
    page.evaluate("history.back()")
    page.wait_for_url(re.compile(re.escape(site_url + ARTICLE)))
    set_up(page, 4)  # the category, the article, the next article, the article again
    assert page.locator("dialog.hc-ticket").count() == 0
    assert same_document(page)


def test_search_after_an_instant_navigation(page, site_url: str) -> None:
    open_marked(page, site_url + CATEGORY)
    go_instantly(page, site_url, page.locator(".md-content a[href$='app-trouble/']").first, ARTICLE)
    page.wait_for_timeout(200)  # Material closes the search box 125 ms after each navigation: open it after
    page.keyboard.press("/")
    page.locator("[data-hc-search-input]").fill("reinstall")
    first = page.locator("#hc-search-results > li").first
    first.wait_for()
    assert page.locator("#hc-search-results > li").count() >= 1
    assert first.get_attribute("data-hc-id") == "reinstall-app"
    go_instantly(page, site_url, first.locator("a"), "en/app/reinstall-app/")
    # The box closed with the page it was opened on, and searches again on this one.
    assert page.locator("#__search").is_checked() is False
    assert page.evaluate("window.helpcenter.search('update').then((r) => r.map((x) => x.id))") [0] == "update-app"


def test_search_follows_the_language_of_the_next_page(page, site_url: str) -> None:
    open_marked(page, site_url + ARTICLE)
    switch = page.locator(".md-select a[hreflang=zh]")  # Material's language menu (shown on hover)
    switch.dispatch_event("click")
    page.wait_for_url(site_url + "zh/app/app-trouble/")
    set_up(page, 2)
    assert page.evaluate("document.documentElement.lang") == "zh"  # page.js follows the page's meta
    assert same_document(page)
    page.keyboard.press("/")
    page.locator("[data-hc-search-input]").fill("重新安装")
    first = page.locator("#hc-search-results > li").first
    first.wait_for()
    assert first.locator("a").get_attribute("href").endswith("/zh/app/reinstall-app/")
    page.locator(".hc-flow__view").wait_for()
    assert current(page) == "出现了什么情况？"


def test_one_breadcrumb_with_navigation_path(page, site_url: str) -> None:
    page.goto(site_url + ARTICLE)
    assert page.locator(".md-path").count() == 1  # Material renders it (navigation.path) …
    assert page.locator(".md-path").is_hidden()  # … where ours is shown, ours is the one
    assert page.locator(".hc-breadcrumbs").inner_text().split() == ["Flowchart", "Test", "Center", "›", "The", "app"]


def test_every_other_widget_on_a_page_reached_instantly(page, site_url: str) -> None:
    open_marked(page, site_url + CATEGORY)
    go_instantly(page, site_url, page.locator(".md-content a[href$='app-trouble/']").first, ARTICLE)
    # Copy links on the article's headings (links/page.js), the notice and its dismissal (notices.js),
    # "Was this helpful?" (insights.js).
    page.locator("h2#crashes .hc-copylink").wait_for()
    assert page.locator("h2#crashes .hc-copylink").count() == 1  # once: no second set-up on one page
    notice = page.locator(".hc-notice", has_text="Network fees changed.")
    notice.wait_for()
    notice.locator(".hc-notice__dismiss").click()
    assert notice.is_hidden()
    page.locator("[data-hc-feedback]").wait_for()
    # The checker page, reached from the link under "we will never ask" (verify.js), checks a domain.
    go_instantly(page, site_url, page.locator(".hc-still-stuck .hc-verify-link a"), "en/verify/")
    page.fill("#hc-verify-input", "https://example-wallet.com/")
    page.locator("#hc-verify-form button[type=submit]").click()
    page.locator("#hc-verify-result[data-verdict=official]").wait_for()
    # Back on the article (instantly), the dismissed notice stays dismissed and the widgets are there again.
    page.go_back()
    set_up(page, 4)
    assert same_document(page)
    page.locator(".hc-flow__view").wait_for()
    assert page.locator(".hc-notice", has_text="Network fees changed.").is_hidden()
    assert page.locator("h2#crashes .hc-copylink").count() == 1  # once: no second set-up on one page
