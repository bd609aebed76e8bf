"""The Python twin of the checker against every vector of tests/fixtures/verify/cases.yml."""

from __future__ import annotations

import pytest

from helpcenter.verify import checker
from tests.verify import cases

CHANNELS, _, CASES = cases.load()


def test_there_are_enough_vectors() -> None:
    assert len(CASES) >= 60
    assert len({c.case for c in CASES}) == len(CASES), "case names must be unique"
    assert {c.verdict for c in CASES} == {"official", "not-official", "lookalike", "unrecognised"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.case)
def test_python_twin(case: cases.Case) -> None:
    actual = checker.check(case.input, CHANNELS).to_json()
    cases.TABLES.setdefault("Python (helpcenter.verify.checker)", []).append((case, actual))
    assert cases.summary(actual) == case.expected()
