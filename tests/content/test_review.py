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


def test_dates_near_the_end_of_the_calendar_do_not_overflow() -> None:
    cat = load(("late", "reviewed: 9999-12-01\nreview_every: 180\n"))
    assert [(d.article_id, d.due) for d in review.due_articles(cat, dt.date(2026, 11, 25))] == []
    assert [(d.article_id, d.due) for d in review.due_articles(cat, dt.date.max)] == [("late", dt.date.max)]


def test_review_every_beyond_ten_years_is_a_content_error() -> None:
    source = b"---\nid: a\ntitle: T\nsummary: S.\nreview_every: 99999999999999999999\n---\n"
    loaded = catalog.load_sources([("en/c/a.md", source)], ["en"])
    assert [d.format() for d in loaded.diagnostics if d.is_error] == [
        "en/c/a.md:5:15: error[fm-review-too-far]: 'review_every' is 99999999999999999999 days, more than 3650\n"
        "  = hint: review facts at least every 3650 days (ten years), e.g. 'review_every: 365'"]
    assert [a.review_every for a in loaded.catalog.articles] == [None]
