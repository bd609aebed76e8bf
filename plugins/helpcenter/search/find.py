"""`helpcenter find`: the site's own ranking in Python, over the built site's search index.

A line-for-line port of the browser engine (`assets/helpcenter/search/engine.js` and `rank.js`, the
worker's language order in `worker.js` and the secret check of `search.js`), reading the same files
(`site/search/<lang>/`: meta.json, and the postings shards, words chunks and rows a query needs, as
the browser does), so an agent gets the articles a reader would: a test compares the top 3 with
`window.helpcenter.search` in Chromium. lunr's scoring (each field's BM25 vector against the query's
boosts, divided by the query vector's length) is computed here directly from the postings; the
query is tokenized by `tokenize`, the twin of `tokenize.js`.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcenter.firewall import find_secrets, must_block
from helpcenter.search import shards as sharded
from helpcenter.search import tokenize

# The file site.py writes first in each language's folder (shards.py's META; not imported from there:
# the writer's modules are not needed by a command that answers in well under a second).
META = "meta.json"

# The engine's constants (engine.js, and rank.js for the scoring ones: CREDIT, FIELD_BONUS, SECTION_REST):
# keep them equal, the agreement test fails otherwise.
CREDIT = {"exact": 1, "pieces": 0.95, "prefix": 0.9, "synonym": 0.85, "fuzzy": 0.7, "variant": 0.95}
BOOST = {"exact": 1, "pieces": 0.6, "prefix": 0.35, "synonym": 0.5, "fuzzy": 0.3, "closest": 0.8, "variant": 0.8}
NUMBER_WEIGHT = 0.3
FILLER = ["someone", "somebody", "anyone", "anybody", "something", "anything", "else", "actually",
          "really", "please", "help", "thing", "things", "way", "ago", "hour", "hours", "minute", "minutes", "day",
          "days", "still", "already", "just", "even", "want", "know", "tell", "see", "look", "happen", "happened",
          "mean", "means", "ok", "okay", "hi", "hello", "thanks", "guys", "keep", "keeps", "says", "said", "tried",
          "怎么", "么办", "什么", "为什", "如何", "请问", "一下", "可以", "怎样", "这个", "那个", "一直", "还是",
          "是不", "不是", "我的", "你们", "我们", "为何", "能不", "不能", "有没", "了怎", "么回", "回事"]
FILLER_WEIGHT = 0.3
RARE_VARIANT = 4
FIELD_BONUS = 1
MAX_EXPANSIONS = 16
SECTION_REST = 0.25
MAX_RESULTS = 50  # worker.js
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = re.compile(r"[0-9]+")
_HAN = re.compile("[\u3400-\u9fff]")


@dataclass(frozen=True)
class Chunk:
    """A piece of a query, as tokenize.js's chunks(): kind, tokens and where it ends (code points)."""

    kind: str  # word, compound, cjk, class
    tokens: tuple[str, ...]
    end: int


def chunks(text: str) -> list[Chunk]:
    """tokenize.js `chunks`: the tokenizer's matches with kinds and end offsets in `text`."""
    folded, where = [], []
    for index, ch in enumerate(text):
        piece = tokenize.fold(ch)
        folded.append(piece)
        where += [index] * len(piece)
    where.append(len(text))
    joined = "".join(folded)
    found: list[Chunk] = []
    for match in tokenize._SCAN.finditer(joined):
        run = match.group("cjk")
        if match.group("url") is not None:  # a link: one class token
            found.append(Chunk("class", (tokenize.URL_CLASS,), where[match.end()]))
        elif run is None:
            word = match.group("word")
            tokens = tokenize._word_tokens(word)
            kind = ("class" if tokens[0].startswith("@")
                    else "compound" if tokenize._CONNECTOR.search(word) else "word")
            found.append(Chunk(kind, tokens, where[match.end()]))
        elif len(run) == 1:
            found.append(Chunk("cjk", (run,), where[match.end()]))
        else:
            for k in range(len(run) - 1):
                found.append(Chunk("cjk", (run[k : k + 2],), where[match.start() + k + 2]))
    return found


def chunk_key(chunk: Chunk) -> str:
    """tokenize.js `chunkKey`."""
    token = chunk.tokens[-1] if chunk.kind == "compound" else chunk.tokens[0]
    return token if chunk.kind in ("cjk", "class") else tokenize.term(token) or token


