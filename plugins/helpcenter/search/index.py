"""Build the search data of one language: a small first tier and a body tier, each a lunr index.

Tier 1 holds one document per article (title, tags, summary) and what the results list shows, so
the first answer needs only this file. Tier 2 holds one document per section (heading and text),
loaded while the reader types; it refines the ranking and points results at the matching section.

The indexes are lunr indexes (lunr.py's BM25 vectors, idf and serialization version) shipped in a
compact form that the browser expands into lunr's serialization before `lunr.Index.load`
(`expand` is the same mapping in Python, for tests): terms are numbered in sorted order, each field
vector lists delta-coded term numbers and integer scores (times `scale`), and postings are left
out because they are the vectors read the other way round.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import operator
import shutil
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from lunr import __TARGET_JS_VERSION__  # type: ignore[import-untyped]  # lunr.py ships no type hints

from helpcenter.search import tokenize
from helpcenter.search.sections import Section

FORMAT = 1
TIER1_FIELDS = ("t", "k", "s")  # title, keywords (tags), summary
TIER2_FIELDS = ("h", "b")  # heading and text of one section
K1, B = 1.2, 0.75  # lunr's BM25 defaults
DIGITS = 2  # score precision on the wire; lunr.py keeps 3, which only costs bytes here


@dataclass(frozen=True)
class Weights:
    """Field boosts: title > keywords/tags > headings > summary > body."""

    title: float = 10.0
    tags: float = 6.0
    headings: float = 4.0
    summary: float = 2.5
    body: float = 1.0

    def boosts(self) -> dict[str, float]:
        """Boost per index field name."""
        return {"t": self.title, "k": self.tags, "h": self.headings, "s": self.summary, "b": self.body}


@dataclass(frozen=True)
class Doc:
    """What search needs of one article in one language (plain data, no MkDocs)."""

    id: str
    url: str  # relative to the site root, e.g. "en/fees-and-resources/tron-energy/"
    title: str
    summary: str
    tags: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    boost: float = 1.0


class Builder:
    """Collects the articles of one language: both tiers' term counts, and what the sharded form needs.

    Articles are tokenized as they are added and their term counts go to temporary files, so a build
    of thousands of articles holds neither their text nor Python objects per word. It keeps what the
    sharded form needs (`shards.py`): in how many articles each term occurs, each article's section
    count and title length, and hands each article's own row and sections to `on_doc` as it comes.
    With `tiers` (tests and tools: `build`) it also keeps the section texts to write both tiers whole.
    """

    def __init__(self, *, weights: Weights = Weights(), text_chars: int = 1200,
                 on_doc: Callable[[int, list[Any]], None] | None = None, tiers: bool = False) -> None:
        boosts = weights.boosts()
        self.text_chars = text_chars
        self.tier1 = LunrIndex(TIER1_FIELDS, boosts)
        self.tier2 = LunrIndex(TIER2_FIELDS, boosts)
        self.rows: list[list[Any]] = []
        # With `tiers` (the whole tiers, `build`): JSON rows, comma-separated; closed by write_tier2().
        self.sections = tempfile.TemporaryFile("w+", encoding="utf-8") if tiers else None  # noqa: SIM115
        self.section_count = 0
        self.on_doc = on_doc
        self.df: Counter[str] = Counter()  # term → articles holding it in any field of either tier
        self.section_counts = array("I")
        self.title_lengths = array("I")  # terms of each title's key (engine.js titleKey)

    def add(self, doc: Doc) -> None:
        """Index one article."""
        n = len(self.rows)
        row = [doc.id, doc.url, doc.title, doc.summary]
        self.rows.append(row)
        seen: set[str] = set()  # every term of the article, for the article counts (df)
        seen.update(*self.tier1.add({"t": tokenize.bag(doc.title),
                                     "k": (t for tag in doc.tags for t in tokenize.bag(tag.replace("-", " "))),
                                     "s": tokenize.bag(doc.summary)}, doc.boost))
        kept = []
        for section in doc.sections:
            seen.update(*self.tier2.add({"h": tokenize.bag(section.heading), "b": tokenize.bag(section.text)},
                                        doc.boost))
            shown = [section.anchor, section.heading, section.text[: self.text_chars]]
            kept.append(shown)
            if self.sections is not None:
                self.sections.write(("," if self.section_count else "") + _dumps([n, *shown]))
            self.section_count += 1
        self.df.update(seen)
        self.section_counts.append(len(doc.sections))
        self.title_lengths.append(len(tokenize.title_key(doc.title)))
        if self.on_doc is not None:
            self.on_doc(n, [*row, kept])

    def prepare(self) -> tuple[list[str], list[str]]:
        """Number both tiers' terms (once, after the last `add`)."""
        return self.tier1.prepare(), self.tier2.prepare()

    def write_tier1(self, out: TextIO, extra: dict[str, Any] | None = None, terms: list[str] | None = None) -> None:
        """Tier 1: `{format, docs: [[id, url, title, summary]], …extra, index}`."""
        out.write(_dumps({"format": FORMAT, "docs": self.rows, **(extra or {})})[:-1] + ',"index":')
        self.tier1.write(out, terms)
        out.write("}")

    def write_tier2(self, out: TextIO, terms: list[str] | None = None) -> None:
        """Tier 2: `{format, sections: [[doc number, anchor, heading, text]], index}`; call it once."""
        assert self.sections is not None, "the whole tiers need Builder(tiers=True)"
        out.write(f'{{"format":{FORMAT},"sections":[')
        self.sections.seek(0)
        shutil.copyfileobj(self.sections, out)
        self.sections.close()
        out.write('],"index":')
        self.tier2.write(out, terms)
        out.write("}")

    def close(self) -> None:
        """Drop the temporary files."""
        self.tier1.close()
        self.tier2.close()
        if self.sections is not None:
            self.sections.close()


