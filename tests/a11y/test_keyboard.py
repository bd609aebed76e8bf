"""Keyboard only, reflow and target size on the sample help center (issue 13), in Debian's Chromium.

A skip link is the first Tab stop of every page and lands in the content; every stop shows a focus
indicator (an outline or a box shadow); Tab goes through the whole page and comes back (no trap);
the search box and the ticket form keep Tab inside while open, close on Esc and give focus back.
No page scrolls sideways at 320 CSS px or at 200 % zoom (WCAG 1.4.10), and every target is at least
24 x 24 px or spaced as WCAG 2.5.8 allows (axe's target-size rule).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.a11y import axe

pytestmark = pytest.mark.browser

TEMPLATES = {
    "home": "{lang}/",
    "category": "{lang}/troubleshooting/",
    "article": "{lang}/account-security/address-poisoning/",
    "article with a flowchart": "{lang}/account-security/wallet-drained/",
    "verify page": "{lang}/verify/",
    "404": "404.html",
}
PAGES = [pytest.param(path.replace("{lang}", lang), id=f"{name}:{lang}")
         for name, path in TEMPLATES.items() for lang in (("en",) if "{lang}" not in path else ("en", "zh"))]
INSIGHTS = "http://127.0.0.1:8300/**"
MAX_STOPS = 400

# What has focus, whether it shows a focus indicator, and where it is.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  return {name, visible: outline || shadow, style: `${style.outlineStyle} ${style.outlineWidth} / ${style.boxShadow}`,
          shown: box.width > 0 && box.height > 0 && style.visibility !== 'hidden'};
}"""


@pytest.fixture(scope="module")
def base(built_site, serve) -> str:
    return serve(built_site("sample"))


