"""Golden fixtures: each malformed tree gives exact diagnostics from `helpcenter check` and the same text
from the strict build, which fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from tests.conftest import FIXTURES, assert_check_matches_fixture, assert_strict_build_fails_with

FLOWCHARTS = FIXTURES / "flowcharts"
CASES = sorted(p for p in FLOWCHARTS.iterdir() if p.is_dir() and not p.name.startswith("_"))


def make_project(case: Path, tmp_path: Path) -> Path:
    """The shared base (two articles and a valid tree 'demo') with the case's tree and files over it."""
    project = tmp_path / case.name
    shutil.copytree(FLOWCHARTS / "_base", project)
    if (case / "input.yml").exists():
        shutil.copy(case / "input.yml", project / "docs" / "flowcharts" / "demo.yml")
    if (case / "docs").exists():
        shutil.copytree(case / "docs", project / "docs", dirs_exist_ok=True)
    return project


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 20


def test_the_base_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FLOWCHARTS / "_base", tmp_path / "base")
    monkeypatch.chdir(tmp_path / "base")
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert (result.exit_code, result.output) == (0, "")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_check_output_matches_fixture(case: Path, tmp_path: Path, update_fixtures: bool,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(make_project(case, tmp_path))
    assert_check_matches_fixture(Path.cwd(), case / "expected.txt", update_fixtures)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_strict_build_fails_with_the_same_text(case: Path, tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    assert_strict_build_fails_with(make_project(case, tmp_path), case / "expected.txt", tmp_path / "site",
                                   lambda: caplog.text)
