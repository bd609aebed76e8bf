"""Read one tree file with ruamel.yaml, keeping the 1-based position of every key and value."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor import yamlpos
from helpcenter.floor.text import read_text
from helpcenter.floor.yamlpos import describe, is_empty, scalar_text
from helpcenter.floor.yamlpos import pos as _pos
from helpcenter.flowcharts import model
from helpcenter.flowcharts.model import ESCALATE, QUESTION, RESOLVE, STEP, Label, Option, Pos, Tree

TOP_KEYS = ("start", "nodes")
# Which keys a node of each kind has; the first ones are required.
NODE_KEYS: dict[str, tuple[str, ...]] = {QUESTION: ("ask", "options"), STEP: ("say", "next"),
                                         RESOLVE: ("resolve", "say"), ESCALATE: ("escalate",)}
ESCALATE_KEYS = ("say", "collect", "to")
ESCALATE_REQUIRED = ("say",)
# A key that decides the node's kind; 'say'/'next' alone make a step.
KIND_OF_KEY = {"ask": QUESTION, "options": QUESTION, "resolve": RESOLVE, "escalate": ESCALATE}
KINDS_HINT = ("a node has 'ask' + 'options' (question), 'say' + 'next' (step), "
              "'resolve' + 'say' (leaf) or 'escalate' (leaf)")
CODES = yamlpos.Codes(syntax="flow-yaml-syntax", too_deep="flow-too-deep")
SKELETON_HINT = "a tree file has 'start: <node id>' and 'nodes:' with one entry per node"


@dataclass
class ParseResult:
    """The tree as far as it could be read (None when the file is not a tree at all) and its problems."""

    tree: Tree | None
    diagnostics: list[Diagnostic]


def parse(raw: bytes, display: str, tree_id: str, languages: Sequence[str]) -> ParseResult:
    """Parse one tree file; `display` names it in messages, `tree_id` is its file name without .yml."""
    text, problems = read_text(raw, display)
    # A byte-order mark is harmless in a YAML file (it only breaks Markdown front matter).
    problems = [p for p in problems if p.code != "file-bom"]
    if text is None:
        return ParseResult(None, problems)
    if not text.strip():
        return ParseResult(None, [Diagnostic(display, 1, 1, "flow-empty-file", "file is empty", SKELETON_HINT)])
    root, problem = yamlpos.compose(text, display, CODES)
    if problem is not None:
        return ParseResult(None, [replace(problem, hint=SKELETON_HINT) if problem.code == "flow-too-deep" else problem])
    reader = _Reader(display, tuple(languages))
    tree = reader.tree(root, tree_id) if root is not None else None
    if tree is None and not reader.problems:
        reader.problems.append(Diagnostic(display, 1, 1, "flow-empty-file", "file is empty", SKELETON_HINT))
    return ParseResult(tree, reader.problems)


class _Reader:
    """Walks composed YAML nodes into the model, collecting a diagnostic for each malformed part."""

    def __init__(self, display: str, languages: tuple[str, ...]) -> None:
        self.display = display
        self.languages = languages
        self.problems: list[Diagnostic] = []

    def error(self, where: Node | Pos, code: str, message: str, hint: str = "") -> None:
        pos = where if isinstance(where, tuple) else _pos(where)
        self.problems.append(Diagnostic(self.display, *pos, code, message, hint))

    def tree(self, root: Node, tree_id: str) -> Tree | None:
        if not isinstance(root, MappingNode):
            self.error(root, "flow-not-mapping", "a flowchart must be a set of 'key: value' fields", SKELETON_HINT)
            return None
        entries = self.entries(root, "the flowchart")
        tree = Tree(tree_id, self.display)
        for key, (key_node, _) in entries.items():
            if key not in TOP_KEYS:
                self.error(key_node, "flow-unknown-key", f"unknown key '{key}' at the top of the flowchart",
                           f"{did_you_mean(key, TOP_KEYS)}{SKELETON_HINT}")
        for key in TOP_KEYS:
            if key not in entries and not _misspelt(key, entries, TOP_KEYS):
                self.error((1, 1), "flow-missing-key", f"flowchart has no '{key}'", SKELETON_HINT)
        if "start" in entries:
            start = self.scalar(entries["start"][1], "'start'", "a node id", entries["start"][0])
            tree.start, tree.start_pos = start or "", _pos(entries["start"][1])
        if "nodes" in entries:
            self.nodes(entries["nodes"][1], tree)
        return tree

    def nodes(self, value: Node, tree: Tree) -> None:
        if not isinstance(value, MappingNode):
            self.error(value, "flow-wrong-type",
                       f"'nodes' must be a set of 'node id: fields' but is {describe(value)}", SKELETON_HINT)
            return
        for key_node, node_value in value.value:
            node_id = str(key_node.value)
            if node_id in tree.nodes:
                first = tree.nodes[node_id].pos[0]
                self.error(key_node, "flow-duplicate-node",
                           f"node '{node_id}' is defined twice (first on line {first})", "give each node its own id")
                continue
            tree.nodes[node_id] = self.node(node_id, _pos(key_node), node_value)

    def node(self, node_id: str, pos: Pos, value: Node) -> model.Node:
        if not isinstance(value, MappingNode):
            self.error(value, "flow-wrong-type", f"node '{node_id}' must be a set of fields but is {describe(value)}",
                       KINDS_HINT)
            return model.Node(node_id, "", pos)
        entries = self.entries(value, f"node '{node_id}'")
        kinds = {KIND_OF_KEY[k]: k for k in entries if k in KIND_OF_KEY}
        if len(kinds) > 1:
            first, second = list(kinds.values())[:2]
            self.error(entries[second][0], "flow-mixed-kind",
                       f"node '{node_id}' mixes '{first}' and '{second}': a node is one kind", KINDS_HINT)
            return model.Node(node_id, "", pos)
        kind = next(iter(kinds), STEP if "say" in entries or "next" in entries else "")
        if not kind:
            guesses = [did_you_mean(k, [*KIND_OF_KEY, "say", "next"]) for k in entries]
            self.error(pos, "flow-unknown-kind",
                       f"node '{node_id}' is not a question, step, resolve or escalate node",
                       next((g for g in guesses if g), "") + KINDS_HINT)
            return model.Node(node_id, "", pos)
        allowed = NODE_KEYS[kind]
        for key, (key_node, _) in entries.items():
            if key not in allowed:
                self.error(key_node, "flow-unknown-key", f"unknown key '{key}' in {kind} '{node_id}'",
                           f"{did_you_mean(key, allowed)}a {kind} has {_keys(allowed)}")
        for key in allowed:
            if key not in entries and not _misspelt(key, entries, allowed):
                self.error(pos, "flow-missing-key", f"{kind} '{node_id}' has no '{key}'", self.hint_for(key))
        get = {k: v for k, (_, v) in entries.items()}
        keys = {k: key_node for k, (key_node, _) in entries.items()}
        if kind == QUESTION:
            return model.Node(node_id, kind, pos, self.label(get.get("ask"), f"the 'ask' of '{node_id}'"),
                              options=self.options(get.get("options"), node_id),
                              # (0, 0) tells the validator the options were missing or unreadable (already reported)
                              options_pos=_pos(get["options"]) if isinstance(get.get("options"), SequenceNode)
                              else (0, 0))
        if kind == STEP:
            next_key = "next" if "next" in get else _misspelt("next", get, allowed)
            target = (self.scalar(get[next_key], f"'next' of '{node_id}'", "a node id", keys[next_key])
                      if next_key else None)
            return model.Node(node_id, kind, pos, self.label(get.get("say"), f"the 'say' of '{node_id}'"),
                              next=target, next_pos=_pos(get[next_key]) if next_key else pos)
        if kind == RESOLVE:
            return model.Node(node_id, kind, pos, self.label(get.get("say"), f"the 'say' of '{node_id}'"),
                              article=self.scalar(get["resolve"], f"'resolve' of '{node_id}'", "an article id",
                                                  keys["resolve"]),
                              article_pos=_pos(get["resolve"]))
        return self.escalate(node_id, pos, get["escalate"])

    def escalate(self, node_id: str, pos: Pos, value: Node) -> model.Node:
        if not isinstance(value, MappingNode):
            self.error(value, "flow-wrong-type", f"'escalate' of '{node_id}' must be a set of fields but is "
                       f"{describe(value)}", "write 'escalate:' with 'say', 'collect' and optionally 'to' below it")
            return model.Node(node_id, ESCALATE, pos)
        entries = self.entries(value, f"the 'escalate' of '{node_id}'")
        for key, (key_node, _) in entries.items():
            if key not in ESCALATE_KEYS:
                hint = ("remove it: every escalate leaf shows the never-collect notice by itself"
                        if key == "never_collect" else f"{did_you_mean(key, ESCALATE_KEYS)}an escalate has "
                        f"{_keys(ESCALATE_KEYS)}")
                self.error(key_node, "flow-unknown-key", f"unknown key '{key}' in escalate '{node_id}'", hint)
        for key in ESCALATE_REQUIRED:
            if key not in entries:
                self.error(value, "flow-missing-key", f"escalate '{node_id}' has no '{key}'", self.hint_for(key))
        get = {k: v for k, (_, v) in entries.items()}
        keys = {k: key_node for k, (key_node, _) in entries.items()}
        to = self.scalar(get["to"], f"'to' of '{node_id}'", "a team name", keys["to"]) if "to" in get else None
        collect, collect_pos = self.collect(get.get("collect"), node_id)
        return model.Node(node_id, ESCALATE, pos, self.label(get.get("say"), f"the 'say' of '{node_id}'"),
                          to=to or "", collect=collect, collect_pos=collect_pos)

    def collect(self, value: Node | None, node_id: str) -> tuple[tuple[str, ...], tuple[Pos, ...]]:
        if value is None or (isinstance(value, ScalarNode) and value.value in ("", "~", "null")):
            return (), ()
        if not isinstance(value, SequenceNode):
            self.error(value, "flow-wrong-type", f"'collect' of '{node_id}' must be a list but is {describe(value)}",
                       "write collect: [network, tx_hash, screenshot]")
            return (), ()
        names, positions = [], []
        for item in value.value:
            name = self.scalar(item, f"items of 'collect' of '{node_id}'", "a field name")
            if name:
                names.append(name)
                positions.append(_pos(item))
        return tuple(names), tuple(positions)

    def options(self, value: Node | None, node_id: str) -> tuple[Option, ...]:
        if value is None:
            return ()
        if not isinstance(value, SequenceNode):
            self.error(value, "flow-wrong-type", f"'options' of '{node_id}' must be a list but is {describe(value)}",
                       f"write each option as '- {self.example()[:-1]}, next: <node id>}}'")
            return ()
        options = []
        for number, item in enumerate(value.value, 1):
            what = f"option {number} of '{node_id}'"
            if not isinstance(item, MappingNode):
                self.error(item, "flow-wrong-type", f"{what} must be a set of fields but is {describe(item)}",
                           f"write it as '- {self.example()[:-1]}, next: <node id>}}'")
                continue
            entries = self.entries(item, what)
            texts = {k: v for k, v in entries.items() if k != "next"}
            label = self.label_entries(texts, _pos(item), what)
            # A misspelt 'next' ('nxt') is reported as an unknown key; still follow it, so that the nodes
            # behind it are not reported as unreachable as well.
            key = "next" if "next" in entries else _misspelt("next", entries, [*self.languages, "next"])
            if key is None:
                self.error(item, "flow-missing-key", f"{what} has no 'next'",
                           "add 'next: <node id>' (the node this answer leads to)")
            target = self.scalar(entries[key][1], f"'next' of {what}", "a node id", entries[key][0]) if key else None
            options.append(Option(label, target or "", _pos(item), _pos(entries[key][1]) if key else _pos(item)))
        return tuple(options)

    def label(self, value: Node | None, what: str) -> Label | None:
        if value is None:
            return None
        if not isinstance(value, MappingNode):
            self.error(value, "flow-wrong-type", f"{what} must be one text per language but is {describe(value)}",
                       f"write it as {self.example()}")
            return None
        return self.label_entries(self.entries(value, what), _pos(value), what)

    def label_entries(self, entries: dict[str, tuple[Node, Node]], pos: Pos, what: str) -> Label:
        texts: dict[str, str] = {}
        positions: dict[str, Pos] = {}
        for lang, (key_node, text_node) in entries.items():
            positions[lang] = _pos(key_node)
            if is_empty(text_node):
                continue  # reported as a missing text by the validator, with the site's languages
            text = self.scalar(text_node, f"the '{lang}' text of {what}", "a text")
            if text is not None:
                texts[lang] = " ".join(text.split())
        return Label(texts, pos, positions)

    def entries(self, mapping: MappingNode, what: str) -> dict[str, tuple[Node, Node]]:
        """Keys of a mapping in file order; a repeated key is reported and the first one kept."""
        result: dict[str, tuple[Node, Node]] = {}
        for key_node, value in mapping.value:
            key = str(key_node.value)
            if key in result:
                first = _pos(result[key][0])[0]
                self.error(key_node, "flow-duplicate-key", f"'{key}' is set twice in {what} (first on line {first})",
                           f"keep one '{key}'")
                continue
            result[key] = (key_node, value)
        return result

    def scalar(self, value: Node | None, what: str, expected: str, key: Node | None = None) -> str | None:
        if value is None:
            return None
        if isinstance(value, ScalarNode) and not is_empty(value):
            return scalar_text(value).strip()
        # An empty value has no position of its own (YAML marks the next line): point at its key.
        where = key if key is not None and is_empty(value) else value
        self.error(where, "flow-wrong-type", f"{what} must be {expected} but is {describe(value)}",
                   f"write {expected} after the colon")
        return None

    def example(self) -> str:
        return "{" + ", ".join(f"{lang}: …" for lang in self.languages) + "}"

    def hint_for(self, key: str) -> str:
        return {
            "ask": f"add 'ask: {self.example()}' (the question, in every language)",
            "options": f"add 'options:' with 2 to 8 answers, each '- {self.example()[:-1]}, next: <node id>}}'",
            "say": f"add 'say: {self.example()}' (what the reader reads here, in every language)",
            "next": "add 'next: <node id>' (the node that comes after this step)",
            "resolve": "add 'resolve: <article id>' (the article that fixes it)",
            "escalate": "add 'escalate:' with 'say' and 'collect'",
        }[key]


def _misspelt(key: str, present: Iterable[str], allowed: Sequence[str]) -> str | None:
    """The present key that is most likely `key` misspelt (it is reported as unknown already), if any."""
    return next((other for other in present
                 if other not in allowed and difflib.get_close_matches(other, allowed, n=1, cutoff=0.6) == [key]),
                None)


def _keys(keys: Sequence[str]) -> str:
    quoted = [f"'{k}'" for k in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