@pytest.fixture
def tab(browser, request: pytest.FixtureRequest):
    """A page at 1280x800 (a test may ask for another viewport through its `viewport` parameter)."""
    viewport = getattr(request, "param", None) or {"width": 1280, "height": 800}
    context = browser.new_context(viewport=viewport, locale="en-US")
    context.route(INSIGHTS, lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.add_style_tag(content=axe.SETTLED)
    page.wait_for_function("() => !document.querySelector('.hc-search') || "
                           "document.querySelector('.hc-search').hasAttribute('aria-label')")


def _focused(page: Any) -> dict[str, Any] | None:
    return page.evaluate(FOCUS)


@pytest.mark.parametrize("path", PAGES)
def test_the_first_tab_stop_is_a_skip_link_into_the_content(tab, base: str, path: str) -> None:
    _open(tab, base + path)
    tab.keyboard.press("Tab")
    first = tab.evaluate("() => [document.activeElement.matches('a.md-skip.hc-skip'),"
                         " document.activeElement.getAttribute('href'),"
                         " getComputedStyle(document.activeElement).opacity]")
    assert first == [True, "#__hc-content", "1"]
    assert tab.locator("a.md-skip:visible").count() == 1  # Material's own (pages with a contents list) is hidden
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    # Past the header and the navigation: the next stop follows the skip link's target.
    assert tab.evaluate("() => !!(document.getElementById('__hc-content').compareDocumentPosition("
                        "document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)"), _focused(tab)
    assert not tab.evaluate("() => !!document.activeElement.closest('.md-header, .md-sidebar')"), _focused(tab)


# Every page at 1280x800 (tab's default), and three on a phone, where the header's search is a button.
PHONE = {"width": 390, "height": 844}
WALKS = ([pytest.param(param.values[0], None, id=param.id) for param in PAGES]
         + [pytest.param(param.values[0], PHONE, id=f"{param.id}:390x844") for param in PAGES
            if param.id in ("home:en", "article:zh", "article with a flowchart:en")])


@pytest.mark.parametrize(("path", "tab"), WALKS, indirect=["tab"])
def test_every_stop_shows_focus_and_tab_comes_back_around(tab, base: str, path: str) -> None:
    _open(tab, base + path)
    seen: list[str] = []
    hidden: list[str] = []
    for _ in range(MAX_STOPS):
        tab.keyboard.press("Tab")
        now = _focused(tab)
        if now is None or (seen and now["name"] == seen[0]):
            break  # past the last stop: back to the page (or to the first stop again)
        assert not tab.is_checked("#__search"), f"Tab opened the search box at {now['name']}"
        seen.append(now["name"])
        if now["shown"] and not now["visible"]:
            hidden.append(f"{now['name']} ({now['style']})")
    else:
        pytest.fail(f"Tab never came back around after {MAX_STOPS} stops: a trap near {seen[-5:]}")
    assert len(seen) > 5
    assert not hidden, "stops without a visible focus indicator:\n" + "\n".join(hidden)


def test_the_search_box_keeps_focus_inside_closes_on_esc_and_gives_it_back(tab, base: str) -> None:
    _open(tab, base + "en/")
    tab.locator(".md-header__button.md-logo").focus()
    tab.keyboard.press("/")
    assert tab.is_checked("#__search")
    tab.keyboard.type("zzqxv")  # no results: topics and the Still stuck? button are stops too
    tab.wait_for_function("() => document.querySelector('.hc-search').dataset.hcState === 'none'")
    stops = set()
    for _ in range(12):
        tab.keyboard.press("Tab")
        assert tab.evaluate("() => !!document.activeElement.closest('.hc-search')"), _focused(tab)
        assert _focused(tab)["visible"], _focused(tab)
        stops.add(_focused(tab)["name"])
    for _ in range(12):
        tab.keyboard.press("Shift+Tab")
        assert tab.evaluate("() => !!document.activeElement.closest('.hc-search')"), _focused(tab)
    assert len(stops) >= 4  # the field, the results, the topics and the button: it cycles, not sticks
    tab.keyboard.press("Escape")
    assert not tab.is_checked("#__search")
    assert tab.evaluate("() => document.activeElement.matches('.md-header__button.md-logo')")


def test_tab_passes_through_the_search_field_and_typing_opens_it(tab, base: str) -> None:
    _open(tab, base + "en/")
    tab.locator(".md-header__button.md-logo").focus()
    while not tab.evaluate("() => document.activeElement.matches('[data-hc-search-input]')"):
        tab.keyboard.press("Tab")
    assert not tab.is_checked("#__search")
    tab.keyboard.type("energy")
    assert tab.is_checked("#__search")
    tab.keyboard.press("Escape")
    assert not tab.is_checked("#__search")
    assert tab.evaluate("() => document.activeElement.matches('[data-hc-search-input]')")  # back where it was
    tab.keyboard.press("Tab")
    assert not tab.is_checked("#__search")
    assert not tab.evaluate("() => !!document.activeElement.closest('.hc-search')")


@pytest.mark.parametrize("tab", [{"width": 390, "height": 844}], indirect=True, ids=["390x844"])
def test_on_a_phone_the_search_button_is_a_stop_and_gets_focus_back(tab, base: str) -> None:
    _open(tab, base + "zh/")
    button = tab.locator("[data-hc-search-button]")
    assert button.get_attribute("aria-label") == "搜索"
    button.focus()
    tab.keyboard.press("Enter")
    assert tab.is_checked("#__search")
    assert tab.evaluate("() => document.activeElement.matches('[data-hc-search-input]')")
    tab.keyboard.press("Escape")
    assert not tab.is_checked("#__search")
    assert tab.evaluate("() => document.activeElement.matches('[data-hc-search-button]')")


def test_the_ticket_form_keeps_focus_inside_closes_on_esc_and_gives_it_back(tab, base: str) -> None:
    _open(tab, base + "en/account-security/address-poisoning/")
    link = tab.locator(".hc-still-stuck__link")
    link.focus()
    tab.keyboard.press("Enter")
    tab.locator("dialog.hc-ticket[open]").wait_for()
    assert tab.evaluate("() => !!document.activeElement.closest('dialog.hc-ticket')")
    for key in ["Tab"] * 25 + ["Shift+Tab"] * 25:
        tab.keyboard.press(key)
        assert tab.evaluate("() => !!document.activeElement.closest('dialog.hc-ticket')"), _focused(tab)
        assert _focused(tab)["visible"], _focused(tab)
    tab.keyboard.press("Escape")
    assert tab.locator("dialog.hc-ticket").count() == 0
    assert tab.evaluate("() => document.activeElement.classList.contains('hc-still-stuck__link')")


# --- Reflow and target size -------------------------------------------------------------------------

REFLOW = [pytest.param({"width": 320, "height": 640}, 1, id="320px"),
          pytest.param({"width": 640, "height": 400}, 2, id="1280px-at-200%")]


@pytest.mark.parametrize(("viewport", "scale"), REFLOW)
def test_no_page_scrolls_sideways(browser, base: str, viewport: dict[str, int], scale: int) -> None:
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, locale="en-US")
    context.route(INSIGHTS, lambda route: route.abort())
    page = context.new_page()
    wide: list[str] = []
    try:
        for lang in ("en", "zh"):
            for name, path in TEMPLATES.items():
                _open(page, base + path.replace("{lang}", lang))
                states = [("page", None)]
                if name == "article":
                    states.append(("ticket form", lambda: page.locator(".hc-still-stuck__link").click()))
                if name == "article with a flowchart":
                    states.append(("show all steps", lambda: page.locator(".hc-flow__toggle").click()))
                if name == "home":
                    states.append(("search", lambda: (page.keyboard.press("/"), page.keyboard.type("energy"))))
                for state, act in states:
                    if act:
                        act()
                        page.wait_for_timeout(300)
                    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
                    if width[0] > width[1]:
                        wide.append(f"{lang} {name} ({state}): {width[0]} px wide in {width[1]} px; widest: "
                                    + page.evaluate(WIDEST))
    finally:
        context.close()
    assert not wide, "\n".join(wide)


