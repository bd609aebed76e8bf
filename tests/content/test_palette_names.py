"""The colour-scheme toggle speaks the page's language: mkdocs.yml names it in the site's language only."""

from __future__ import annotations

import re
from pathlib import Path

from helpcenter.content.pages import localized_palette
from helpcenter.floor import strings

T = strings.builtin().t
# Material's documented three-way palette: follow the system, light, dark (each toggle names the next).
AUTO = {"media": "(prefers-color-scheme)", "toggle": {"icon": "material/brightness-auto", "name": "Switch to light"}}
LIGHT = {"media": "(prefers-color-scheme: light)", "scheme": "default", "toggle": {"icon": "x", "name": "Go dark"}}
DARK = {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "toggle": {"icon": "y", "name": "Follow system"}}


def names(palette: list[dict]) -> list[str]:
    return [option["toggle"]["name"] for option in palette]


def test_each_toggle_names_the_scheme_it_switches_to() -> None:
    three = localized_palette([AUTO, LIGHT, DARK], "zh", "en", T)
    assert names(three) == ["切换至浅色模式", "切换至深色模式", "跟随系统设置"]
    two = localized_palette([LIGHT, DARK], "ja", "en", T)
    assert names(two) == ["ダークモードに切り替え", "ライトモードに切り替え"]


def test_the_sites_own_names_stay_in_its_language_and_for_its_own_schemes() -> None:
    assert localized_palette([LIGHT, DARK], "en", "en", T) == [LIGHT, DARK]
    sepia = {"scheme": "sepia", "toggle": {"icon": "z", "name": "Sepia"}}
    assert names(localized_palette([sepia, LIGHT], "zh", "en", T)) == ["切换至浅色模式", "Go dark"]  # to sepia: its own
    assert localized_palette({"scheme": "slate"}, "zh", "en", T) == {"scheme": "slate"}  # one scheme: no toggle
    assert [LIGHT["toggle"]["name"], DARK["toggle"]["name"]] == ["Go dark", "Follow system"]  # never changed


def test_the_sample_shows_them_on_every_kind_of_page(sample_site: Path) -> None:
    def labels(page: str) -> list[str]:
        html = (sample_site / page).read_text(encoding="utf-8")
        return re.findall(r'<input class="md-option"[^>]* aria-label="([^"]*)"', html)

    for page in ("zh/index.html", "zh/account-security/index.html", "zh/verify/index.html",
                 "zh/account-security/address-poisoning/index.html"):
        assert labels(page) == ["切换至深色模式", "切换至浅色模式"], page
    assert labels("en/account-security/index.html") == ["Switch to dark mode", "Switch to light mode"]
