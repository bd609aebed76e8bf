"""YAML with line and column: one reader, one `Pos`, one syntax-error path for every file we read.

Front matter, flowcharts, the URL history, synonyms, GitHub issue forms and mkdocs.yml's option
positions are all composed here (nodes keep their marks) and every syntax error becomes the same
kind of Diagnostic. ruamel's marks are 0-based; positions are 1-based lines of the whole file, so a
caller that reads part of a file (front matter after its '---') passes the line the text starts on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.parser import Parser

from helpcenter.diagnostics import Diagnostic

Pos = tuple[int, int]  # 1-based (line, col) in the whole file

# One composer for every file: making a YAML() object costs a third of parsing a typical front matter.
# compose() resets the reader and scanner when it returns or raises, so nothing leaks between files.
_YAML = YAML(typ="rt")
# ruamel's C composer (ruamel.yaml.clib, libyaml) reads a front matter ~6x faster, with the same
# resolver (YAML 1.2) and marks. It is asked first where it gives exactly ruamel's tree; anything
# else goes to the round-trip composer above, which words every error (tests/floor/test_yamlpos.py
# composes every YAML file of the repository both ways and compares the trees).
_FAST: YAML | None = YAML(typ="safe", pure=False)
if _FAST.Parser is Parser:  # no C extension on this machine: ruamel alone
    _FAST = None
_SHALLOW = 48  # the C composer recurses in C per level: deeper texts (or ones that may be) go to ruamel
_MISSING = object()

GENERIC_HINT = ("check the quoting and indentation on this line; "
                "quote values that contain ': ' or start with [ { & * ! | > ' \" % @ `")


@dataclass(frozen=True)
class Codes:
    """The diagnostic codes a kind of file reports its YAML problems with."""

    syntax: str  # e.g. "fm-yaml-syntax"
    too_deep: str = ""  # nesting that exhausts the reader; "" = report as a syntax error


@dataclass(frozen=True)
class BadDate:
    """A value that looks like a date but is not a real calendar date (e.g. 2026-13-01)."""

    text: str


class SelfReference(Exception):
    """An alias inside the very value its anchor names (`&a [*a]`): plain values would never end."""

    def __init__(self, node: Node) -> None:
        super().__init__(node.anchor)
        self.node = node


def compose(text: str, display: str, codes: Codes, *, first_line: int = 1, hint: str = "",
            what: str = "the file") -> tuple[Node | None, Diagnostic | None]:
    """The root node of `text` (None for an empty document), or the one problem that stops reading it.

    `first_line` is the file line `text` starts on; `hint` replaces the generic advice for errors
    that have no more precise one (a tab, an unclosed quote, a ': ' inside a value, a duplicate key).
    """
    fast = _fast_compose(text)
    if fast is not _MISSING:
        return fast, None
    try:
        return _YAML.compose(text), None
    except MarkedYAMLError as err:
        return None, syntax_error(err, text, display, codes.syntax, first_line=first_line, hint=hint)
    except YAMLError as err:  # unmarked errors are rare (reader errors); still name the file
        return None, Diagnostic(display, first_line, 1, codes.syntax, f"invalid YAML: {err}",
                                hint or "check the quoting and indentation of the file")
    except RecursionError:  # the reader recurses per level: [[[[…]]]] a thousand deep exhausts Python
        return None, Diagnostic(display, first_line, 1, codes.too_deep or codes.syntax,
                                f"{what} is nested too deep to read",
                                hint or "remove the nesting: our files hold texts, lists and fields")


def _fast_compose(text: str) -> Node | None | object:
    """The C composer's tree where it equals ruamel's, else _MISSING (ruamel must read the text).

    libyaml refuses some YAML 1.2 that ruamel reads, words its errors otherwise, places an empty
    value after its key where ruamel places it at the next token, and keeps no anchor names (which
    messages about aliases quote): such texts go to ruamel.
    """
    if _FAST is None or text.count("[") + text.count("{") > _SHALLOW or \
            any(len(line) - len(line.lstrip(" ")) > _SHALLOW for line in text.split("\n")):
        return _MISSING
    try:
        root = _FAST.compose(text)
    except Exception:  # noqa: BLE001 - whatever libyaml says, ruamel says it again, with our wording
        return _MISSING
    pending, seen = [root], set()
    while pending:
        node = pending.pop()
        if node is None:
            continue
        if id(node) in seen:  # an alias
            return _MISSING
        seen.add(id(node))
        if isinstance(node, MappingNode):
            pending += [part for pair in node.value for part in pair]
        elif isinstance(node, SequenceNode):
            pending += node.value
        elif node.value == "" and not node.style:
            return _MISSING
    return root


def compose_into(text: str, display: str, codes: Codes, problems: list[Diagnostic], **options: Any) -> Node | None:
    """`compose`, with its problem (if any) appended to `problems`: the root node, or None to stop at."""
    root, problem = compose(text, display, codes, **options)
    if problem is not None:
        problems.append(problem)
    return root


def pos(node: Node, first_line: int = 1) -> Pos:
    """Where a node starts, 1-based, in the whole file."""
    return node.start_mark.line + first_line, node.start_mark.column + 1


def syntax_error(err: MarkedYAMLError, text: str, display: str, code: str, *, first_line: int = 1,
                 hint: str = "") -> Diagnostic:
    """A YAML syntax error as a Diagnostic at the problem's position, with the most useful hint."""
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
    problem = " ".join((err.problem or "").split())
    context = " ".join((err.context or "").split())
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    lines = text.split("\n")
    source_line = lines[line - first_line] if 0 <= line - first_line < len(lines) else ""
    if "\t" in source_line or "'\\t'" in problem:
        advice = "indent with spaces: YAML does not allow tab characters"
    elif "quoted scalar" in context and err.context_mark:
        line, col = err.context_mark.line + first_line, err.context_mark.column + 1
        message = "invalid YAML: this quoted value is never closed"
        advice = "add the closing quote at the end of the value"
    elif "duplicate key" in problem:
        advice = "keep only one of the two fields"
    elif "mapping values are not allowed" in problem:
        advice = "put the value in quotes: a ': ' inside an unquoted value starts a new field"
    else:
        advice = hint or GENERIC_HINT
    return Diagnostic(display, line, col, code, message, advice)


