"""Every file path each article has had, so that its old addresses keep leading to it.

Short links (`/a/<id>/`) never change; an article's long address (`en/<category>/<id>/`) does when
the file moves to another category. The history file (`url-history.yml` next to mkdocs.yml) lists
each id's paths under docs/, oldest first, like a lock file:

    tron-energy: [en/fees/tron-energy.md, en/fees-and-resources/tron-energy.md, zh/…]

The build writes a redirect page at every recorded path that no page uses now, to the article of
the same id and language. `helpcenter urls --write` records the current paths (`helpcenter new`
does it for the files it creates); an unrecorded path is a warning, since moving that article
later would break links to it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from helpcenter.content.catalog import Catalog
from helpcenter.content.layout import Layout
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import yamlpos
from helpcenter.floor.yamlpos import Pos, pos
from helpcenter.links.shortlinks import ShortLink

HEADER = """\
# Every path (under the docs folder) each article has had, oldest first. The build redirects the
# old ones to where the article is now, so links to them keep working. Kept by
# `helpcenter urls --write`; commit it with every new or moved article.
"""
FIX = "run 'helpcenter urls --write' and commit {name}"

CODES = yamlpos.Codes(syntax="urls-yaml-syntax")
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


@dataclass
class History:
    """Article id → its recorded paths (relative to the docs folder), and where each id stands."""

    display: str  # names the file in messages, e.g. "url-history.yml"
    paths: dict[str, list[str]] = field(default_factory=dict)
    positions: dict[str, Pos] = field(default_factory=dict)

    def path_owners(self) -> dict[str, str]:
        """Recorded path → the id it belongs to (the first id, if a path is listed twice)."""
        owners: dict[str, str] = {}
        for article_id, paths in self.paths.items():
            for path in paths:
                owners.setdefault(path, article_id)
        return owners


@dataclass(frozen=True)
class Redirect:
    """A page at an article's old path that sends the reader to where it is now."""

    old_path: str  # "en/fees/tron-energy.md"
    article_id: str
    lang: str
    target_path: str  # the article's current path

    def src_uri(self, directory_urls: bool = True) -> str:
        """Where MkDocs would have written the old page."""
        stem = self.old_path[: -len(".md")]
        return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def parse(text: str, display: str) -> tuple[History, list[Diagnostic]]:
    """Read a history file; a malformed entry is reported at its line and left out."""
    history = History(display)
    restore = f"restore the file from git, then {FIX.format(name=display)}"
    root, problem = yamlpos.compose(text, display, CODES, hint=restore)
    if problem is not None:
        return history, [problem]
    if root is None:
        return history, []
    if not isinstance(root, MappingNode):
        return history, [_shape(display, root, "the file must map article ids to lists of paths")]
    problems: list[Diagnostic] = []
    for key, value in root.value:
        article_id = str(key.value)
        items = value.value if isinstance(value, SequenceNode) else None
        if not isinstance(key, ScalarNode) or items is None or not all(isinstance(i, ScalarNode) for i in items):
            problems.append(_shape(display, value, f"'{article_id}' must have a list of paths"))
            continue
        paths = [str(item.value) for item in items]
        bad = next((item for item, path in zip(items, paths, strict=True) if not _is_article_path(path)), None)
        if bad is not None:
            problems.append(Diagnostic(display, *pos(bad),
                                       "urls-bad-path", f"'{bad.value}' is not a page path under the docs folder "
                                       "such as 'en/<category>/<id>.md' or 'guides/install.md'",
                                       f"remove it, then {FIX.format(name=display)}"))
            continue
        history.paths[article_id] = paths
        history.positions[article_id] = pos(key)
    return history, problems


