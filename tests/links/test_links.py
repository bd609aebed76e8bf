"""Short-link URLs and the article listing, as parameter tables."""

from __future__ import annotations

import pytest

from helpcenter.content import catalog
from helpcenter.links import listing, shortlinks


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({}, "https://help.example.com/a/tron-energy/"),
    ({"lang": "zh"}, "https://help.example.com/a/tron-energy/?lang=zh"),
    ({"section": "why"}, "https://help.example.com/a/tron-energy/#why"),
    ({"lang": "en", "step": "q-network", "section": "why"},
     "https://help.example.com/a/tron-energy/?lang=en&step=q-network#why"),
    ({"step": "q a&b"}, "https://help.example.com/a/tron-energy/?step=q+a%26b"),
])
def test_build_url(kwargs: dict[str, str], expected: str) -> None:
    assert shortlinks.build_url("https://help.example.com", "tron-energy", **kwargs) == expected


def article(rel: str, article_id: str, title: str) -> tuple[str, bytes]:
    return rel, f"---\nid: {article_id}\ntitle: {title}\nsummary: About {article_id}.\n---\n".encode()


@pytest.fixture
def two_languages() -> catalog.Catalog:
    loaded = catalog.load_sources([
        article("en/fees/tron-energy.md", "tron-energy", "TRON energy"),
        article("zh/fees/tron-energy.md", "tron-energy", "波场能量"),
        article("en/fees/only-en.md", "only-en", "Only English"),
        ("en/fees/index.md", b"---\ntitle: Fees\n---\n"),
        ("zh/fees/index.md", b"---\ntitle: \xe6\x89\x8b\xe7\xbb\xad\xe8\xb4\xb9\n---\n"),
    ], ["en", "zh"])
    assert loaded.diagnostics == []
    return loaded.catalog


def test_short_links_point_at_each_translation(two_languages: catalog.Catalog) -> None:
    links = {link.article_id: link for link in shortlinks.short_links(two_languages)}
    assert links["tron-energy"].relative_targets() == {"en": "../../en/fees/tron-energy/",
                                                        "zh": "../../zh/fees/tron-energy/"}
    assert links["only-en"].targets == {"en": "en/fees/only-en/"}
    assert links["only-en"].src_uri == "a/only-en/index.html"


def test_short_link_without_default_language_falls_back(two_languages: catalog.Catalog) -> None:
    two_languages.articles = [a for a in two_languages.articles if a.lang == "zh"]
    (link,) = shortlinks.short_links(two_languages)
    assert link.default_lang == "zh"


def test_listing_rows(two_languages: catalog.Catalog) -> None:
    rows = listing.rows(two_languages, "https://help.example.com")
    assert [(r["id"], r["lang"], r["url"]) for r in rows] == [
        ("only-en", "en", "https://help.example.com/en/fees/only-en/"),
        ("tron-energy", "en", "https://help.example.com/en/fees/tron-energy/"),
        ("tron-energy", "zh", "https://help.example.com/zh/fees/tron-energy/"),
    ]
    assert listing.rows(two_languages)[0]["url"] == "en/fees/only-en/"