def edits(word: str) -> list[str]:
    """text.js `edits`, in its order: one deletion, transposition, substitution or insertion away."""
    alphabet = list(dict.fromkeys([*LETTERS, *word]))
    out: dict[str, None] = {}
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            out[head + tail[1:]] = None
        if len(tail) > 1:
            out[head + tail[1] + tail[0] + tail[2:]] = None
        for c in alphabet:
            if tail:
                out[head + c + tail[1:]] = None
            out[head + c + tail] = None
    out.pop(word, None)
    return list(out)


def edit_distance(a: str, b: str, limit: int = 99) -> int:
    """Optimal string alignment distance (text.js `editDistance`); stops early above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[len(b)]


def _js_key(text: str) -> tuple[int, bytes]:
    # JavaScript compares strings by UTF-16 code units, and `.length` counts them.
    units = text.encode("utf-16-be")
    return len(units) // 2, units


class Shards:
    """A language's postings shards, each read when a term of it is first asked for (as the browser does)."""

    def __init__(self, folder: Path, meta: dict[str, Any]) -> None:
        self.folder = folder
        self.scale = meta["scale"]
        self.names = [name for fields in meta["fields"] for name in fields]
        self.starts = [_js_key(t)[1] for t in meta["shards"]]  # first terms, in JavaScript's order
        self.loaded: dict[int, dict[str, dict[str, dict[int, float]]]] = {}

    def get(self, t: str) -> dict[str, dict[int, float]]:
        """Field → {ref: score} of a term ({} for a term no shard holds)."""
        k = bisect.bisect_right(self.starts, _js_key(t)[1]) - 1
        if k < 0:
            return {}
        if k not in self.loaded:
            shard = _read(self.folder / "p" / f"{k}.json")
            by_term: dict[str, dict[str, dict[int, float]]] = {t: {} for t in shard["terms"]}
            for name in self.names:
                for term, encoded in zip(shard["terms"], shard.get(name) or (), strict=False):
                    if encoded:
                        refs, scores = sharded.postings(encoded)
                        by_term[term][name] = {ref: v / self.scale for ref, v in zip(refs, scores, strict=True)}
            self.loaded[k] = by_term
        return self.loaded[k].get(t, {})


class Tier:
    """One lunr index (the fields of one tier) over the shards: field → term → {ref: score}."""

    def __init__(self, fields: list[str], shards: Shards) -> None:
        self.fields = fields
        self.shards = shards

    def postings(self, t: str) -> dict[str, dict[int, float]]:
        """The term's {ref: score} in each field of this tier that holds it."""
        found = self.shards.get(t)
        return {name: found[name] for name in self.fields if name in found}

    def query(self, clauses: dict[str, float]) -> list[tuple[int, float, dict[str, set[str]]]]:
        """lunr's Index.query for single-term clauses: [(ref, score, {term: fields})], best first."""
        present = [(t, boost, self.postings(t)) for t, boost in clauses.items()]
        present = [item for item in present if item[2]]
        if not present:
            return []
        magnitude = math.sqrt(sum(boost * boost for _, boost, _ in present))
        matches: dict[tuple[str, int], dict[str, set[str]]] = {}
        for t, _, postings in present:
            for name in self.fields:
                for ref in sorted(postings.get(name, ())):
                    matches.setdefault((name, ref), {}).setdefault(t, set()).add(name)
        results: dict[int, list[Any]] = {}
        for (name, ref), data in matches.items():
            dot = sum(boost * postings[name].get(ref, 0.0) if name in postings else 0.0
                      for _, boost, postings in present)
            score = dot / magnitude
            entry = results.get(ref)
            if entry is None:
                results[ref] = [ref, score, {t: set(f) for t, f in data.items()}]
            else:
                entry[1] += score
                for t, fields in data.items():
                    entry[2].setdefault(t, set()).update(fields)
        return sorted(((r, s, m) for r, s, m in results.values()), key=lambda item: -item[1])


