"""Load every article of a docs tree into a catalog keyed by id and language, with diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcenter.content import frontmatter, translations
from helpcenter.content.articles import (
    ARTICLE_FIELDS,
    CATEGORY_FIELDS,
    REQUIRED,
    REQUIRED_HINTS,
    Article,
    Category,
    check_fields,
)
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor.ids import ID_PATTERN, slugify
from helpcenter.floor.text import read_text

INDEX = "index.md"


@dataclass
class Catalog:
    """All articles, categories and language home pages of one help center."""

    languages: tuple[str, ...]
    articles: list[Article] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    homes: dict[str, Category] = field(default_factory=dict)  # lang -> home page (id "")
    seen: set[str] = field(default_factory=set)  # every article or index file read, loaded or not
    index_files: set[str] = field(default_factory=set)  # every <lang>/<category>/index.md, broken ones too
    unloaded: set[str] = field(default_factory=set)  # article files whose errors kept them out of `articles`
    _memo: dict[str, tuple[tuple[int, int], Any]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def default_language(self) -> str:
        """The first configured language: the fallback of short links and the site root."""
        return self.languages[0]

    def article(self, article_id: str, lang: str) -> Article | None:
        """The article with this id in this language, if it exists."""
        return self._memoized("by_key", self._by_key).get((article_id, lang))

    def article_at(self, src_uri: str) -> Article | None:
        """The article read from this docs path, if it loaded."""
        return self._memoized("by_path", lambda: {a.path: a for a in reversed(self.articles)}).get(src_uri)

    def translations(self, article_id: str) -> dict[str, Article]:
        """The article in each language that has it, in the order of the configured languages."""
        found = {lang: self.article(article_id, lang) for lang in self.languages}
        return {lang: a for lang, a in found.items() if a is not None}

    def ids(self) -> list[str]:
        """Every article id, once, sorted."""
        return sorted({a.id for a in self.articles})

    def in_language(self, lang: str) -> list[Article]:
        """The articles of one language, in reading order."""
        return [a for a in self._memoized("ordered", self._ordered) if a.lang == lang]

    def categories_of(self, lang: str) -> list[Category]:
        """Categories of one language, by `order` then title."""
        return sorted((c for c in self.categories if c.lang == lang), key=lambda c: (c.order, c.title))

    def category(self, category_id: str, lang: str) -> Category | None:
        """One category page in one language."""
        return next((c for c in self.categories if c.id == category_id and c.lang == lang), None)

    def articles_in(self, lang: str, category_id: str) -> list[Article]:
        """Articles of one category in one language, in reading order."""
        return [a for a in self.in_language(lang) if a.category == category_id]

    def _ordered(self) -> list[Article]:
        # Both languages list articles in the order of the default language's titles, so an agent
        # and a reader looking at two languages see the same sequence.
        key_title = {a.id: a.title.casefold() for a in self.articles if a.lang == self.default_language}
        return sorted(self.articles, key=lambda a: (key_title.get(a.id, a.title.casefold()), a.id))

    def _by_key(self) -> dict[tuple[str, str], Article]:
        cache: dict[tuple[str, str], Article] = {}
        for a in self.articles:
            cache.setdefault((a.id, a.lang), a)
        return cache

    def _memoized(self, name: str, build: Callable[[], Any]) -> Any:
        # Every page asks for its article, translations and category lists: rebuilding the lookups
        # per call made a build quadratic in the number of articles. Articles are only appended (or
        # the list replaced) while loading, so the list's identity and length tell a stale memo.
        key = (id(self.articles), len(self.articles))
        hit = self._memo.get(name)
        if hit is None or hit[0] != key:
            hit = self._memo[name] = (key, build())
        return hit[1]


@dataclass
class LoadResult:
    """A catalog and the problems found while loading it."""

    catalog: Catalog
    diagnostics: list[Diagnostic]


def load(docs_dir: Path, languages: Sequence[str], *, display_prefix: str = "",
         templates: Collection[str] | None = None) -> LoadResult:
    """Read every Markdown file under `docs_dir`; `display_prefix` + relative path names files in messages.

    `templates` (the theme's template names) turns on the checks of front matter `template` and `icon`.
    """
    catalog = Catalog(tuple(languages))
    problems: list[Diagnostic] = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in Path(rel).parts):
            continue
        problems += _load_file(catalog, rel, path.read_bytes(), display_prefix + rel, templates)
    _note_unloaded(catalog)
    for lang in languages:
        problems += _fill_missing_categories(catalog, lang, display_prefix)
    return LoadResult(catalog, problems)


def load_sources(files: Iterable[tuple[str, bytes]], languages: Sequence[str],
                 display_prefix: str = "", templates: Collection[str] | None = None) -> LoadResult:
    """Like `load`, from (relative path, bytes) pairs: for tests and editors."""
    catalog = Catalog(tuple(languages))
    problems: list[Diagnostic] = []
    for rel, raw in sorted(files):
        problems += _load_file(catalog, rel, raw, display_prefix + rel, templates)
    _note_unloaded(catalog)
    for lang in languages:
        problems += _fill_missing_categories(catalog, lang, display_prefix)
    return LoadResult(catalog, problems)


def _load_file(catalog: Catalog, rel: str, raw: bytes, display: str,
               templates: Collection[str] | None = None) -> list[Diagnostic]:
    parts = rel.split("/")
    langs = catalog.languages
    if parts[0] not in langs:
        folders = ", ".join(f"'{lang}/'" for lang in langs)
        return [Diagnostic(display, 1, 1, "i18n-outside-language-folder",
                           f"'{rel}' is not in a language folder ({folders})",
                           f"move it to {display[: len(display) - len(rel)]}{langs[0]}/<category>/{parts[-1]}")]
    if len(parts) == 2 and parts[1] != INDEX:
        return [Diagnostic(display, 1, 1, "content-no-category", f"article '{rel}' is not in a category folder",
                           f"move it to {display[: len(display) - len(rel)]}{parts[0]}/<category>/{parts[1]}")]
    if len(parts) > 3:
        return [Diagnostic(display, 1, 1, "content-too-deep",
                           f"'{rel}' is nested too deep: articles live at <language>/<category>/<id>.md",
                           f"move it to {parts[0]}/{parts[1]}/{parts[-1]}")]
    catalog.seen.add(rel)
    if len(parts) == 3 and parts[2] == INDEX:
        catalog.index_files.add(rel)
    text, problems = read_text(raw, display)
    if text is None:
        return problems
    fm, parse_problems = frontmatter.parse(text, display)
    problems += parse_problems
    if fm is None:
        return problems
    lang = parts[0]
    if parts[-1] == INDEX:
        values, field_problems = check_fields(fm, CATEGORY_FIELDS, display, templates)
        problems += field_problems
        category_id = parts[1] if len(parts) == 3 else ""
        if "title" not in values and "title" not in fm.data:
            problems.append(Diagnostic(display, *fm.start, "fm-missing-field", "front matter has no 'title'",
                                       "add 'title: …' (shown on cards and in the navigation)"))
        page = Category(lang, category_id, values.get("title", category_id.replace("-", " ").capitalize()),
                        values.get("summary", ""), values.get("order", 0), rel)
        if category_id:
            catalog.categories.append(page)
        else:
            catalog.homes[lang] = page
        return problems
    values, field_problems = check_fields(fm, ARTICLE_FIELDS, display, templates)
    problems += field_problems
    for key in REQUIRED:
        if key not in fm.data:
            problems.append(Diagnostic(display, *fm.start, "fm-missing-field", f"front matter has no '{key}'",
                                       REQUIRED_HINTS[key]))
    if any(key not in values for key in REQUIRED):
        return problems
    stem = parts[-1][: -len(".md")]
    if not ID_PATTERN.match(values["id"]):
        suggestion = slugify(values["id"]) or stem
        problems.append(Diagnostic(display, *fm.pos("id"), "id-not-kebab",
                                   f"id '{values['id']}' is not kebab-case",
                                   f"use lower-case letters, digits and single hyphens, e.g. '{suggestion}'"))
        return problems
    if values["id"] != stem:
        problems.append(Diagnostic(display, *fm.pos("id"), "id-filename-mismatch",
                                   f"id '{values['id']}' differs from the file name '{parts[-1]}'",
                                   f"rename the file to {values['id']}.md (links and short links use the id)",
                                   severity="warning"))
    catalog.articles.append(Article(
        path=rel, lang=lang, category=parts[1], id=values["id"], title=values["title"].strip(),
        summary=" ".join(values["summary"].split()), tags=values.get("tags", ()),
        reviewed=values.get("reviewed"), review_every=values.get("review_every"),
        related=values.get("related", ()), flowchart=values.get("flowchart"),
        sources=values.get("sources", ()), error_codes=values.get("error_codes", ()),
        translated_from=values.get("translated_from"),
        digest=translations.digest(values["title"], values["summary"], fm.body),
        positions={k: fm.pos(k) for k in fm.data} | {"": fm.start},
        item_positions=dict(fm.item_pos)))
    return problems


def _note_unloaded(catalog: Catalog) -> None:
    # A translation that is there but broken is not "missing": the checks say so only for absent files.
    loaded = {a.path for a in catalog.articles}
    catalog.unloaded = {rel for rel in catalog.seen if rel not in loaded and not rel.endswith("/" + INDEX)}


def _fill_missing_categories(catalog: Catalog, lang: str, prefix: str) -> list[Diagnostic]:
    """Give every category folder without an index.md a generated page, and say so."""
    problems = []
    known = {c.id for c in catalog.categories if c.lang == lang}
    for article in catalog.in_language(lang):
        if article.category in known:
            continue
        known.add(article.category)
        catalog.categories.append(Category(lang, article.category,
                                           article.category.replace("-", " ").capitalize()))
        if f"{lang}/{article.category}/{INDEX}" in catalog.index_files:
            continue  # it has one, with problems of its own (already reported)
        problems.append(Diagnostic(f"{prefix}{lang}/{article.category}", 0, 0, "content-category-no-index",
                                   f"category '{article.category}' has no index.md",
                                   f"add {lang}/{article.category}/index.md with 'title' and 'summary'",
                                   severity="warning"))
    return problems
