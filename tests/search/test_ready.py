"""What the first query waits for (issue 14: "search ready ≤ 300 ms after load").

The firewall's modules are all asked for by start.js at once; ranking spells each article's terms
as bit masks over the query's clauses, so a query of more clauses than one Int32 holds still ranks
as `helpcenter find` does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.search import find
from tests.builds import ROOT

ASSETS = ROOT / "plugins" / "helpcenter" / "templates" / "assets" / "helpcenter"
IMPORT = re.compile(r"""^(?:import|export)\b[^"';]*?(?:from\s*)?["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)


def _graph(module: Path) -> set[Path]:
    """`module` and every module it imports statically, transitively."""
    seen: set[Path] = set()
    todo = [module.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += [(path.parent / spec).resolve() for spec in IMPORT.findall(path.read_text(encoding="utf-8"))]
    return seen


def test_start_asks_for_the_firewalls_whole_module_graph_at_once() -> None:
    start = ASSETS / "search" / "start.js"
    listed = re.search(r"const FIREWALL = \[([^\]]*)\];", start.read_text(encoding="utf-8"))
    assert listed, "start.js names the firewall's modules in FIREWALL"
    named = {(start.parent / spec).resolve() for spec in re.findall(r'"([^"]+)"', listed.group(1))}
    graph = _graph(ASSETS / "firewall" / "secrets.js")
    assert len(graph) >= 3  # secrets.js → checksums.js → sha256.js: the chain that took three round trips
    assert named == graph


# Typos and an open last word: each unknown word brings up to 16 spellings, the last one its completions.
MANY_CLAUSES = "withdrawl pendng exchnage adress wrong netwrok recieve stakng enrgy bandwith tokn walet fre co"


@pytest.mark.browser
def test_a_query_of_more_clauses_than_a_mask_word_ranks_as_find(page, sample_site: Path, serve) -> None:
    whole = find.Finder(sample_site / "search")
    clauses = whole.language("en").plan(MANY_CLAUSES, True)[2]
    assert len(clauses) > 30  # rank.js BITS: the masks take two Int32s an article
    page.goto(f"{serve(sample_site)}en/")
    page.wait_for_function("window.helpcenter && typeof window.helpcenter.search === 'function'")
    web = page.evaluate("(q) => window.helpcenter.search(q, {lang: 'en'})", MANY_CLAUSES)
    got = [(r["id"], round(r["score"], 2)) for r in web[:10]]
    assert got == [(r.id, round(r.score, 2)) for r in whole.find(MANY_CLAUSES, "en")[:10]]
    assert len(got) == 10
