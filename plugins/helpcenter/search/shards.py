"""The search data of one language split so that a query fetches only what its words need.

Like Pagefind, the index is cut by term: the browser fetches the shards that hold the terms of a
query (Latin words and CJK bigrams alike) and keeps them, never the whole body. The vectors are the
very ones of the two lunr tiers (`index.LunrIndex`), read the other way round, so a sharded search
ranks exactly as the whole index does (tests/search/test_shards.py compares them). Per language:

- `meta.json`, the first tier: what the box shows before any query (strings, categories, the secret
  article), the synonyms, the article count, each article's section count and title length, and
  the first term of every words chunk and every postings shard (so a term names its files);
- `w/<k>.json`, words: a range of the sorted vocabulary with each term's article count (what
  prefixes, typos and rarity need), `{terms, df}`;
- `p/<k>.json`, postings: a range of terms with, per field of either tier, the documents holding
  them and their BM25 scores, `{terms, df, <field>: [[ref, [Δterm, score, …]]]}` (Δterm numbers the
  shard's own terms);
- `d/<n>.json`, one article: `[id, url, title, summary, [[anchor, heading], …]]`, fetched for the
  results shown, and `s/<ref>.json`, one section's text, for the section a shown result points at.

Term order is JavaScript's (UTF-16 code units), the order lunr.js numbers terms in, so that sums of
scores run in the same order in the browser as in lunr.
"""

from __future__ import annotations

import heapq
import json
import operator
import shutil
from array import array
from bisect import bisect_left, bisect_right
from itertools import groupby
from pathlib import Path
from typing import Any

from helpcenter.search.index import TIER1_FIELDS, TIER2_FIELDS, Builder, _dumps, _js_order

FORMAT = 2
META = "meta.json"
WORDS_PER_CHUNK = 2000
POSTINGS_PER_SHARD = 1500  # a shard of ~1,500 (document, score) pairs is ~5 KiB gzip
DOCS_DIR, TEXTS_DIR, WORDS_DIR, POSTINGS_DIR = "d", "s", "w", "p"


class DocWriter:
    """Writes each article's files as the builder adds it (nothing of it stays in memory): its row with
    its sections' anchors and headings (`d/<n>.json`), and each section's text (`s/<ref>.json`), which
    is fetched only for the section a shown result points at."""

    def __init__(self, folder: Path) -> None:
        self.docs, self.texts = folder / DOCS_DIR, folder / TEXTS_DIR
        self.docs.mkdir(parents=True, exist_ok=True)
        self.texts.mkdir(parents=True, exist_ok=True)
        self.sections = 0  # section numbers run on across articles, as the body tier numbers them

    def __call__(self, n: int, row: list[Any]) -> None:
        *head, sections = row
        (self.docs / f"{n}.json").write_text(_dumps([*head, [s[:2] for s in sections]]), encoding="utf-8")
        for section in sections:
            (self.texts / f"{self.sections}.json").write_text(_dumps(section[2]), encoding="utf-8")
            self.sections += 1


def write(folder: Path, builder: Builder, extra: dict[str, Any], secret: str | None) -> list[Path]:
    """Write meta, words and postings of `builder` into `folder` (`d/` and `s/` are written while adding)."""
    terms1, terms2 = builder.prepare()
    union = [term for term, _ in groupby(heapq.merge(terms1, terms2, key=_js_order))]
    position = {term: n for n, term in enumerate(union)}
    weight = array("I", bytes(4 * len(union)))  # postings per union term: what a shard weighs
    to_union = []
    for terms, tier in ((terms1, builder.tier1), (terms2, builder.tier2)):
        mapping = array("I", map(position.__getitem__, terms))
        for n, count in zip(mapping, tier.postings, strict=True):
            weight[n] += count
        to_union.append(mapping)
    del position
    df = array("I", map(builder.df.__getitem__, union))
    words = _cut(len(union), lambda n: 1, WORDS_PER_CHUNK)
    shards = _cut(len(union), weight.__getitem__, POSTINGS_PER_SHARD)
    written = [_write_chunks(folder / WORDS_DIR, union, df, words, {})]
    pieces: list[dict[str, list[str]]] = [{} for _ in shards]
    for mapping, tier in zip(to_union, (builder.tier1, builder.tier2), strict=True):
        for name, ref, numbers, scores in tier.scored():
            _distribute(pieces, shards, name, ref, list(map(mapping.__getitem__, numbers)), scores)
    written.append(_write_chunks(folder / POSTINGS_DIR, union, df, shards, pieces))
    meta = {"format": FORMAT, **extra, "docs": len(builder.rows), "fields": [TIER1_FIELDS, TIER2_FIELDS],
            "scale": 10**builder.tier1.digits, "sections": list(builder.section_counts),
            "titles": list(builder.title_lengths), "secretDoc": _number(builder, secret),
            "words": [union[start] for start in words], "shards": [union[start] for start in shards]}
    (folder / META).write_text(_dumps(meta), encoding="utf-8")
    return [folder / META, *written]


def _number(builder: Builder, article_id: str | None) -> int | None:
    return next((n for n, row in enumerate(builder.rows) if row[0] == article_id), None)


def _cut(count: int, weigh: Any, limit: int) -> list[int]:
    """Start positions of consecutive ranges of at most `limit` weight (a heavier term stands alone)."""
    starts, total = [], limit
    for n in range(count):
        w = weigh(n)
        if total + w > limit:
            starts.append(n)
            total = 0
        total += w
    return starts or [0]


def _distribute(pieces: list[dict[str, list[str]]], starts: list[int], name: str, ref: int,
                numbers: list[int], scores: list[int]) -> None:
    """Add one field vector to the shards its terms fall in, numbered within each shard."""
    at = 0
    while at < len(numbers):
        shard = bisect_right(starts, numbers[at]) - 1
        stop = len(numbers) if shard + 1 == len(starts) else bisect_left(numbers, starts[shard + 1], at)
        local = [n - starts[shard] for n in numbers[at:stop]]
        flat = [0] * (2 * len(local))
        flat[0::2] = map(operator.sub, local, [0, *local[:-1]])
        flat[1::2] = scores[at:stop]
        pieces[shard].setdefault(name, []).append(f"[{ref},{json.dumps(flat, separators=(',', ':'))}]")
        at = stop


def _write_chunks(folder: Path, union: list[str], df: array[int], starts: list[int],
                  pieces: dict[int, Any] | list[dict[str, list[str]]]) -> Path:
    """One file per range: its terms and their article counts, and its postings when given."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(union)
        head = _dumps({"terms": union[start:end], "df": list(df[start:end])})
        fields = pieces[k] if isinstance(pieces, list) else {}
        body = "".join(f',"{name}":[{",".join(rows)}]' for name, rows in fields.items())
        (folder / f"{k}.json").write_text(head[:-1] + body + "}", encoding="utf-8")
    return folder
