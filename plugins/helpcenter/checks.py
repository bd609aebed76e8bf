"""Everything `helpcenter check` verifies, composed from each concern's core checks."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from helpcenter.content import catalog as catalog_loader
from helpcenter.content import checks as content_checks
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import strings as ui_strings
from helpcenter.flowcharts import trees as flowchart_trees
from helpcenter.links import history as url_history
from helpcenter.project import Project
from helpcenter.search import checks as search_checks


def run(docs_dir: Path, languages: Sequence[str], *, prefix: str = "docs/",
        flowcharts_dir: str | None = None, templates: Collection[str] | None = None) -> list[Diagnostic]:
    """All content problems of a docs tree, sorted by file and position.

    `flowcharts_dir` (relative to `docs_dir`) turns on the tree checks, as helpcenter-flowcharts does;
    `templates` (the theme's template names) the checks of front matter `template` and `icon`.
    """
    loaded = catalog_loader.load(docs_dir, languages, display_prefix=prefix, templates=templates)
    problems = list(loaded.diagnostics)
    tree_ids = None
    if flowcharts_dir is not None:
        folder = flowcharts_dir.strip("/")
        found = flowchart_trees.load(docs_dir / folder, languages, display_prefix=f"{prefix}{folder}/")
        problems += found.diagnostics + flowchart_trees.check(found, loaded.catalog, languages)
        tree_ids = found.ids
    problems += content_checks.check(loaded.catalog, prefix=prefix, flowcharts=tree_ids)
    return sorted(set(problems))


def run_project(project: Project, paths: Sequence[Path] = ()) -> list[Diagnostic]:
    """`helpcenter check`: all problems of the project, or only those in `paths` when given."""
    flowcharts = project.plugins.get("helpcenter-flowcharts")
    problems = run(project.docs_dir, project.languages, prefix=project.prefix,
                   flowcharts_dir=flowcharts.get("trees_dir", "flowcharts") if flowcharts is not None else None,
                   templates=project.templates)
    problems = sorted(set(problems + ui_strings.check_project(project)))
    search = project.plugins.get("helpcenter-search")
    if search is not None:
        found = search_checks.check(project.root, search, project.docs_dir, project.languages)
        problems = sorted(set(problems + found))
    history_file = (project.plugins.get("helpcenter-links") or {}).get("url_history")
    if history_file:
        loaded = catalog_loader.load(project.docs_dir, project.languages, display_prefix=project.prefix)
        recorded, found = url_history.load(project.root / history_file, history_file)
        problems = sorted(set(problems + found + url_history.check(recorded, loaded.catalog, project.prefix)))
    if not paths:
        return problems
    wanted = [Path(p).resolve() for p in paths]

    def selected(problem: Diagnostic) -> bool:
        where = (project.root / problem.path).resolve()
        return any(where == p or p in where.parents for p in wanted)

    return [p for p in problems if selected(p)]
