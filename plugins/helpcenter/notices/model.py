"""notices.yml: the notices a site schedules, read with positions so every problem names path:line:col.

The file is a list; each notice has an `id`, a `severity` (info, warning, critical), a `start` and
an optional `end` (UTC timestamps), `text` in every site language, an optional `link` (an article id
or an https:// address) and an optional `scope` (`categories` and/or `articles`, by id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor import ids, text, yamlpos

CODES = yamlpos.Codes("notices-yaml-syntax", "notices-too-deep")
SEVERITIES = ("info", "warning", "critical")
FIELDS = ("id", "severity", "start", "end", "text", "link", "scope")
REQUIRED = ("id", "severity", "start", "text")
SCOPE_FIELDS = ("categories", "articles")
EXAMPLE = "e.g. 2027-02-06T01:00:00Z"


@dataclass(frozen=True)
class Notice:
    """One scheduled notice; times are aware UTC datetimes, `end` None means until removed."""

    id: str
    severity: str
    start: dt.datetime
    end: dt.datetime | None
    text: dict[str, str]
    link: str = ""  # an article id, or an https:// address
    categories: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    positions: dict[str, yamlpos.Pos] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def scoped(self) -> bool:
        """Whether the notice shows on some pages only (else on every page)."""
        return bool(self.categories or self.articles)

    def status(self, now: dt.datetime) -> str:
        """'upcoming', 'active' or 'ended' at `now` (the window is start inclusive, end exclusive)."""
        if now < self.start:
            return "upcoming"
        return "ended" if self.end is not None and now >= self.end else "active"


@dataclass
class Loaded:
    """The notices that could be read, and what is wrong with the file."""

    notices: list[Notice] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    path: str = ""


def load(path: Path, display: str, languages: Sequence[str]) -> Loaded:
    """Read notices.yml (a missing file means no notices); `display` names it in messages."""
    if not path.is_file():
        return Loaded(path=display)
    content, problems = text.read_text(path.read_bytes(), display)
    if content is None:
        return Loaded([], problems, display)
    return parse(content, display, languages, problems)


def parse(content: str, display: str, languages: Sequence[str], problems: list[Diagnostic] | None = None) -> Loaded:
    """Notices from the text of a notices file."""
    loaded = Loaded([], list(problems or []), display)
    root = yamlpos.compose_into(content, display, CODES, loaded.diagnostics)
    if root is None:
        return loaded
    if not isinstance(root, SequenceNode):
        loaded.diagnostics.append(Diagnostic(display, *yamlpos.pos(root), "notices-not-list",
                                             f"notices.yml holds a list of notices but this one is "
                                             f"{yamlpos.describe(root)}", "start each notice with '- id: …'"))
        return loaded
    seen: dict[str, yamlpos.Pos] = {}
    for node in root.value:
        notice = _Reader(display, languages, loaded.diagnostics).notice(node)
        if notice is None:
            continue
        if notice.id in seen:
            line, _ = seen[notice.id]
            loaded.diagnostics.append(Diagnostic(display, *notice.positions["id"], "notices-duplicate-id",
                                                 f"notice id '{notice.id}' is used twice (first on line {line})",
                                                 "give each notice its own id: apps remember dismissals by id"))
            continue
        seen[notice.id] = notice.positions["id"]
        loaded.notices.append(notice)
    return loaded


def parse_time(value: object) -> dt.datetime | None:
    """A UTC datetime from a YAML timestamp or text; a date means its midnight UTC; None when not a time."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if not isinstance(value, str):
        return None
    try:
        found = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parse_time(found)


