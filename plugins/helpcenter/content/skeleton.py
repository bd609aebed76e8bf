"""`helpcenter new`: an article skeleton with a fresh id, in every language."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from helpcenter.content.catalog import Catalog
from helpcenter.floor.ids import ID_PATTERN, slugify

TODO = {"en": "TODO: one or two sentences for search results and cards.",
        "zh": "TODO:一两句话的摘要,用于搜索结果和卡片。"}
BODY = {"en": "TODO: the short answer first.\n\n## Steps {#steps}\n\n1. TODO\n\n## Why it happens {#why}\n\nTODO\n",
        "zh": "TODO:先给出简短的答案。\n\n## 操作步骤 {#steps}\n\n1. TODO\n\n## 原因 {#why}\n\nTODO\n"}


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
    base = slugify(title) or "article"
    taken = set(catalog.ids())
    candidate, n = base, 2
    while candidate in taken or file_exists(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def skeletons(catalog: Catalog, category: str, title: str, today: dt.date,
              docs_dir: Path | None = None) -> dict[str, str]:
    """Relative path → Markdown for each language; the title is used in every language until translated.

    With `docs_dir`, an id whose file is already there in some language is taken too (see fresh_id).
    """
    article_id = fresh_id(catalog, title, lambda candidate: docs_dir is not None and any(
        (docs_dir / lang / category / f"{candidate}.md").exists() for lang in catalog.languages))
    files = {}
    for lang in catalog.languages:
        files[f"{lang}/{category}/{article_id}.md"] = (
            "---\n"
            f"id: {article_id}\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            f"summary: {json.dumps(TODO.get(lang, TODO['en']), ensure_ascii=False)}\n"
            "tags: []\n"
            f"reviewed: {today.isoformat()}\n"
            "review_every: 180\n"
            "related: []\n"
            "---\n\n" + BODY.get(lang, BODY["en"])
        )
    return files
