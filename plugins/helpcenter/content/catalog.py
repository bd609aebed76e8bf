"""Load every article of a docs tree into a catalog keyed by id and language, with diagnostics."""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcenter.content import frontmatter, links, translations
from helpcenter.content.articles import (
    ARTICLE_FIELDS,
    CATEGORY_FIELDS,
    REQUIRED,
    REQUIRED_HINTS,
    Article,
    Category,
    check_fields,
)
from helpcenter.content.layout import FOLDER, INDEX_NAMES, Layout
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor.ids import ID_PATTERN, slugify
from helpcenter.floor.text import read_text

INDEX = "index.md"
NO_ORDER = 10**9  # articles without `order` come after those with one


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
    layout: str = FOLDER  # where each language's pages are: FOLDER (docs/zh/…) or SUFFIX (page.zh.md)
    index_pages: dict[str, Category] = field(default_factory=dict)  # path -> home or category page
    nav_order: dict[str, int] = field(default_factory=dict)  # path -> position in the site's own nav
    _memo: dict[str, tuple[tuple[int, int], Any]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def default_language(self) -> str:
        """The first configured language: the fallback of short links and the site root."""
        return self.languages[0]

    def article(self, article_id: str, lang: str) -> Article | None:
        """The article with this id in this language, if it exists."""
        by_key: dict[tuple[str, str], Article] = self._memoized("by_key", self._by_key)
        return by_key.get((article_id, lang))

    def article_at(self, src_uri: str) -> Article | None:
        """The article read from this docs path, if it loaded."""
        by_path: dict[str, Article] = self._memoized("by_path", lambda: {a.path: a for a in reversed(self.articles)})
        return by_path.get(src_uri)

    def index_at(self, src_uri: str) -> Category | None:
        """The home or category page read from this docs path."""
        return self.index_pages.get(src_uri)

    def home_url(self, lang: str, directory_urls: bool = True) -> str:
        """Site-relative URL of a language's home: its index page, else the folder layout's `<lang>/`."""
        home = self.homes.get(lang)
        if home is not None:
            return home.url(directory_urls)
        return f"{lang}/" if directory_urls else f"{lang}/index.html"

    def set_nav_order(self, paths: Sequence[str]) -> None:
        """Order articles as the site's own nav lists them (after `order`, before titles)."""
        self.nav_order = {path: i for i, path in enumerate(paths)}
        self._memo.clear()

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
        # Both languages list articles in the default language's order (`order`, then the site's nav,
        # then titles), so an agent and a reader looking at two languages see the same sequence.
        first = {a.id: a for a in self.articles if a.lang == self.default_language}

        def key(article: Article) -> tuple[int, int, str, str]:
            source = first.get(article.id, article)
            order = source.order if source.order is not None else NO_ORDER
            return order, self.nav_order.get(source.path, NO_ORDER), source.title.casefold(), article.id

        return sorted(self.articles, key=key)

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
         templates: Collection[str] | None = None, layout: str = FOLDER,
         skip: Collection[str] = ()) -> LoadResult:
    """Read every Markdown file under `docs_dir`; `display_prefix` + relative path names files in messages.

    `templates` (the theme's template names) turns on the checks of front matter `template` and `icon`;
    `layout` says where each language's pages are; `skip` (relative paths) leaves out the pages MkDocs
    does not build (`exclude_docs`) or another plugin owns (Material's blog).
    """
    sources, existing = [], set()
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in Path(rel).parts):
            continue
        existing.add(rel)
        if rel not in skip:
            sources.append((rel, path.read_bytes))
    return load_sources(sources, languages, display_prefix, templates, layout, existing)


Source = bytes | Callable[[], bytes]  # a file's bytes, or what reads them when their turn comes