def iso(moment: dt.datetime) -> str:
    """A UTC time as notices.json and data-start/data-end carry it: 2027-02-06T01:00:00Z."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Reader:
    """Turns one composed notice into a Notice, or None, adding a Diagnostic per problem."""

    def __init__(self, display: str, languages: Sequence[str], problems: list[Diagnostic]) -> None:
        self.display = display
        self.languages = languages
        self.problems = problems

    def problem(self, node: Node, code: str, message: str, hint: str, severity: str = "error") -> None:
        self.problems.append(Diagnostic(self.display, *yamlpos.pos(node), code, message, hint, severity))

    def notice(self, node: Node) -> Notice | None:
        if not isinstance(node, MappingNode):
            self.problem(node, "notices-not-mapping", f"a notice is a set of fields but this one is "
                         f"{yamlpos.describe(node)}", "write id, severity, start, end and text under '- '")
            return None
        fields = {str(k.value): (k, v) for k, v in node.value}
        for name, (key, _) in fields.items():
            if name not in FIELDS:
                self.problem(key, "notices-unknown-key", f"unknown notice field '{name}'",
                             f"{did_you_mean(name, FIELDS)}fields: {', '.join(FIELDS)}")
        missing = [name for name in REQUIRED if name not in fields or yamlpos.is_empty(fields[name][1])]
        label = self._label(fields)
        for name in missing:
            self.problem(node, "notices-missing-field", f"notice{label} has no '{name}'",
                         {"id": "add a kebab-case id, e.g. id: node-upgrade-2027-02",
                          "severity": f"add severity: one of {', '.join(SEVERITIES)}",
                          "start": f"add start: when it begins showing, in UTC ({EXAMPLE})",
                          "text": f"add text: with one entry per language ({', '.join(self.languages)})"}[name])
        if missing:
            return None
        positions = {name: yamlpos.pos(value) for name, (_, value) in fields.items()}
        positions["notice"] = yamlpos.pos(node)
        notice_id = self._id(fields["id"][1])
        severity = self._severity(fields["severity"][1])
        start = self._time(fields["start"][1], "start")
        has_end = "end" in fields and not yamlpos.is_empty(fields["end"][1])
        end = self._time(fields["end"][1], "end") if has_end else None
        texts = self._texts(fields["text"][1], label)
        link = self._link(fields["link"][1]) if "link" in fields else ""
        categories, articles = self._scope(fields["scope"][1]) if "scope" in fields else ((), ())
        scope = fields.get("scope", (None, None))[1]
        if isinstance(scope, MappingNode):  # where each scoped id stands, for unknown-id messages
            for key, value in scope.value:
                for item in value.value if isinstance(value, SequenceNode) else [value]:
                    positions[f"{key.value}.{getattr(item, 'value', '')}"] = yamlpos.pos(item)
        if start is None or texts is None or None in (notice_id, severity, link, categories, articles):
            return None
        if has_end and end is None:
            return None
        if end is not None and end <= start:
            self.problem(fields["end"][1], "notices-end-before-start", f"notice '{notice_id}' ends ({iso(end)}) "
                         f"before it starts ({iso(start)})", "set end after start, both in UTC")
            return None
        return Notice(str(notice_id), str(severity), start, end, texts, str(link), tuple(categories or ()),
                      tuple(articles or ()), positions)

    def _label(self, fields: dict[str, tuple[Node, Node]]) -> str:
        value = fields.get("id", (None, None))[1]
        return f" '{value.value}'" if isinstance(value, ScalarNode) and str(value.value).strip() else ""

    def _id(self, node: Node) -> str | None:
        value = str(node.value) if isinstance(node, ScalarNode) else ""
        if not ids.is_id(value):
            self.problem(node, "notices-bad-id", f"notice id '{value or yamlpos.describe(node)}' is not kebab-case",
                         f"use lower-case letters, digits and hyphens, e.g. '{ids.slugify(value) or 'node-upgrade'}'")
            return None
        return value

    def _severity(self, node: Node) -> str | None:
        value = str(node.value) if isinstance(node, ScalarNode) else ""
        if value not in SEVERITIES:
            self.problem(node, "notices-bad-severity", f"severity '{value or yamlpos.describe(node)}' is not one of "
                         f"{', '.join(SEVERITIES)}", f"{did_you_mean(value, SEVERITIES)}info and warning can be "
                         "dismissed by readers; critical cannot")
            return None
        return value

    def _time(self, node: Node, name: str) -> dt.datetime | None:
        value = yamlpos.plain(node) if isinstance(node, ScalarNode) else None
        found = parse_time(value)
        if found is None:
            shown = node.value if isinstance(node, ScalarNode) else yamlpos.describe(node)
            self.problem(node, "notices-bad-time", f"'{name}' is not a UTC timestamp: '{shown}'",
                         f"write an ISO 8601 time in UTC, {EXAMPLE}")
        return found

    def _texts(self, node: Node, label: str) -> dict[str, str] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, "notices-bad-text", f"'text' of notice{label} must map languages to texts but is "
                         f"{yamlpos.describe(node)}", f"write one line per language: {', '.join(self.languages)}")
            return None
        texts: dict[str, str] = {}
        for key, value in node.value:
            lang = str(key.value)
            if lang not in self.languages:
                self.problem(key, "notices-unknown-language", f"'{lang}' is not a site language",
                             f"{did_you_mean(lang, self.languages)}site languages: {', '.join(self.languages)}",
                             severity="warning")
                continue
            if not isinstance(value, ScalarNode) or yamlpos.is_empty(value):
                self.problem(value, "notices-bad-text", f"the {lang} text of notice{label} is "
                             f"{yamlpos.describe(value)}", "write the notice as one text")
                return None
            texts[lang] = text.squash(yamlpos.scalar_text(value))
        absent = [lang for lang in self.languages if lang not in texts]
        if absent:
            self.problem(node, "notices-missing-language", f"notice{label} has no text in "
                         f"{', '.join(absent)}", "readers of every site language must see the notice: add "
                         + ", ".join(f"'{lang}: …'" for lang in absent))
            return None
        return texts

    def _link(self, node: Node) -> str | None:
        value = str(node.value).strip() if isinstance(node, ScalarNode) else ""
        if not (ids.is_id(value) or value.startswith("https://")):
            self.problem(node, "notices-bad-link", f"link '{value or yamlpos.describe(node)}' is neither an "
                         "article id nor an https:// address", "write the id of the article that explains it, "
                         "or a full https:// address (a status page)")
            return None
        return value

    def _scope(self, node: Node) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
        if not isinstance(node, MappingNode):
            self.problem(node, "notices-bad-scope", f"'scope' must hold categories and/or articles but is "
                         f"{yamlpos.describe(node)}", "e.g. scope: {categories: [receiving-and-sending]}")
            return None, None
        found: dict[str, tuple[str, ...]] = {}
        for key, value in node.value:
            name = str(key.value)
            if name not in SCOPE_FIELDS:
                self.problem(key, "notices-unknown-key", f"unknown scope field '{name}'",
                             f"{did_you_mean(name, SCOPE_FIELDS)}scope holds categories and articles (ids)")
                return None, None
            items = value.value if isinstance(value, SequenceNode) else [value]
            if not all(isinstance(i, ScalarNode) and ids.is_id(str(i.value)) for i in items):
                self.problem(value, "notices-bad-scope", f"scope '{name}' must be a list of ids",
                             f"e.g. {name}: [some-id, other-id]")
                return None, None
            found[name] = tuple(str(i.value) for i in items)
        return found.get("categories", ()), found.get("articles", ())
