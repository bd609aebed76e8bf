"""Query normalisation (the vectors the browser twin is tested against too) and parsing whatever arrives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from helpcenter.insights.events import MAX_QUERY, SCHEMA, normalize_query, parse

VECTORS = YAML(typ="safe", pure=True).load(Path(__file__).parents[1] / "fixtures" / "insights" / "query-vectors.yml")


def test_the_vectors_cover_every_rule() -> None:
    outputs = " ".join(v["normalized"] for v in VECTORS)
    assert len(VECTORS) >= 30
    assert "<address>" in outputs
    assert "<txid>" in outputs
    assert any(len(v["query"]) > MAX_QUERY for v in VECTORS)


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["name"])
def test_query_vector(vector: dict[str, str]) -> None:
    assert normalize_query(vector["query"]) == vector["normalized"]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["name"])
def test_normalising_twice_changes_nothing(vector: dict[str, str]) -> None:
    assert normalize_query(vector["normalized"]) == vector["normalized"]


@given(st.text(max_size=300))
def test_a_normalised_query_is_short_trimmed_and_lower_case(text: str) -> None:
    query = normalize_query(text)
    assert len(query) <= MAX_QUERY
    assert query == query.strip(" ")
    assert "  " not in query
    assert query == query.lower()


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=5)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=5),
                    max_leaves=20)
FIELDS = st.sampled_from(["type", "lang", "article", "helpful", "reason", "comment", "query", "results", "clicked",
                          "rank", "sensitive", "flowchart", "node", "outcome", "stage", "source", "x"])
EVENTISH = st.dictionaries(FIELDS, JSON | st.sampled_from(["view", "search", "en", "more-info", "step", "opened",
                                                           "article", "a-b", "zh"]), max_size=8)


@given(st.binary(max_size=200))
def test_any_bytes_are_refused_or_accepted_never_raised(body: bytes) -> None:
    checked = parse(body)
    assert checked.problem is None or (checked.events == [] and checked.problem.path.startswith("$"))


@given(EVENTISH | st.lists(EVENTISH, max_size=4) | JSON)
def test_any_json_is_refused_with_a_path_or_accepted_clean(payload: object) -> None:
    checked = parse(json.dumps(payload, allow_nan=True).encode())
    if checked.problem:
        assert checked.problem.path.startswith("$")
        assert checked.events == []
    else:
        for event in checked.events:
            assert set(event) <= {"type", "lang", *SCHEMA[event["type"]], "sensitive"}
