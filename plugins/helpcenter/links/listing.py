"""`articles.json`: one row per article and language, for agents' tools and integrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from helpcenter.content.catalog import Catalog


def rows(catalog: Catalog, site_url: str = "", directory_urls: bool = True, *,
         sections: Mapping[tuple[str, str], Sequence[tuple[str, str]]] | None = None,
         updated: Mapping[str, dt.date] | None = None) -> list[dict[str, Any]]:
    """Rows `{id, lang, title, summary, url, short_url, category, tags, reviewed, flowchart, error_codes,
    sections, updated}`, sorted by id and language.

    URLs are absolute when the site URL is known, else relative to the site root. `sections` maps
    (id, lang) to the article's (heading id, heading) pairs; `updated` docs paths to their last change.
    """
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    order = {lang: i for i, lang in enumerate(catalog.languages)}
    result = []
    for a in sorted(catalog.articles, key=lambda a: (a.id, order.get(a.lang, 99))):
        result.append({
            "id": a.id, "lang": a.lang, "title": a.title, "summary": a.summary,
            "url": base + a.url(directory_urls), "short_url": f"{base}a/{a.id}/?lang={a.lang}",
            "category": a.category, "tags": list(a.tags),
            "reviewed": a.reviewed.isoformat() if a.reviewed else None,
            "flowchart": a.flowchart,
            "error_codes": [code.upper() for code in a.error_codes],
            "sections": [{"id": anchor, "title": title} for anchor, title in (sections or {}).get((a.id, a.lang), ())],
            "updated": (updated or {})[a.path].isoformat() if a.path in (updated or {}) else None,
        })
    return result