# The element whose right edge is furthest out, to name in a failure.
WIDEST = """() => {
  let worst = null, edge = window.innerWidth;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > edge + 0.5 && r.width > 0) { edge = r.right; worst = el; }
  }
  return worst ? `${worst.tagName.toLowerCase()}.${[...worst.classList].join('.')} to ${Math.round(edge)} px` : '?';
}"""


@pytest.mark.parametrize("path", PAGES)
def test_targets_are_big_enough_on_a_phone(browser, base: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    context.route(INSIGHTS, lambda route: route.abort())
    page = context.new_page()
    try:
        _open(page, base + path)
        axe.inject(page)
        violations = page.evaluate("axe.run(document, {runOnly: {type: 'rule', values: ['target-size']},"
                                   " resultTypes: ['violations']}).then((r) => r.violations)")
    finally:
        context.close()
    assert not axe.describe(violations), "\n".join(axe.describe(violations))


def test_the_feedback_reasons_show_focus(tab, base: str) -> None:
    _open(tab, base + "zh/account-security/address-poisoning/")
    tab.locator("[data-hc-feedback]:not([hidden])").wait_for()
    tab.locator("[data-hc-feedback] button[data-hc-vote][value=no]").focus()
    tab.keyboard.press("Enter")
    tab.locator("[data-hc-feedback-why]:not([hidden])").wait_for()
    first = _focused(tab)  # the form takes focus to its first reason
    assert first["visible"], first
    names = [first["name"]]
    while len(names) < 8 and tab.evaluate("() => !!document.activeElement.closest('[data-hc-feedback]')"):
        tab.keyboard.press("Tab")
        now = _focused(tab)
        if now is None or not tab.evaluate("() => !!document.activeElement.closest('[data-hc-feedback]')"):
            break
        assert now["visible"], now
        names.append(now["name"])
    assert any(name.startswith("input") for name in names), names
    assert any(name.startswith("textarea") for name in names)
