"""Which articles are due for a fact check."""

from __future__ import annotations

import datetime as dt

from helpcenter.content import catalog, review


def load(*articles: tuple[str, str]) -> catalog.Catalog:
    return catalog.load_sources([(f"en/c/{i}.md", f"---\nid: {i}\ntitle: T\nsummary: S.\n{extra}---\n".encode())
                                 for i, extra in articles], ["en"]).catalog


def test_due_articles() -> None:
    cat = load(("fresh", "reviewed: 2026-11-01\nreview_every: 180\n"),
               ("old", "reviewed: 2026-01-01\nreview_every: 90\n"),
               ("never", ""),
               ("yearly", "reviewed: 2025-12-01\n"))
    today = dt.date(2026, 11, 25)
    assert [(d.article_id, d.due) for d in review.due_articles(cat, today)] == [
        ("never", None), ("old", dt.date(2026, 4, 1))]
    assert [d.article_id for d in review.due_articles(cat, today, within_days=7)] == ["never", "old", "yearly"]
