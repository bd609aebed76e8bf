"""Search and build speed against plain Material for MkDocs and Pagefind, on generated help centers.

For each corpus size (articles per language, en and zh; tools/search_corpus.py) this builds the
same Markdown three ways: with our plugins (helpcenter-articles, -links, -search), with plain
Material (`navigation.prune` + its `search` plugin), and with Material without search followed by
Pagefind (the PyPI package, its extended binary, which segments Chinese; zh pages are marked
`lang="zh"` first, as a bilingual site has them). It times each build (wall time and peak RSS, best
of --runs; Pagefind: the MkDocs build plus the indexing) and then drives the three sites in
headless Chromium from an English and a Chinese article:

- ready: from the load event, in which the page itself types the first query, until its first
  result shows (Pagefind: its API has answered and the top five results' data are loaded);
- typed → result: median time from a keystroke to the results changing (a reader typing at
  ~7 keys/s once search is ready); Pagefind through its JS API (search, then the top five
  results' data, as its UI loads them), without its UI's debounce;
- bytes (gzip): before the first result ("search" being what only search needs), for each later
  query, and for a session of five different queries; requests per keystroke while typing new
  queries, and while typing one of them again (what its keys need is cached by then).

With --shares it also builds each of ours and Material without its search, in the same turns, and
prints what search adds to each build: the room our index has within Material's build time and RSS.

Build time growth is fitted as time ∝ n^k over the sizes (k is printed), and the gzip size of one
article page tells whether page HTML stays flat as the help center grows.

    python tools/search_bench.py [--sizes 200 1000 10000] [--runs 2] [--work /tmp/search-bench]
                                 [--flavors helpcenter material pagefind] [--shares]
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import json
import math
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
from search_corpus import flavored, generate  # noqa: E402

FLAVORS = ("helpcenter", "material", "pagefind")
NAMES = {"helpcenter": "ours", "material": "Material (prune + search)", "pagefind": "Pagefind"}
BARE = {"helpcenter": "helpcenter-bare", "material": "material-bare"}  # the same builds without search
# Five different queries: the first is typed right after load, the others one after the other.
QUERIES = {"en": ["energy", "recovery phrase", "usdt transfer failed", "bandwidth", "withdraw to exchange"],
           "zh": ["能量", "助记词", "转账失败", "带宽不足", "提币到交易所"]}
KEY_DELAY_MS = 150
SEARCH_ONLY = ("/search/", "lunr", "search", "bip39-wordlists", "/workers/", "/pagefind/")
SELECTORS = {
    "helpcenter": {"input": "[data-hc-search-input]", "item": ".hc-search .md-search-result__item",
                   "results": ".hc-search .md-search-result"},
    "material": {"input": "input[data-md-component=search-query]", "item": ".md-search-result__item",
                 "results": "[data-md-component=search-result]"},
}
PAGEFIND = [sys.executable, "-m", "pagefind_bin_extended"]


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
    query_bytes: list[int] = field(default_factory=list)  # search bytes each later query fetched
    requests_per_key: float = 0.0
    cached_requests_per_key: float = 0.0  # typing a query the second time
    missed_keys: int = 0

    @property
    def session_bytes(self) -> int:
        """Search bytes of the five queries: the first one's and every later one's."""
        return self.bytes_search + sum(self.query_bytes)


def _timed(command: list[str], cwd: Path) -> tuple[float, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], cwd=cwd, env=env, capture_output=True,
                            text=True, check=True)
    wall, kib = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kib) / 1024


def time_build(project: Path, flavor: str) -> tuple[float, float]:
    """One build in fresh processes: wall seconds and peak RSS in MiB (Pagefind: MkDocs, then its index)."""
    shutil.rmtree(project / "site", ignore_errors=True)
    wall, rss = _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], project)
    if flavor != "pagefind":
        return wall, rss
    # A bilingual site marks its Chinese pages; Material configured for one language marks none.
    for page in (project / "site" / "zh").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace('<html lang="en"', '<html lang="zh"', 1), encoding="utf-8")
    index_wall, index_rss = _timed([*PAGEFIND, "--site", "site", "--silent"], project)
    return wall + index_wall, max(rss, index_rss)


def time_builds(projects: dict[str, Path], runs: int) -> dict[str, Build]:
    """Builds of every flavor taken in turns (so a slow spell of the machine hits both alike);
    the fastest wall time and the smallest peak RSS of each."""
    seen: dict[str, list[tuple[float, float]]] = {flavor: [] for flavor in projects}
    for _ in range(runs):
        for flavor, project in projects.items():
            seen[flavor].append(time_build(project, flavor))
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

# The first query is typed in the page's own load event (a script added before the page's own), so
# "ready" is the page's and not the driver's: evaluating it afterwards took Playwright 35-190 ms of
# round trips on a busy page. The first result's arrival is noted by an observer, not by polling.
AT_LOAD = """([flavor, selector, item, text]) => {
  const deadline = 300000;  // a search that is not ready in 5 minutes
  addEventListener('load', () => {
    const start = performance.now();
    if (flavor === 'pagefind') {
      window.__first = (async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const found = await pagefind.search(text);
        await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
        if (!found.results.length) throw new Error('pagefind found nothing for ' + text);
        window.__pagefind = pagefind;
        return performance.now();
      })();
      return;
    }
    window.__first = new Promise((resolve) => {
      const seen = () => document.querySelector(item) && (resolve(performance.now()), true);
      const observer = new MutationObserver(() => seen() && observer.disconnect());
      observer.observe(document.body, {childList: true, subtree: true});
      setTimeout(() => { observer.disconnect(); resolve(null); }, deadline);
    });
    const input = document.querySelector(selector);
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  });
}"""

READY = """async () => {
  const at = await window.__first;
  if (at === null) return null;
  const loaded = performance.getEntriesByType('navigation')[0].loadEventStart;
  return {ready: at - loaded, at: performance.timeOrigin + at};
}"""


# Pagefind has no box of its own here: each keystroke searches the text so far through its API and
# loads the top five results' data (what its UI shows), timed from the keystroke.
PAGEFIND_TYPE = """async ([text, delay]) => {
  const typed = [];
  let value = '';
  for (const ch of text) {
    value += ch;
    const start = performance.now();
    const found = await window.__pagefind.search(value);
    await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
    typed.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, delay - (performance.now() - start))));
  }
  return typed;
}"""


def browse(browser, base: str, site: Path, flavor: str, lang: str) -> Browse:
    """Open an article page with a cold cache and measure search on it."""
    sizes = _Sizes(site)
    context = browser.new_context()
    page = context.new_page()
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    css = SELECTORS.get(flavor, {"input": "", "item": ""})
    page.add_init_script(f"({AT_LOAD})({json.dumps([flavor, css['input'], css['item'], QUERIES[lang][0]])})")
    page.goto(f"{base}{lang}/getting-started/gen-0000/", wait_until="load")
    first = page.evaluate(READY)
    if first is None:  # Material at 10,000 articles per language: no answer in 5 minutes
        context.close()
        return Browse(ready_ms=math.inf, bytes_total=-1, bytes_search=-1)
    if flavor != "pagefind":
        page.evaluate(OBSERVE, css["results"])
    page.wait_for_timeout(2000)  # background loads (an index loaded after the first answer) finish first

    def done_by(request) -> float:
        timing = request.timing
        return timing["startTime"] + max(timing["responseEnd"], 0)

    def search_bytes(urls) -> int:
        return sum(sizes(u) for u in urls if any(s in u for s in SEARCH_ONLY))

    before = [r.url for r in finished if done_by(r) <= first["at"]]
    result = Browse(ready_ms=first["ready"], bytes_total=sum(sizes(u) for u in before),
                    bytes_search=search_bytes(before))
    result.query_bytes.append(search_bytes([r.url for r in finished if done_by(r) > first["at"]]))
    typing_from = len(finished)
    keys = 0
    for query in QUERIES[lang][1:] + QUERIES[lang][:1]:
        started = len(finished)
        keys += _type(page, flavor, query, result)
        if query != QUERIES[lang][0]:  # the first query again: what it costs the second time is not new
            result.query_bytes.append(search_bytes([r.url for r in finished[started:]]))
    # The first query's own later loads (a body tier after the first answer) count with it.
    result.bytes_search += result.query_bytes.pop(0)
    result.requests_per_key = (len(finished) - typing_from) / max(keys, 1)
    # A query typed again, key by key: everything its keystrokes need has been fetched once.
    started = len(finished)
    keys = _type(page, flavor, QUERIES[lang][1], None)
    result.cached_requests_per_key = (len(finished) - started) / max(keys, 1)
    context.close()
    return result


def _type(page, flavor: str, query: str, result: Browse | None) -> int:
    """Type `query` into an empty box at KEY_DELAY_MS a key, timing each key into `result` (if given);
    the number of keys."""
    if flavor == "pagefind":
        typed = page.evaluate(PAGEFIND_TYPE, [query, KEY_DELAY_MS])
        if result:
            result.typed_ms += typed
        page.wait_for_timeout(300)
        return len(typed)
    css = SELECTORS[flavor]
    page.fill(css["input"], "")
    page.evaluate("window.__bench.changes = []")
    pressed = page.evaluate(TYPE, [css["input"], query, KEY_DELAY_MS])
    page.wait_for_timeout(300)
    changes = page.evaluate("window.__bench.changes")
    for t in pressed if result else ():
        after = [c - t for c in changes if c >= t]
        if after and after[0] < 1000:
            result.typed_ms.append(after[0])
        else:
            result.missed_keys += 1
    page.wait_for_timeout(300)
    return len(pressed)


def _kib(n: int) -> str:
    return f"{n / 1024:.0f} KiB"


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs else "n/a"


def report_size(n: int, builds: dict[str, Build], pages: dict[tuple[str, str], Browse],
                data: dict[str, str], html: dict[str, int], flavors: tuple[str, ...] = FLAVORS) -> str:
    """One size's tables, as printed."""
    ours = builds["helpcenter"]
    head = " | ".join(NAMES[f] for f in flavors)
    ratios = " | ".join(f"ours / {NAMES[f].split()[0]}" for f in flavors[1:])
    lines = [f"\n## {n} articles per language (en + zh = {2 * n} pages)\n",
             f"| build | {head} | {ratios} |", "|---" * (2 * len(flavors)) + "|",
             "| `mkdocs build` wall time | " + " | ".join(f"{builds[f].seconds:.1f} s" for f in flavors) + " | "
             + " | ".join(_ratio(ours.seconds, builds[f].seconds) for f in flavors[1:]) + " |",
             "| peak RSS | " + " | ".join(f"{builds[f].rss_mib:.0f} MiB" for f in flavors) + " | "
             + " | ".join(_ratio(ours.rss_mib, builds[f].rss_mib) for f in flavors[1:]) + " |",
             "| article page HTML, gzip | " + " | ".join(_kib1(html[f]) for f in flavors) + " | "
             + " | ".join(_ratio(html["helpcenter"], html[f]) for f in flavors[1:]) + " |",
             "", f"| reader, page language | metric | {head} |", "|---|---" + "|---" * len(flavors) + "|"]
    for lang in ("en", "zh"):
        seen = [pages[(f, lang)] for f in flavors]
        rows = [
            ("search ready after load", [f"{b.ready_ms:.0f} ms" for b in seen]),
            ("typed → result, median", [f"{_median(b.typed_ms)} ms" for b in seen]),
            ("bytes before first result, all", [_kib(b.bytes_total) for b in seen]),
            ("bytes before first result, search", [_kib(b.bytes_search) for b in seen]),
            ("search bytes per later query, max", [_kib(max(b.query_bytes or [0])) for b in seen]),
            ("search bytes, session of five queries", [_kib(b.session_bytes) for b in seen]),
            ("requests per keystroke, new queries", [f"{b.requests_per_key:.2f}" for b in seen]),
            ("requests per keystroke, a query typed again", [f"{b.cached_requests_per_key:.2f}" for b in seen]),
            ("keystrokes without a visible update", [str(b.missed_keys) for b in seen]),
        ]
        for column, b in enumerate(seen):
            if math.isinf(b.ready_ms):  # no first answer in 5 minutes: nothing else was measured
                for _, values in rows:
                    values[column] = "> 300000 ms" if values is rows[0][1] else "n/a"
        lines += [f"| {lang} | {metric} | " + " | ".join(values) + " |" for metric, values in rows]
    lines += ["", "| search data, gzip | en | zh |", "|---|---|---|"]
    lines += [f"| {what} | {data['en/' + what]} | {data['zh/' + what]} |"
              for what in ("ours, meta.json (first tier)", "ours, postings shards (count, median, max)",
                           "ours, words chunks (count, max)", "ours, one article (median)")]
    lines.append(f"| Material, search_index.json (both languages) | {data['material']} | |")
    return "\n".join(lines)


