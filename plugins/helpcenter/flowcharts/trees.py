"""All trees of a site: load the folder, validate each tree, and check them against the articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.content.catalog import Catalog
from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor.ids import ID_PATTERN, slugify
from helpcenter.flowcharts import parser, validate
from helpcenter.flowcharts.model import Tree
from helpcenter.project import Project

SUFFIX = ".yml"


@dataclass
class Trees:
    """The trees that parsed, every tree id found (broken files too) and the problems seen."""

    trees: dict[str, Tree] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)  # file names: an article naming a broken tree is not 'unknown'
    paths: dict[str, str] = field(default_factory=dict)  # tree id -> display path
    broken: set[str] = field(default_factory=set)  # trees with parse errors: their links are not checked
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load(folder: Path, languages: Sequence[str], *, display_prefix: str = "") -> Trees:
    """Parse every `<id>.yml` in `folder` (none when it does not exist); `display_prefix` names files."""
    result = Trees()
    if not folder.is_dir():
        return result
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        add_source(result, path.name, path.read_bytes(), languages, display_prefix=display_prefix)
    return result


def add_source(result: Trees, name: str, raw: bytes, languages: Sequence[str], *, display_prefix: str = "") -> None:
    """Parse one tree file named `name` (e.g. 'tx-pending.yml') into `result`: for tests and editors."""
    tree_id = name[: -len(SUFFIX)]
    display = display_prefix + name
    result.ids.add(tree_id)
    result.paths[tree_id] = display
    if not ID_PATTERN.match(tree_id):
        result.diagnostics.append(Diagnostic(
            display, 1, 1, "flow-bad-tree-id", f"file name '{name}' is not a valid tree id",
            f"rename it to '{slugify(tree_id) or 'my-tree'}{SUFFIX}' (articles name a tree by its file name)"))
    parsed = parser.parse(raw, display, tree_id, languages)
    result.diagnostics += parsed.diagnostics
    if any(p.is_error for p in parsed.diagnostics):
        result.broken.add(tree_id)
    if parsed.tree is not None:
        result.trees[tree_id] = parsed.tree


def check(trees: Trees, catalog: Catalog, languages: Sequence[str]) -> list[Diagnostic]:
    """Validate every tree against the articles, and warn about trees no article shows."""
    problems: list[Diagnostic] = []
    article_ids = catalog.ids()
    for tree in trees.trees.values():
        # Reachability means little while nodes are unreadable: it would echo the parse errors.
        problems += validate.validate(tree, languages, article_ids, links=tree.id not in trees.broken)
    used = {a.flowchart for a in catalog.articles if a.flowchart}
    for tree_id in sorted(trees.ids - used):
        problems.append(Diagnostic(trees.paths[tree_id], 1, 1, "flow-unused-tree",
                                   f"flowchart '{tree_id}' is not used by any article",
                                   f"add 'flowchart: {tree_id}' to an article's front matter, or delete the file",
                                   severity="warning"))
    return problems


def article_references(trees: Trees, catalog: Catalog, *, prefix: str = "") -> list[Diagnostic]:
    """Articles naming a tree that does not exist (flow-unknown-tree)."""
    problems = []
    for article in catalog.articles:
        if article.flowchart and article.flowchart not in trees.ids:
            problems.append(Diagnostic(
                prefix + article.path, *article.pos("flowchart"), "flow-unknown-tree",
                f"flowchart '{article.flowchart}' does not exist",
                f"{did_you_mean(article.flowchart, trees.ids)}trees are the files in flowcharts/<id>.yml"))
    return problems


def step_error(project: Project, tree_ids: set[str], step: str) -> str:
    """Why `step` is not a node of the article's tree, or '' when it is (or the trees are not configured)."""
    settings = project.plugins.get("helpcenter-flowcharts")
    if settings is None:
        return ""
    folder = project.docs_dir / str(settings.get("trees_dir") or "flowcharts")
    loaded = load(folder, project.languages, display_prefix="")
    for tree_id in sorted(tree_ids):
        tree = loaded.trees.get(tree_id)
        if tree is None:
            return f"flowchart '{tree_id}' does not load: run helpcenter check"
        if step not in tree.nodes:
            return (f"step '{step}' is not a node of flowchart '{tree_id}'; "
                    f"{did_you_mean(step, tree.nodes)}nodes: {', '.join(tree.nodes)}")
    return ""
