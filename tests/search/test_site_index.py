"""SiteIndex on the search test site's catalog: the whole site indexed a language at a time."""

from __future__ import annotations

from pathlib import Path

from helpcenter.content import catalog as catalog_loader
from helpcenter.search.site import Options, SiteIndex
from helpcenter.search.synonyms import Synonyms

SITE_DOCS = Path(__file__).resolve().parent.parent / "sites" / "search" / "docs"


def _pages() -> list[tuple[str, str, str, dict]]:
    """Every article of both languages as rendered pages, the languages interleaved as MkDocs meets them."""
    catalog = catalog_loader.load(SITE_DOCS, ["en", "zh"]).catalog
    by_language = [list(catalog.in_language(lang)) for lang in ("en", "zh")]
    pages = []
    for pair in zip(*by_language, strict=False):
        for article in pair:
            body = (SITE_DOCS / article.path).read_text(encoding="utf-8").split("\n---\n", 1)[1]
            html = "".join(f'<h2 id="s{n}">{part.partition(chr(10))[0]}</h2><p>{part.partition(chr(10))[2]}</p>'
                           if n else f"<p>{part}</p>" for n, part in enumerate(body.split("\n## ")))
            pages.append((article.path, article.url(), html, {}))
    pages.append(("en/not-an-article.md", "en/not-an-article/", "<p>Nothing to find</p>", {}))
    return pages


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_language_at_a_time_writes_what_page_by_page_does(tmp_path: Path) -> None:
    catalog = catalog_loader.load(SITE_DOCS, ["en", "zh"]).catalog
    pages = _pages()
    assert [catalog.article_at(p[0]).lang for p in pages[:2]] == ["en", "zh"]  # interleaved, as a build meets them

    page_by_page = SiteIndex(catalog, Synonyms(), Options(), tmp_path / "one")
    added = [page_by_page.add_page(*page) for page in pages]
    assert added[-1] is False  # not an article: no result
    page_by_page.write()

    at_once = SiteIndex(catalog, Synonyms(), Options(), tmp_path / "all")
    at_once.build(iter(pages))
    assert at_once.builders == {}  # each language's vocabulary dropped once it is written
    one, all_ = _files(tmp_path / "one"), _files(tmp_path / "all")
    assert {"en/meta.json", "zh/meta.json", "en/d/0.json", "zh/s/0.json"} <= set(all_)
    assert one == all_


def test_language_of_follows_what_add_page_indexes(tmp_path: Path) -> None:
    catalog = catalog_loader.load(SITE_DOCS, ["en", "zh"]).catalog
    site = SiteIndex(catalog, Synonyms(), Options(), tmp_path)
    article = next(iter(catalog.in_language("zh")))
    assert site.language_of(article.path, {}) == "zh"
    assert site.language_of(article.path, {"search": {"exclude": True}}) is None
    assert site.language_of("en/elsewhere.md", {}) is None
    assert site.language_of("checker.md", {"helpcenter_search": {"lang": "en"}}) == "en"
    assert site.language_of("checker.md", {"helpcenter_search": {"lang": "fr"}}) is None