def tag(node: Node) -> str:
    """A node's resolved tag as text (ruamel >= 0.18 wraps tags in a Tag object)."""
    return str(getattr(node.tag, "value", node.tag) or "")


def scalar_text(node: ScalarNode) -> str:
    """A scalar's text as written: ruamel's round-trip composer marks each fold of a `>` block with '\a'."""
    return str(node.value).replace("\a", "") if node.style == ">" else str(node.value)


def is_empty(node: Node) -> bool:
    """Whether a node is null or blank text."""
    return isinstance(node, ScalarNode) and (tag(node).endswith(":null") or not str(node.value).strip())


def describe(node: Node) -> str:
    """What a node is, for messages: 'a list', 'a set of fields', 'empty' or "a text ('…')"."""
    if isinstance(node, MappingNode):
        return "a set of fields"
    if isinstance(node, SequenceNode):
        return "a list"
    if is_empty(node):
        return "empty"
    return f"a text ('{node.value}')"


def get(node: Node | None, key: str) -> Node | None:
    """The value node of `key` in a mapping node, else None."""
    if isinstance(node, MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    return None


def plain(node: Node, inside: frozenset[int] = frozenset()) -> Any:
    """Turn a composed node into plain Python values without ever raising on odd scalars.

    Dates become `datetime.date` (impossible ones `BadDate`); raises SelfReference for a recursive
    alias; `inside` holds the collections being converted.
    """
    if isinstance(node, MappingNode | SequenceNode):
        if id(node) in inside:
            raise SelfReference(node)
        inside = inside | {id(node)}
    if isinstance(node, MappingNode):
        return {str(k.value): plain(v, inside) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [plain(item, inside) for item in node.value]
    assert isinstance(node, ScalarNode)
    kind, value = tag(node), scalar_text(node)
    if kind.endswith(":null"):
        return None
    if kind.endswith(":bool"):
        return value.lower() in ("true", "yes", "on")
    if kind.endswith(":int"):
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if kind.endswith(":float"):
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    if kind.endswith(":timestamp"):
        try:
            return dt.date.fromisoformat(value[:10]) if len(value) <= 10 else dt.datetime.fromisoformat(value)
        except ValueError:
            return BadDate(value)
    return value


def option_positions(config_file: str | Path | None, plugin: str) -> dict[str, Pos]:
    """1-based (line, col) of a plugin's entry and each of its option keys in mkdocs.yml.

    Keys: "" (the plugin entry), "zendesk_fields", "zendesk_fields.network", "form_fields.<item>";
    a list item that is a mapping: "fields.<its name or index>" and "fields.<name>.<key>".
    Composed, not loaded, so MkDocs-only tags (!ENV, !!python/name) need no constructor; read once per
    file version, however many plugins ask.
    """
    if not config_file or not Path(config_file).is_file():
        return {}
    path = Path(config_file)
    return dict(_option_positions(str(path.resolve()), path.stat().st_mtime_ns, plugin))


@lru_cache(maxsize=32)
def _option_positions(path: str, mtime: int, plugin: str) -> tuple[tuple[str, Pos], ...]:
    root = _mkdocs_root(path, mtime)
    plugins = get(root, "plugins")
    entry: Node | None = None
    if isinstance(plugins, SequenceNode):
        for item in plugins.value:
            if isinstance(item, ScalarNode) and item.value == plugin:
                return (("", pos(item)),)
            if isinstance(item, MappingNode) and any(k.value == plugin for k, _ in item.value):
                entry = item
    elif isinstance(plugins, MappingNode):
        entry = plugins
    # The options may live in a file this one INHERITs: then there is nothing here to point at.
    found = next(((k, v) for k, v in entry.value if k.value == plugin), None) if entry is not None else None
    if found is None:
        return ()
    key, options = found
    positions = {"": pos(key)}
    if isinstance(options, MappingNode):
        for name, value in options.value:
            positions[name.value] = pos(name)
            children: list[tuple[Any, Node]] = []
            if isinstance(value, MappingNode):
                children = [(k.value, k) for k, _ in value.value]
            elif isinstance(value, SequenceNode):
                children = [(v.value, v) for v in value.value if isinstance(v, ScalarNode)]
                # An item that is a mapping: by its `name` (else its 0-based index), and each of its keys.
                for i, item in enumerate(value.value):
                    if isinstance(item, MappingNode):
                        names = [v.value for k, v in item.value if k.value == "name" and isinstance(v, ScalarNode)]
                        named = names[0] if names else i
                        children += [(named, item), *((f"{named}.{k.value}", k) for k, _ in item.value)]
            positions.update({f"{name.value}.{child}": pos(node) for child, node in children})
    return tuple(positions.items())


@lru_cache(maxsize=8)
def _mkdocs_root(path: str, mtime: int) -> Node | None:
    try:
        return YAML().compose(Path(path).read_text(encoding="utf-8"))
    except (YAMLError, OSError):
        return None
