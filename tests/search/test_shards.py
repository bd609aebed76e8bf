"""The sharded index: the same vectors as the whole tiers, fetched by need, ranking as the whole index does.

The Python tests write the shards of the search test site's articles, read them back and hold them
to the whole tiers of the same articles (`index.build`: lunr's vectors, which test_index.py holds to
lunr.py). The browser tests run the evaluation queries through `window.helpcenter.search` (the
sharded engine, fetching by need) and through `helpcenter.search.find` (the same files read whole,
in Python) and compare the top ten with their scores, and count what a query fetches.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from helpcenter.search import find, index, shards, tokenize
from helpcenter.search.sections import Section
from tests.builds import FIXTURES, ROOT
from tests.search.test_index import _fixture_docs

FIND_QUERIES = yaml.safe_load((FIXTURES / "search" / "find-queries.yml").read_text(encoding="utf-8"))
PUBLIC = ROOT.parent / "shared" / "search-eval" / "public.yml"


def _read(folder: Path, name: str) -> dict:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _from_shards(folder: Path) -> tuple[dict, dict[tuple[str, str], dict[int, float]], dict[str, int]]:
    """meta, (field, term) → {ref: score}, and term → articles, read back from every shard."""
    meta = _read(folder, shards.META)
    postings: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    df: dict[str, int] = {}
    for k in range(len(meta["shards"])):
        shard = _read(folder, f"p/{k}.json")
        assert shard["terms"][0] == meta["shards"][k]
        df.update(zip(shard["terms"], shard["df"], strict=True))
        for name in (*meta["fields"][0], *meta["fields"][1]):
            lists = shard.get(name, [0] * len(shard["terms"]))
            assert len(lists) == len(shard["terms"])
            for term, encoded in zip(shard["terms"], lists, strict=True):
                if encoded:
                    refs, scores = shards.postings(encoded)
                    assert refs == sorted(set(refs)), "refs ascend, each once"
                    postings[(name, term)].update((ref, score / meta["scale"]) for ref, score in zip(refs, scores,
                                                                                                     strict=True))
    return meta, postings, df


def _from_tiers(docs: list[index.Doc]) -> tuple[dict, dict[tuple[str, str], dict[int, float]], dict[str, int]]:
    """The same from the whole tiers of the same articles (`index.build`): vectors read the other way
    round, and each term's articles counted from them."""
    tier1, tier2 = index.build(docs)
    postings: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    articles: dict[str, set[int]] = defaultdict(set)
    for packed, doc_of in ((tier1["index"], lambda ref: ref), (tier2["index"], lambda ref: tier2["sections"][ref][0])):
        for name, vectors in packed["vectors"].items():
            for ref, flat in vectors:
                at = 0
                for i in range(0, len(flat), 2):
                    at += flat[i]
                    postings[(name, packed["terms"][at])][ref] = flat[i + 1] / packed["scale"]
                    articles[packed["terms"][at]].add(doc_of(ref))
    return tier1, postings, {t: len(refs) for t, refs in articles.items()}


def _write(docs: list[index.Doc], folder: Path) -> None:
    builder = index.Builder(on_doc=shards.DocWriter(folder))
    for doc in docs:
        builder.add(doc)
    # Small files, so that a term, a shard and a chunk boundary meet often in a few articles.
    shards.write(folder, builder, {"lang": "en"}, None, words_per_chunk=20, postings_per_shard=20)
    builder.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_shards_hold_exactly_the_vectors_of_the_whole_tiers(tmp_path: Path, lang: str) -> None:
    docs = _fixture_docs(lang)
    _write(docs, tmp_path)
    meta, postings, df = _from_shards(tmp_path)
    tier1, whole, whole_df = _from_tiers(docs)
    assert postings == whole
    assert df == whole_df
    assert meta["docs"] == len(tier1["docs"])
    assert len(meta["shards"]) > 10, "the articles are many enough to be cut: the test would prove little otherwise"
    assert len(meta["words"]) > 5


def test_digits_read_back_and_need_no_escaping() -> None:
    for numbers in ([], [0], [31, 32, 1023, 1024, 65535, 1 << 20, 2**31 + 5], list(range(2000))):
        text = shards.digits(numbers)
        assert shards.numbers(text) == numbers
        assert json.dumps(text) == f'"{text}"'
    assert len(shards.digits([1] * 100)) == 100, "a small gap takes one character"
    assert shards.postings([[7, 3], shards.digits([2, 1, 5]), shards.digits([1, 0, 0])]) == ([2, 3, 8], [3, 7, 7])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_words_and_articles_match_the_tiers(tmp_path: Path, lang: str) -> None:
    docs = _fixture_docs(lang)
    _write(docs, tmp_path)
    meta = _read(tmp_path, shards.META)
    tier1, tier2 = index.build(docs)
    words: dict[str, int] = {}
    for k in range(len(meta["words"])):
        chunk = _read(tmp_path, f"w/{k}.json")
        assert chunk["terms"][0] == meta["words"][k]
        words.update(zip(chunk["terms"], chunk["df"], strict=True))
    assert set(words) == set(tier1["index"]["terms"]) | set(tier2["index"]["terms"])
    sections = iter(enumerate(tier2["sections"]))
    for n, row in enumerate(tier1["docs"]):
        article = _read(tmp_path, f"d/{n}.json")
        assert article[:4] == row
        for anchor_heading, (ref, section) in zip(article[4], [next(sections) for _ in range(meta["sections"][n])],
                                                  strict=True):
            assert [n, *anchor_heading, _read(tmp_path, f"s/{ref}.json")] == section
        assert meta["titles"][n] == len(tokenize.title_key(row[2]))
    assert next(sections, None) is None


