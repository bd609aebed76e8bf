"""Index build on fixture articles: lunr.py's vectors, the compact form, sections and tiers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder as LunrBuilder
from lunr.index import Index

from helpcenter.content import catalog as catalog_loader
from helpcenter.search import index, sections, tokenize
from helpcenter.search.sections import Section

SITE_DOCS = Path(__file__).resolve().parent.parent / "sites" / "search" / "docs"


def _fixture_docs(lang: str) -> list[index.Doc]:
    """The search test site's articles, sections split from their Markdown headings."""
    loaded = catalog_loader.load(SITE_DOCS, ["en", "zh"])
    docs = []
    for article in loaded.catalog.in_language(lang):
        body = (SITE_DOCS / article.path).read_text(encoding="utf-8").split("\n---\n", 1)[1]
        parts = body.split("\n## ")
        found = [Section("", "", " ".join(parts[0].split()))]
        for part in parts[1:]:
            heading, _, text = part.partition("\n")
            title, _, anchor = heading.partition(" {#")
            found.append(Section(anchor.rstrip("}"), title, " ".join(text.split())))
        docs.append(index.Doc(article.id, article.url(), article.title, article.summary, article.tags, tuple(found)))
    return docs


def _reference(rows: list[tuple[str, dict[str, list[str]]]], boosts: dict[str, float]) -> dict:
    """lunr.py's own Builder on the same terms (list-valued fields skip its tokenizer)."""
    builder = LunrBuilder()
    builder.ref("id")
    for name, boost in boosts.items():
        builder.field(name, boost=boost)
    for ref, fields in rows:
        builder.add({"id": ref, **fields})
    return builder.build().serialize()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_vectors_are_lunr_pys_to_two_decimals(lang: str) -> None:
    docs = _fixture_docs(lang)
    boosts = {"t": 10.0, "k": 6.0, "s": 2.5}
    rows = [(str(n), {"t": tokenize.terms(d.title), "k": [t for tag in d.tags for t in tokenize.terms(tag)],
                      "s": tokenize.terms(d.summary)}) for n, d in enumerate(docs)]
    ours = index.LunrIndex(tuple(boosts), boosts)
    for _, fields in rows:
        ours.add(fields)
    out = io.StringIO()
    ours.write(out)
    expanded = index.expand(json.loads(out.getvalue()))
    reference = _reference(rows, boosts)

    assert [t for t, _ in expanded["invertedIndex"]] == [t for t, _ in reference["invertedIndex"]]
    ref_postings = {t: {f: sorted(p[f]) for f in boosts} for t, p in reference["invertedIndex"]}
    assert {t: {f: sorted(p[f]) for f in boosts} for t, p in expanded["invertedIndex"]} == ref_postings
    ref_terms = {p["_index"]: t for t, p in reference["invertedIndex"]}
    our_terms = [t for t, _ in expanded["invertedIndex"]]
    ref_vectors = {ref: {ref_terms[v[i]]: v[i + 1] for i in range(0, len(v), 2)}
                   for ref, v in reference["fieldVectors"] if v}
    our_vectors = {ref: {our_terms[v[i]]: v[i + 1] for i in range(0, len(v), 2)} for ref, v in expanded["fieldVectors"]}
    assert our_vectors.keys() == ref_vectors.keys()
    for ref, scores in ref_vectors.items():
        assert our_vectors[ref].keys() == scores.keys()
        for term, score in scores.items():
            assert our_vectors[ref][term] == pytest.approx(score, abs=0.0051), (ref, term)


def test_expanded_index_loads_in_lunr_py_and_ranks_the_title_match_first() -> None:
    tier1, tier2 = index.build(_fixture_docs("en"))
    articles = Index.load(index.expand(tier1["index"]))
    hits = articles.search("energi")  # the serialized pipeline stems "energy" the same way
    assert [tier1["docs"][int(h["ref"])][0] for h in hits][:1] == ["tron-energy"]
    body = Index.load(index.expand(tier2["index"]))
    section = tier2["sections"][int(body.search("outofenergi")[0]["ref"])]
    assert section[1:3] == ["out-of-energy", "Out of energy"]


def test_lunr_py_reads_lunr_js_order_for_characters_beyond_the_bmp() -> None:
    packed = index.LunrIndex(("b",), {"b": 1.0})
    packed.add({"b": ["𠮷野", "\uffef", "abc"]})
    out = io.StringIO()
    packed.write(out)
    # JavaScript compares UTF-16 code units: U+20BB7 (a surrogate pair, 0xD842…) sorts before U+FFEF.
    assert json.loads(out.getvalue())["terms"] == ["abc", "𠮷野", "\uffef"]


def test_tiers_hold_what_results_show_and_nothing_more() -> None:
    doc = index.Doc("tron-energy", "en/fees/tron-energy/", "TRON <energy>", "What energy is.", ("tron",),
                    (Section("", "", "Intro text."), Section("get", "How to get energy", "x" * 50)))
    tier1, tier2 = index.build([doc], extra={"lang": "en"}, text_chars=20)
    assert tier1["docs"] == [["tron-energy", "en/fees/tron-energy/", "TRON <energy>", "What energy is."]]
    assert tier1["lang"] == "en"
    assert tier1["index"]["fields"] == ["t", "k", "s"]
    assert tier2["sections"] == [[0, "", "", "Intro text."], [0, "get", "How to get energy", "x" * 20]]
    assert tier2["index"]["fields"] == ["h", "b"]
    assert tier2["index"]["terms"] == ["energi", "intro", "text", "x" * 50]  # "how", "to", "get": stop words


def test_field_boosts_rank_title_over_summary_over_body() -> None:
    docs = [index.Doc("in-body", "a/", "Alpha", "Beta.", (), (Section("", "", "zebra zebra"),)),
            index.Doc("in-summary", "b/", "Gamma", "A zebra.", ()),
            index.Doc("in-title", "c/", "Zebra care", "Delta.", ())]
    tier1, _ = index.build(docs)
    hits = Index.load(index.expand(tier1["index"])).search("zebra")
    assert [tier1["docs"][int(h["ref"])][0] for h in hits] == ["in-title", "in-summary"]


def test_lunr_py_is_the_version_lunr_js_expects() -> None:
    tier1, _ = index.build(_fixture_docs("zh"))
    assert tier1["index"]["version"] == __TARGET_JS_VERSION__ == "2.3.9"


@pytest.mark.parametrize(("html", "expected"), [
    pytest.param('<h1>Title</h1><p>Intro <b>bold</b>.</p><h2 id="a">First<a class="headerlink" href="#a">¶</a>'
                 "</h2><p>One</p><table><tr><td>x</td><td>y</td></tr></table>",
                 [Section("", "", "Intro bold."), Section("a", "First", "One x y")], id="headerlink-and-cells"),
    pytest.param('<p>Only intro</p><h3 id="deep">Deep</h3><script>var x = "no";</script><p>Text</p>',
                 [Section("", "", "Only intro"), Section("deep", "Deep", "Text")], id="h3-and-script"),
    pytest.param('<h2 id="empty">Empty</h2><h2>No id</h2><p>kept in the previous section</p>',
                 [Section("empty", "Empty", "No id kept in the previous section")], id="heading-without-id"),
    pytest.param("<p>a &lt;b&gt; &amp; c</p>", [Section("", "", "a <b> & c")], id="entities-are-text"),
])
def test_sections(html: str, expected: list[Section]) -> None:
    assert sections.split(html) == expected
