"""Search and build speed against plain Material for MkDocs, on generated help centers.

For each corpus size (articles per language, en and zh; tools/search_corpus.py) this builds the
same Markdown twice: with our plugins (helpcenter-articles, -links, -search) and with plain Material
(`navigation.prune` + its `search` plugin). It times `mkdocs build` (wall time, peak RSS, best of
--runs) and then drives both sites in headless Chromium, from an English and a Chinese article:

- ready: from the load event until a query typed right away shows its first result;
- typed → result: median time from a keystroke to the results list changing (a reader typing
  at ~7 keys/s once search is ready);
- bytes before first result: gzip size of every response the page needed up to its first result,
  "search" being the part that only search needs (index files, workers, lunr, word lists);
- requests per keystroke: requests made while typing, per key.

    python tools/search_bench.py [--sizes 200 1000] [--runs 2] [--work /tmp/search-bench]
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

# A sibling script (not a package), and the tests' Chromium launcher (path and flags) and server.
sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from tests.browser import launch, serve  # noqa: E402

import helpcenter  # noqa: E402
from search_corpus import generate  # noqa: E402

FLAVORS = ("helpcenter", "material")
QUERIES = {"en": ["energy", "recovery phrase", "usdt transfer failed", "bandwidth"],
           "zh": ["能量", "助记词", "转账失败", "带宽不足"]}
KEY_DELAY_MS = 150
SEARCH_ONLY = ("/search/", "lunr", "search", "bip39-wordlists", "/workers/")
SELECTORS = {
    "helpcenter": {"input": "[data-hc-search-input]", "item": ".hc-search .md-search-result__item",
                   "results": ".hc-search .md-search-result"},
    "material": {"input": "input[data-md-component=search-query]", "item": ".md-search-result__item",
                 "results": "[data-md-component=search-result]"},
}


@dataclass
class Build:
    """Best-of-runs `mkdocs build` figures."""

    seconds: float
    rss_mib: float


@dataclass
class Browse:
    """What a reader on one page of one site experiences."""

    ready_ms: float
    typed_ms: list[float] = field(default_factory=list)
    bytes_total: int = 0
    bytes_search: int = 0
    requests_per_key: float = 0.0
    missed_keys: int = 0


def time_build(project: Path) -> tuple[float, float]:
    """One `mkdocs build` in a fresh process: wall seconds and peak RSS in MiB."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(project / "site", ignore_errors=True)
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"],
        cwd=project, env=env, capture_output=True, text=True, check=True)
    wall, kib = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kib) / 1024


def time_builds(projects: dict[str, Path], runs: int) -> dict[str, Build]:
    """Builds of every flavor taken in turns (so a slow spell of the machine hits both alike);
    the fastest wall time and the smallest peak RSS of each."""
    seen: dict[str, list[tuple[float, float]]] = {flavor: [] for flavor in projects}
    for _ in range(runs):
        for flavor, project in projects.items():
            seen[flavor].append(time_build(project))
    return {flavor: Build(min(s for s, _ in runs_), min(r for _, r in runs_)) for flavor, runs_ in seen.items()}