def test_the_built_site_has_shards_and_no_whole_index(sample_site: Path) -> None:
    for lang in ("en", "zh"):
        folder = sample_site / "search" / lang
        meta, postings, df = _from_shards(folder)
        assert sorted(p.name for p in folder.iterdir()) == ["d", "meta.json", "p", "s", "w"]
        assert meta["docs"] == len(list((folder / "d").iterdir())) > 50
        assert set(df) == {t for _, t in postings}


def test_a_cut_never_splits_a_term_and_heavy_terms_stand_alone() -> None:
    docs = [index.Doc(f"a{n}", f"en/a{n}/", f"usdt {n}", "usdt transfer", (),
                      (Section("", "", f"usdt word{n % 7} note{n}"),)) for n in range(300)]
    builder = index.Builder()
    for doc in docs:
        builder.add(doc)
    folder_terms = builder.prepare()
    union = sorted(set(folder_terms[0]) | set(folder_terms[1]))
    weights = [sum(t.postings[t.vocabulary[term]] for t in (builder.tier1, builder.tier2) if term in t.vocabulary)
               for term in union]
    starts = shards._cut(len(union), weights.__getitem__, 500)
    heavy = union.index("usdt")
    assert heavy in starts  # 900 postings: a shard of its own
    assert heavy + 1 in starts
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(union)
        assert sum(weights[start:end]) <= 500 or end - start == 1
    builder.close()


def _queries() -> list[tuple[str, str]]:
    found = [(lang, q) for lang, queries in FIND_QUERIES.items() for q in queries]
    if PUBLIC.exists():  # the shared evaluation set, beside the repository
        rows = yaml.safe_load(PUBLIC.read_text(encoding="utf-8"))
        rows = rows["queries"] if isinstance(rows, dict) else rows
        found += [("en" if row.get("lang") == "en" else "zh", row["q"]) for row in rows]
    return found


@pytest.mark.browser
def test_the_sharded_engine_ranks_as_the_whole_index(page, sample_site: Path, serve) -> None:
    base = serve(sample_site)
    whole = find.Finder(sample_site / "search")
    page.goto(f"{base}en/")
    page.wait_for_function("window.helpcenter && typeof window.helpcenter.search === 'function'")
    differ = []
    queries = _queries()
    for lang, query in queries:
        web = page.evaluate("([q, l]) => window.helpcenter.search(q, {lang: l})", [query, lang])
        mine = whole.find(query, lang)
        got = [(r["id"], r["url"].split("/", 3)[-1], round(r["score"], 2)) for r in web[:10]]
        want = [(r.id, r.url, round(r.score, 2)) for r in mine[:10]]
        if got != want:
            differ.append((lang, query, got, want))
    assert len(queries) > (60 if PUBLIC.exists() else 40)  # the shared set is beside the repository in CI
    assert differ == [], "\n".join(f"{lang} {query!r}: {got[:3]} != {want[:3]}" for lang, query, got, want in differ)


@pytest.mark.browser
def test_a_query_fetches_its_shards_once_and_never_the_whole_index(page, sample_site: Path, serve) -> None:
    base = serve(sample_site)
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url.split("/search/", 1)[-1]))
    page.goto(f"{base}en/")
    page.wait_for_function("window.helpcenter && typeof window.helpcenter.search === 'function'")
    first = page.evaluate("() => window.helpcenter.search('bandwidth', {lang: 'en'})")
    assert first[0]["id"] == "tron-bandwidth"
    search_files = [f for f in fetched if f.startswith("en/")]
    assert "en/meta.json" in search_files
    assert not [f for f in search_files if "tier" in f]
    meta = _read(sample_site / "search" / "en", shards.META)
    shard_files = [f for f in search_files if f.startswith("en/p/")]
    assert 0 < len(shard_files) < len(meta["shards"])
    before = len(fetched)
    page.evaluate("() => window.helpcenter.search('bandwidth', {lang: 'en'})")
    assert fetched[before:] == []  # all of it is kept


def test_postings_take_two_bytes_a_number_only_where_every_number_fits(tmp_path: Path) -> None:
    docs = _fixture_docs("en")
    boosted = [index.Doc(d.id, d.url, d.title, d.summary, d.tags, d.sections, 1000.0 if n == 0 else 1.0)
               for n, d in enumerate(docs)]
    for articles, code in ((docs, "H"), (boosted, "I")):  # `search: {boost: 1000}` makes scores past 65,535
        builder = index.Builder()
        for doc in articles:
            builder.add(doc)
        builder.prepare()
        inverted = shards.Inverted(builder.tier1)
        assert inverted.scores.typecode == code
        assert inverted.refs.typecode == "H"
        want = sorted((ref, n, score) for _, ref, numbers, scores in builder.tier1.scored()
                      for n, score in zip(numbers, scores, strict=True))
        got = sorted((inverted.refs[at], n, inverted.scores[at]) for n in range(len(builder.tier1.terms))
                     for at in range(inverted.starts[n], inverted.starts[n + 1]))
        assert got == want
        builder.close()