def check(history: History, catalog: Catalog, prefix: str = "docs/") -> list[Diagnostic]:
    """Warnings for what the history does not protect: unrecorded paths and paths another page took."""
    fix = FIX.format(name=history.display)
    problems = []
    owners = history.path_owners()
    for article in catalog.articles:
        recorded = history.paths.get(article.id, [])
        if article.path in recorded:
            continue
        owner = owners.get(article.path)
        if owner is not None:
            line, col = history.positions[owner]
            problems.append(Diagnostic(
                history.display, line, col, "urls-path-reused",
                f"'{article.path}' was an address of '{owner}' and is now the article '{article.id}': "
                f"old links to '{owner}' open '{article.id}'",
                f"move '{article.id}' to another file name, or remove the path from '{owner}' if that is intended"))
            continue
        earlier = [p for p in recorded if _lang(catalog, p) == article.lang]
        risk = (f" (it moved from '{earlier[-1]}', which still redirects): if it moves again, links to "
                "its present address will break" if earlier else ": if the article moves, links to it will break")
        problems.append(Diagnostic(
            prefix + article.path, *article.pos("id"), "urls-unrecorded",
            f"the address of '{article.id}' ({article.lang}) is not in {history.display}{risk}", fix,
            severity="warning"))
    present = set(catalog.ids())
    for article_id, (line, col) in history.positions.items():
        if article_id not in present:
            problems.append(Diagnostic(
                history.display, line, col, "urls-article-gone",
                f"article '{article_id}' is gone: links to its addresses and its short link no longer work",
                f"restore the article, or remove '{article_id}' from {history.display} to accept that",
                severity="warning"))
    return sorted(problems)


def redirects(history: History, catalog: Catalog) -> list[Redirect]:
    """A redirect for every recorded path no article uses now, to the same id in the same language."""
    used = {a.path for a in catalog.articles}
    found = []
    for article_id, paths in history.paths.items():
        for path in paths:
            lang = _lang(catalog, path)
            target = catalog.article(article_id, lang)
            if path in used or target is None or path.endswith("/index.md"):
                continue
            found.append(Redirect(path, article_id, lang, target.path))
    return found


def redirect_link(redirect: Redirect, catalog: Catalog, directory_urls: bool = True) -> ShortLink:
    """The redirect as a one-language short-link page (same page, same script)."""
    target = catalog.article(redirect.article_id, redirect.lang)
    assert target is not None  # redirects() only returns articles that exist
    return ShortLink(redirect.article_id, redirect.src_uri(directory_urls), redirect.lang,
                     {redirect.lang: target.url(directory_urls)}, {redirect.lang: target.title})


def load(path: Path, display: str) -> tuple[History, list[Diagnostic]]:
    """`parse` of a history file on disk; a missing file is an empty history."""
    if not path.exists():
        return History(display), []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return History(display), [Diagnostic(display, 1, 1, "urls-unreadable", f"cannot read the file: {err}",
                                             f"restore the file from git, then {FIX.format(name=display)}")]
    return parse(text, display)


def record(history: History, catalog: Catalog) -> tuple[dict[str, list[str]], list[str]]:
    """The history with every article's current path added, and a line per path added."""
    updated = {article_id: list(paths) for article_id, paths in history.paths.items()}
    added = []
    owners = history.path_owners()
    for article in sorted(catalog.articles, key=lambda a: (a.id, a.path)):
        paths = updated.setdefault(article.id, [])
        if article.path not in paths and article.path not in owners:
            earlier = [p for p in paths if _lang(catalog, p) == article.lang]
            paths.append(article.path)
            added.append(f"{article.path}" + (f" (moved from {earlier[-1]})" if earlier else " (new)"))
    return updated, added


def dump(paths: dict[str, list[str]]) -> str:
    """The history file's text: the header, then one line per id, sorted."""
    lines = [HEADER]
    for article_id in sorted(paths):
        lines.append(f"{_scalar(article_id)}: [{', '.join(map(_scalar, paths[article_id]))}]\n")
    return "".join(lines)


def _scalar(text: str) -> str:
    # Ids and paths are plain words and slashes; anything else is written as a JSON (YAML) string.
    return text if _PLAIN.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def _lang(catalog: Catalog, path: str) -> str:
    # The language of a recorded path, in the site's layout (docs/zh/… or page.zh.md).
    return Layout(catalog.languages, catalog.layout).split(path)[0]


def _is_article_path(path: str) -> bool:
    # Any page a site had, in whatever folders (pages are recorded before a restructure); not an index
    # page (a folder's address is the folder's), nothing outside the docs folder.
    parts = PurePosixPath(path).parts
    return len(parts) >= 1 and path.endswith(".md") and ".." not in parts and not path.startswith("/") \
        and parts[-1] not in ("index.md", "README.md") and "\\" not in path \
        and not any(c in path for c in "[]{},#&*!|>'\"%@`: ")


def _shape(display: str, node, message: str) -> Diagnostic:
    return Diagnostic(display, *pos(node), "urls-bad-entry", message,
                      f"restore the file from git, then {FIX.format(name=display)}")
