"""Headings that set an id (`## Steps {#steps}`) on a site whose Markdown cannot: attr_list is missing.

Without attr_list, Python-Markdown prints `{#steps}` as text and the section has no stable id, so
`helpcenter check` says which extension to enable (a warning: the page still builds).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path

from helpcenter.diagnostics import Diagnostic
from helpcenter.floor.text import read_text

CODE = "md-needs-attr-list"
HEADING_ID = re.compile(r"^ {0,3}#{1,6}\s.*?\{:?\s*#[A-Za-z0-9_-]+[^}]*\}\s*#*\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def has_attr_list(extensions: Iterable[str]) -> bool:
    """Whether attr_list is among the site's Markdown extensions (by its short or dotted name)."""
    return any(name == "attr_list" or name.endswith(".attr_list") for name in extensions)


def first_heading_id(text: str) -> tuple[int, int] | None:
    """1-based (line, col) of the first heading with a {#id} outside fenced code, or None."""
    fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if opened and (not fence or opened.group(1).startswith(fence)):
            fence = "" if fence else opened.group(1)[0] * 3
            continue
        if not fence and HEADING_ID.match(line):
            return number, line.index("{") + 1
    return None


def check(docs_dir: Path, extensions: Iterable[str], prefix: str,
          skipped: Collection[str] = ()) -> list[Diagnostic]:
    """One warning per page whose headings set ids the site cannot render; [] when attr_list is on."""
    if has_attr_list(extensions):
        return []
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel in skipped:
            continue
        text, _ = read_text(path.read_bytes(), rel)  # an unreadable file is reported by the catalog
        found = first_heading_id(text) if text is not None else None
        if found is not None:
            problems.append(Diagnostic(
                prefix + rel, *found, CODE, "a heading sets an id ({#…}), which needs the attr_list extension",
                "add '- attr_list' under markdown_extensions in mkdocs.yml, or remove the {#…} from the headings",
                severity="warning"))
    return problems
