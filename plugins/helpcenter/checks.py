"""Everything `helpcenter check` verifies, composed once from each feature's core checks.

The catalog is loaded once and handed to every feature; each feature's check is the same function
its plugin reports during the build, so the CLI and `mkdocs build --strict` print the same text.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from helpcenter.a11y import palette as a11y_palette
from helpcenter.content import catalog as catalog_loader
from helpcenter.content import checks as content_checks
from helpcenter.content import headings
from helpcenter.content.catalog import Catalog
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import strings as ui_strings
from helpcenter.floor import yamlpos
from helpcenter.flowcharts import trees as flowchart_trees
from helpcenter.insights import checks as insights_checks
from helpcenter.links import errors as link_errors
from helpcenter.links import history as url_history
from helpcenter.notices import checks as notices_checks
from helpcenter.project import Project
from helpcenter.search import checks as search_checks
from helpcenter.verify import channels as verify_channels


def run(docs_dir: Path, languages: Sequence[str], *, prefix: str = "docs/",
        flowcharts_dir: str | None = None, templates: Collection[str] | None = None) -> list[Diagnostic]:
    """All content problems of a docs tree, sorted by file and position.

    `flowcharts_dir` (relative to `docs_dir`) turns on the tree checks, as helpcenter-flowcharts does;
    `templates` (the theme's template names) the checks of front matter `template` and `icon`.
    """
    loaded = catalog_loader.load(docs_dir, languages, display_prefix=prefix, templates=templates)
    problems = list(loaded.diagnostics) + content_checks.check(loaded.catalog, prefix=prefix)
    if flowcharts_dir is not None:
        problems += _flowcharts(docs_dir, languages, prefix, flowcharts_dir, loaded.catalog)
    return sorted(set(problems))


def run_project(project: Project, paths: Sequence[Path] = ()) -> list[Diagnostic]:
    """`helpcenter check`: all problems of the project, or only those in `paths` when given."""
    loaded = catalog_loader.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                                 layout=project.layout, skip=project.skipped,
                                 templates=project.templates)
    catalog, settings = loaded.catalog, project.plugins
    problems = list(loaded.diagnostics) + content_checks.check(catalog, prefix=project.prefix)
    problems += ui_strings.check_project(project)
    problems += headings.check(project.docs_dir, project.markdown_extensions, project.prefix, project.skipped)
    if "helpcenter-flowcharts" in settings:
        trees_dir = str(settings["helpcenter-flowcharts"].get("trees_dir") or "flowcharts")
        problems += _flowcharts(project.docs_dir, project.languages, project.prefix, trees_dir, catalog)
    if "helpcenter-search" in settings:
        problems += search_checks.check(project.root, settings["helpcenter-search"], catalog)
    if "helpcenter-links" in settings:
        problems += link_errors.check(catalog, project.prefix)
    history_file = (settings.get("helpcenter-links") or {}).get("url_history")
    if history_file:
        recorded, found = url_history.load(project.root / history_file, history_file)
        problems += found + url_history.check(recorded, catalog, project.prefix)
    if "helpcenter-tickets" in settings:
        problems += _tickets(project)
    if "helpcenter-insights" in settings:
        problems += insights_checks.check_project(project)
    problems += notices_checks.check_project(project, catalog) + verify_channels.check_project(project)
    config_file = project.config_file or project.root / "mkdocs.yml"
    problems += a11y_palette.check(config_file, config_file.name)
    problems = sorted(set(problems))
    if not paths:
        return problems
    wanted = [Path(p).resolve() for p in paths]

    def selected(problem: Diagnostic) -> bool:
        where = (project.root / problem.path).resolve()
        return any(where == p or p in where.parents for p in wanted)

    return [p for p in problems if selected(p)]


def _flowcharts(docs_dir: Path, languages: Sequence[str], prefix: str, trees_dir: str,
                catalog: Catalog) -> list[Diagnostic]:
    folder = trees_dir.strip("/")
    found = flowchart_trees.load(docs_dir / folder, languages, display_prefix=f"{prefix}{folder}/")
    return (found.diagnostics + flowchart_trees.check(found, catalog, languages)
            + flowchart_trees.article_references(found, catalog, prefix=prefix))


def _tickets(project: Project) -> list[Diagnostic]:
    """The helpdesk settings as the build checks them, positioned in mkdocs.yml."""
    from helpcenter.tickets import settings
    from helpcenter.tickets.options import Options

    config_file = project.config_file or project.root / "mkdocs.yml"
    positions = yamlpos.option_positions(config_file, "helpcenter-tickets")
    options = Options(project.plugins["helpcenter-tickets"], config_file.name, positions, settings.vocabulary())
    return settings.load(options, project.root)[1]
