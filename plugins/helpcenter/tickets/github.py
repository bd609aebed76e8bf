"""GitHub issues: `title`, `labels`, `template` and each issue-form element by its `id`.

GitHub ignores an id the form does not have, without a word, so the build reads the form (a copy of
`.github/ISSUE_TEMPLATE/<name>.yml` next to mkdocs.yml) and checks every id we prefill: it must be an
`input` or `textarea` element (dropdowns and checkboxes are not prefilled). Without a form, the
ticket goes to `title` and `body`; so it does with a Markdown template (`<name>.md`), which GitHub
shows as the body's starting text and which has no fields to prefill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ruamel.yaml.nodes import ScalarNode, SequenceNode

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor import yamlpos
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import Recipe, encode_name, literal

EXAMPLE = "https://github.com/example-wallet/support"
PREFILLABLE = ("input", "textarea")
REPO_PATH = re.compile(r"^/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/?$")
CODES = yamlpos.Codes(syntax="ticket-github-template-invalid")


@dataclass(frozen=True)
class Element:
    """One element of an issue form: its id, its type and where it is (1-based)."""

    id: str
    type: str
    line: int
    col: int


def read_form(path: Path, display: str) -> tuple[dict[str, Element], list[Diagnostic]]:
    """The elements of an issue-form YAML file that have an id, or the problems reading it."""
    root, problem = yamlpos.compose(path.read_text(encoding="utf-8"), display, CODES,
                                    hint="fix the YAML; GitHub would not show this form either")
    if problem is not None:
        return {}, [replace(problem, message=problem.message.replace("invalid YAML", "issue form is not valid YAML"))]
    body = yamlpos.get(root, "body")
    if not isinstance(body, SequenceNode):
        return {}, [Diagnostic(display, 1, 1, "ticket-github-template-invalid", "issue form has no 'body' list",
                               "an issue form is YAML with name, description and a body list of elements")]
    elements: dict[str, Element] = {}
    for item in body.value:
        id_node = yamlpos.get(item, "id")
        if isinstance(id_node, ScalarNode) and not yamlpos.is_empty(id_node):
            type_node = yamlpos.get(item, "type")
            kind = str(type_node.value) if isinstance(type_node, ScalarNode) else ""
            elements[str(id_node.value)] = Element(str(id_node.value), kind, *yamlpos.pos(id_node))
    return elements, []


def recipe(options: Options, project_dir: Path) -> tuple[Recipe | None, list[Diagnostic]]:
    """The recipe for `helpdesk: github`, or None with the reasons."""
    problems = options.require("github_repo", "github", EXAMPLE)
    if problems:
        return None, problems
    repo = str(options.get("github_repo")).rstrip("/")
    problems = options.https("github_repo", EXAMPLE)
    if not problems and not REPO_PATH.match(urlsplit(repo).path):
        problems.append(options.error("github_repo", "ticket-bad-url",
                                      f"'github_repo' must be a repository URL but is '{repo}'",
                                      f"write https://<host>/<owner>/<repo>, e.g. {EXAMPLE}"))
    fields = dict(options.get("github_fields", {}))
    problems += options.field_names("github_fields", extra=("description", "what_happened"))
    template = options.get("github_template")
    markdown = bool(template) and PurePosixPath(str(template)).suffix.lower() == ".md"
    pairs: list[tuple[str, str]] = []
    if markdown:
        problems += _check_markdown(options, project_dir, str(template), fields)
        pairs.append(("template", literal(PurePosixPath(str(template)).name)))
    elif template:
        problems += _check_form(options, project_dir, str(template), fields)
        pairs.append(("template", literal(PurePosixPath(str(template)).name)))
    elif fields:
        problems.append(options.error("github_fields", "ticket-github-no-template",
                                      "'github_fields' needs 'github_template', the issue form that has those ids",
                                      "set github_template: .github/ISSUE_TEMPLATE/<form>.yml (a copy of the form)"))
    if problems:
        return None, problems
    pairs.append(("title", "{subject}"))
    if options.get("github_labels"):
        pairs.append(("labels", literal(",".join(str(label) for label in options.get("github_labels")))))
    if not template or markdown:
        pairs.append(("body", "{description}"))
    pairs += [(encode_name(str(element_id)), "{" + name + "}") for name, element_id in fields.items()]
    return Recipe("github", literal(repo + "/issues/new"), tuple(pairs),
                  max_length=options.get("url_max_length", 2000)), []


def _check_markdown(options: Options, project_dir: Path, template: str, fields: dict[str, object]) -> list[Diagnostic]:
    """A Markdown issue template must exist; it has no elements, so nothing but the body is prefilled."""
    problems = []
    if not (project_dir / template).is_file():
        problems.append(options.error("github_template", "ticket-github-template-missing",
                                      f"issue template '{template}' does not exist",
                                      "github_template is relative to the folder of mkdocs.yml: keep a copy of the "
                                      "repository's .github/ISSUE_TEMPLATE/<name>.md there"))
    for name in fields:
        if name not in ("description", "what_happened"):
            problems.append(options.error(
                f"github_fields.{name}", "ticket-github-markdown-fields",
                f"'github_fields' maps '{name}', but '{template}' is a Markdown template, which has no fields",
                "remove it: with a Markdown template the whole ticket goes to the issue body; "
                "to prefill fields, use an issue form (.github/ISSUE_TEMPLATE/<name>.yml)"))
    return problems


def _check_form(options: Options, project_dir: Path, template: str, fields: dict[str, object]) -> list[Diagnostic]:
    path = project_dir / template
    if not path.is_file():
        return [options.error("github_template", "ticket-github-template-missing",
                              f"issue form '{template}' does not exist",
                              "github_template is relative to the folder of mkdocs.yml: keep a copy of the "
                              "repository's .github/ISSUE_TEMPLATE/<form>.yml there")]
    elements, problems = read_form(path, template)
    if problems:
        return problems
    listing = ", ".join(f"{e.id} ({e.type}, line {e.line})" for e in elements.values())
    if "description" not in fields:
        problems.append(options.error("github_fields", "ticket-github-no-description",
                                      "'github_fields' must map 'description' to a textarea of the issue form",
                                      f"GitHub ignores 'body' with a form; ids in {template}: {listing}"))
    for name, element_id in fields.items():
        element = elements.get(str(element_id))
        if element is None:
            problems.append(options.error(
                f"github_fields.{name}", "ticket-github-unknown-id",
                f"'github_fields' maps '{name}' to id '{element_id}', which {template} does not have",
                f"{did_you_mean(str(element_id), elements)}ids in the form: {listing or 'none'}"))
        elif element.type not in PREFILLABLE:
            problems.append(options.error(
                f"github_fields.{name}", "ticket-github-not-prefillable",
                f"'github_fields' maps '{name}' to '{element_id}', a {element.type} at "
                f"{template}:{element.line}:{element.col}",
                "GitHub prefills only input and textarea elements: use one of those ids"))
    return problems