class _Sizes:
    """gzip -6 size of each served file (what a server with compression would send)."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.cache: dict[str, int] = {}

    def __call__(self, url: str) -> int:
        path = urlparse(url).path
        if path not in self.cache:
            target = self.site / path.lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            self.cache[path] = len(gzip.compress(target.read_bytes(), 6)) if target.is_file() else 0
        return self.cache[path]


OBSERVE = """(selector) => {
  window.__bench = {changes: []};
  const start = () => {
    const target = document.querySelector(selector);
    if (!target) return setTimeout(start, 5);
    new MutationObserver(() => window.__bench.changes.push(performance.now()))
      .observe(target, {childList: true, subtree: true, characterData: true});
  };
  start();
}"""

# Typing from inside the page, so that Chinese (which Playwright inserts without key events) and
# English go the same way: each key sets the value and fires input (ours) and keyup (Material's).
TYPE = """async ([selector, text, delay]) => {
  const input = document.querySelector(selector);
  input.focus();
  const keys = [];
  for (const ch of text) {
    keys.push(performance.now());
    input.value += ch;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: ch}));
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return keys;
}"""

READY = """async ([selector, item, text]) => {
  const input = document.querySelector(selector);
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  const deadline = performance.now() + 60000;
  while (!document.querySelector(item)) {
    if (performance.now() > deadline) throw new Error('no result within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
  return {ready: performance.now() - loaded, at: performance.timeOrigin + performance.now()};
}"""


def browse(browser, base: str, site: Path, flavor: str, lang: str) -> Browse:
    """Open an article page with a cold cache and measure search on it."""
    css = SELECTORS[flavor]
    sizes = _Sizes(site)
    context = browser.new_context()
    page = context.new_page()
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(f"{base}{lang}/getting-started/gen-0000/", wait_until="load")
    page.evaluate(OBSERVE, css["results"])
    first = page.evaluate(READY, [css["input"], css["item"], QUERIES[lang][0]])
    page.wait_for_timeout(2000)  # background loads (a body tier) finish before keystrokes are timed

    def done_by(request) -> float:
        timing = request.timing
        return timing["startTime"] + max(timing["responseEnd"], 0)

    before = [r.url for r in finished if done_by(r) <= first["at"]]
    result = Browse(ready_ms=first["ready"], bytes_total=sum(sizes(u) for u in before),
                    bytes_search=sum(sizes(u) for u in before if any(s in u for s in SEARCH_ONLY)))
    typing_from = len(finished)
    keys = 0
    for query in QUERIES[lang][1:] + QUERIES[lang][:1]:
        page.fill(css["input"], "")
        page.evaluate("window.__bench.changes = []")
        pressed = page.evaluate(TYPE, [css["input"], query, KEY_DELAY_MS])
        page.wait_for_timeout(300)
        changes = page.evaluate("window.__bench.changes")
        keys += len(pressed)
        for t in pressed:
            after = [c - t for c in changes if c >= t]
            if after and after[0] < 1000:
                result.typed_ms.append(after[0])
            else:
                result.missed_keys += 1
    result.requests_per_key = (len(finished) - typing_from) / max(keys, 1)
    context.close()
    return result


def _kib(n: int) -> str:
    return f"{n / 1024:.0f} KiB"


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs else "n/a"


def report_size(n: int, builds: dict[str, Build], pages: dict[tuple[str, str], Browse],
                data: dict[str, int]) -> str:
    """One size's tables, as printed."""
    hc, mat = builds["helpcenter"], builds["material"]
    lines = [f"\n## {n} articles per language (en + zh = {2 * n} pages)\n",
             "| build | ours | Material (prune + search) | ratio |", "|---|---|---|---|",
             f"| `mkdocs build` wall time | {hc.seconds:.1f} s | {mat.seconds:.1f} s "
             f"| {_ratio(hc.seconds, mat.seconds)} |",
             f"| peak RSS | {hc.rss_mib:.0f} MiB | {mat.rss_mib:.0f} MiB | {_ratio(hc.rss_mib, mat.rss_mib)} |",
             "", "| reader, page language | metric | ours | Material | ratio |", "|---|---|---|---|---|"]
    for lang in ("en", "zh"):
        ours, theirs = pages[("helpcenter", lang)], pages[("material", lang)]
        rows = [
            ("search ready after load", f"{ours.ready_ms:.0f} ms", f"{theirs.ready_ms:.0f} ms",
             _ratio(ours.ready_ms, theirs.ready_ms)),
            ("typed → result, median", f"{_median(ours.typed_ms)} ms", f"{_median(theirs.typed_ms)} ms",
             _ratio(statistics.median(ours.typed_ms or [0]), statistics.median(theirs.typed_ms or [0]))),
            ("bytes before first result, all", _kib(ours.bytes_total), _kib(theirs.bytes_total),
             _ratio(ours.bytes_total, theirs.bytes_total)),
            ("bytes before first result, search", _kib(ours.bytes_search), _kib(theirs.bytes_search),
             _ratio(ours.bytes_search, theirs.bytes_search)),
            ("requests per keystroke", f"{ours.requests_per_key:.2f}", f"{theirs.requests_per_key:.2f}", ""),
            ("keystrokes without a visible update", str(ours.missed_keys), str(theirs.missed_keys), ""),
        ]
        lines += [f"| {lang} | {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += ["", "| search data, gzip | en | zh |", "|---|---|---|",
              f"| ours, tier 1 (first answer) | {_kib(data['en/tier1'])} | {_kib(data['zh/tier1'])} |",
              f"| ours, tier 2 (body, loaded while typing) | {_kib(data['en/tier2'])} | {_kib(data['zh/tier2'])} |",
              f"| Material, search_index.json (both languages) | {_kib(data['material'])} | |"]
    return "\n".join(lines)


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.0f}" if values else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--runs", type=int, default=2, help="builds per flavor; the best one counts")
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-bench"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    # Installed packages are byte-compiled (pip does it); our package may be an editable checkout.
    compileall.compile_dir(str(Path(helpcenter.__file__).parent), quiet=1)

    print(f"# Search benchmark ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}; best of {args.runs} builds)")
    for n in args.sizes:
        pages: dict[tuple[str, str], Browse] = {}
        projects = {flavor: generate(args.work / f"{flavor}-{n}", n, flavor) for flavor in FLAVORS}
        builds = time_builds(projects, args.runs)
        sites = {flavor: project / "site" for flavor, project in projects.items()}
        data = {f"{lang}/{tier}": len(gzip.compress((sites["helpcenter"] / "search" / lang / f"{tier}.json")
                                                    .read_bytes(), 6))
                for lang in ("en", "zh") for tier in ("tier1", "tier2")}
        data["material"] = len(gzip.compress((sites["material"] / "search" / "search_index.json").read_bytes(), 6))
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for flavor in FLAVORS:
                server, base = serve(sites[flavor])
                try:
                    for lang in ("en", "zh"):
                        pages[(flavor, lang)] = browse(browser, base, sites[flavor], flavor, lang)
                finally:
                    server.shutdown()
            browser.close()
        print(report_size(n, builds, pages, data), flush=True)


if __name__ == "__main__":
    main()