def build(docs: Iterable[Doc], extra: dict[str, Any] | None = None,
          **options: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Both tiers of `docs` as parsed JSON (for tests and tools)."""
    builder = Builder(tiers=True, **options)
    for doc in docs:
        builder.add(doc)
    tier1, tier2 = io.StringIO(), io.StringIO()
    builder.write_tier1(tier1, extra)
    builder.write_tier2(tier2)
    builder.close()
    return json.loads(tier1.getvalue()), json.loads(tier2.getvalue())


class LunrIndex:
    """The vectors lunr.py's `Builder` would compute for these documents, in the compact form.

    Same BM25 formula, parameters and idf as `lunr.builder.Builder` (a test compares the two on
    fixture articles), computed in one pass per field and written as it goes: lunr.py inserts every
    vector element with a binary search and keeps Python objects per element, which took 5 s and
    200 MiB for 1,000 Chinese articles.

    While documents are added, memory holds one count per distinct term and one length per
    document and field; each field's term counts go to a temporary file as a line per document
    (terms never contain spaces), and the per-term work is done by C code (Counter, str.join).
    """

    def __init__(self, fields: Sequence[str], boosts: dict[str, float], digits: int = DIGITS) -> None:
        self.fields = tuple(fields)
        self.boosts = boosts
        self.digits = digits
        # term → number of (field, document) pairs holding it (lunr's idf counts these); write()
        # reuses the dict as term → rank so that a big vocabulary is never held twice.
        self.vocabulary: Counter[str] = Counter()
        self.lengths = {name: array("I") for name in self.fields}  # terms per document, per field
        self.counts = {name: tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - until write()
                       for name in self.fields}
        self.doc_boosts: dict[int, float] = {}
        self.total = 0
        # Set by prepare(): the terms in order, postings per term number, idf per term number.
        self.terms: list[str] = []
        self.postings = array("I")
        self.idf: list[float] = []

    def add(self, values: dict[str, Iterable[str]], boost: float = 1.0) -> list[Counter[str]]:
        """Add one document given as field name → terms (in any order); returns each field's term counts."""
        found = []
        for name in self.fields:
            counts = Counter(values.get(name, ()))
            self.vocabulary.update(counts.keys())
            self.lengths[name].append(sum(counts.values()))
            self.counts[name].write(" ".join(counts) + "\t" + " ".join(map(str, counts.values())) + "\n")
            found.append(counts)
        if boost != 1:
            self.doc_boosts[self.total] = boost
        self.total += 1
        return found

    def prepare(self) -> list[str]:
        """Number the terms (JavaScript string order) and fix each field's BM25 factors; returns the terms.

        Call it once, after the last `add`: from then on `vocabulary` maps term → number, and `postings`
        holds how many (field, document) pairs each term number has (what a shard of it weighs).
        """
        terms = sorted(self.vocabulary, key=_js_order)
        self.terms = terms
        self.postings = array("I", map(self.vocabulary.__getitem__, terms))
        total = self.total
        self.idf = [math.log(1 + abs((total - df + 0.5) / (df + 0.5))) for df in self.postings]
        rank = self.vocabulary  # from here on: term → position in `terms`
        for position, term in enumerate(terms):
            rank[term] = position
        return terms

    def scored(self) -> Iterator[tuple[str, int, list[int], list[int]]]:
        """Every field vector: (field, ref, ascending term numbers, integer scores); after `prepare`.

        Scores are integers: lunr's score times `scale` (the browser divides), so the JSON encoder
        writes them at C speed and the files carry no decimal points. May be read more than once.
        """
        for f, ref, numbers, scores in self.vectors():
            items = sorted(zip(numbers, scores, strict=True))
            yield self.fields[f], ref, [p for p, _ in items], [s for _, s in items]

    def vectors(self) -> Iterator[tuple[int, int, list[int], list[int]]]:
        """`scored`'s vectors as (field number, ref, term numbers, scores), terms in the order added."""
        for f, ref, numbers, frequencies, scaled, norm, boost in self.counted():
            yield f, ref, numbers, [int(scaled[p] * tf / (norm + tf) * boost + 0.5)
                                    for p, tf in zip(numbers, frequencies, strict=True)]

    def counted(self) -> Iterator[tuple[int, int, list[int], list[int], list[float], float, float]]:
        """Every field vector before scoring: (field number, ref, term numbers, term frequencies, factor per
        term number, norm, boost); a score is `int(factor[p] · tf / (norm + tf) · boost + 0.5)`, in that
        order of operations (the browser's scores are these, to the bit). After `prepare`."""
        scale = 10**self.digits
        rank = self.vocabulary
        total = self.total
        for f, name in enumerate(self.fields):
            lengths = self.lengths[name]
            average = sum(lengths) / total if total else 0.0
            # lunr.py: idf · (k1 + 1) · tf / (k1 · (1 − b + b · length / average) + tf) · boosts
            scaled = [x * (K1 + 1) * self.boosts[name] * scale for x in self.idf]
            source = self.counts[name]
            source.seek(0)
            for ref, (line, length) in enumerate(zip(source, lengths, strict=True)):
                if not length:
                    continue
                words, frequencies = line.rstrip("\n").split("\t")
                yield (f, ref, list(map(rank.__getitem__, words.split(" "))), list(map(int, frequencies.split(" "))),
                       scaled, K1 * (1 - B + B * length / average), self.doc_boosts.get(ref, 1.0))

    def close(self) -> None:
        """Drop the temporary files of term counts."""
        for source in self.counts.values():
            source.close()

    def write(self, out: TextIO, terms: list[str] | None = None) -> None:
        """Write `{version, fields, pipeline, scale, terms, vectors: {field: [[ref, [Δterm, score, …]]]}}`.

        `terms` is what `prepare` returned (it is called here when not given).
        """
        terms = self.prepare() if terms is None else terms
        head = _dumps({"version": __TARGET_JS_VERSION__, "fields": list(self.fields), "pipeline": ["stemmer"],
                       "scale": 10**self.digits, "terms": terms})
        out.write(head[:-1] + ',"vectors":{')
        groups = itertools.groupby(self.scored(), key=operator.itemgetter(0))
        pending = next(groups, None)
        for f, name in enumerate(self.fields):
            out.write(("," if f else "") + json.dumps(name) + ":[")
            if pending is not None and pending[0] == name:
                separator = ""
                for _, ref, positions, scores in pending[1]:
                    flat = [0] * (2 * len(positions))
                    flat[0::2] = map(operator.sub, positions, [0, *positions[:-1]])  # delta-coded term numbers
                    flat[1::2] = scores
                    out.write(f"{separator}[{ref},{json.dumps(flat, separators=(',', ':'))}]")
                    separator = ","
                pending = next(groups, None)
            out.write("]")
        out.write("}}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _js_order(term: str) -> bytes:
    # lunr.js inserts terms into its token set in JavaScript string order (UTF-16 code units),
    # which differs from Python's code-point order for characters beyond the BMP.
    return term.encode("utf-16-be")


def expand(packed: dict[str, Any]) -> dict[str, Any]:
    """The compact form → lunr's serialization (what search-engine.js does before Index.load)."""
    fields = packed["fields"]
    scale = packed.get("scale", 1)
    inverted = [[t, {"_index": n, **{f: {} for f in fields}}] for n, t in enumerate(packed["terms"])]
    field_vectors = []
    for field_name in fields:
        for ref, flat in packed["vectors"][field_name]:
            elements: list[float] = []
            index = 0
            for i in range(0, len(flat), 2):
                index += int(flat[i])
                elements += [index, flat[i + 1] / scale]
                inverted[index][1][field_name][str(ref)] = {}
            field_vectors.append([f"{field_name}/{ref}", elements])
    return {"version": packed["version"], "fields": fields, "fieldVectors": field_vectors,
            "invertedIndex": inverted, "pipeline": packed["pipeline"]}
