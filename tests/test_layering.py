"""Core modules never import MkDocs or click: only config.py, plugin.py and cli.py adapt them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "helpcenter"
ADAPTERS = {"config.py", "plugin.py", "cli.py"}
FORBIDDEN = ("mkdocs", "click", "material")
CORE = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ADAPTERS)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_there_is_core_to_check() -> None:
    assert len(CORE) >= 8


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_does_not_import_mkdocs_or_click(path: Path) -> None:
    bad = sorted(m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN)
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}: move that code into config.py/plugin.py/cli.py"


def test_the_checker_catches_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from mkdocs.plugins import BasePlugin\nimport click\n", encoding="utf-8")
    assert imported_modules(sample) == {"mkdocs.plugins", "click"}
