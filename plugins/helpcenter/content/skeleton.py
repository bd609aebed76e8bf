"""`helpcenter new`: an article skeleton with a fresh id, in every language."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from helpcenter.content.catalog import Catalog
from helpcenter.content.headings import has_attr_list as needs_attr_list  # noqa: F401 - the CLI asks here
from helpcenter.content.layout import Layout
from helpcenter.floor import strings as ui_strings
from helpcenter.floor.ids import ID_PATTERN, readable_slug, slugify

SKELETON = "content.skeleton."  # the texts, per language, in the UI strings files (summary, answer, steps, why)
HEADING_ID = re.compile(r" \{#[a-z0-9-]+\}$", re.MULTILINE)


class NoIdError(ValueError):
    """The title has nothing an id can be spelled from (the writer gives one with --id)."""


def category_error(category: str) -> str:
    """Why `category` cannot be a category folder (it becomes docs/<lang>/<category>/), or ''."""
    if ID_PATTERN.match(category):
        return ""
    return f"category '{category}' is not a folder name: use kebab-case, e.g. '{slugify(category) or 'wallet'}'"


def fresh_id(catalog: Catalog, title: str, file_exists: Callable[[str], bool] = lambda _: False) -> str:
    """A kebab-case id from the title that no article uses yet (-2, -3 … when taken).

    `file_exists(article_id)` also counts an id as taken: a file whose front matter is broken is not in
    the catalog, and must not be overwritten.
    """
    base = readable_slug(title)
    if not base:
        raise NoIdError(f"no id can be made from the title {title!r}: give one with --id, e.g. --id my-article")
    taken = set(catalog.ids())
    candidate, n = base, 2
    while candidate in taken or file_exists(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def id_error(catalog: Catalog, article_id: str, file_exists: Callable[[str], bool] = lambda _: False) -> str:
    """Why a writer's --id cannot be used (not kebab-case, or taken), or ''."""
    if not ID_PATTERN.match(article_id):
        return f"'{article_id}' is not an id: use kebab-case, e.g. '{readable_slug(article_id) or 'my-article'}'"
    if article_id in set(catalog.ids()) or file_exists(article_id):
        return f"id '{article_id}' is taken: choose another"
    return ""


def body(lang: str, texts: ui_strings.Strings | None = None) -> str:
    """The Markdown under a new article's front matter, in `lang` (English for a language without texts).

    {#steps} and {#why} keep the section links the same in every language; they need attr_list.
    """
    t = (texts or ui_strings.builtin()).resolve(lang).texts
    return (f"{t[SKELETON + 'answer']}\n\n## {t[SKELETON + 'steps']} {{#steps}}\n\n1. TODO\n\n"
            f"## {t[SKELETON + 'why']} {{#why}}\n\nTODO\n")


def skeletons(catalog: Catalog, category: str, title: str, today: dt.date,
              docs_dir: Path | None = None, article_id: str = "", heading_ids: bool = True,
              texts: ui_strings.Strings | None = None) -> dict[str, str]:
    """Relative path → Markdown for each language; the title is used in every language until translated.

    With `docs_dir`, an id whose file is already there in some language is taken too (see fresh_id).
    `article_id` is the writer's (checked with id_error first), else one is made from the title
    (NoIdError when none can be). Without `heading_ids` (a site without attr_list) headings carry no {#id}.
    `texts` are the site's UI strings (the skeleton's words per language); the package's by default.
    """
    texts = texts or ui_strings.builtin()
    # Where each language's file goes in the site's layout: docs/<lang>/<category>/<id>.md, or
    # <category>/<id>.md with <category>/<id>.<lang>.md beside it.
    where = Layout(catalog.languages, catalog.layout)
    article_id = article_id or fresh_id(catalog, title, lambda candidate: docs_dir is not None and any(
        (docs_dir / where.path_in(lang, f"{category}/{candidate}.md")).exists() for lang in catalog.languages))
    files = {}
    for lang in catalog.languages:
        markdown = body(lang, texts)
        files[where.path_in(lang, f"{category}/{article_id}.md")] = (
            "---\n"
            f"id: {article_id}\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            f"summary: {json.dumps(texts.t(lang, SKELETON + 'summary'), ensure_ascii=False)}\n"
            "tags: []\n"
            f"reviewed: {today.isoformat()}\n"
            "review_every: 180\n"
            "related: []\n"
            "---\n\n" + (markdown if heading_ids else HEADING_ID.sub("", markdown))
        )
    return files
