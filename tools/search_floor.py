"""What building the search index costs, stage by stage, against the least any build-time index costs.

Builds a project once with MkDocs (our plugins as configured), keeps the pages the search plugin
was given, then indexes them again several times into a scratch folder, timing:

- floor: only reading every section's terms once and counting them (tokenize.bag and a Counter per
  field), which any index built at build time must do, with nothing kept and nothing written;
- add: SiteIndex.add_page for every page (split, tokenize, count, each article's d/ and s/ files);
- write: the postings, words and meta of each language (shards.write), after its pages.

`tools/search_bench.py --shares` measures the room our index has within Material's build at a size
(Material with search, minus ours without it); this says how much of that room the floor alone takes.

    python tools/search_floor.py PROJECT [--runs 3]      # e.g. /tmp/search-bench/helpcenter-200
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from mkdocs.commands import build
from mkdocs.config import load_config

from helpcenter.search import sections, tokenize
from helpcenter.search.plugin import SearchPlugin
from helpcenter.search.site import SiteIndex


def captured(project: Path) -> tuple[SiteIndex, list[tuple[str, str, str, dict]]]:
    """Build `project` into a scratch folder; the search plugin's SiteIndex and the pages it was given."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    seen: dict[str, object] = {}
    original = SearchPlugin.on_post_build

    def keep(self, *, config):  # the pages as the plugin holds them right before it indexes them
        seen["site"], seen["pages"] = self.site, list(self.pages)
        return original(self, config=config)

    SearchPlugin.on_post_build = keep
    try:
        with tempfile.TemporaryDirectory() as site_dir:
            config = load_config(str(project / "mkdocs.yml"), site_dir=site_dir)
            config.plugins.on_startup(command="build", dirty=False)
            build.build(config)
    finally:
        SearchPlugin.on_post_build = original
    return seen["site"], seen["pages"]  # type: ignore[return-value]


def floor(pages: list[tuple[str, str, str, dict]]) -> float:
    """Seconds to read and count every section's terms once (the split HTML is given)."""
    split = [sections.split(html) for _, _, html, _ in pages]
    tokenize.forget()
    start = time.perf_counter()
    for found in split:
        for section in found:
            Counter(tokenize.bag(section.heading))
            Counter(tokenize.bag(section.text))
    return time.perf_counter() - start


def stages(site: SiteIndex, pages: list[tuple[str, str, str, dict]], target: Path) -> tuple[float, float]:
    """Seconds to add every page and to write every language, into `target` (emptied first), a language at a
    time as `SiteIndex.build` does (the stages summed: the build interleaves them)."""
    shutil.rmtree(target, ignore_errors=True)
    fresh = SiteIndex(site.catalog, site.synonyms, site.options, target)
    tokenize.forget()
    adding = writing = 0.0
    for lang in list(fresh.builders):
        start = time.perf_counter()
        for page in pages:
            if fresh.language_of(page[0], page[3]) == lang:
                fresh.add_page(*page)
        added = time.perf_counter()
        fresh.write(lang)
        adding, writing = adding + added - start, writing + time.perf_counter() - added
    return adding, writing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a folder with mkdocs.yml using helpcenter-search")
    parser.add_argument("--runs", type=int, default=3, help="timings per stage; the median is printed")
    args = parser.parse_args()
    site, pages = captured(args.project.resolve())
    if site is None:
        sys.exit(f"{args.project}: helpcenter-search indexed nothing (is it in mkdocs.yml's plugins?)")
    floors, adds, writes = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.runs):
            floors.append(floor(pages))
            add, write = stages(site, pages, Path(scratch) / "search")
            adds.append(add)
            writes.append(write)
    median = statistics.median
    print(f"{len(pages)} pages, median of {args.runs}:")
    print("| stage | seconds |\n|---|---|")
    print(f"| floor: read and count every term once | {median(floors):.2f} |")
    print(f"| add: split, tokenize, count, d/ and s/ files | {median(adds):.2f} |")
    print(f"| write: postings, words, meta | {median(writes):.2f} |")
    print(f"| add + write | {median(adds) + median(writes):.2f} |")


if __name__ == "__main__":
    main()
