"""Real MkDocs builds of the test sites, shared by conftest.py, the golden runner and tools/search_eval.py."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).parent / "sites"
FIXTURES = Path(__file__).parent / "fixtures"

Edit = Callable[[Path], None]
BUILDS: Counter[str] = Counter()  # build_into calls per project folder this session; conftest prints them


def build_into(project: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build a MkDocs project folder with MkDocs's own build; returns the site directory."""
    site_dir = site_dir or project / "site"
    BUILDS["sample" if project == ROOT else project.name] += 1
    config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def copy_site(name: str | Path, into: Path, edit: Edit | None = None) -> Path:
    """A private copy of tests/sites/<name> (or of any folder) at into/<name>, edited; returns the project."""
    source = Path(name) if Path(name).is_absolute() else SITES / str(name)
    project = into / source.name
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("site"))
    if edit:
        edit(project)
    return project
