"""Golden fixtures: each malformed article gives exact diagnostics, exit 1, and a failed strict build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, assert_check_matches_fixture, assert_strict_build_fails_with

CONTENT = FIXTURES / "content"
CASES = sorted(p for p in CONTENT.iterdir() if p.is_dir() and not p.name.startswith("_"))


def make_project(case: Path, tmp_path: Path) -> Path:
    """The shared base (home + category) overlaid with the case's own files."""
    project = tmp_path / case.name
    shutil.copytree(CONTENT / "_base", project)
    shutil.copytree(case / "docs", project / "docs", dirs_exist_ok=True)
    shutil.copy(case / "mkdocs.yml" if (case / "mkdocs.yml").exists() else CONTENT / "mkdocs.yml", project)
    return project


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 15


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
