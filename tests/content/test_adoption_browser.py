"""In Chromium: pages request nothing that is not there (Material's sitemap.xml fetches included).

Material's bundle fetches `<href>sitemap.xml` for every `<link rel="alternate">` in the head: it
expects language roots there. Our per-page language alternates made that a 404 on every page, on
the sample site too; the language switch keeps them, the head does not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.content.test_adoption import adopt

pytestmark = pytest.mark.browser

def failed_requests(page, url: str) -> list[str]:
    """Every request of a page load that answered 400 or more, as 'status url'."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return failed


@pytest.mark.parametrize("path", [
    "en/", "zh/", "en/getting-started/", "zh/verify/",
    "en/getting-started/activate-tron-account/", "zh/fees-and-resources/tron-energy/",
])
def test_sample_pages_request_nothing_missing(page, sample_site: Path, serve, path: str) -> None:
    assert failed_requests(page, serve(sample_site) + path) == []


@pytest.mark.parametrize(("name", "path"), [
    ("adopt-suffix", "index.zh/"), ("adopt-suffix", "guide/"), ("adopt-one-language", ""),
    ("adopt-wallet", "getting-started/index.html"),
])
def test_adopted_index_pages_request_nothing_missing(page, built_site: Callable[..., Path], serve, name: str,
                                                     path: str) -> None:
    assert failed_requests(page, serve(built_site(name, edit=adopt)) + path) == []


def test_the_language_switch_of_a_suffix_site_lands_on_the_translation(page, built_site, serve) -> None:
    base = serve(built_site("adopt-suffix", edit=adopt))
    page.goto(base + "guide/charge/")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="zh"]')
    page.wait_for_url("**/guide/charge.zh/")
    assert page.locator("h1").inner_text() == "给灯充电"
