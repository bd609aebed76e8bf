"""What the notices mean for a site: checks against the catalog, which pages show which, notices.json, listings."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from helpcenter.content.catalog import Catalog
from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.notices.model import Notice, iso


def build_time() -> dt.datetime:
    """When a build or check judges notices: SOURCE_DATE_EPOCH when set (the reproducible-builds variable,
    which MkDocs reads for its build date too), else now; UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Shown:
    """One notice as a page renders it, in the page's language (the partial's data)."""

    id: str
    severity: str
    text: str
    start: str  # ISO UTC, for the browser's clock
    end: str  # "" = open-ended
    link: str  # a URL relative to the site root or absolute; "" = none
    active: bool  # active when the site was built (shown without JavaScript)
    dismissible: bool


def check(notices: Sequence[Notice], catalog: Catalog, display: str, now: dt.datetime) -> list[Diagnostic]:
    """Links and scopes naming unknown articles or categories (errors), and notices that have ended (warnings)."""
    problems = []
    article_ids = set(catalog.ids())
    category_ids = {c.id for c in catalog.categories}
    for notice in notices:
        if notice.link and not notice.link.startswith("https://") and notice.link not in article_ids:
            problems.append(Diagnostic(display, *notice.positions["link"], "notices-unknown-article",
                                       f"notice '{notice.id}' links to unknown article '{notice.link}'",
                                       f"{did_you_mean(notice.link, article_ids)}link names an article id"))
        for name, known, code, what in (("articles", article_ids, "notices-unknown-article", "article"),
                                        ("categories", category_ids, "notices-unknown-category", "category")):
            for item in getattr(notice, name):
                if item not in known:
                    problems.append(Diagnostic(
                        display, *notice.positions.get(f"{name}.{item}", notice.positions["notice"]), code,
                        f"notice '{notice.id}' is scoped to unknown {what} '{item}'",
                        f"{did_you_mean(item, known)}scope names {name} by id"))
        if notice.status(now) == "ended":
            assert notice.end is not None
            problems.append(Diagnostic(display, *notice.positions["end"], "notices-ended",
                                       f"notice '{notice.id}' ended at {iso(notice.end)}",
                                       "remove it from the file: it is no longer shown", severity="warning"))
    return problems


def in_scope(notice: Notice, category: str | None, article_id: str | None) -> bool:
    """Whether a page (its category id and article id, None when it has none) shows the notice."""
    if not notice.scoped:
        return True
    return (category is not None and category in notice.categories) or (
        article_id is not None and article_id in notice.articles)


def link_url(notice: Notice, catalog: Catalog, lang: str, directory_urls: bool = True) -> str:
    """The notice's link for readers of `lang`: the article in their language (else any), or the address."""
    if not notice.link or notice.link.startswith("https://"):
        return notice.link
    article = catalog.article(notice.link, lang) or next(iter(catalog.translations(notice.link).values()), None)
    return article.url(directory_urls) if article else ""


def for_page(notices: Sequence[Notice], catalog: Catalog, lang: str, category: str | None, article_id: str | None,
             now: dt.datetime, directory_urls: bool = True) -> list[Shown]:
    """The notices a page carries: in scope and not ended at build time, the most severe first.

    Upcoming ones are carried too (hidden) so that a static site shows them when their time comes;
    the browser's clock decides, and without JavaScript the build time does.
    """
    order = {"critical": 0, "warning": 1, "info": 2}
    shown = [Shown(n.id, n.severity, n.text.get(lang) or next(iter(n.text.values())), iso(n.start),
                   iso(n.end) if n.end else "", link_url(n, catalog, lang, directory_urls),
                   n.status(now) == "active", n.severity != "critical")
             for n in notices if n.status(now) != "ended" and in_scope(n, category, article_id)]
    return sorted(shown, key=lambda s: (order[s.severity], s.start))


def to_json(notices: Sequence[Notice], catalog: Catalog, site_url: str,
            directory_urls: bool = True) -> list[dict[str, Any]]:
    """notices.json for the app: every notice with its window, texts and links per language, and scope."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    rows = []
    for notice in notices:
        links = {lang: link_url(notice, catalog, lang, directory_urls) for lang in catalog.languages}
        rows.append({
            "id": notice.id, "severity": notice.severity, "start": iso(notice.start),
            "end": iso(notice.end) if notice.end else None, "text": dict(notice.text),
            "link": {lang: url if url.startswith("https://") else base + url for lang, url in links.items() if url}
            or None,
            "scope": {"categories": list(notice.categories), "articles": list(notice.articles)}
            if notice.scoped else None,
        })
    return rows


def listing(notices: Sequence[Notice], now: dt.datetime, lang: str) -> list[str]:
    """`helpcenter notices`: active then upcoming notices, one line each, soonest first."""
    lines = []
    for status in ("active", "upcoming"):
        for notice in sorted((n for n in notices if n.status(now) == status), key=lambda n: n.start):
            window = f"{iso(notice.start)} -> {iso(notice.end) if notice.end else 'until removed'}"
            scope = ", ".join([*notice.categories, *notice.articles]) or "every page"
            text = notice.text.get(lang) or next(iter(notice.text.values()))
            lines.append(f"{status:<8}  {notice.severity:<8}  {notice.id}  {window}  [{scope}]  {text}")
    return lines
