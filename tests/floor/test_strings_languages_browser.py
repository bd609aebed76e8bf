"""In Chromium: on each shipped language's page, what our scripts write (the troubleshooter, copy-link
buttons, the search box) is in that language, read from helpcenter/strings/<lang>.yml."""

from __future__ import annotations

import pytest

from helpcenter.floor import strings

pytestmark = pytest.mark.browser

BUILTIN = strings.builtin()
PROGRESS = {"zh-Hant": "第 1 步", "ja": "ステップ 1", "ko": "1단계", "ru": "Шаг 1", "vi": "Bước 1"}
HEADING = {"zh-Hant": "降低手續費", "ja": "手数料を抑える", "ko": "수수료 줄이기", "ru": "Как снизить комиссию",
           "vi": "Giảm phí"}


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("languages"))


@pytest.mark.parametrize("lang", sorted(PROGRESS))
def test_the_troubleshooter_and_copy_links_speak_the_pages_language(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{lang}/wallet/network-fee/")
    assert page.locator(".hc-flow__progress").inner_text() == PROGRESS[lang]
    page.locator(".hc-flow__app button.hc-flow__option").nth(1).click()  # "No": the escalation step
    assert page.locator("#hc-flow-current").inner_text() == BUILTIN.t(lang, "flowcharts.escalate_title")
    button = page.locator("#lower-the-fee button.hc-copylink")
    assert button.get_attribute("aria-label") == BUILTIN.t(lang, "links.copy_link", title=HEADING[lang])
    assert button.get_attribute("aria-label") != BUILTIN.t("en", "links.copy_link", title=HEADING[lang])


@pytest.mark.parametrize("lang", sorted(PROGRESS))  # zh-Hant: search/zh-Hant/, never the Simplified search/zh/
def test_the_search_box_speaks_the_pages_language(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{lang}/wallet/network-fee/")
    page.keyboard.press("/")
    page.wait_for_function("() => document.querySelector('[data-hc-search-input]')?.placeholder", timeout=10_000)
    assert page.get_attribute("[data-hc-search-input]", "placeholder") == BUILTIN.t(lang, "search.placeholder")
    assert BUILTIN.t(lang, "search.placeholder") != "Search"
