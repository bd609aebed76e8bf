"""Query normalisation: the vectors the browser twin is tested against too, and properties of the rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from helpcenter.insights.events import MAX_QUERY, normalize_query

VECTORS = YAML(typ="safe").load(Path(__file__).parents[1] / "fixtures" / "insights" / "query-vectors.yml")


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
