"""A helpdesk's prefill format as data: a base URL and query pairs whose values hold placeholders.

Every adapter (zendesk, github, gitlab, django_helpdesk, email, urltemplate) turns its options into one `Recipe`;
`compose` fills any recipe from a `Ticket`, in Python for the server-built link and in the browser
(compose.js) for the reader's form, so the helpdesk knowledge lives here once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
CONTEXT_PLACEHOLDERS = (
    "subject", "description", "what_happened", "lang", "locale", "article_id", "article_title", "article_url",
    "flowchart_id", "flowchart_leaf", "flowchart_path", "query", "page_url",
)
BODY = frozenset({"description", "what_happened", "subject"})
URL_BUDGET = 2000  # Zendesk drops every prefill above 2,048; Chrome and GitHub fail near 2,000
MAILTO_BUDGET = 1800  # mail clients fail between 2,000 and 2,083; Outlook Express at 456
LITERAL_SAFE = "-._~!$'()*+,;:@/%"  # kept as written in a template's fixed text (RFC 3986 sub-delims)


@dataclass(frozen=True)
class Recipe:
    """How one helpdesk takes a prefilled ticket.

    `pairs` are (name, value template) in URL order: the name is already percent-encoded
    (`issue%5Btitle%5D`), the template is fixed text plus `{placeholder}`s whose values are encoded
    when the URL is composed. A pair whose placeholders are all empty is left out.
    """

    helpdesk: str
    base: str
    pairs: tuple[tuple[str, str], ...]
    max_length: int = URL_BUDGET
    encoding: str = "query"  # "query" (RFC 3986) or "mailto" (RFC 6068: CRLF line breaks)
    body_format: str = "text"  # "html": paragraphs for Zendesk's rich-text description
    locales: dict[str, str] = field(default_factory=dict)

    def placeholders(self) -> list[str]:
        """Every placeholder the recipe uses, in order, once."""
        seen: dict[str, None] = {}
        for text in (self.base, *(value for _, value in self.pairs)):
            for name in PLACEHOLDER.findall(text):
                seen.setdefault(name, None)
        return list(seen)

    def native(self) -> frozenset[str]:
        """Parts the helpdesk has its own field for: the description does not repeat them."""
        names = set(self.placeholders()) - BODY
        if "flowchart_path" in names:
            names.add("steps_tried")
        if "steps_tried" in names:
            names.add("flowchart_path")
        if names & {"lang", "locale"}:
            names |= {"lang", "locale"}
        return frozenset(names)

    def as_json(self) -> dict[str, object]:
        """The recipe for compose.js."""
        return {"helpdesk": self.helpdesk, "base": self.base, "pairs": [list(p) for p in self.pairs],
                "max_length": self.max_length, "encoding": self.encoding, "body_format": self.body_format,
                "locales": dict(self.locales), "native": sorted(self.native())}


def encode_name(name: str) -> str:
    """A query parameter name, percent-encoded whole (`issue[title]` → `issue%5Btitle%5D`)."""
    return quote(name, safe="-._~")


def literal(text: str) -> str:
    """Fixed template text made URL-safe, leaving placeholders and existing escapes alone."""
    parts = PLACEHOLDER.split(text)
    return "".join(quote(part, safe=LITERAL_SAFE) if i % 2 == 0 else "{" + part + "}"
                   for i, part in enumerate(parts))


def unknown_placeholders(text: str, known: Iterable[str]) -> list[str]:
    """Placeholders of a template that we cannot fill, in order."""
    allowed = set(known)
    return [name for name in PLACEHOLDER.findall(text) if name not in allowed]
