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
  each term and their BM25 scores, `{terms, df, <field>: [[scores, Δrefs, picks] or 0 per term]}`
  (term-major, as Pagefind's chunks: a term's postings are one list). `scores` are the term's
  distinct scores in the field, the most frequent first; `Δrefs` the refs, delta-coded, and `picks`
  each ref's score as a place in `scores`, both as strings of base-64 digits (`digits`). A common
  term's few distinct scores and small gaps take a character or two a posting, a third less after
  gzip than the same numbers written out in JSON;
- `d/<n>.json`, one article: `[id, url, title, summary, [[anchor, heading], …]]`, fetched for the
  results shown, and `s/<ref>.json`, one section's text, for the section a shown result points at.

Term order is JavaScript's (UTF-16 code units), the order lunr.js numbers terms in, so that sums of
scores run in the same order in the browser as in lunr.
"""

from __future__ import annotations

import heapq
import itertools
import operator
import os
import shutil
from array import array
from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import Any

from helpcenter.search import tokenize
from helpcenter.search.index import K1, TIER1_FIELDS, TIER2_FIELDS, Builder, LunrIndex, _dumps, _js_order

FORMAT = 4
META = "meta.json"
WORDS_PER_CHUNK = 2000
POSTINGS_PER_SHARD = 1500  # a shard of ~1,500 (document, score) pairs is ~5 KiB gzip
DOCS_DIR, TEXTS_DIR, WORDS_DIR, POSTINGS_DIR = "d", "s", "w", "p"
# Source maps' base-64 VLQ, unsigned: five bits a digit, least significant first, the sixth bit saying
# another digit follows. No character of it needs escaping in a JSON string.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_VALUES = {c: n for n, c in enumerate(DIGITS)}


def _digit_string(n: int) -> str:
    out = []
    while n >= 32:
        out.append(DIGITS[32 | n & 31])
        n >>= 5
    out.append(DIGITS[n])
    return "".join(out)


_SHORT = [_digit_string(n) for n in range(1024)]  # one or two digits: nearly every gap and pick


def digits(numbers: Any) -> str:
    """Non-negative integers as one string of base-64 VLQ digits."""
    numbers = list(numbers)
    if max(numbers, default=0) < len(_SHORT):
        return "".join(map(_SHORT.__getitem__, numbers))
    return "".join(map(_digit_string, numbers))


def numbers(text: str) -> list[int]:
    """The integers of a string of base-64 VLQ digits (`digits` read back)."""
    found, value, shift = [], 0, 0
    for c in text:
        d = _VALUES[c]
        value |= (d & 31) << shift
        if d & 32:
            shift += 5
        else:
            found.append(value)
            value = shift = 0
    return found


def postings(encoded: list[Any]) -> tuple[list[int], list[int]]:
    """One term's postings in one field (`[scores, Δrefs, picks]`) as refs and scores, in ref order."""
    scores, gaps, picks = encoded
    return list(itertools.accumulate(numbers(gaps))), [scores[p] for p in numbers(picks)]


class DocWriter:
    """Writes each article's files as the builder adds it (nothing of it stays in memory): its row with
    its sections' anchors and headings (`d/<n>.json`), and each section's text (`s/<ref>.json`), which
    is fetched only for the section a shown result points at. Files are written with os.write: a
    10,000-article help center has some 70,000 of them, and pathlib's text layer doubled their cost."""

    def __init__(self, folder: Path) -> None:
        self.docs, self.texts = folder / DOCS_DIR, folder / TEXTS_DIR
        for made in (self.docs, self.texts):
            shutil.rmtree(made, ignore_errors=True)  # a dirty rebuild leaves no article of before
            made.mkdir(parents=True)
        self.sections = 0  # section numbers run on across articles, as the body tier numbers them

    def __call__(self, n: int, row: list[Any]) -> None:
        *head, sections = row
        _put(self.docs / f"{n}.json", _dumps([*head, [s[:2] for s in sections]]))
        for section in sections:
            _put(self.texts / f"{self.sections}.json", _dumps(section[2]))
            self.sections += 1


