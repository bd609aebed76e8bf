"""Pages the help center generates when a writer has not written them: homes and category pages."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

from helpcenter.content.catalog import Catalog, in_our_layout
from helpcenter.content.layout import FOLDER

TEMPLATES = {"home": "helpcenter/home.html", "category": "helpcenter/category.html",
             "article": "helpcenter/article.html"}
PAGE_TEMPLATE = "helpcenter/page.html"  # the site's own index pages: Material's page, minus the head alternates


def nav_uris(catalog: Catalog, lang: str) -> list[str]:
    """The docs files of one language's navigation: its home, then each category."""
    return [f"{lang}/index.md", *(f"{lang}/{c.id}/index.md" for c in catalog.categories_of(lang))]


def is_ours(catalog: Catalog) -> bool:
    """Whether the site is in the help center's own shape: articles with ids at docs/<lang>/<category>/<id>.md.

    Such a site gets generated homes and category pages and our nav; any other keeps its pages and nav.
    """
    return catalog.layout == FOLDER and any(a.pinned and in_our_layout(catalog, a.path) for a in catalog.articles)


def generated_pages(catalog: Catalog) -> list[tuple[str, str]]:
    """(src_uri, Markdown) for every home or category page that has no index.md of its own.

    Only a site in the help center's own shape gets them: an adopted site keeps exactly its pages.
    """
    result: list[tuple[str, str]] = []
    if not is_ours(catalog):
        return result
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


def escaped_meta(meta: dict[str, Any], title: str | None = None) -> dict[str, Any]:
    """Front matter as the theme may print it: every text (and text in a list) as escaped Markup.

    MkDocs's Jinja environment has no autoescape, and Material prints front matter raw: `title` in <title>,
    the header and every nav entry, `description` and `author` in <meta>, `subtitle` and `status` in the nav.
    `template` stays as written (it is a name to look up, not text to show); mappings such as `search` are
    options, left alone. `title` (the catalog's, when known) replaces the page's own: MkDocs reads front
    matter with PyYAML, which disagrees with our YAML 1.2 reader on values such as `yes` or `!tag`.
    """
    result: dict[str, Any] = dict(meta)
    if title is not None:
        result["title"] = title
    for key, value in result.items():
        if key == "template":
            continue
        if isinstance(value, str):
            result[key] = Markup(escape(value))
        elif isinstance(value, list):
            result[key] = [Markup(escape(item)) if isinstance(item, str) else item for item in value]
    return result


# The scheme a palette toggle switches to → the UI string that names it (Material's own examples:
# light `default`, dark `slate`, and an option without a scheme that follows the system).
PALETTE_KEYS = {"default": "content.palette.light", "slate": "content.palette.dark", "": "content.palette.system"}


def localized_palette(palette: Any, lang: str, site_lang: str, t: Any) -> Any:
    """Material's `theme.palette` with each toggle's name in `lang`: the site's own names on pages in its
    language; in another, ours for the scheme the toggle switches to (`t(lang, key)`), or the site's own
    for a scheme of its own making."""
    if lang == site_lang or not isinstance(palette, list) or len(palette) < 2:
        return palette
    shown = []
    for n, option in enumerate(palette):
        following = palette[(n + 1) % len(palette)]
        toggle = option.get("toggle") if isinstance(option, dict) else None
        key = PALETTE_KEYS.get(str(following.get("scheme") or "")) if isinstance(following, dict) else None
        shown.append({**option, "toggle": {**toggle, "name": t(lang, key)}} if isinstance(toggle, dict) and key
                     else option)
    return shown
