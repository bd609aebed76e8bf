"""Split an article's rendered HTML into sections (anchor, heading, text) for the body index."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

SECTION_TAGS = frozenset({"h2", "h3"})
SKIP_TAGS = frozenset({"script", "style", "template", "svg", "button"})
# Block elements end a word even when the HTML has no whitespace between them (`<td>a</td><td>b</td>`).
BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "br", "h1", "h2", "h3",
                        "h4", "h5", "h6", "pre", "blockquote", "details", "summary", "dt", "dd", "hr",
                        "section", "article", "figure", "figcaption", "nav", "aside"})
VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "embed"})


@dataclass(frozen=True)
class Section:
    """Text under one heading; the intro before the first heading has anchor '' and heading ''."""

    anchor: str
    heading: str
    text: str


def split(html: str) -> list[Section]:
    """Sections of an article body, in order; empty intros are dropped, empty headed sections kept."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    parser.flush()
    return [s for s in parser.sections if s.anchor or s.text]


class _SectionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.anchor = ""
        self.heading: list[str] | None = None  # collecting a heading's text
        self.heading_text = ""
        self.text: list[str] = []
        self.skip = 0  # depth inside elements whose text is not content
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped) to close what we opened

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        skipped = tag in SKIP_TAGS or "headerlink" in classes
        if tag not in VOID_TAGS:
            self.stack.append((tag, skipped))
        if skipped:
            self.skip += 1
            return
        if tag in BLOCK_TAGS:
            self._space()
        if tag in SECTION_TAGS and attributes.get("id") and not self.skip:
            self.flush()
            self.anchor = attributes["id"] or ""
            self.heading = []
        elif tag == "h1" and not self.skip:
            self.skip += 1  # the title is indexed on its own
            self.stack[-1] = (tag, True)

    def handle_endtag(self, tag: str) -> None:
        # Pop to the matching open tag, so unclosed <p>/<li> in hand-written HTML cannot unbalance us.
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if skipped:
                self.skip -= 1
            if open_tag == tag:
                break
        if tag in SECTION_TAGS and self.heading is not None:
            self.heading_text = _squash("".join(self.heading))
            self.heading = None
        if tag in BLOCK_TAGS:
            self._space()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.text.append(data)

    def _space(self) -> None:
        if self.heading is not None:
            self.heading.append(" ")
        else:
            self.text.append(" ")

    def flush(self) -> None:
        """Close the section being collected."""
        self.sections.append(Section(self.anchor, self.heading_text, _squash("".join(self.text))))
        self.anchor, self.heading_text, self.text = "", "", []


def _squash(text: str) -> str:
    return " ".join(text.split())