def _put(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


def write(folder: Path, builder: Builder, extra: dict[str, Any], secret: str | None, *,
          words_per_chunk: int = WORDS_PER_CHUNK, postings_per_shard: int = POSTINGS_PER_SHARD) -> list[Path]:
    """Write meta, words and postings of `builder` into `folder` (`d/` and `s/` are written while adding)."""
    terms1, terms2 = builder.prepare()
    tokenize.forget()
    union = [term for term, _ in itertools.groupby(heapq.merge(terms1, terms2, key=_js_order))]
    position = {term: n for n, term in enumerate(union)}
    weight = array("I", bytes(4 * len(union)))  # postings per union term: what a shard weighs
    owns = []
    for terms, tier in ((terms1, builder.tier1), (terms2, builder.tier2)):
        own = array("i", [-1]) * len(union)  # union term → the tier's term number (-1: not in the tier)
        for n, (term, count) in enumerate(zip(terms, tier.postings, strict=True)):
            at = position[term]
            own[at] = n
            weight[at] += count
        owns.append(own)
    del position
    df = array("I", map(builder.df.__getitem__, union))
    builder.df.clear()  # what the article counts were kept for is done: the postings need the room
    inverted = [(own, tier.fields, Inverted(tier)) for own, tier in zip(owns, (builder.tier1, builder.tier2),
                                                                        strict=True)]
    words = _cut(len(union), lambda n: 1, words_per_chunk)
    shards = _cut(len(union), weight.__getitem__, postings_per_shard)
    written = [_write_chunks(folder / WORDS_DIR, union, df, words, None)]
    written.append(_write_chunks(folder / POSTINGS_DIR, union, df, shards, inverted))
    meta = {"format": FORMAT, **extra, "docs": len(builder.rows), "fields": [TIER1_FIELDS, TIER2_FIELDS],
            "scale": 10**builder.tier1.digits, "sections": list(builder.section_counts),
            "titles": list(builder.title_lengths), "secretDoc": _number(builder, secret),
            "words": [union[start] for start in words], "shards": [union[start] for start in shards]}
    (folder / META).write_text(_dumps(meta), encoding="utf-8")
    return [folder / META, *written]


class Inverted:
    """One tier's vectors read the other way round: per term, per field, the refs holding it (ascending)
    and their scores. Three flat arrays in term order (a counting sort: each term's slots are known
    from its posting count), so 10,000 articles cost bytes per posting, never an object."""

    def __init__(self, tier: LunrIndex) -> None:
        self.starts = array("I", [0])
        self.starts.extend(itertools.accumulate(tier.postings))
        total = self.starts[-1]
        # Two bytes a number where every one fits (refs below 65,536; scores below their bound: a
        # score is factor · tf / (norm + tf) · boost with tf / (norm + tf) < 1), else four.
        bound = max(tier.idf, default=0) * (K1 + 1) * max(tier.boosts.values()) * 10**tier.digits * max(
            [1.0, *tier.doc_boosts.values()]) + 1
        self.refs, self.scores = _zeros(_smallest(tier.total), total), _zeros(_smallest(bound), total)
        self.fields = array("B", bytes(total))
        cursor = self.starts[:-1]
        refs, scores, fields = self.refs, self.scores, self.fields
        # One pass per posting: score it (as LunrIndex.vectors does) and put it in its term's next slot.
        for f, ref, numbers, frequencies, scaled, norm, boost in tier.counted():
            for n, tf in zip(numbers, frequencies, strict=True):
                at = cursor[n]
                cursor[n] = at + 1
                refs[at], scores[at], fields[at] = ref, int(scaled[n] * tf / (norm + tf) * boost + 0.5), f

    def lists(self, n: int, count: int) -> list[str]:
        """Term number `n`'s postings in each of `count` fields, as JSON: `[scores, Δrefs, picks]`, or 0 for none."""
        lo, hi = self.starts[n], self.starts[n + 1]
        found = []
        for f in range(count):
            stop = bisect_right(self.fields, f, lo, hi)
            if stop == lo:
                found.append("0")
                continue
            if stop == lo + 1:  # most terms: one posting in the field
                found.append(f'[[{self.scores[lo]}],"{digits((self.refs[lo],))}","{_SHORT[0]}"]')
                lo = stop
                continue
            refs, scores = self.refs[lo:stop], self.scores[lo:stop]
            table = [score for score, _ in Counter(scores).most_common()]  # ties: the first met first
            place = {score: p for p, score in enumerate(table)}
            gaps = digits(map(operator.sub, refs, itertools.chain((0,), refs)))
            found.append(f'[[{",".join(map(str, table))}],"{gaps}","{digits(map(place.__getitem__, scores))}"]')
            lo = stop
        return found


def _smallest(bound: float) -> str:
    """The array type code of the smallest unsigned integers that hold every number below `bound`."""
    return "H" if bound < 1 << 16 else "I"


def _zeros(code: str, count: int) -> array[int]:
    return array(code, bytes(count * array(code).itemsize))


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


def _write_chunks(folder: Path, union: list[str], df: array[int], starts: list[int],
                  inverted: list[tuple[array[int], tuple[str, ...], Inverted]] | None) -> Path:
    """One file per range: its terms and their article counts, and, when given, their postings per field
    (`{terms, df, <field>: [postings of each term, or 0]}`; a field no term of the range has is left out)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(union)
        head = _dumps({"terms": union[start:end], "df": list(df[start:end])})
        body = []
        for own, names, postings in inverted or ():
            columns: list[list[str]] = [[] for _ in names]
            for u in range(start, end):
                n = own[u]
                for column, found in zip(columns, postings.lists(n, len(names)) if n >= 0 else
                                         ["0"] * len(names), strict=True):
                    column.append(found)
            body += [f',"{name}":[{",".join(column)}]' for name, column in zip(names, columns, strict=True)
                     if any(found != "0" for found in column)]
        (folder / f"{k}.json").write_text(head[:-1] + "".join(body) + "}", encoding="utf-8")
    return folder
