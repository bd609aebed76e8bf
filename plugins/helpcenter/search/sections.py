"""Split an article's rendered HTML into sections (anchor, heading, text) for the body index.

Regular expressions over the HTML that Python-Markdown writes (it escapes `<` and `>` inside
attribute values), not an HTML parser: `html.parser` took a quarter of the search build time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

# Not content: scripts and styles, icons and buttons, the "¶" permalinks, and the H1 (the title is
# indexed on its own).
_DROP = re.compile(
    r"<(script|style|template|svg|button)\b[^>]*>.*?</\1\s*>"
    r"|<a\b[^>]*\bclass=\"[^\"]*\bheaderlink\b[^\"]*\"[^>]*>.*?</a\s*>"
    r"|<h1\b[^>]*>.*?</h1\s*>|<!--.*?-->",
    re.S | re.I)
_HEADING = re.compile(r"<(h[23])\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# Block elements end a word even when the HTML has no whitespace between them (`<td>a</td><td>b</td>`).
_BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|td|th|tr|table|br|h[1-6]|pre|blockquote|details|summary|dt|dd|hr"
                    r"|section|article|figure|figcaption|nav|aside)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Section:
    """Text under one heading; the intro before the first heading has anchor '' and heading ''."""

    anchor: str
    heading: str
    text: str


def split(html: str) -> list[Section]:
    """Sections of an article body, in order; empty intros are dropped, empty headed sections kept.

    A heading without an id cannot be linked to, so its text stays in the section before it.
    """
    html = _DROP.sub(" ", html)
    sections: list[Section] = []
    anchor, heading, start = "", "", 0
    for match in _HEADING.finditer(html):
        found = _ID.search(match.group(2))
        if not found:
            continue
        sections.append(Section(anchor, heading, _text(html[start : match.start()])))
        anchor = unescape(next(g for g in found.groups() if g is not None))
        heading, start = _text(match.group(3)), match.end()
    sections.append(Section(anchor, heading, _text(html[start:])))
    return [s for s in sections if s.anchor or s.text]


def _text(html: str) -> str:
    return " ".join(unescape(_TAG.sub("", _BLOCK.sub(" ", html))).split())
