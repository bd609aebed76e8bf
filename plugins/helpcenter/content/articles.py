"""The article and category model, built from front matter with a diagnostic for every bad field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from helpcenter.content.frontmatter import BadDate, FrontMatter, Pos
from helpcenter.diagnostics import Diagnostic, did_you_mean

# Keys MkDocs and Material understand in front matter, allowed beside ours so writers can use them, with
# the type Material needs: it renders them as is, so `hide: 5` would crash the build with a traceback.
THEME_FIELDS: dict[str, str] = {"template": "str", "hide": "list", "icon": "str", "status": "str",
                                "description": "str", "search": "mapping", "subtitle": "str"}
THEME_KEYS = frozenset(THEME_FIELDS)
MAX_REVIEW_DAYS = 3650  # ten years: beyond that an article is never due, and date arithmetic overflows

ARTICLE_FIELDS: dict[str, str] = {  # key -> expected type, as named in messages
    "id": "str", "title": "str", "summary": "str", "tags": "list", "reviewed": "date",
    "review_every": "int", "related": "list", "flowchart": "str", "sources": "list",
    "error_codes": "list", "translated_from": "str", "order": "int",
}
REQUIRED = ("id", "title", "summary")
CATEGORY_FIELDS: dict[str, str] = {"title": "str", "summary": "str", "order": "int"}
REQUIRED_HINTS = {
    "id": "add 'id: <kebab-case-id>' (the same id in every language; never renamed)",
    "title": "add 'title: …' (the article's title in this language)",
    "summary": "add 'summary: …' (one or two sentences for search results, cards and tickets)",
}
_TYPE_NAMES = {"str": "a text", "list": "a list of texts", "date": "a date (YYYY-MM-DD)",
               "int": "a whole number", "mapping": "a set of fields"}


@dataclass(frozen=True)
class Article:
    """One article in one language; `id` pairs its translations."""

    path: str  # relative to docs_dir, POSIX: "en/fees-and-resources/tron-energy.md"
    lang: str
    category: str
    id: str
    title: str
    summary: str
    tags: tuple[str, ...] = ()
    reviewed: dt.date | None = None
    review_every: int | None = None
    related: tuple[str, ...] = ()
    flowchart: str | None = None
    sources: tuple[str, ...] = ()
    error_codes: tuple[str, ...] = ()  # codes the wallet app shows ('OUT_OF_ENERGY'): /errors/<CODE>/
    translated_from: str | None = None  # the source's digest this translation was made from
    digest: str = ""  # content hash of title, summary and body (translations.digest)
    pinned: bool = True  # False: no `id:` in front matter, so the id comes from the path (catalog.default_id)
    order: int | None = None  # front matter `order`: lists put lower numbers first, then the rest by title
    positions: dict[str, Pos] = field(default_factory=dict, compare=False, hash=False, repr=False)
    item_positions: dict[str, list[Pos]] = field(default_factory=dict, compare=False, hash=False,
                                                 repr=False)

    def url(self, directory_urls: bool = True) -> str:
        """Site-relative URL, as MkDocs gives it for the file."""
        return page_url(self.path, directory_urls)

    def pos(self, key: str) -> Pos:
        """Where a front-matter value stands (the top of the file when it is absent)."""
        return self.positions.get(key, (1, 1))


@dataclass(frozen=True)
class Category:
    """A section of the help center in one language, described by its folder's index.md."""

    lang: str
    id: str
    title: str
    summary: str = ""
    order: int = 0
    path: str | None = None  # None when the site generates the index page
    has_text: bool = False  # a site's own index page that says more than its heading: search indexes it

    def url(self, directory_urls: bool = True) -> str:
        """Site-relative URL of the category page."""
        return page_url(self.path or f"{self.lang}/{self.id}/index.md", directory_urls)


