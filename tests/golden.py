"""The golden-fixture runner: every family under tests/fixtures, one overlay rule, one `--update-fixtures`.

As in pymdown-extensions' tests/test_syntax.py, inputs and expected outputs are files that a reviewer
reads in a diff, and `pytest --update-fixtures` rewrites the expected side (review it before committing).
Each family's test file is a thin parametrization over this module:

- content/<case>/, flowcharts/<case>/: `_base/` overlaid with the case; `helpcenter check --strict`
  prints expected.txt exactly, and the strict build fails logging every line of it;
- tickets/config-errors.yml (a `Table`): tests/sites/tickets with each case's plugin options; the
  build's error lines are the case's `expected`;
- flowchart-render/: the widget of tests/sites/flowcharts's tree, per language, is app-trouble.<lang>.html;
- search/tokenize-vectors.json: the Python tokenizer's vectors of tokenize-inputs.txt.

The one overlay rule (`Family.project`): copy the family's `_base/`, then lay every file of the case
over it at the same relative path, leaving out `expected.*`. A family may name where a case's
`input.yml` goes (flowcharts: `docs/flowcharts/demo.yml`), so a case that changes only the main input
is one file.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from tests.builds import FIXTURES, build_into


def expected_text(expected: Path, actual: str, update: bool) -> str:
    """The stored expectation; with --update-fixtures `actual` is written there first (review the diff)."""
    if update:
        expected.write_text(actual, encoding="utf-8")
    return expected.read_text(encoding="utf-8")


def assert_text(actual: str, expected: Path, update: bool) -> None:
    """`actual` is exactly the text of the `expected` file."""
    assert actual == expected_text(expected, actual, update)


@dataclass(frozen=True)
class Family:
    """A folder of golden cases: `_base/` (the shared project) and one folder per case beside it."""

    name: str
    input: str = ""  # where a case's `input.yml` lands in the project ("" = cases hold project paths only)

    @property
    def root(self) -> Path:
        return FIXTURES / self.name

    def cases(self) -> list[Path]:
        """The case folders, by name (folders starting with `_` are not cases)."""
        return sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("_"))

    def project(self, case: Path | None, into: Path) -> Path:
        """The overlay rule: `_base/` with the case's files over it (not `expected.*`); `None` = the base alone."""
        project = into / (case.name if case else "base")
        if (self.root / "_base").is_dir():
            shutil.copytree(self.root / "_base", project)
        for source in sorted(case.rglob("*")) if case else ():
            relative = source.relative_to(case)
            if source.is_dir() or relative.name.startswith("expected."):
                continue
            if self.input and relative == Path("input.yml"):
                relative = Path(self.input)
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, project / relative)
        return project


def case_id(case: Path | dict[str, Any]) -> str:
    """A case's test id: its folder's name, or its `name` in a table."""
    return case.name if isinstance(case, Path) else str(case["name"])


class Table:
    """Golden cases kept as a YAML list in one file, each a mapping with `name`, its inputs and `expected`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cases: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))

    def expected(self, case: dict[str, Any], actual: str, update: bool) -> str:
        """The case's stored `expected`; with --update-fixtures `actual` is written into the file first."""
        if update:
            yaml = YAML()  # round-trip: keeps the file's comments and layout
            yaml.width = 4096
            yaml.indent(mapping=2, sequence=4, offset=2)
            data = yaml.load(self.path.read_text(encoding="utf-8"))
            for entry in data:
                if entry["name"] == case["name"]:
                    entry["expected"] = LiteralScalarString(actual)
            with self.path.open("w", encoding="utf-8") as handle:
                yaml.dump(data, handle)
            case["expected"] = actual
        return str(case["expected"])


def assert_check_matches_fixture(project: Path, expected: Path, update_fixtures: bool) -> None:
    """`helpcenter check --strict` in `project` prints exactly `expected` and exits 1, without a traceback.

    Run with the project as the working directory (monkeypatch.chdir).
    """
    from click.testing import CliRunner

    from helpcenter.cli import cli

    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert_text(result.output, expected, update_fixtures)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def assert_strict_build_fails_with(project: Path, expected: Path, site_dir: Path, log_text: Callable[[], str]) -> None:
    """A strict build of `project` aborts cleanly, logging every line of `expected`, and writes no site."""
    from mkdocs.exceptions import Abort

    # MkDocs logs a PluginError's text and aborts cleanly (no traceback); warnings abort under --strict.
    with pytest.raises(Abort, match="BuildError|warnings in strict mode"):
        build_into(project, site_dir)
    for line in expected.read_text(encoding="utf-8").splitlines():
        assert line in log_text()
    assert "Traceback" not in log_text()
    assert not (site_dir / "index.html").exists()
