"""Fill a helpdesk recipe from a ticket, within the URL budget (Python twin of compose.js).

The URL never exceeds `recipe.max_length` (2,000; 1,800 for mailto). When the ticket is too long,
the least useful parts go first (page address, search query, article link, the troubleshooter's
questions, then its answers, the article title), then long details are capped, then the reader's
description and finally the subject are shortened, and the description says what was cut. Text is
cut between characters before it is encoded, so no cut ever falls inside a UTF-8 sequence or a
percent-escape, and parameter names are never cut at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html import escape
from urllib.parse import quote

from helpcenter.floor.text import JS_SPACE
from helpcenter.tickets.recipe import PLACEHOLDER, Recipe

DROPS = ("page_url", "query", "article_url", "flowchart_asks", "flowchart_path", "article_title")
FIELD_CAP = 100  # characters of one detail once long details must be capped
SUBJECT_MAX = 80  # characters of the first line of the description used as the subject
ELLIPSIS = "…"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
EDGE_SPACE = re.compile(f"^[{JS_SPACE}]+|[{JS_SPACE}]+$")  # one definition of "space" for both twins


@dataclass(frozen=True)
class Step:
    """One answered step of a troubleshooter: the node id, its question and the reader's answer."""

    node: str
    ask: str
    answer: str


@dataclass(frozen=True)
class Ticket:
    """Everything a ticket may carry, as plain text (the reader's language is `lang`)."""

    lang: str
    what_happened: str = ""
    article_id: str = ""
    article_title: str = ""
    article_url: str = ""
    flowchart_id: str = ""
    flowchart_leaf: str = ""
    path: tuple[Step, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # (collect field name, value), in the form's order
    query: str = ""
    page_url: str = ""


@dataclass(frozen=True)
class Composed:
    """The prefilled URL, the parts cut to fit (in order) and whether it fits at all."""

    url: str
    cut: tuple[str, ...] = ()
    fits: bool = True


@dataclass(frozen=True)
class _State:
    drop: tuple[str, ...] = ()
    field_cap: int = -1  # -1: no cap
    what_limit: int = -1
    subject_limit: int = -1
    no_fields: bool = False
    cut: tuple[str, ...] = field(default=())


def compose(recipe: Recipe, ticket: Ticket, words: dict[str, object], labels: dict[str, str]) -> Composed:
    """The prefilled URL for `ticket` (words: the `ticket` strings of its language; labels: field labels)."""
    ticket = _clean(ticket)
    render = _Renderer(recipe, ticket, words, labels)
    state = _State()
    if render.fits(state):
        return Composed(render.url(state))
    for key in DROPS:
        if render.present(key):
            state = replace(state, drop=(*state.drop, key), cut=(*state.cut, key))
            if render.fits(state):
                return Composed(render.url(state), state.cut)
    if any(len(value) > FIELD_CAP for _, value in ticket.fields):
        state = replace(state, field_cap=FIELD_CAP, cut=(*state.cut, "field_values"))
        if render.fits(state):
            return Composed(render.url(state), state.cut)
    for attr, key, full in (("what_limit", "what_happened", ticket.what_happened),
                            ("subject_limit", "subject", render.subject_full())):
        if full:
            state = replace(state, cut=(*state.cut, key))
            state = _longest(render, state, attr, len(full))
            if render.fits(state):
                return Composed(render.url(state), state.cut)
    if any(value for _, value in ticket.fields):
        state = replace(state, no_fields=True, cut=(*state.cut, "fields"))
    return Composed(render.url(state), state.cut, render.fits(state))


def _longest(render: _Renderer, state: _State, attr: str, size: int) -> _State:
    # The longest prefix that fits; lo only ever holds a length that fits (or 0).
    lo, hi = 0, size
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if render.fits(_limited(state, attr, mid)):
            lo = mid
        else:
            hi = mid - 1
    return _limited(state, attr, lo)


def _limited(state: _State, attr: str, size: int) -> _State:
    return replace(state, what_limit=size) if attr == "what_limit" else replace(state, subject_limit=size)


def _clean(ticket: Ticket) -> Ticket:
    # Lone surrogates cannot be UTF-8 encoded (JavaScript's encodeURIComponent throws on them).
    def fix(text: str) -> str:
        return LONE_SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))

    return Ticket(
        lang=ticket.lang, what_happened=trim(fix(ticket.what_happened)), article_id=fix(ticket.article_id),
        article_title=fix(ticket.article_title), article_url=fix(ticket.article_url),
        flowchart_id=fix(ticket.flowchart_id), flowchart_leaf=fix(ticket.flowchart_leaf),
        path=tuple(Step(fix(s.node), fix(s.ask), fix(s.answer)) for s in ticket.path),
        fields=tuple((name, trim(fix(value))) for name, value in _first_per_name(ticket.fields)),
        query=trim(fix(ticket.query)),
        page_url="" if ticket.page_url == ticket.article_url else fix(ticket.page_url),
    )


