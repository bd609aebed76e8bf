"""The flowchart model: a tree of question, step, resolve and escalate nodes, with 1-based positions."""

from __future__ import annotations

from dataclasses import dataclass, field

from helpcenter.floor.yamlpos import Pos  # noqa: F401 - re-exported: the model's positions

QUESTION, STEP, RESOLVE, ESCALATE = "question", "step", "resolve", "escalate"
KINDS = (QUESTION, STEP, RESOLVE, ESCALATE)
LEAVES = frozenset({RESOLVE, ESCALATE})
MIN_OPTIONS, MAX_OPTIONS = 2, 8


@dataclass(frozen=True)
class Label:
    """One text per language, e.g. {'en': 'Yes', 'zh': '是'}, with where each stands."""

    texts: dict[str, str]
    pos: Pos
    lang_pos: dict[str, Pos] = field(default_factory=dict)

    def text(self, lang: str, fallback: str = "") -> str:
        """The text in `lang`, else in the fallback language, else ''."""
        return self.texts.get(lang) or self.texts.get(fallback, "")


@dataclass(frozen=True)
class Option:
    """An answer of a question: its label and the node it leads to."""

    label: Label
    next: str
    pos: Pos
    next_pos: Pos


@dataclass(frozen=True)
class Node:
    """One node; which fields are set depends on `kind` (one of KINDS, or '' when it has none)."""

    id: str
    kind: str
    pos: Pos  # of the node's id
    text: Label | None = None  # 'ask' of a question, 'say' of the other kinds
    options: tuple[Option, ...] = ()
    options_pos: Pos = (0, 0)
    next: str | None = None  # step
    next_pos: Pos = (0, 0)
    article: str | None = None  # resolve: the article id that fixes it
    article_pos: Pos = (0, 0)
    to: str = ""  # escalate: the team the ticket goes to (free text, e.g. 'tech-team')
    collect: tuple[str, ...] = ()  # escalate: field names from the collect vocabulary
    collect_pos: tuple[Pos, ...] = ()

    @property
    def is_leaf(self) -> bool:
        """Whether the walk ends here (resolve or escalate)."""
        return self.kind in LEAVES

    def targets(self) -> list[tuple[str, Pos]]:
        """Every node id this node leads to, with where it is written."""
        if self.kind == QUESTION:
            return [(o.next, o.next_pos) for o in self.options if o.next]
        if self.kind == STEP and self.next:
            return [(self.next, self.next_pos)]
        return []


@dataclass
class Tree:
    """One troubleshooting tree: `start` and its nodes in file order."""

    id: str  # the file name without .yml; articles name the tree by it
    path: str  # as shown in messages, e.g. "docs/flowcharts/tx-pending.yml"
    start: str = ""
    start_pos: Pos = (1, 1)
    nodes: dict[str, Node] = field(default_factory=dict)

    def ordered(self) -> list[Node]:
        """Nodes in reading order: the start node first, then the file's order."""
        first = [self.nodes[self.start]] if self.start in self.nodes else []
        return first + [n for n in self.nodes.values() if n.id != self.start]
