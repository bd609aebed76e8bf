"""Split a Markdown file into YAML front matter and body, keeping 1-based positions of every value."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import yamlpos
from helpcenter.floor.yamlpos import BadDate, Pos, SelfReference, plain, scalar_text

__all__ = ["BadDate", "FrontMatter", "Pos", "parse", "scalar_text"]

FENCE = "---"
CODES = yamlpos.Codes(syntax="fm-yaml-syntax", too_deep="fm-too-deep")
HINT_TOO_DEEP = "fields hold texts, numbers, dates or lists of texts: remove the nesting"

HINT_SKELETON = "begin the file with a line '---', the fields (id, title, summary …), then a line '---'"


@dataclass
class FrontMatter:
    """Parsed front matter as plain values, with where each key, value and list item stands."""

    data: dict[str, Any] = field(default_factory=dict)
    key_pos: dict[str, Pos] = field(default_factory=dict)
    value_pos: dict[str, Pos] = field(default_factory=dict)
    item_pos: dict[str, list[Pos]] = field(default_factory=dict)
    start: Pos = (1, 1)  # the opening '---'
    body: str = ""
    body_line: int = 1  # file line on which the body starts

    def pos(self, key: str) -> Pos:
        """Position of a key's value, else of the key, else of the opening fence."""
        return self.value_pos.get(key) or self.key_pos.get(key) or self.start


def body(text: str) -> str | None:
    """The Markdown after the front matter, without reading the YAML (None when there is no front matter):
    for a file `parse` has read before."""
    lines = text.split("\n")
    close = _closing_fence(lines) if lines[0].rstrip() == FENCE else None
    return None if close is None else "\n".join(lines[close + 1:])


def _closing_fence(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in (FENCE, "...")), None)


def parse(text: str, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Parse the front matter of Markdown `text`; None with diagnostics when there is none to use."""
    if not text.strip():
        return None, [Diagnostic(path, 1, 1, "fm-empty-file", "file is empty", HINT_SKELETON)]
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return None, [Diagnostic(path, 1, 1, "fm-missing", "file does not start with front matter",
                                 HINT_SKELETON)]
    close = _closing_fence(lines)
    if close is None:
        return None, [Diagnostic(path, 1, 1, "fm-unclosed", "front matter opened on line 1 is never closed",
                                 "add a line '---' after the last front matter field")]
    source = "\n".join(lines[1:close]) + "\n"
    node, problem = yamlpos.compose(source, path, CODES, first_line=2, what="front matter")
    if problem is not None:
        if problem.code == "fm-too-deep":
            problem = replace(problem, hint=HINT_TOO_DEEP)
        return None, [problem]
    fm = FrontMatter(body="\n".join(lines[close + 1:]), body_line=close + 2)
    if node is None:
        return fm, []
    if not isinstance(node, MappingNode):
        return None, [Diagnostic(path, *_pos(node), "fm-not-mapping",
                                 "front matter must be a set of 'key: value' fields",
                                 HINT_SKELETON)]
    problems: list[Diagnostic] = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            problems.append(Diagnostic(path, *_pos(key_node), "fm-complex-key",
                                       f"a field name must be a word but this one is {_kind(key_node)}",
                                       "write 'name: value' (a line starting with '? ' makes a complex key)"))
            continue
        key = str(key_node.value)
        if key in fm.data:
            problems.append(Diagnostic(path, *_pos(key_node), "fm-duplicate-key",
                                       f"field '{key}' is set twice (first on line {fm.key_pos[key][0]})",
                                       f"keep one '{key}' line"))
            continue
        try:
            fm.data[key] = plain(value_node)
        except SelfReference as err:
            anchor = err.node.anchor or ""
            problems.append(Diagnostic(path, *_pos(err.node), "fm-recursive-alias",
                                       f"the value anchored as '&{anchor}' contains itself",
                                       f"remove the alias '*{anchor}' inside it: a value cannot include itself"))
            continue
        except RecursionError:
            problems.append(Diagnostic(path, *_pos(value_node), "fm-too-deep", f"'{key}' is nested too deep to read",
                                       HINT_TOO_DEEP))
            continue
        fm.key_pos[key] = _pos(key_node)
        fm.value_pos[key] = _pos(value_node)
        if isinstance(value_node, SequenceNode):
            fm.item_pos[key] = [_pos(item) for item in value_node.value]
    return fm, problems


def _kind(node: Node) -> str:
    return "a list" if isinstance(node, SequenceNode) else "a set of fields"


def _pos(node: Node) -> Pos:
    # ruamel marks count from the line after the opening fence.
    return yamlpos.pos(node, first_line=2)