class Rows(Sequence[list[Any]]):
    """Each article's row `[id, url, title, summary]`, read from `d/<n>.json` when first asked for."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder = folder
        self.count = count
        self.loaded: dict[int, list[Any]] = {}  # n → the whole d/<n>.json: the row and its sections

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, n: Any) -> Any:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(self.count))]
        return self.article(n)[:4]

    def article(self, n: int) -> list[Any]:
        if not 0 <= n < self.count:
            raise IndexError(n)
        if n not in self.loaded:
            self.loaded[n] = _read(self.folder / "d" / f"{n}.json")
        return self.loaded[n]


@dataclass
class Unit:
    """A query unit (engine.js makeUnit) with its alternatives and weight."""

    chunk: Chunk
    kind: str
    key: str
    alts: list[dict[str, Any]]
    weight: float = 0.0


@dataclass
class Found:
    """One ranked article: the doc row, its score, the section it points at and the terms it matched."""

    n: int
    rows: Rows  # the language's rows: `doc` is read when a result is shown
    base: float = 0.0
    sections: list[dict[str, Any]] = field(default_factory=list)
    matched: set[str] = field(default_factory=set)
    title: set[str] = field(default_factory=set)
    score: float = 0.0
    exact_title: bool = False
    section_ref: int | None = None  # the section it points at, when that section has an anchor (its row says)

    @property
    def doc(self) -> list[Any]:
        """[id, url, title, summary]."""
        return self.rows[self.n]


class LanguageIndex:
    """engine.js `LanguageIndex` over one language's files, each read when first needed."""

    def __init__(self, folder: Path) -> None:
        meta = _read(folder / META)
        self.folder = folder
        self.lang: str = meta["lang"]
        self.meta = meta
        self.docs = Rows(folder, meta["docs"])
        self.section_doc = [n for n, count in enumerate(meta["sections"]) for _ in range(count)]
        self.first_section = list(itertools.accumulate(meta["sections"], initial=0))
        shards = Shards(folder, meta)
        self.articles, self.body = (Tier(list(fields), shards) for fields in meta["fields"])
        self.expansions = meta.get("synonyms") or []
        self._df: dict[str, int] | None = None
        self._vocabulary: list[str] | None = None
        self._titles: dict[int, str] = {}
        self._fillers = {t for t in map(tokenize.term, FILLER) if t}

    @property
    def sections(self) -> list[list[Any]]:
        """[article number, anchor, heading] of every section (reads every article's row)."""
        return [self.section(ref) for ref in range(len(self.section_doc))]

    def section(self, ref: int) -> list[Any]:
        """[article number, anchor, heading] of section `ref`."""
        n = self.section_doc[ref]
        return [n, *self.docs.article(n)[4][ref - self.first_section[n]]]

    def search(self, query: str, prefix: bool = True) -> list[Found]:
        """Ranked articles for `query`, best first."""
        units, spans, clauses = self.plan(query, prefix)
        if not units:
            return []
        hits: dict[int, Found] = {}
        for ref, score, metadata in self.articles.query(clauses):
            found = hits.setdefault(ref, Found(ref, self.docs))
            found.base += score
            for t, fields in metadata.items():
                found.matched.add(t)
                if "t" in fields:
                    found.title.add(t)
        for ref, score, metadata in self.body.query(clauses):
            number = self.section_doc[ref]
            found = hits.setdefault(number, Found(number, self.docs))
            found.sections.append({"ref": ref, "score": score, "heading": {t for t, f in metadata.items() if "h" in f}})
            found.matched.update(metadata)
        keys = [u.key for u in units if u.weight > 0]
        query_terms = " ".join(keys)
        ranked = []
        for found in hits.values():
            coverage = self.coverage(units, spans, found.matched)
            if coverage <= 0:
                continue
            found.sections.sort(key=lambda s: -s["score"])
            best = found.sections[0] if found.sections else None
            rest = sum(s["score"] for s in found.sections[1:])
            lexical = found.base + (best["score"] + SECTION_REST * rest if best else 0)
            field_cover = max([self.coverage(units, spans, found.title)]
                              + [self.coverage(units, spans, s["heading"]) for s in found.sections])
            found.score = lexical * coverage * coverage * (1 + FIELD_BONUS * field_cover * field_cover)
            # engine.js compares only the titles of as many terms as the query has keys, that hold them all.
            found.exact_title = (query_terms != "" and self.meta["titles"][found.n] == len(keys)
                                 and all(k in found.title for k in keys) and self.title_key(found.n) == query_terms)
            found.section_ref = best["ref"] if best and best["score"] >= 0.5 * found.base else None
            ranked.append(found)
        ranked.sort(key=lambda f: (-f.exact_title, -f.score, f.n))
        return ranked

    def title_key(self, n: int) -> str:
        key = self._titles.get(n)
        if key is None:
            key = " ".join(t for t in (tokenize.term(c.tokens[-1 if c.kind == "compound" else 0])
                                       for c in chunks(self.docs[n][2])) if t)
            self._titles[n] = key
        return key

    def plan(self, query: str, prefix: bool) -> tuple[list[Unit], list[dict[str, Any]], dict[str, float]]:
        """Units, synonym spans and lunr clauses (term → boost) of a query."""
        is_open = prefix and bool(query) and unicodedata.category(query[-1])[0] in "LN"
        sequence = [(_make_unit(c), _chunk_keys(c)) for c in chunks(query)]
        units = [u for u, _ in sequence if u is not None]
        last = units[-1] if units else None
        if is_open and last is not None and last.chunk.end == len(query):
            self.add_prefixes(last, 4 if self.df(last.key) > 0 else MAX_EXPANSIONS)
        for unit in units:
            if unit.kind not in ("word", "compound") or any(a["kind"] == "prefix" for a in unit.alts):
                continue
            if any(all(self.df(t) > 0 for t in a["terms"]) for a in unit.alts):
                self.add_variants(unit)
            else:
                self.add_fuzzy(unit)
        spans = self.synonym_spans(sequence)
        for unit in units:
            unit.weight = self.weight(unit, spans)
        clauses: dict[str, float] = {}
        for unit in units:
            if unit.weight <= 0:
                continue
            for alt in unit.alts:
                for t in alt["terms"]:
                    clauses[t] = max(clauses.get(t, 0), alt.get("boost") or BOOST[alt["kind"]])
        for span in spans:
            for t in span["terms"]:
                clauses[t] = max(clauses.get(t, 0), BOOST["synonym"])
        return units, spans, clauses

    def vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(self.words())
        return self._vocabulary

    def add_prefixes(self, unit: Unit, limit: int) -> None:
        raw = unit.chunk.tokens[0]
        stems = [t for t in dict.fromkeys([raw, unit.key])
                 if t and (len(t) == 1 if tokenize.is_cjk(t[0]) else _js_key(t)[0] >= 2)]
        if unit.kind == "cjk" and len(raw) != 1:
            return
        found = {t for stem in stems for t in self.vocabulary() if t.startswith(stem) and t != unit.key}
        for t in sorted(found, key=lambda t: (_js_key(t)[0], _js_key(t)[1]))[:limit]:
            unit.alts.append({"kind": "prefix", "terms": [t]})

    def _fuzzy(self, source: str, distance: int) -> list[str]:
        return [t for t in self.vocabulary() if edit_distance(source, t, distance) <= distance]

    def add_fuzzy(self, unit: Unit) -> None:
        raw = unit.chunk.tokens[-1 if unit.kind == "compound" else 0]
        if len(raw) < 4 or _DIGITS.fullmatch(raw):
            return
        found: dict[str, int] = {}

        def note(t: str, d: int) -> None:
            if t and t != unit.key and d < found.get(t, 99):
                found[t] = d

        for variant in edits(raw):
            t = tokenize.term(variant)
            if t and self.df(t) > 0:
                note(t, 1)
        distance = 2 if len(raw) >= 8 else 1
        for source in dict.fromkeys([raw, unit.key]):
            for t in self._fuzzy(source, distance):
                note(t, edit_distance(source, t))
        ranked = sorted(found.items(), key=lambda item: (item[1], -self.df(item[0])))[:MAX_EXPANSIONS]
        for i, (t, _) in enumerate(ranked):
            unit.alts.append({"kind": "fuzzy", "terms": [t], "boost": BOOST["fuzzy"] if i else BOOST["closest"]})

    def add_variants(self, unit: Unit) -> None:
        df = self.df(unit.key)
        if unit.kind != "word" or len(unit.key) < 5 or re.search("[0-9]", unit.key):
            return
        for t in self._fuzzy(unit.key, 1):
            if t != unit.key and self.df(t) >= RARE_VARIANT * df:
                unit.alts.append({"kind": "variant", "terms": [t]})

    def synonym_spans(self, sequence: list[tuple[Unit | None, set[str]]]) -> list[dict[str, Any]]:
        spans = []
        for sources, targets in self.expansions:
            for keys, own in sources:
                for i in range(len(sequence) - len(keys) + 1):
                    if not all(k in sequence[i + j][1] for j, k in enumerate(keys)):
                        continue
                    covered = [u for u, _ in sequence[i : i + len(keys)] if u is not None]
                    if not covered:
                        continue
                    spans += [{"units": covered, "terms": target} for target in targets if target != own]
        return spans

    def weight(self, unit: Unit, spans: list[dict[str, Any]]) -> float:
        scale = (NUMBER_WEIGHT if _DIGITS.fullmatch(unit.key) else
                 tokenize.query_weight(unit.key))  # noise 0, fillers 0.3 (the tokenizer's lists)
        best = 0.0
        for alt in unit.alts:
            if alt["terms"] and all(self.df(t) > 0 for t in alt["terms"]):
                best = max(best, max(self.idf(t) for t in alt["terms"]))
        for span in spans:
            if any(u is unit for u in span["units"]) and all(self.df(t) > 0 for t in span["terms"]):
                best = max(best, min(self.idf(t) for t in span["terms"]))
        return best * scale

    def coverage(self, units: list[Unit], spans: list[dict[str, Any]], matched: set[str]) -> float:
        credit: dict[int, float] = {}
        for span in spans:
            if all(t in matched for t in span["terms"]):
                for unit in span["units"]:
                    credit[id(unit)] = max(credit.get(id(unit), 0), CREDIT["synonym"])
        total = got = 0.0
        for unit in units:
            if unit.weight <= 0:
                continue
            total += unit.weight
            best = credit.get(id(unit), 0)
            for alt in unit.alts:
                value = alt.get("credit") or CREDIT[alt["kind"]]
                if value > best and all(t in matched for t in alt["terms"]):
                    best = value
            got += unit.weight * best
        return got / total if total > 0 else 0

    def words(self) -> dict[str, int]:
        """Every term with its article count, from the words chunks (read once, together: prefixes and
        near spellings look through all of them)."""
        if self._df is None:
            self._df = {}
            for k in range(len(self.meta["words"])):
                chunk = _read(self.folder / "w" / f"{k}.json")
                self._df.update(zip(chunk["terms"], chunk["df"], strict=True))
        return self._df

    def df(self, t: str) -> int:
        """Number of articles holding a term in any field of either tier."""
        return self.words().get(t, 0)

    def idf(self, t: str) -> float:
        df, n = self.df(t), len(self.docs)
        return math.log(1 + abs((n - df + 0.5) / (df + 0.5)))