def load_sources(files: Iterable[tuple[str, Source]], languages: Sequence[str],
                 display_prefix: str = "", templates: Collection[str] | None = None,
                 layout: str = FOLDER, existing: Collection[str] | None = None) -> LoadResult:
    """Like `load`, from (relative path, bytes or a reader of them) pairs: for tests, editors and the
    plugins' file lists. With readers, one file's text is in memory at a time (10,000 articles are
    ~100 MiB of Markdown).

    `existing` (every Markdown file of the docs, the skipped ones too) turns on the check of links
    to pages that do not exist.
    """
    catalog = Catalog(tuple(languages), layout=layout)
    where = Layout(catalog.languages, layout)
    problems: list[Diagnostic] = []

    def texts() -> Iterator[tuple[str, str]]:
        for rel, source in sorted(files, key=operator.itemgetter(0)):
            raw = source() if callable(source) else source
            problems.extend(_load_file(catalog, where, rel, raw, display_prefix + rel, templates))
            yield rel, raw.decode("utf-8", "replace")

    # Each file is loaded, then its links are checked, before the next is read; link warnings follow
    # every loading problem, as when the files were read in two passes.
    if existing is not None:
        problems += links.missing_pages(texts(), existing, display_prefix)
    else:
        for _ in texts():
            pass
    _note_unloaded(catalog)
    for lang in languages:
        problems += _fill_missing_categories(catalog, lang, display_prefix)
    return LoadResult(catalog, problems)


def in_our_layout(catalog: Catalog, rel: str) -> bool:
    """Whether a path is `<lang>/<category>/<name>.md` of the folder layout: the help center's own shape."""
    parts = rel.split("/")
    return catalog.layout == FOLDER and len(parts) == 3 and parts[0] in catalog.languages


def default_id(key: str) -> str:
    """An article id from a page's path without its language: 'guides/Install App.md' -> 'guides-install-app'.

    Stable while the file stays where it is; a path with no Latin letters or digits gets a short hash of
    itself, so every page has an id. Writers pin `id:` to keep it across moves.
    """
    stem = key[: -len(".md")]
    return slugify(stem.replace("/", " ")) or "page-" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]


def _load_file(catalog: Catalog, layout: Layout, rel: str, raw: bytes, display: str,
               templates: Collection[str] | None = None) -> list[Diagnostic]:
    lang, key = layout.split(rel)
    folder, _, name = key.rpartition("/")
    catalog.seen.add(rel)
    is_index = name in INDEX_NAMES
    if is_index and folder:
        catalog.index_files.add(rel)
    text, problems = read_text(raw, display)
    if text is None:
        return problems
    fm: frontmatter.FrontMatter | None = frontmatter.FrontMatter(body=text)
    if text.lstrip("\ufeff").startswith("---"):
        fm, parse_problems = frontmatter.parse(text, display)
        problems += parse_problems
        if fm is None:
            return problems
    elif _is_article(catalog, rel, is_index):
        # A page of the help center's own shape without front matter: it still says what is missing.
        fm, parse_problems = frontmatter.parse(text, display)
        return problems + parse_problems
    assert fm is not None
    if is_index:
        return problems + _load_index(catalog, rel, lang, folder, fm, display, templates)
    pinned = "id" in fm.data
    values, field_problems = check_fields(fm, ARTICLE_FIELDS, display, templates, unknown_fields=pinned)
    problems += field_problems
    if pinned:
        # An `id` makes the page a help-center article: it has a title and a summary for cards and tickets.
        for required in REQUIRED:
            if required not in fm.data:
                problems.append(Diagnostic(display, *fm.start, "fm-missing-field",
                                           f"front matter has no '{required}'", REQUIRED_HINTS[required]))
        if any(required not in values for required in REQUIRED):
            return problems
    stem = name[: -len(".md")]
    # In the help center's own shape the file name is the id; elsewhere the path is.
    article_id = values["id"] if pinned else default_id(name if in_our_layout(catalog, rel) else key)
    if pinned and not ID_PATTERN.match(article_id):
        suggestion = slugify(article_id) or stem
        problems.append(Diagnostic(display, *fm.pos("id"), "id-not-kebab",
                                   f"id '{article_id}' is not kebab-case",
                                   f"use lower-case letters, digits and single hyphens, e.g. '{suggestion}'"))
        return problems
    if pinned and article_id != stem and in_our_layout(catalog, rel):
        problems.append(Diagnostic(display, *fm.pos("id"), "id-filename-mismatch",
                                   f"id '{article_id}' differs from the file name '{name}'",
                                   f"rename the file to {article_id}.md (links and short links use the id)",
                                   severity="warning"))
    title = values.get("title") or first_heading(fm.body) or stem.replace("-", " ").replace("_", " ").capitalize()
    summary = values.get("summary", "")
    catalog.articles.append(Article(
        path=rel, lang=lang, category=folder, id=article_id, title=title.strip(),
        summary=" ".join(summary.split()), tags=values.get("tags", ()),
        reviewed=values.get("reviewed"), review_every=values.get("review_every"),
        related=values.get("related", ()), flowchart=values.get("flowchart"),
        sources=values.get("sources", ()), error_codes=values.get("error_codes", ()),
        translated_from=values.get("translated_from"),
        digest=translations.digest(title, summary, fm.body),
        pinned=pinned, order=values.get("order"),
        positions={k: fm.pos(k) for k in fm.data} | {"": fm.start},
        item_positions=dict(fm.item_pos)))
    return problems


