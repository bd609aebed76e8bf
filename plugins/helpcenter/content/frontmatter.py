"""Split a Markdown file into YAML front matter and body, keeping 1-based positions of every value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from helpcenter.diagnostics import Diagnostic

Pos = tuple[int, int]  # 1-based (line, col) in the whole file

FENCE = "---"
# One parser for every file: making a YAML() object costs a third of parsing a typical front matter.
# compose() resets the reader and scanner when it returns or raises, so nothing leaks between files.
_YAML = YAML(typ="rt")

HINT_SKELETON = "begin the file with a line '---', the fields (id, title, summary …), then a line '---'"


@dataclass(frozen=True)
class BadDate:
    """A value that looks like a date but is not a real calendar date (e.g. 2026-13-01)."""

    text: str


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


def parse(text: str, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Parse the front matter of Markdown `text`; None with diagnostics when there is none to use."""
    if not text.strip():
        return None, [Diagnostic(path, 1, 1, "fm-empty-file", "file is empty", HINT_SKELETON)]
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return None, [Diagnostic(path, 1, 1, "fm-missing", "file does not start with front matter",
                                 HINT_SKELETON)]
    close = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in (FENCE, "...")), None)
    if close is None:
        return None, [Diagnostic(path, 1, 1, "fm-unclosed", "front matter opened on line 1 is never closed",
                                 "add a line '---' after the last front matter field")]
    source = "\n".join(lines[1:close]) + "\n"
    try:
        node = _YAML.compose(source)
    except MarkedYAMLError as err:
        return None, [_syntax_error(err, lines, path)]
    except YAMLError as err:  # unmarked errors are rare (e.g. reader errors); still name the file
        return None, [Diagnostic(path, 2, 1, "fm-yaml-syntax", f"invalid YAML: {err}",
                                 "check the quoting and indentation of the front matter")]
    except RecursionError:  # the YAML reader recurses per level: [[[[…]]]] a thousand deep exhausts Python
        return None, [Diagnostic(path, 2, 1, "fm-too-deep", "front matter is nested too deep to read",
                                 "fields hold texts, numbers, dates or lists of texts: remove the nesting")]
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
            fm.data[key] = _plain(value_node)
        except _SelfReference as err:
            anchor = err.node.anchor or ""
            problems.append(Diagnostic(path, *_pos(err.node), "fm-recursive-alias",
                                       f"the value anchored as '&{anchor}' contains itself",
                                       f"remove the alias '*{anchor}' inside it: a value cannot include itself"))
            continue
        except RecursionError:
            problems.append(Diagnostic(path, *_pos(value_node), "fm-too-deep", f"'{key}' is nested too deep to read",
                                       "fields hold texts, numbers, dates or lists of texts: remove the nesting"))
            continue
        fm.key_pos[key] = _pos(key_node)
        fm.value_pos[key] = _pos(value_node)
        if isinstance(value_node, SequenceNode):
            fm.item_pos[key] = [_pos(item) for item in value_node.value]
    return fm, problems


def _pos(node: Node) -> Pos:
    # ruamel marks are 0-based and count from the line after the opening fence.
    return node.start_mark.line + 2, node.start_mark.column + 1


class _SelfReference(Exception):
    """An alias inside the very value its anchor names (`&a [*a]`): plain values would never end."""

    def __init__(self, node: Node) -> None:
        super().__init__(node.anchor)
        self.node = node


def _kind(node: Node) -> str:
    return "a list" if isinstance(node, SequenceNode) else "a set of fields"


def scalar_text(node: ScalarNode) -> str:
    """A scalar's text as written: ruamel's round-trip composer marks each fold of a `>` block with '\a'."""
    return str(node.value).replace("\a", "") if node.style == ">" else str(node.value)


def _plain(node: Node, inside: frozenset[int] = frozenset()) -> Any:
    """Turn a composed YAML node into plain Python values without ever raising on odd scalars.

    Raises _SelfReference for a recursive alias; `inside` holds the collections being converted.
    """
    if isinstance(node, MappingNode | SequenceNode):
        if id(node) in inside:
            raise _SelfReference(node)
        inside = inside | {id(node)}
    if isinstance(node, MappingNode):
        return {str(k.value): _plain(v, inside) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [_plain(item, inside) for item in node.value]
    assert isinstance(node, ScalarNode)
    raw_tag = getattr(node.tag, "value", node.tag)  # ruamel >= 0.18 wraps tags in a Tag object
    tag, value = str(raw_tag or ""), scalar_text(node)
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return value.lower() in ("true", "yes", "on")
    if tag.endswith(":int"):
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag.endswith(":float"):
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    if tag.endswith(":timestamp"):
        try:
            return dt.date.fromisoformat(value[:10]) if len(value) <= 10 else dt.datetime.fromisoformat(value)
        except ValueError:
            return BadDate(value)
    return value


def _syntax_error(err: MarkedYAMLError, lines: list[str], path: str) -> Diagnostic:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line or "'\\t'" in problem:
        hint = "indent with spaces: YAML does not allow tab characters"
    elif "quoted scalar" in context and err.context_mark:
        line, col = err.context_mark.line + 2, err.context_mark.column + 1
        message = "invalid YAML: this quoted value is never closed"
        hint = "add the closing quote at the end of the value"
    elif "duplicate key" in problem:
        hint = "keep only one of the two fields"
    elif "mapping values are not allowed" in problem:
        hint = "put the value in quotes: a ': ' inside an unquoted value starts a new field"
    else:
        hint = ("check the quoting and indentation on this line; "
                "quote values that contain ': ' or start with [ { & * ! | > ' \" % @ `")
    return Diagnostic(path, line, col, "fm-yaml-syntax", message.replace("\n", " "), hint)