def report_growth(sizes: list[int], every: dict[int, dict[str, Build]], flavors: tuple[str, ...] = FLAVORS) -> str:
    """Build time and peak RSS per size and flavor, and the fitted exponent k of time ∝ n^k."""
    lines = ["\n## Growth\n", "| flavor | " + " | ".join(f"{n}: wall / RSS" for n in sizes) + " | k (time ∝ n^k) |",
             "|---" * (len(sizes) + 2) + "|"]
    for flavor in flavors:
        cells = [f"{every[n][flavor].seconds:.1f} s / {every[n][flavor].rss_mib:.0f} MiB" for n in sizes]
        lines.append(f"| {NAMES[flavor]} | " + " | ".join(cells) + f" | {_exponent(sizes, every, flavor)} |")
    return "\n".join(lines)


def report_shares(n: int, builds: dict[str, Build]) -> str:
    """What search adds to ours and to Material's build, and the room it leaves ours (--shares)."""
    rows = []
    for flavor, bare in BARE.items():
        full, without = builds[flavor], builds[bare]
        rows.append(f"| {NAMES[flavor]} | {without.seconds:.2f} s / {without.rss_mib:.0f} MiB | {full.seconds:.2f} s"
                    f" / {full.rss_mib:.0f} MiB | {full.seconds - without.seconds:+.2f} s / "
                    f"{full.rss_mib - without.rss_mib:+.1f} MiB |")
    ours, material = builds[BARE["helpcenter"]], builds["material"]
    return "\n".join([f"\n### What search adds to the build at {n}\n",
                      "| build | without search | with search | search's share |", "|---|---|---|---|", *rows,
                      "", f"Ours without search against Material with search: {_ratio(ours.seconds, material.seconds)}"
                      f" wall time, {_ratio(ours.rss_mib, material.rss_mib)} peak RSS; the rest is what our index"
                      f" may cost within 1.0x: {material.seconds - ours.seconds:+.2f} s, "
                      f"{material.rss_mib - ours.rss_mib:+.1f} MiB."])


