"""The search data of a whole help center: one `Builder` per language, fed page by page (`build`: a
language at a time)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcenter.content.catalog import Catalog, default_id
from helpcenter.content.views import language_name, locate
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import strings as ui_strings
from helpcenter.search import checks, sections, shards
from helpcenter.search.index import Builder, Doc, Weights
from helpcenter.search.synonyms import Synonyms


@dataclass
class Options:
    """What a site configures (see `SearchConfig`)."""

    weights: Weights = field(default_factory=Weights)
    text_chars: int = 1200
    secret_article: str = checks.DEFAULT_SECRET_ARTICLE
    directory_urls: bool = True
    config_path: str = "mkdocs.yml"  # names the configuration in messages
    strings: ui_strings.Strings = field(default_factory=ui_strings.builtin)  # what the box says (`search` keys)


class SiteIndex:
    """Collects every article page of every language and writes each language's sharded index."""

    def __init__(self, catalog: Catalog, synonyms: Synonyms, options: Options, target: Path) -> None:
        self.catalog = catalog
        self.synonyms = synonyms
        self.options = options
        self.target = target  # the site's search/ folder
        # Each article's own files (shards.py) go into the site as the article is indexed.
        self.builders = {lang: Builder(weights=options.weights, text_chars=options.text_chars,
                                       on_doc=shards.DocWriter(target / lang))
                         for lang in catalog.languages}

    def language_of(self, src_uri: str, meta: dict[str, Any]) -> str | None:
        """The language whose index a page would join (`add_page`), or None when it is no search result."""
        place = self._place(src_uri, meta)
        return place[0] if place else None

    def add_page(self, src_uri: str, url: str, html: str, meta: dict[str, Any]) -> bool:
        """Index one rendered page: an article, a site's own page, or a home or category page with text.

        Returns whether it was indexed. `meta` is the page's front matter: Material's `search: {exclude:
        true}` leaves a page out and `search: {boost: 2}` ranks it higher, as with Material's own search.
        """
        place = self._place(src_uri, meta)
        return place is not None and self._add(place, src_uri, url, html, meta)

    def build(self, pages: Iterable[tuple[str, str, str, dict[str, Any]]]) -> list[Path]:
        """Index `pages` (src_uri, url, html, meta) and write the indexes, a language at a time: one
        language's vocabulary is in memory at once, never while the site's pages are rendered."""
        by_language: dict[str, list[Any]] = {lang: [] for lang in self.builders}
        for page in pages:
            place = self._place(page[0], page[3])
            if place is not None:
                by_language[place[0]].append((place, page))
        written = []
        for lang, found in by_language.items():
            for place, page in found:
                self._add(place, *page)
            found.clear()
            written += self.write(lang)
        return written

    def _place(self, src_uri: str, meta: dict[str, Any]) -> tuple[str, tuple[str, str, str] | None] | None:
        """(language, `locate`'s answer) of a page that may be a result; None for one that is not."""
        where = locate(self.catalog, src_uri)
        if where is None:  # a generated page that is no article describes itself (the checker)
            listed = meta.get("helpcenter_search")
            return (listed["lang"], None) if isinstance(listed, dict) and listed.get("lang") in self.builders else None
        found = meta.get("search")
        return None if isinstance(found, dict) and found.get("exclude") else (where[1], where)

    def _add(self, place: tuple[str, tuple[str, str, str] | None], src_uri: str, url: str, html: str,
             meta: dict[str, Any]) -> bool:
        lang, where = place
        if where is None:
            listed = meta["helpcenter_search"]
            self.builders[lang].add(Doc(str(listed["id"]), url, str(meta.get("title", "")), str(listed["summary"]),
                                        tuple(listed["tags"]), tuple(sections.split(html)),
                                        float(listed.get("boost", 1))))
            return True
        found = meta.get("search")
        boost = found.get("boost", 1) if isinstance(found, dict) else 1
        weight = float(boost) if isinstance(boost, int | float) and boost > 0 else 1.0
        if where[0] != "article":
            # An index page is a result when it says more than its heading (a home's intro, a section's text).
            page = self.catalog.index_at(src_uri)
            if page is None or not page.has_text:
                return False
            self.builders[lang].add(Doc(default_id(src_uri if lang == self.catalog.default_language
                                                   else src_uri.split("/", 1)[-1]), url, page.title,
                                        page.summary, (), tuple(sections.split(html)), weight))
            return True
        article = self.catalog.article(where[2], lang)
        assert article is not None
        self.builders[lang].add(Doc(
            article.id, url, article.title, article.summary, article.tags, tuple(sections.split(html)), weight))
        return True

    def diagnostics(self) -> list[Diagnostic]:
        """Problems of the configuration that only the catalog can reveal."""
        return checks.secret_article(self.catalog, self.options.secret_article, self.options.config_path)

    def write(self, *languages: str) -> list[Path]:
        """Write these languages' sharded indexes (all when none is named; what the browser and `helpcenter
        find` read, `shards.py`); returns the files and folders."""
        written = []
        for lang in languages or list(self.builders):
            builder = self.builders.pop(lang)  # one language's vocabulary in memory at a time
            folder = self.target / lang
            written += shards.write(folder, builder, self._extra(lang), self.options.secret_article)
            builder.close()
            written += [folder / shards.DOCS_DIR, folder / shards.TEXTS_DIR]
        return written

    def _extra(self, lang: str) -> dict[str, Any]:
        secret = self.catalog.article(self.options.secret_article, lang) or next(
            iter(self.catalog.translations(self.options.secret_article).values()), None)
        return {
            "lang": lang,
            "languages": {code: language_name(code, self.options.strings) for code in self.catalog.languages},
            "strings": self.options.strings.section(lang, "search"),
            "categories": [[c.title, c.url(self.options.directory_urls)]
                           for c in self.catalog.categories_of(lang)],
            "synonyms": self.synonyms.to_json(),
            "secret": [secret.id, secret.url(self.options.directory_urls), secret.title, secret.summary,
                       secret.lang] if secret else None,
        }
