"""Links between pages that lead nowhere: a Markdown link to a `.md` file the docs no longer have.

MkDocs warns about them too, without saying where the link is; this names the link's line and
column and, when a page of the same file name exists elsewhere (it moved), where it is now.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterable

from helpcenter.diagnostics import Diagnostic

# [text](target "title") and [text]: target — inline and reference links; images are not pages.
_INLINE = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")


def missing_pages(pages: Iterable[tuple[str, str]], existing: Collection[str], prefix: str = "") -> list[Diagnostic]:
    """A warning for every link from a page (docs-relative path, text) to a `.md` file not in `existing`."""
    existing = set(existing)
    by_name: dict[str, list[str]] = {}
    for path in sorted(existing):
        by_name.setdefault(posixpath.basename(path), []).append(path)
    problems = []
    for path, text in pages:
        for line, col, target in _links(text):
            resolved = _resolve(path, target)
            if resolved is None or resolved in existing:
                continue
            moved = [p for p in by_name.get(posixpath.basename(resolved), []) if p != path]
            hint = (f"it is now at {prefix}{moved[0]}: link to '{_relative(path, moved[0])}'" if len(moved) == 1
                    else "link to a page that exists, or remove the link")
            problems.append(Diagnostic(prefix + path, line, col, "link-missing-page",
                                       f"link to '{target}', a page that does not exist", hint, severity="warning"))
    return problems


def _links(text: str) -> list[tuple[int, int, str]]:
    found = []
    fence = ""
    for number, line in enumerate(text.split("\n"), 1):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            continue
        if fence:
            continue
        # Code spans keep their length, so columns stay right.
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in [*_INLINE.finditer(visible), *_REFERENCE.finditer(visible)]:
            found.append((number, match.start(1) + 1, match.group(1)))
    return found


def _resolve(page: str, target: str) -> str | None:
    # Only relative links to Markdown files are pages; URLs, anchors and other files are someone else's.
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("/", "#")):
        return None
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path.endswith(".md"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return None if joined.startswith("..") else joined


def _relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