def _make_unit(chunk: Chunk) -> Unit | None:
    if chunk.kind in ("cjk", "class"):
        t = chunk.tokens[0]
        return Unit(chunk, chunk.kind, t, [{"kind": "exact", "terms": [t]}])
    tokens = chunk.tokens
    if chunk.kind == "compound":
        joined = tokenize.term(tokens[-1])
        parts = list(dict.fromkeys(t for t in map(tokenize.term, tokens[:-1]) if t))
        alts = [{"kind": "exact", "terms": [joined]}] + ([{"kind": "pieces", "terms": parts}] if parts else [])
        return Unit(chunk, "compound", joined, alts)
    key = tokenize.term(tokens[0])
    if not key:
        return None
    pieces = [t for t in map(tokenize.term, tokens[1:]) if t]
    return Unit(chunk, "word", key, [{"kind": "exact", "terms": [key]}]
                + ([{"kind": "pieces", "terms": pieces}] if pieces else []))


def _chunk_keys(chunk: Chunk) -> set[str]:
    if chunk.kind in ("cjk", "class"):
        return {chunk_key(chunk)}
    tokens = chunk.tokens[:-1] if chunk.kind == "compound" else chunk.tokens[1:]
    return {chunk_key(chunk), *(t for t in map(tokenize.term, tokens) if t)}


