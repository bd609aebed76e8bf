"""Pages the help center generates when a writer has not written them: homes and category pages."""

from __future__ import annotations

import json

from helpcenter.content.catalog import Catalog

TEMPLATES = {"home": "helpcenter/home.html", "category": "helpcenter/category.html",
             "article": "helpcenter/article.html"}


def nav_uris(catalog: Catalog, lang: str) -> list[str]:
    """The docs files of one language's navigation: its home, then each category."""
    return [f"{lang}/index.md", *(f"{lang}/{c.id}/index.md" for c in catalog.categories_of(lang))]


def generated_pages(catalog: Catalog) -> list[tuple[str, str]]:
    """(src_uri, Markdown) for every home or category page that has no index.md of its own."""
    result = []
    for lang in catalog.languages:
        if lang not in catalog.homes:
            result.append((f"{lang}/index.md", _front_matter("Help Center")))
        for category in catalog.categories_of(lang):
            if category.path is None:
                result.append((f"{lang}/{category.id}/index.md", _front_matter(category.title)))
    return result


def _front_matter(title: str) -> str:
    # JSON is YAML: a quoted, escaped title whatever characters it holds.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
