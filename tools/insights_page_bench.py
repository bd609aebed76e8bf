"""What helpcenter-insights costs readers: script size, and page load with and without it, same run.

Builds the sample help center twice (mkdocs.yml as is, and without the helpcenter-insights entry),
serves both on 127.0.0.1 and loads the same pages in headless Chromium in turns (with, without,
with, …), each in a fresh context (cold cache). Per page and flavor, medians of:

- first paint and first contentful paint (Paint Timing), DOMContentLoaded and the load event
  (Navigation Timing), from navigation start;
- search ready: from the load event until a query typed right away shows its first result;
- the page's own HTML, gzip (the question and the endpoint meta are in it).

With the plugin, events go to a collector that does not exist (a closed port on 127.0.0.1): what
the page does until it leaves is the same, and no request is sent before the page is hidden.
Also prints the gzip size of each insights module and when it loads.

    python tools/insights_page_bench.py [--rounds 5] [--work /tmp/insights-page-bench]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent)]
from tests.browser import launch, serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "plugins" / "helpcenter" / "templates" / "assets" / "helpcenter"
SAMPLE_FILES = ("mkdocs.yml", "docs", "search", "url-history.yml")
PAGES = ("en/", "en/troubleshooting/tx-pending/", "zh/getting-started/create-wallet/")
QUERY = {"en": "energy", "zh": "能量"}
MODULES = {"insights/insights.js": "every page, after it is parsed (type=module)",
           "insights/insights.css": "with the question, which is hidden until then",
           "insights/feedback.js": "when a reader votes",
           "insights/searches.js": "after the first keystroke in the search box, once the browser is idle",
           "insights/events.js": "with the first keystroke (or at once with format: plausible)"}
FLAVORS = ("with", "without")
# Paint entries can be reported after the load event: wait for them (up to 3 s).
TIMING = """async () => {
  const paints = () => Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
  for (let i = 0; i < 60 && !paints()['first-contentful-paint']; i += 1) await new Promise((r) => setTimeout(r, 50));
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = paints();
  return {fp: paint['first-paint'] ?? paint['first-contentful-paint'], fcp: paint['first-contentful-paint'],
          dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
}"""


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(work: Path, flavor: str, port: int) -> Path:
    """The sample, with its endpoint at a closed port, or without the plugin."""
    project = work / flavor
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in SAMPLE_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if flavor == "with":
        text = text.replace("127.0.0.1:8300", f"127.0.0.1:{port}")
    else:
        text, found = re.subn(r"  - helpcenter-insights:\n(?:      .*\n)+", "", text)
        assert found == 1, "the sample's mkdocs.yml has no helpcenter-insights entry"
    config.write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=project, env=env, check=True)
    return project / "site"


def visit(browser, url: str, lang: str, site: Path, base: str) -> dict[str, float]:
    """One cold load of `url`: paint and load times, search ready, the page's HTML (gzip KiB)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="load")
    timing = page.evaluate(TIMING)
    start = page.evaluate("performance.now()")
    page.keyboard.press("/")
    page.fill("[data-hc-search-input]", QUERY[lang])
    page.wait_for_selector(".hc-search .md-search-result__item")
    timing["search"] = page.evaluate("performance.now()") - start
    timing["kib"] = gzipped(site, base, url) / 1024
    context.close()
    return timing


def gzipped(site: Path, base: str, url: str) -> int:
    """The gzip size of a file the site served (0 for anything else)."""
    if not url.startswith(base):
        return 0
    path = site / url[len(base):].split("?")[0].split("#")[0]
    if path.is_dir() or url.endswith("/"):
        path = path / "index.html"
    return len(gzip.compress(path.read_bytes(), 9)) if path.is_file() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/insights-page-bench"))
    args = parser.parse_args()
    print("insights modules (gzip -9):")
    total = 0
    for name, when in MODULES.items():
        size = len(gzip.compress((ASSETS / name).read_bytes(), 9))
        total += size
        print(f"  {name:24} {size:5} B  loads {when}")
    print(f"  {'all of them':24} {total:5} B")
    port = closed_port()
    sites = {flavor: build(args.work, flavor, port) for flavor in FLAVORS}
    servers = {flavor: serve(site) for flavor, site in sites.items()}
    from playwright.sync_api import sync_playwright

    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for flavor in FLAVORS:  # warm the server and the disk once, not measured
            visit(browser, servers[flavor][1] + PAGES[0], "en", sites[flavor], servers[flavor][1])
        for _ in range(args.rounds):
            for page in PAGES:
                for flavor in FLAVORS:
                    base = servers[flavor][1]
                    results.setdefault((page, flavor), []).append(
                        visit(browser, base + page, page.split("/")[0], sites[flavor], base))
        browser.close()
    for server, _ in servers.values():
        server.shutdown()
    print(f"\nmedians of {args.rounds} cold loads each, ms from navigation start (search: ms from load to "
          "first result; KiB: the page's HTML, gzip)")
    print(f"{'page':36} {'flavor':8} {'first paint':>11} {'FCP':>7} {'DCL':>7} {'load':>7} {'search':>7} "
          f"{'HTML KiB':>8}")
    for page in PAGES:
        for flavor in FLAVORS:
            runs = results[(page, flavor)]
            figures = [statistics.median(r[key] for r in runs if r[key] is not None)
                       for key in ("fp", "fcp", "dcl", "load", "search", "kib")]
            print(f"{page:36} {flavor:8} {figures[0]:11.1f} {figures[1]:7.1f} {figures[2]:7.1f} {figures[3]:7.1f} "
                  f"{figures[4]:7.1f} {figures[5]:8.2f}")
    # Loads in the same round ran back to back: their differences cancel the machine's drift.
    print("\nwith minus without, per round (median and quartiles, ms)")
    for page in PAGES:
        pairs = list(zip(results[(page, "with")], results[(page, "without")], strict=True))
        cells = []
        for key in ("fcp", "dcl", "load", "search"):
            diffs = sorted(a[key] - b[key] for a, b in pairs if a[key] is not None and b[key] is not None)
            q1, _, q3 = statistics.quantiles(diffs, n=4) if len(diffs) > 1 else (diffs[0], 0, diffs[0])
            cells.append(f"{key} {statistics.median(diffs):+6.1f} [{q1:+.0f}, {q3:+.0f}]")
        print(f"{page:36} " + "   ".join(cells))


if __name__ == "__main__":
    main()