@dataclass(frozen=True)
class Result:
    """One answer: the article in one language, its score and the section that matched."""

    id: str
    lang: str
    title: str
    summary: str
    url: str  # site-relative, with #section when a section matched
    score: float
    section: str = ""  # heading id
    section_title: str = ""


class Finder:
    """The search data of a built site, loaded per language on first use."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self.loaded: dict[str, LanguageIndex] = {}
        self.languages = sorted(p.name for p in index_dir.iterdir() if (p / META).exists()) \
            if index_dir.is_dir() else []

    def language(self, lang: str) -> LanguageIndex:
        if lang not in self.loaded:
            self.loaded[lang] = LanguageIndex(self.index_dir / lang)
        return self.loaded[lang]

    def find(self, query: str, lang: str, limit: int = MAX_RESULTS) -> list[Result]:
        """What `window.helpcenter.search(query, {lang})` resolves to, with summaries and sections."""
        if not query.strip():
            return []
        if must_block(find_secrets(query)):
            return self._secret(lang)
        han = _HAN.search(query) is not None
        first = "zh" if han and lang != "zh" and "zh" in self.languages else lang
        second = lang if first != lang else "en" if not han and lang != "en" and "en" in self.languages else None
        results: list[Result] = []
        seen: set[str] = set()
        for position, code in enumerate([first, second] if second else [first]):
            if position > 0 and len(results) >= 5:
                break
            index = self.language(code)
            for found in index.search(query):
                if len(results) >= MAX_RESULTS:
                    break
                doc_id = found.doc[0]
                if doc_id in seen:
                    continue
                seen.add(doc_id)
                results.append(_result(index, found))
        return results[:limit]

    def _secret(self, lang: str) -> list[Result]:
        # search.js: a query holding a secret shows only the phrase-safety article, never a search.
        secret = self.language(lang).meta.get("secret")
        if not secret:
            return []
        article_id, url, title, summary, secret_lang = secret
        return [Result(article_id, secret_lang, title, summary, url, 1.0)]


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _result(index: LanguageIndex, found: Found) -> Result:
    doc_id, url, title, summary = found.doc
    anchor, heading = index.section(found.section_ref)[1:] if found.section_ref is not None else ("", "")
    if not anchor:  # the text before the first heading: the article itself
        anchor, heading = "", ""
    return Result(doc_id, index.lang, title, summary, url + (f"#{anchor}" if anchor else ""),
                  math.floor(found.score * 1000 + 0.5) / 1000, anchor, heading)


def top_ids(results: Iterable[Result], n: int = 3) -> list[str]:
    """The ids of the first `n` results (what the agreement test compares)."""
    return [r.id for r in list(results)[:n]]


def short_links(site_dir: Path) -> dict[str, str]:
    """Article id → its short link (`…/a/<id>/`), from the site's articles.json ({} when absent)."""
    listing = site_dir / "articles.json"
    if not listing.exists():
        return {}
    return {row["id"]: row["short_url"].split("?", 1)[0] for row in json.loads(listing.read_text(encoding="utf-8"))}


def render(results: list[Result], style: str, links: dict[str, str]) -> str:
    """`text` (a numbered list), `json` (one object per result) or `markdown` (a reply snippet per result)."""

    def link(r: Result) -> str:
        base = links.get(r.id) or f"/a/{r.id}/"
        return base + (f"#{r.section}" if r.section else "")

    if style == "json":
        return json.dumps([{"id": r.id, "lang": r.lang, "title": r.title, "summary": r.summary, "score": r.score,
                            "short_url": link(r), "url": r.url,
                            "section": {"id": r.section, "title": r.section_title} if r.section else None}
                           for r in results], ensure_ascii=False, indent=2)
    if style == "markdown":
        return "\n".join(f"- [{_md(r.title + (f' › {r.section_title}' if r.section else ''))}]({link(r)}): "
                         f"{_md(r.summary)}" for r in results)
    lines = []
    for n, r in enumerate(results, 1):
        lines.append(f"{n}. {r.title} ({r.id}, {r.lang}, score {r.score:g})")
        if r.section:
            lines.append(f"   section: {r.section_title}")
        lines.append(f"   {link(r)}")
    return "\n".join(lines)


def _md(text: str) -> str:
    return " ".join(text.split()).replace("[", "\\[").replace("]", "\\]")
