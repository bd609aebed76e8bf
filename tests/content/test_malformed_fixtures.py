"""Golden fixtures: each malformed article gives exact diagnostics, exit 1, and a failed strict build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import golden

FAMILY = golden.Family("content")  # _base: mkdocs.yml, the English home and the 'wallet' category
CASES = FAMILY.cases()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=golden.case_id)
def test_check_output_matches_fixture(case: Path, tmp_path: Path, update_fixtures: bool,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FAMILY.project(case, tmp_path))
    golden.assert_check_matches_fixture(Path.cwd(), case / "expected.txt", update_fixtures)


@pytest.mark.parametrize("case", CASES, ids=golden.case_id)
def test_strict_build_fails_with_the_same_text(case: Path, tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    golden.assert_strict_build_fails_with(FAMILY.project(case, tmp_path), case / "expected.txt",
                                          tmp_path / "site", lambda: caplog.text)
