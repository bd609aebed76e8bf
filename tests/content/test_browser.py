"""In Chromium: the language switch lands on the same article, short links pick the language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(built_site, serve) -> str:
    return serve(built_site("basic", strict=False))


@pytest.fixture(scope="module")
def hostile_url(built_site, serve) -> str:
    return serve(built_site("hostile"))


def test_language_switch_lands_on_the_same_article(page, base_url: str) -> None:
    page.goto(base_url + "en/wallet/create-wallet/")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="zh"]')
    page.wait_for_url("**/zh/wallet/create-wallet/")
    assert page.locator("h1").inner_text() == "创建新钱包"
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en"]')
    page.wait_for_url("**/en/wallet/create-wallet/")


def test_switch_without_translation_lands_on_home_with_notice(page, base_url: str) -> None:
    page.goto(base_url + "en/wallet/english-only/")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="zh"]')
    page.wait_for_url("**/zh/?untranslated=1")
    assert page.locator("[data-hc-untranslated]").is_visible()
    page.goto(base_url + "zh/")
    assert not page.locator("[data-hc-untranslated]").is_visible()


def test_short_link_follows_lang_parameter(page, base_url: str) -> None:
    page.goto(base_url + "a/create-wallet/?lang=zh&step=q-one")
    page.wait_for_url("**/zh/wallet/create-wallet/?step=q-one")


def test_short_link_keeps_the_section_fragment(page, base_url: str) -> None:
    page.goto(base_url + "a/create-wallet/#backup")
    page.wait_for_url("**/en/wallet/create-wallet/#backup")


def test_short_link_follows_browser_language(browser, base_url: str) -> None:
    context = browser.new_context(locale="zh-CN")
    try:
        tab = context.new_page()
        tab.goto(base_url + "a/backup-recovery-phrase/")
        tab.wait_for_url("**/zh/wallet/backup-recovery-phrase/")
        tab.goto(base_url)
        tab.wait_for_url("**/zh/")
    finally:
        context.close()


def test_short_link_without_javascript_lists_languages(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(base_url + "a/create-wallet/")
        assert tab.url.endswith("/a/create-wallet/")  # nothing redirects without JavaScript
        tab.click('a[hreflang="zh"]')
        tab.wait_for_url("**/zh/wallet/create-wallet/")
    finally:
        context.close()


@pytest.mark.parametrize("path", ["en/wallet/evil/", "zh/wallet/evil/", "en/", "zh/", "en/wallet/",
                                  "zh/wallet/", "en/wallet/plain/", "a/evil/"])
def test_hostile_titles_never_run(page, hostile_url: str, path: str) -> None:
    page.goto(hostile_url + path)
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned") is None
    if path.endswith("wallet/evil/"):
        assert page.locator("h1").inner_text().startswith("<img src=x onerror=window.__pwned=4> Evil")
        assert page.title().startswith("<img src=x onerror=window.__pwned=4> Evil </title><!--")
