"""Hostile front matter (titles, summaries, tags, description, subtitle) is text in every built page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from helpcenter.content import pages

# Any of the hostile site's payloads surviving as markup: a tag whose attributes or body run `__pwned`.
RAW_PAYLOAD = re.compile(r"<(?:img|svg|script)\b[^<]*__pwned")


@pytest.fixture(scope="module")
def hostile_site(built_site: Callable[..., Path]) -> Path:
    return built_site("hostile")


def test_no_page_carries_a_payload_as_markup(hostile_site: Path) -> None:
    pages_with_payload = [f"{html.relative_to(hostile_site)}: {match}"
                          for html in sorted(hostile_site.rglob("*.html"))
                          for match in RAW_PAYLOAD.findall(html.read_text(encoding="utf-8"))]
    assert pages_with_payload == []


def test_description_and_subtitle_are_escaped(hostile_site: Path) -> None:
    article = (hostile_site / "en/wallet/evil/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="&#34;&gt;&lt;img src=x onerror=window.__pwned=7&gt;">' in article
    # The category's subtitle shows in the nav of every page of its language.
    assert "<small>&lt;img src=x onerror=window.__pwned=8&gt;</small>" in article


@pytest.mark.parametrize(("meta", "expected"), [
    ({"title": "<b>", "template": "a&b.html"}, {"title": "&lt;b&gt;", "template": "a&b.html"}),
    ({"hide": ["toc", "<i>"], "search": {"exclude": "<x>"}, "order": 3},
     {"hide": ["toc", "&lt;i&gt;"], "search": {"exclude": "<x>"}, "order": 3}),
])
def test_escaped_meta(meta: dict, expected: dict) -> None:
    assert pages.escaped_meta(meta) == expected


def test_escaped_meta_takes_the_catalogs_title() -> None:
    assert pages.escaped_meta({"title": True}, "Yes & no") == {"title": "Yes &amp; no"}