def _is_article(catalog: Catalog, rel: str, is_index: bool) -> bool:
    return not is_index and in_our_layout(catalog, rel)


def _load_index(catalog: Catalog, rel: str, lang: str, folder: str, fm: frontmatter.FrontMatter, display: str,
                templates: Collection[str] | None) -> list[Diagnostic]:
    ours = in_our_layout(catalog, rel) or rel == f"{lang}/{INDEX}"
    values, problems = check_fields(fm, CATEGORY_FIELDS, display, templates, unknown_fields=ours)
    heading = first_heading(fm.body)
    if ours and "title" not in values and "title" not in fm.data and not heading:
        problems.append(Diagnostic(display, *fm.start, "fm-missing-field", "front matter has no 'title'",
                                   "add 'title: …' (shown on cards and in the navigation)"))
    fallback = folder.rsplit("/", 1)[-1].replace("-", " ").capitalize() if folder else ""
    body = fm.body.strip()
    page = Category(lang, folder, values.get("title") or heading or fallback, values.get("summary", ""),
                    values.get("order", 0), rel,
                    has_text=not ours and bool(body and body != f"# {heading}"))
    catalog.index_pages[rel] = page
    if folder:
        catalog.categories.append(page)
    elif lang not in catalog.homes or rel.startswith(f"{lang}/"):
        catalog.homes[lang] = page  # docs/<lang>/index.md rather than the site root, when both exist
    return problems


def first_heading(body: str) -> str:
    """The text of a page's first `# ` heading (MkDocs's title when front matter has none), or ''."""
    for line in body.split("\n"):
        if line.startswith("# "):
            return line[2:].strip().rstrip("#").strip()
    return ""


def _note_unloaded(catalog: Catalog) -> None:
    # A translation that is there but broken is not "missing": the checks say so only for absent files.
    loaded = {a.path for a in catalog.articles}
    catalog.unloaded = {rel for rel in catalog.seen
                        if rel not in loaded and rel not in catalog.index_pages and not rel.endswith("/" + INDEX)}


def _fill_missing_categories(catalog: Catalog, lang: str, prefix: str) -> list[Diagnostic]:
    """Give every category folder of the help center's own shape without an index.md a generated page."""
    problems = []
    known = {c.id for c in catalog.categories if c.lang == lang}
    for article in catalog.in_language(lang):
        # Only categories of help-center articles (pinned ids): a site's own folders stay as they are.
        if article.category in known or not article.pinned or not in_our_layout(catalog, article.path):
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
