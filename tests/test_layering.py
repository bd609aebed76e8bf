"""Who may import whom: the floor under the features, features as peers on content, the CLI on top.

| importer                          | may import                                                        |
|-----------------------------------|-------------------------------------------------------------------|
| floor (`floor/`, top-level core)  | the floor (the adapter kit: content's core too, see below)        |
| firewall                          | the floor, itself                                                 |
| content                           | the floor, itself                                                 |
| a feature (flowcharts, search, …) | the floor, the firewall, content's core (not its adapter), itself |
| composition (`checks.py`, `cli.py`) | anything                                                        |

Only adapters (`config.py`, `plugin.py`, `cli.py`, and the floor's adapter kit) import MkDocs or click.
The adapter kit (`floor/adapter.py`) also reads content's core: it gives every feature the site's catalog,
from helpcenter-articles or loaded itself, so no feature needs the articles plugin.
A failure names the offending `file:line`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "helpcenter"
ADAPTER_NAMES = {"config.py", "plugin.py", "cli.py"}
ADAPTER_FILES = {"floor/adapter.py"}
FORBIDDEN = ("mkdocs", "click", "material")
FLOOR_MODULES = {"__init__", "diagnostics", "htmljson", "render", "project"}
COMPOSITION = {"checks", "cli"}
MODULES = sorted(PACKAGE.rglob("*.py"))


def layer(module: str) -> str:
    """The layer of a module named like `helpcenter.search.index` (or the package's own name)."""
    parts = module.split(".")[1:]
    if not parts or (len(parts) == 1 and parts[0] in FLOOR_MODULES) or parts[0] == "floor":
        return "floor"
    if len(parts) == 1 and parts[0] in COMPOSITION:
        return "composition"
    return parts[0]  # firewall, content, or a feature's folder


def allowed(importer: str, imported: str) -> bool:
    """Whether module `importer` may import `imported` (both dotted, both in the package)."""
    mine, theirs = layer(importer), layer(imported)
    if mine == "composition" or theirs == "floor" or mine == theirs:
        return True
    if importer == "helpcenter.floor.adapter" and theirs == "content":
        return imported.rsplit(".", 1)[-1] not in ("plugin", "config")
    if mine in ("floor", "firewall", "content"):
        return False
    if theirs == "firewall":
        return True
    return theirs == "content" and imported.rsplit(".", 1)[-1] not in ("plugin", "config")


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every import in a file as (line, absolute module name), relative ones resolved, lazy ones too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # `from helpcenter import search` imports the subpackage: judge each name too.
            if base.split(".")[0] == "helpcenter":
                found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names
                          if (PACKAGE.parent / base.replace(".", "/") / alias.name).exists()
                          or (PACKAGE.parent / base.replace(".", "/") / f"{alias.name}.py").exists()]
    return found


def test_there_is_a_package_to_check() -> None:
    assert len(MODULES) >= 40


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_follow_the_table(path: Path) -> None:
    rel = path.relative_to(PACKAGE).as_posix()
    importer = module_name(path)
    bad = []
    for line, name in imports(path):
        top = name.split(".")[0]
        if top in FORBIDDEN and path.name not in ADAPTER_NAMES and rel not in ADAPTER_FILES:
            bad.append(f"plugins/helpcenter/{rel}:{line}: imports {name}: only adapters may (config.py, plugin.py)")
        elif top == "helpcenter" and not allowed(importer, name):
            bad.append(f"plugins/helpcenter/{rel}:{line}: {layer(importer)} may not import {name} "
                       f"({layer(name)}): move what both need to the floor (helpcenter/floor, helpcenter/firewall)")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(("importer", "imported", "ok"), [
    ("helpcenter.search.plugin", "helpcenter.floor.adapter", True),
    ("helpcenter.search.plugin", "helpcenter.firewall", True),
    ("helpcenter.search.site", "helpcenter.content.catalog", True),
    ("helpcenter.search.plugin", "helpcenter.content.plugin", False),
    ("helpcenter.search.plugin", "helpcenter.tickets.wordlists", False),
    ("helpcenter.tickets.options", "helpcenter.flowcharts.fields", False),
    ("helpcenter.firewall.secrets", "helpcenter.tickets.compose", False),
    ("helpcenter.floor.yamlpos", "helpcenter.content.frontmatter", False),
    ("helpcenter.content.catalog", "helpcenter.flowcharts.trees", False),
    ("helpcenter.checks", "helpcenter.flowcharts.trees", True),
    ("helpcenter.diagnostics", "helpcenter.floor.text", True),
    ("helpcenter.floor.adapter", "helpcenter.content.catalog", True),
    ("helpcenter.floor.adapter", "helpcenter.content.plugin", False),
    ("helpcenter.floor.strings", "helpcenter.content.catalog", False),
])
def test_the_table(importer: str, imported: str, ok: bool) -> None:
    assert allowed(importer, imported) is ok


def test_the_checker_names_file_and_line(tmp_path: Path) -> None:
    sample = PACKAGE / "floor" / "_layering_probe.py"
    sample.write_text("from __future__ import annotations\n\nfrom helpcenter.search import index\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match=r"plugins/helpcenter/floor/_layering_probe\.py:3: floor may not"):
            test_imports_follow_the_table(sample)
    finally:
        sample.unlink()