def _exponent(sizes: list[int], every: dict[int, dict[str, Build]], flavor: str) -> str:
    if len(sizes) < 2:
        return "n/a"
    xs = [math.log(n) for n in sizes]
    ys = [math.log(every[n][flavor].seconds) for n in sizes]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return f"{sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs):.2f}"


def _kib1(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def _gzip(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def search_data(site: Path) -> dict[str, str]:
    """Gzip sizes of our search files per language, as table cells."""
    cells = {}
    for lang in ("en", "zh"):
        folder = site / "search" / lang
        postings = sorted(_gzip(p) for p in (folder / "p").iterdir())
        words = [_gzip(p) for p in (folder / "w").iterdir()]
        docs = sorted(_gzip(p) for p in sorted((folder / "d").iterdir())[:200])
        cells[f"{lang}/ours, meta.json (first tier)"] = _kib(_gzip(folder / "meta.json"))
        cells[f"{lang}/ours, postings shards (count, median, max)"] = (
            f"{len(postings)}, {_kib1(statistics.median(postings))}, {_kib1(postings[-1])}")
        cells[f"{lang}/ours, words chunks (count, max)"] = f"{len(words)}, {_kib1(max(words))}"
        cells[f"{lang}/ours, one article (median)"] = _kib1(statistics.median(docs))
    return cells


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.0f}" if values else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--runs", type=int, default=2, help="builds per flavor; the best one counts")
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-bench"))
    parser.add_argument("--flavors", nargs="+", choices=FLAVORS, default=list(FLAVORS),
                        help="what to build and browse (ours always; the others for their columns)")
    parser.add_argument("--shares", action="store_true",
                        help="also build ours and Material without search, in the same turns (search's share)")
    parser.add_argument("--browse-only", action="store_true",
                        help="browse the sites already built in --work: no corpus, no builds (build figures nan)")
    args = parser.parse_args()
    flavors = tuple(f for f in FLAVORS if f in args.flavors or f == "helpcenter")
    if args.shares and "material" not in flavors:
        parser.error("--shares compares with Material's build: keep 'material' in --flavors")
    from playwright.sync_api import sync_playwright

    # Installed packages are byte-compiled (pip does it); our package may be an editable checkout.
    compileall.compile_dir(str(Path(helpcenter.__file__).parent), quiet=1)

    print(f"# Search benchmark ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}; best of {args.runs} builds)")
    every: dict[int, dict[str, Build]] = {}
    for n in args.sizes:
        pages: dict[tuple[str, str], Browse] = {}
        if args.browse_only:
            projects = {flavor: args.work / f"{flavor}-{n}" for flavor in flavors}
            builds = every[n] = {flavor: Build(math.nan, math.nan) for flavor in flavors}
        else:
            source = generate(args.work / f"helpcenter-{n}", n, "helpcenter")
            projects = {flavor: source if flavor == "helpcenter"
                        else flavored(source, args.work / f"{flavor}-{n}", flavor) for flavor in flavors}
            built = dict(projects)
            if args.shares:
                built |= {bare: flavored(source, args.work / f"{bare}-{n}", bare) for bare in BARE.values()}
            builds = every[n] = time_builds(built, args.runs)
        sites = {flavor: project / "site" for flavor, project in projects.items()}
        data = search_data(sites["helpcenter"])
        material = sites.get("material")
        data["material"] = _kib(_gzip(material / "search" / "search_index.json")) if material else "n/a"
        html = {flavor: _gzip(site / "en" / "getting-started" / "gen-0000" / "index.html")
                for flavor, site in sites.items()}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for flavor in flavors:
                server, base = serve(sites[flavor])
                try:
                    for lang in ("en", "zh"):
                        pages[(flavor, lang)] = browse(browser, base, sites[flavor], flavor, lang)
                finally:
                    server.shutdown()
            browser.close()
        print(report_size(n, builds, pages, data, html, flavors), flush=True)
        if args.shares and not args.browse_only:
            print(report_shares(n, builds), flush=True)
    print(report_growth(args.sizes, every, flavors), flush=True)


if __name__ == "__main__":
    main()
