"""Relevance of the site search: run the evaluation queries through window.helpcenter.search.

Builds the help center (or uses --site), serves it locally, asks Debian's Chromium for the ranked
results of every query of the evaluation set and prints MRR@10 and success@1/3/10 overall, per
language and per tag. The set's format and metrics: ../shared/search-eval/README.md.

    python tools/search_eval.py [--queries ../shared/search-eval/public.yml] [--failures]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The tests' own build, server and Chromium launcher (path and flags), so the figures come from the same browser.
from tests.browser import launch, serve  # noqa: E402
from tests.builds import build_into  # noqa: E402

QUERIES = ROOT.parent / "shared" / "search-eval" / "public.yml"
K = 10


def search_lang(query: dict[str, Any]) -> str:
    """The page language a reader of this query would search from (mixed queries are Chinese)."""
    return "en" if query.get("lang") == "en" else "zh"


def run_queries(base: str, queries: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Query id → ranked article ids, from window.helpcenter.search in Chromium."""
    from playwright.sync_api import sync_playwright

    ranked: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(base + "en/")
        page.wait_for_function("() => window.helpcenter && window.helpcenter.search")
        for query in queries:
            results = page.evaluate("([q, lang]) => window.helpcenter.search(q, {lang})",
                                    [query["q"], search_lang(query)])
            ranked[query["id"]] = [r["id"] for r in results]
        browser.close()
    return ranked


def rank_of(query: dict[str, Any], ids: list[str]) -> int | None:
    """1-based rank of the first expected id within the top K, else None."""
    for position, article_id in enumerate(ids[:K], 1):
        if article_id in query["expected"]:
            return position
    return None


def metrics(ranks: list[int | None]) -> dict[str, float]:
    """MRR@10 and success@1/3/10 of a list of ranks."""
    n = len(ranks) or 1
    return {
        "n": len(ranks),
        "mrr@10": sum(1 / r for r in ranks if r) / n,
        **{f"s@{k}": sum(1 for r in ranks if r and r <= k) / n for k in (1, 3, 10)},
    }


def report(queries: list[dict[str, Any]], ranked: dict[str, list[str]], failures: bool) -> str:
    """The printed tables: overall, per language, per tag; then the misses when asked."""
    groups: dict[str, list[int | None]] = defaultdict(list)
    for query in queries:
        rank = rank_of(query, ranked[query["id"]])
        groups["all"].append(rank)
        groups[f"lang:{query['lang']}"].append(rank)
        for tag in query.get("tags", []):
            groups[f"tag:{tag}"].append(rank)
    lines = [f"{'group':<22}{'n':>4}{'MRR@10':>9}{'s@1':>7}{'s@3':>7}{'s@10':>7}"]
    for name in sorted(groups, key=lambda g: (g != "all", not g.startswith("lang:"), g)):
        m = metrics(groups[name])
        lines.append(f"{name:<22}{m['n']:>4}{m['mrr@10']:>9.3f}{m['s@1']:>7.3f}{m['s@3']:>7.3f}{m['s@10']:>7.3f}")
    if failures:
        lines.append("\nnot in the top 3:")
        for query in queries:
            rank = rank_of(query, ranked[query["id"]])
            if not rank or rank > 3:
                shown = "(sensitive)" if query.get("sensitive") else query["q"]
                lines.append(f"  {query['id']} rank {rank} {shown!r} expected {query['expected']} "
                             f"got {ranked[query['id']][:3]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--project", type=Path, default=ROOT, help="folder of the mkdocs.yml to build")
    parser.add_argument("--site", type=Path, help="an already built site (skips the build)")
    parser.add_argument("--failures", action="store_true", help="list the queries that miss the top 3")
    args = parser.parse_args()
    queries = YAML(typ="safe", pure=True).load(args.queries.read_text(encoding="utf-8"))["queries"]
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_into(args.project, Path(tmp) / "site")
        server, base = serve(site)
        try:
            ranked = run_queries(base, queries)
        finally:
            server.shutdown()
    print(f"{args.queries.name}: {len(queries)} queries")
    print(report(queries, ranked, args.failures))


if __name__ == "__main__":
    main()
