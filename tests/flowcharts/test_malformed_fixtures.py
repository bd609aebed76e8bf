"""Golden fixtures: each malformed tree gives exact diagnostics from `helpcenter check` and the same text
from the strict build, which fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from tests import golden

# _base: two articles and a valid tree 'demo'; a case's input.yml replaces that tree.
FAMILY = golden.Family("flowcharts", input="docs/flowcharts/demo.yml")
CASES = FAMILY.cases()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 20


def test_the_base_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FAMILY.project(None, tmp_path))
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert (result.exit_code, result.output) == (0, "")


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
