"""The insights event format: what a reader's browser may send, checked field by field.

One request body is one JSON event object or an array of at most 50. Every event has `type` and
`lang`; nothing else identifies anything (no cookie, no session, no reader id exists in the format):

| type | fields (`?` optional, `|null` may be null) |
|---|---|
| view | article |
| feedback | article, helpful (true/false), reason?, comment? (reason and comment only with helpful false) |
| search | query, results, clicked (article id|null), rank (1-based|null, null exactly when clicked is) |
| search | sensitive: true, and nothing else: the reader's query was flagged by the secret firewall |
| flowchart | flowchart, node, outcome (step, resolved, escalated, abandoned) |
| ticket | stage (opened, suggestion-clicked, sent), source (article, flowchart, search), article? |

A flowchart session sends `step` once, when the reader takes the first step (`node` = the start
node), and one ending event: `resolved` or `escalated` at the leaf reached, `abandoned` at the node
showing when the reader left. `parse(body)` returns the clean events or the first `Problem`, whose
path is JSON-path-like (`$[3].reason`). Every text is checked again by the secret firewall here
(the browser already did): a flagged query turns its event into `{"type":"search","lang",
"sensitive":true}`, a flagged comment is dropped, an event whose id holds a secret is dropped.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from helpcenter.firewall import find_secrets, must_block
from helpcenter.floor.ids import ID_PATTERN

TYPES = ("view", "feedback", "search", "flowchart", "ticket")
REASONS = ("more-info", "inaccurate", "hard-to-understand", "broken-link", "other")
OUTCOMES = ("step", "resolved", "escalated", "abandoned")
STAGES = ("opened", "suggestion-clicked", "sent")
SOURCES = ("article", "flowchart", "search")

MAX_BODY = 8 * 1024  # bytes in one request
MAX_BATCH = 50  # events in one request
MAX_QUERY = 100  # characters (code points) of a normalised query
MAX_COMMENT = 1000  # characters (code points) of a feedback comment
MAX_ID = 100  # characters of an article, flowchart or node id
MAX_LANG = 35
MAX_RESULTS = 100_000
MAX_DEPTH = 4  # array > object > value is all the format needs; deeper bodies are refused before decoding

LANG_PATTERN = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

# kind of each field per event type, and whether it must be present
Spec = dict[str, tuple[str, bool]]
SCHEMA: dict[str, Spec] = {
    "view": {"article": ("id", True)},
    "feedback": {"article": ("id", True), "helpful": ("bool", True), "reason": ("reason", False),
                 "comment": ("comment", False)},
    "search": {"query": ("query", True), "results": ("count", True), "clicked": ("id|null", True),
               "rank": ("rank|null", True)},
    "flowchart": {"flowchart": ("id", True), "node": ("id", True), "outcome": ("outcome", True)},
    "ticket": {"stage": ("stage", True), "source": ("source", True), "article": ("id", False)},
}
SENSITIVE_SEARCH: Spec = {"sensitive": ("true", True)}
CHOICES = {"reason": REASONS, "outcome": OUTCOMES, "stage": STAGES, "source": SOURCES}

# Pasted identifiers are personal data (they lead to a reader's wallet): the query keeps only their
# class. The patterns are the search tokenizer's classes, bounded so they never cut a longer word.
_B58 = "[1-9A-HJ-NP-Za-km-z]"
_EDGE_BEFORE, _EDGE_AFTER = "(?<![0-9A-Za-z])", "(?![0-9A-Za-z])"
IDENTIFIERS = (
    ("<txid>", re.compile(f"{_EDGE_BEFORE}(?:0[xX])?[0-9a-fA-F]{{64}}{_EDGE_AFTER}")),
    ("<address>", re.compile(f"{_EDGE_BEFORE}0[xX][0-9a-fA-F]{{40}}{_EDGE_AFTER}")),
    ("<address>", re.compile(f"{_EDGE_BEFORE}T{_B58}{{33}}{_EDGE_AFTER}")),
    ("<address>", re.compile(f"{_EDGE_BEFORE}(?:[bB][cC]1|[tT][bB]1)[02-9ac-hj-np-zAC-HJ-NP-Z]{{8,87}}{_EDGE_AFTER}")),
    ("<address>", re.compile(f"{_EDGE_BEFORE}[13](?={_B58}*[A-HJ-NP-Za-km-z]){_B58}{{25,34}}{_EDGE_AFTER}")),
)
PLACEHOLDER = re.compile("<address>|<txid>")
# Written out rather than `\s`, which differs between Python and JavaScript; control characters count too.
SPACE = re.compile("[\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")


@dataclass(frozen=True)
class Problem:
    """Why a body was refused: a code (bad-json, wrong-type, unknown-field, …), where, and the detail."""

    code: str
    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """The 400 response body."""
        return {"error": self.code, "at": self.path, "message": self.message}


@dataclass
class Checked:
    """The outcome of `parse`: clean events (empty when refused), the problem, and how many texts the firewall took."""

    events: list[dict[str, Any]] = field(default_factory=list)
    problem: Problem | None = None
    flagged: int = 0


def normalize_query(text: str) -> str:
    """A search query as it is stored; its browser twin is pinned by tests/fixtures/insights/query-vectors.yml.

    1. NFKC (full-width letters and digits become ASCII, compatibility spaces become spaces);
    2. pasted transaction hashes become `<txid>`, addresses (TRON, Ethereum, Bitcoin) `<address>`;
    3. lower case with Unicode's default mapping (`str.lower`, JavaScript's `toLowerCase`; not
       `casefold`, which JavaScript lacks);
    4. runs of white space and control characters become one space, trimmed at both ends;
    5. cut to 100 code points (not UTF-16 units), before a `<address>` or `<txid>` the cut would
       split, then trimmed at the end again.
    """
    text = unicodedata.normalize("NFKC", text)
    for token, pattern in IDENTIFIERS:
        text = pattern.sub(token, text)
    text = SPACE.sub(" ", text.lower()).strip(" ")
    cut = next((m.start() for m in PLACEHOLDER.finditer(text) if m.start() < MAX_QUERY < m.end()), MAX_QUERY)
    return text[:cut].rstrip(" ")


def parse(body: bytes) -> Checked:
    """Decode one request body and check every event in it; all or nothing."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        return _refuse("bad-json", "$", f"body is not UTF-8 (byte {body[err.start]:#04x} at offset {err.start})")
    depth = _depth(text)
    if depth > MAX_DEPTH:
        return _refuse("bad-json", "$", f"nested {depth} levels deep: an event body has at most {MAX_DEPTH}")
    try:
        payload = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError) as err:  # JSONDecodeError and "Exceeds the limit" for huge ints are ValueErrors
        return _refuse("bad-json", "$", f"body is not JSON: {err}")
    return check(payload)


def check(payload: Any) -> Checked:
    """Check a decoded body (an event or an array of events) and return the clean events."""
    if isinstance(payload, dict):
        items, paths = [payload], ["$"]
    elif isinstance(payload, list):
        if not payload:
            return _refuse("bad-value", "$", "empty array: send at least one event")
        if len(payload) > MAX_BATCH:
            return _refuse("too-many", "$", f"{len(payload)} events in one request: at most {MAX_BATCH}")
        items, paths = payload, [f"$[{i}]" for i in range(len(payload))]
    else:
        return _refuse("wrong-type", "$", f"expected an event object or an array of them but received {_kind(payload)}")
    result = Checked()
    for item, path in zip(items, paths, strict=True):
        event, problem = _event(item, path)
        if problem:
            return Checked(problem=problem)
        clean, flagged = _firewall(event)
        result.flagged += flagged
        if clean is not None:
            result.events.append(clean)
    return result


def _event(item: Any, path: str) -> tuple[dict[str, Any], Problem | None]:
    if not isinstance(item, dict):
        return {}, Problem("wrong-type", path, f"expected an event object but received {_kind(item)}")
    for name in ("type", "lang"):
        if name not in item:
            return {}, Problem("missing-field", f"{path}.{name}", f"missing field '{name}'")
    kind, lang = item["type"], item["lang"]
    if not isinstance(kind, str):
        return {}, Problem("wrong-type", f"{path}.type", f"expected a string but received {_kind(kind)}")
    if kind not in SCHEMA:
        return {}, Problem("bad-value", f"{path}.type",
                           f"unknown type {_quote(kind)}: expected one of {', '.join(TYPES)}")
    problem = _lang(lang, f"{path}.lang")
    if problem:
        return {}, problem
    spec = SENSITIVE_SEARCH if kind == "search" and "sensitive" in item else SCHEMA[kind]
    for name in item:
        if name not in spec and name not in ("type", "lang"):
            allowed = ", ".join(["type", "lang", *spec])
            return {}, Problem("unknown-field", f"{path}.{name}",
                               f"unknown field {_quote(name)} in a {kind} event: allowed are {allowed}")
    event: dict[str, Any] = {"type": kind, "lang": lang}
    for name, (field_kind, required) in spec.items():
        if name not in item:
            if required:
                return {}, Problem("missing-field", f"{path}.{name}", f"missing field '{name}' in a {kind} event")
            continue
        value, problem = _value(item[name], field_kind, f"{path}.{name}")
        if problem:
            return {}, problem
        event[name] = value
    return event, _consistent(event, path)


def _value(value: Any, kind: str, path: str) -> tuple[Any, Problem | None]:
    base, nullable = kind.removesuffix("|null"), kind.endswith("|null")
    if value is None and nullable:
        return None, None
    if base in ("bool", "true"):
        if not isinstance(value, bool):
            return None, Problem("wrong-type", path, f"expected true or false but received {_kind(value)}")
        if base == "true" and value is not True:
            return None, Problem("bad-value", path, "expected true: send sensitive only for a flagged query")
        return value, None
    if base in ("count", "rank"):
        if not isinstance(value, int) or isinstance(value, bool):
            return None, Problem("wrong-type", path, f"expected a whole number but received {_kind(value)}")
        low = 0 if base == "count" else 1
        if not low <= value <= MAX_RESULTS:
            return None, Problem("bad-value", path, f"bad value {value}: expected {low} to {MAX_RESULTS}")
        return value, None
    if not isinstance(value, str):
        return None, Problem("wrong-type", path, f"expected a string but received {_kind(value)}")
    if _has_surrogate(value):
        return None, Problem("bad-value", path, "bad value: a lone UTF-16 surrogate is not text")
    return _text(value, base, path)


def _text(value: str, kind: str, path: str) -> tuple[str | None, Problem | None]:
    limit = {"id": MAX_ID, "query": MAX_QUERY, "comment": MAX_COMMENT}.get(kind, MAX_ID)
    if len(value) > limit:
        return None, Problem("too-long", path, f"too long: {len(value)} characters, at most {limit}")
    if kind == "id":
        if not ID_PATTERN.match(value):
            return None, Problem("bad-value", path, f"bad value {_quote(value)}: expected a kebab-case id")
        return value, None
    if kind in CHOICES:
        if value not in CHOICES[kind]:
            choices = ", ".join(CHOICES[kind])
            return None, Problem("bad-value", path, f"bad value {_quote(value)}: expected one of {choices}")
        return value, None
    if kind == "query" and not normalize_query(value):
        return None, Problem("bad-value", path, "empty query: send a search event only for a query")
    return value, None  # comment: kept as written (trimmed by the widget); the firewall checks it next


def _consistent(event: dict[str, Any], path: str) -> Problem | None:
    if event["type"] == "feedback" and event["helpful"] is True:
        for name in ("reason", "comment"):
            if name in event:
                return Problem("bad-value", f"{path}.{name}", f"'{name}' is only sent with helpful: false")
    if event["type"] == "search" and "sensitive" not in event and (event["clicked"] is None) != (event["rank"] is None):
        return Problem("bad-value", f"{path}.rank", "rank and clicked are both null or both set")
    return None


def _firewall(event: dict[str, Any]) -> tuple[dict[str, Any] | None, int]:
    """Defence in depth: the browser's firewall ran already; text it let through is checked again."""
    ids = [event[name] for name in ("article", "clicked", "flowchart", "node") if isinstance(event.get(name), str)]
    if ids and _flagged(" ".join(i.replace("-", " ") for i in ids)):
        return None, 1
    if "query" in event:
        # Checked as sent and as stored: normalising turns a labelled 64-hex key into <txid>.
        query = normalize_query(event["query"])  # idempotent for what the browser sends; catches raw clients
        if _flagged(event["query"]) or _flagged(query):
            return {"type": "search", "lang": event["lang"], "sensitive": True}, 1
        event = {**event, "query": query}
    if "comment" in event and _flagged(event["comment"]):
        return {k: v for k, v in event.items() if k != "comment"}, 1
    return event, 0


def _flagged(text: str) -> bool:
    return bool(must_block(find_secrets(text)))


def _lang(value: Any, path: str) -> Problem | None:
    if not isinstance(value, str):
        return Problem("wrong-type", path, f"expected a language code but received {_kind(value)}")
    if len(value) > MAX_LANG:
        return Problem("too-long", path, f"too long: {len(value)} characters, at most {MAX_LANG}")
    if not LANG_PATTERN.match(value):
        return Problem("bad-value", path, f"bad value {_quote(value)}: expected a language code such as en or zh")
    return None


def _depth(text: str) -> int:
    """How deeply arrays and objects nest (brackets inside strings skipped), without recursing."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {_quote(key)}")
        result[key] = value
    return result


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and any("\ud800" <= ch <= "\udfff" for ch in text)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number" if math.isfinite(value) else "a non-finite number"
    names: dict[type, str] = {str: "a string", list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _quote(value: str) -> str:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return "'" + shown.encode("unicode_escape").decode("ascii").replace("'", "\\'") + "'"


def _refuse(code: str, path: str, message: str) -> Checked:
    return Checked(problem=Problem(code, path, message))
