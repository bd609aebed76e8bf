"""In Chromium: every tree of the sample help center can be walked to a leaf, in English and Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SITE_URL = "https://help.example-wallet.com/"


@pytest.fixture(scope="module")
def sample_url(sample_site: Path, serve) -> str:
    return serve(sample_site)


def pages_with_trees(sample_site: Path) -> list[tuple[str, str, str]]:
    rows = json.loads((sample_site / "articles.json").read_text(encoding="utf-8"))
    return sorted((r["flowchart"], r["lang"], r["url"].removeprefix(SITE_URL)) for r in rows if r["flowchart"])


def walk(page, pick: int) -> list[str]:
    """Answer each question with option `pick` (0 first, -1 last) until a leaf; the headings seen."""
    seen = []
    for _ in range(30):
        seen.append(page.locator("#hc-flow-current").inner_text())
        options = page.locator(".hc-flow__app button.hc-flow__option")
        if options.count() == 0:
            return seen
        options.nth(pick if pick >= 0 else options.count() + pick).click()
    raise AssertionError(f"no leaf after 30 steps: {seen}")


def test_every_tree_walks_to_a_leaf_both_ways(page, sample_site: Path, sample_url: str) -> None:
    found = pages_with_trees(sample_site)
    trees = sorted(p.stem for p in (ROOT / "docs" / "flowcharts").glob("*.yml"))
    assert sorted({tree for tree, _, _ in found}) == trees  # every tree of the sample is shown
    assert len(found) == 2 * len(trees)  # in both languages
    for tree, lang, url in found:
        for pick in (0, -1):
            page.goto(sample_url + url)
            assert page.locator(f'[data-hc-flow="{tree}"][lang="{lang}"]').count() == 1
            steps = walk(page, pick)
            leaf = page.locator(".hc-flow__app a.hc-flow__article, .hc-flow__app [data-hc-ticket]")
            assert leaf.count() == 1, (tree, lang, pick, steps)
            assert len(steps) >= 2