def page_url(path: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a Markdown file: 'a/index.md' -> 'a/', 'a/b.md' -> 'a/b/' or 'a/b.html'."""
    folder, _, name = path.rpartition("/")
    stem = name[: -len(".md")]
    prefix = f"{folder}/" if folder else ""
    if stem in ("index", "README"):
        return prefix if directory_urls else f"{prefix}index.html"
    return f"{prefix}{stem}/" if directory_urls else f"{prefix}{stem}.html"


def check_fields(fm: FrontMatter, schema: dict[str, str], display: str, templates: Collection[str] | None = None,
                 *, unknown_fields: bool = True) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Check each known field's type; return the well-typed values and a diagnostic per bad one.

    `templates` are the theme's template names: when given, `template` and `icon` must name one.
    `unknown_fields=False` lets other fields pass: a site's own pages carry what its other plugins read.
    """
    good: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for key, value in fm.data.items():
        kind = schema.get(key) or THEME_FIELDS.get(key)
        if kind is None:
            if not unknown_fields:
                continue
            known = [*schema, *THEME_KEYS]
            problems.append(Diagnostic(
                display, *fm.key_pos[key], "fm-unknown-field", f"unknown front matter field '{key}'",
                f"{did_you_mean(key, known)}known fields: {', '.join(schema)}", severity="warning"))
            continue
        problem = _type_problem(kind, key, value, fm, display) or _theme_problem(key, value, fm, display, templates)
        if problem:
            problems.append(problem)
        elif key in schema:
            good[key] = tuple(value) if kind == "list" else value
    return good, problems


def _theme_problem(key: str, value: Any, fm: FrontMatter, display: str,
                   templates: Collection[str] | None) -> Diagnostic | None:
    # MkDocs and Material look these names up while rendering and stop with a traceback when they are missing.
    if templates is None or key not in ("template", "icon"):
        return None
    if key == "template" and value not in templates:
        pages = sorted(t for t in templates if t.endswith(".html") and not t.startswith((".", "partials/")))
        return Diagnostic(display, *fm.pos(key), "fm-unknown-template", f"template '{value}' is not in the theme",
                          f"{did_you_mean(value, pages)}leave 'template' out to get the help center's own layout")
    if key == "icon" and f".icons/{value}.svg" not in templates:
        return Diagnostic(display, *fm.pos(key), "fm-unknown-icon",
                          f"icon '{value}' is not one of the theme's icons",
                          "write a name as Material's icon search shows it, e.g. 'material/wallet'")
    return None


def _type_problem(kind: str, key: str, value: Any, fm: FrontMatter, display: str) -> Diagnostic | None:
    line, col = fm.pos(key)
    if kind == "date":
        if isinstance(value, BadDate):
            return Diagnostic(display, line, col, "fm-bad-date", f"'{value.text}' is not a real date",
                              "write the date as YYYY-MM-DD, e.g. 2026-11-20")
        if isinstance(value, dt.datetime):
            return None
        if not isinstance(value, dt.date):
            return Diagnostic(display, line, col, "fm-bad-date",
                              f"'{key}' must be a date but is {_describe(value)}",
                              "write the date as YYYY-MM-DD without quotes, e.g. 2026-11-20")
        return None
    if kind == "list" and isinstance(value, list):
        for (item_line, item_col), item in zip(fm.item_pos.get(key, []), value, strict=False):
            if not isinstance(item, str) or not item.strip():
                return Diagnostic(display, item_line, item_col, "fm-wrong-type",
                                  f"items of '{key}' must be texts but one is {_describe(item)}",
                                  f"write {key}: [first, second]")
        return None
    ok = {"str": lambda v: isinstance(v, str) and v.strip() != "",
          "int": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
          "mapping": lambda v: isinstance(v, dict)}.get(kind)
    if ok is not None and ok(value):
        if key == "review_every" and value > MAX_REVIEW_DAYS:
            return Diagnostic(display, line, col, "fm-review-too-far",
                              f"'review_every' is {value} days, more than {MAX_REVIEW_DAYS}",
                              f"review facts at least every {MAX_REVIEW_DAYS} days (ten years), "
                              "e.g. 'review_every: 365'")
        return None
    example = {"list": f"{key}: [{value}]" if isinstance(value, str) else f"{key}: [first, second]",
               "str": f"{key}: some text", "int": f"{key}: 180", "mapping": f"{key}: {{exclude: true}}"}.get(kind, "")
    return Diagnostic(display, line, col, "fm-wrong-type",
                      f"'{key}' must be {_TYPE_NAMES[kind]} but is {_describe(value)}",
                      f"write it as '{example}'" if example else "")


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "empty" if not value.strip() else f"a text ('{value}')"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, BadDate):
        return f"an impossible date ('{value.text}')"
    return f"a {type(value).__name__}"

