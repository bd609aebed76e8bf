"""Everything `helpcenter check` verifies, composed from each concern's core checks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from helpcenter.content import catalog as catalog_loader
from helpcenter.content import checks as content_checks
from helpcenter.diagnostics import Diagnostic
from helpcenter.project import Project


def run(docs_dir: Path, languages: Sequence[str], *, prefix: str = "docs/") -> list[Diagnostic]:
    """All content problems of a docs tree, sorted by file and position."""
    loaded = catalog_loader.load(docs_dir, languages, display_prefix=prefix)
    problems = list(loaded.diagnostics)
    problems += content_checks.check(loaded.catalog, prefix=prefix)
    return sorted(set(problems))


def run_project(project: Project, paths: Sequence[Path] = ()) -> list[Diagnostic]:
    """`helpcenter check`: all problems of the project, or only those in `paths` when given."""
    problems = run(project.docs_dir, project.languages, prefix=project.prefix)
    if not paths:
        return problems
    wanted = [Path(p).resolve() for p in paths]

    def selected(problem: Diagnostic) -> bool:
        where = (project.root / problem.path).resolve()
        return any(where == p or p in where.parents for p in wanted)

    return [p for p in problems if selected(p)]