def _first_per_name(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    # One value per field name, the first (compose.js does the same).
    seen: dict[str, str] = {}
    for name, value in pairs:
        seen.setdefault(name, value)
    return list(seen.items())


def trim(text: str) -> str:
    """`text` without spaces at either end (the same set of spaces as compose.js)."""
    return EDGE_SPACE.sub("", text)


def cut_text(text: str, limit: int) -> str:
    """`text` cut to `limit` characters (code points) with an ellipsis; -1 keeps it whole."""
    if limit < 0 or len(text) <= limit:
        return text
    return text[:limit] + ELLIPSIS if limit > 0 else ""


def encode(text: str, encoding: str) -> str:
    """Percent-encode UTF-8, keeping only RFC 3986 unreserved characters (mailto: CRLF line breaks)."""
    if encoding == "mailto":
        text = text.replace("\n", "\r\n")
    return quote(text, safe="-._~")


class _Renderer:
    """Renders the URL for a cut state (one place for the rules, called many times by the search)."""

    def __init__(self, recipe: Recipe, ticket: Ticket, words: dict[str, object], labels: dict[str, str]) -> None:
        self.recipe, self.ticket, self.words, self.labels = recipe, ticket, words, labels
        self.native = recipe.native()

    def present(self, key: str) -> bool:
        t = self.ticket
        return bool({"page_url": t.page_url, "query": t.query, "article_url": t.article_url,
                     "flowchart_asks": t.path, "flowchart_path": t.path, "article_title": t.article_title}[key])

    def subject_full(self) -> str:
        first = next((trim(line) for line in self.ticket.what_happened.split("\n") if trim(line)), "")
        first = cut_text(first, SUBJECT_MAX)
        title = self.ticket.article_title
        if title and first:
            return f"{title}: {first}"
        return title or first or str(self.words["subject_default"])

    def values(self, state: _State) -> dict[str, str]:
        t = self.ticket
        dropped = set(state.drop)
        path = "" if "flowchart_path" in dropped else "; ".join(
            f"{s.node if 'flowchart_asks' in dropped else s.ask} → {s.answer}" for s in t.path)
        values = {
            "lang": t.lang, "locale": self.recipe.locales.get(t.lang, t.lang),
            "what_happened": cut_text(t.what_happened, state.what_limit),
            "article_id": t.article_id, "article_title": "" if "article_title" in dropped else t.article_title,
            "article_url": "" if "article_url" in dropped else t.article_url,
            "flowchart_id": t.flowchart_id, "flowchart_leaf": t.flowchart_leaf, "flowchart_path": path,
            "query": "" if "query" in dropped else t.query, "page_url": "" if "page_url" in dropped else t.page_url,
            "subject": cut_text(self.subject_full(), state.subject_limit),
        }
        fields = {} if state.no_fields else {name: cut_text(value, state.field_cap) for name, value in t.fields}
        values.update({name: value for name, value in fields.items() if name not in values})
        values.setdefault("steps_tried", path)
        values["description"] = self.description(values, fields, state)
        return values

    def description(self, values: dict[str, str], fields: dict[str, str], state: _State) -> str:
        w, t, native = self.words, self.ticket, self.native
        lines = values["what_happened"].split("\n") if values["what_happened"] else []
        context: list[str] = []
        show_id, show_title = "article_id" not in native, "article_title" not in native and values["article_title"]
        if t.article_id and (show_id or show_title):
            title, ident = values["article_title"] if show_title else "", t.article_id if show_id else ""
            context.append(f"{w['article']}: " + (f"{title} ({ident})" if title and ident else title or ident))
        if values["article_url"] and "article_url" not in native:
            context.append(values["article_url"])
        if t.flowchart_id and "flowchart_id" not in native:
            leaf = f" ({w['reached']}: {t.flowchart_leaf})" if t.flowchart_leaf else ""
            context.append(f"{w['troubleshooter']}: {t.flowchart_id}{leaf}")
        if values["flowchart_path"] and "flowchart_path" not in native:
            dropped = "flowchart_asks" in state.drop
            context += [f"{i}. {s.node if dropped else s.ask} → {s.answer}" for i, s in enumerate(t.path, 1)]
        for name, value in fields.items():
            if value and name not in native:
                context.append(f"{self.labels.get(name, name)}: " + " / ".join(value.split("\n")))
        for key, word in (("query", "search"), ("page_url", "page")):
            if values[key] and key not in native:
                context.append(f"{w[word]}: {values[key]}")
        if "lang" not in native:
            context.append(f"{w['language']}: {t.lang}")
        if context:
            lines += ([""] if lines else []) + [f"— {w['context']} —", *context]
        if state.cut:
            lines += ["", self.cut_note(state)]
        if self.recipe.body_format == "html":
            return "".join(f"<p>{escape(line)}</p>" for line in lines if line)
        return "\n".join(lines)

    def cut_note(self, state: _State) -> str:
        names = self.words["cut"]
        assert isinstance(names, dict)
        cut_chars = len(self.ticket.what_happened) - max(state.what_limit, 0)
        parts = [str(names[key]).replace("{n}", str(cut_chars)) for key in state.cut]
        return str(self.words["cut_note"]).replace("{parts}", ", ".join(parts))

    def url(self, state: _State) -> str:
        values = self.values(state)
        enc = self.recipe.encoding

        def fill(template: str) -> tuple[str, bool]:
            used = [values.get(name, "") for name in PLACEHOLDER.findall(template)]
            text = PLACEHOLDER.sub(lambda m: encode(values.get(m.group(1), ""), enc), template)
            return text, not used or any(used)

        base, _ = fill(self.recipe.base)
        pairs = [f"{name}={text}" for name, template in self.recipe.pairs for text, keep in [fill(template)] if keep]
        return base + ("?" + "&".join(pairs) if pairs else "")

    def fits(self, state: _State) -> bool:
        return len(self.url(state)) <= self.recipe.max_length
