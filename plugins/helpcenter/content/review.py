"""Articles due for a fact check: `reviewed` plus `review_every` days has passed (or soon will)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from helpcenter.content.catalog import Catalog

DEFAULT_REVIEW_DAYS = 365  # an article with `reviewed` but no `review_every` is re-checked yearly


@dataclass(frozen=True, order=True)
class Due:
    """One article and the day its review falls due (None when it was never reviewed)."""

    due: dt.date | None
    path: str
    article_id: str


def due_articles(catalog: Catalog, today: dt.date, within_days: int = 0) -> list[Due]:
    """Articles whose review falls due on or before `today + within_days`, never-reviewed first."""
    horizon = today + dt.timedelta(days=within_days)
    result = []
    for article in catalog.articles:
        if article.reviewed is None:
            result.append(Due(None, article.path, article.id))
            continue
        reviewed = article.reviewed.date() if isinstance(article.reviewed, dt.datetime) else article.reviewed
        # Capped at the last representable day: a date near 9999 or a huge interval must not overflow.
        days = min(article.review_every or DEFAULT_REVIEW_DAYS, (dt.date.max - reviewed).days)
        due = reviewed + dt.timedelta(days=days)
        if due <= horizon:
            result.append(Due(due, article.path, article.id))
    return sorted(result, key=lambda d: (d.due is not None, d.due or dt.date.min, d.path))
