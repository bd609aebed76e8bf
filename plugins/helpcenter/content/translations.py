"""Translations that say when they lag: a content hash of the source, recorded in the translation.

The source of an article is its version in the site's first language. A translation records the
source's digest when it was written (`translated_from: 3f2a9c0d1b7e`, written by `helpcenter
translations --mark <id> <lang>`); when the source changes, its digest changes, and the translation
is outdated until someone updates it and marks it again. A hash, not a date: re-saving a file or
moving it changes nothing, and any edit of the title, summary or text does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from helpcenter.content import frontmatter, revisions
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor.text import read_text

if TYPE_CHECKING:  # the catalog computes digests with this module while it loads
    from helpcenter.content.catalog import Catalog

DIGEST_CHARS = 12
MISSING, OUTDATED, UNTRACKED, CURRENT = "missing", "outdated", "untracked", "current"
_DIGEST = re.compile(r"[0-9a-f]{12}")
_FIELD = re.compile(r"^translated_from:.*$", re.M)


def digest(title: str, summary: str, body: str) -> str:
    """12 hex digits of SHA-256 over what a translator translates; whitespace at line ends and edges ignored."""
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    text = "\n".join([" ".join(title.split()), " ".join(summary.split()), "\n".join(lines).strip()])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def digest_of_file(raw: bytes) -> str | None:
    """The digest of a whole article file, or None when its front matter cannot be read."""
    text, _ = read_text(raw, "")
    fm, _ = frontmatter.parse(text or "", "")
    if fm is None or not isinstance(fm.data.get("title"), str) or not isinstance(fm.data.get("summary"), str):
        return None
    return digest(fm.data["title"], fm.data["summary"], fm.body)


@dataclass(frozen=True)
class Status:
    """One article in one language that is not the source: its state against the source."""

    article_id: str
    lang: str
    state: str  # MISSING, OUTDATED, UNTRACKED or CURRENT
    source_path: str  # docs-relative path of the source
    path: str = ""  # docs-relative path of the translation ("" when missing)
    translated_from: str = ""
    current: str = ""  # the source's digest now


def statuses(catalog: Catalog) -> list[Status]:
    """Every translation of every source article, by language then id."""
    source_lang = catalog.default_language
    found = []
    for lang in catalog.languages[1:]:
        for source in sorted(catalog.in_language(source_lang), key=lambda a: a.id):
            other = catalog.article(source.id, lang)
            if other is None:
                state, path, recorded = MISSING, "", ""
            else:
                path, recorded = other.path, other.translated_from or ""
                state = UNTRACKED if not recorded else CURRENT if recorded == source.digest else OUTDATED
            found.append(Status(source.id, lang, state, source.path, path, recorded, source.digest))
    return found


def check(catalog: Catalog, prefix: str = "") -> list[Diagnostic]:
    """A malformed `translated_from`, and a warning at each translation whose source changed since."""
    problems = []
    for article in catalog.articles:
        if article.translated_from is None:
            continue
        line, col = article.pos("translated_from")
        source = catalog.article(article.id, catalog.default_language)
        fix = f"run 'helpcenter translations --mark {article.id} {article.lang}'"
        if article.lang == catalog.default_language or source is None:
            problems.append(Diagnostic(prefix + article.path, line, col, "i18n-translated-from-source",
                                       f"'translated_from' is set on '{article.id}' ({article.lang}), which is "
                                       f"not a translation of a {catalog.default_language} article",
                                       "remove 'translated_from': only translations record their source"))
        elif not _DIGEST.fullmatch(article.translated_from):
            problems.append(Diagnostic(prefix + article.path, line, col, "i18n-bad-translated-from",
                                       f"'translated_from' is '{article.translated_from}', not a digest of "
                                       f"{DIGEST_CHARS} hex digits", f"{fix} (it writes the digest)"))
        elif article.translated_from != source.digest:
            problems.append(Diagnostic(
                prefix + article.path, line, col, "i18n-translation-outdated",
                f"the {article.lang} translation of '{article.id}' was made from an older version of "
                f"{prefix}{source.path} (translated_from {article.translated_from}, now {source.digest})",
                f"update the translation, then {fix}", severity="warning"))
    return problems


def mark(text: str, value: str) -> str:
    """An article's text with `translated_from: <value>` set in its front matter (added after `id:`)."""
    lines = text.split("\n")
    close = next(i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "..."))
    head = "\n".join(lines[1:close])
    if _FIELD.search(head):
        head = _FIELD.sub(f'translated_from: "{value}"', head, count=1)
        return "\n".join([lines[0], head, *lines[close:]])
    at = next((i for i in range(1, close) if lines[i].startswith("id:")), close - 1)
    # Quoted: a digest such as 4e1234567890 would otherwise read as a number.
    return "\n".join([*lines[: at + 1], f'translated_from: "{value}"', *lines[at + 1:]])


def since(translated_from: str, versions: Callable[[], Iterable[tuple[dt.date, bytes]]],
          today: dt.date) -> dt.date | None:
    """When the source first changed after the version a translation was made from.

    `versions()` yields the source's committed versions newest first as (date, bytes), e.g.
    `revisions.versions(path)`. `today` when only the uncommitted file differs; None when the
    recorded version is not in the history at all.
    """
    newer: dt.date | None = None
    for day, raw in versions():
        if digest_of_file(raw) == translated_from:
            return newer or today
        newer = day
    return None


def report(found: list[Status], prefix: str, when: Callable[[Status], dt.date | None]) -> list[str]:
    """`helpcenter translations`: per language a count line, then what is missing, outdated or untracked.

    `when(status)` says since when: an outdated one since its source changed, a missing one since its
    source exists (None: unknown, e.g. outside git).
    """
    lines = []
    for lang in dict.fromkeys(s.lang for s in found):
        mine = [s for s in found if s.lang == lang]
        counts = {state: sum(s.state == state for s in mine) for state in (MISSING, OUTDATED, UNTRACKED, CURRENT)}
        lines.append(f"{lang}: " + ", ".join(f"{n} {state}" for state, n in counts.items()))
        for s in sorted(mine, key=lambda s: ((MISSING, OUTDATED, UNTRACKED).index(s.state)
                                             if s.state != CURRENT else 9, s.article_id)):
            if s.state == CURRENT:
                continue
            day = when(s) if s.state in (MISSING, OUTDATED) else None
            since = f" since {day.isoformat()}" if day else ""
            if s.state == MISSING:
                lines.append(f"  missing    {s.article_id}: no {prefix}{lang}/…/{s.article_id}.md{since} "
                             f"(source {prefix}{s.source_path})")
            elif s.state == OUTDATED:
                lines.append(f"  outdated   {s.article_id}: {prefix}{s.path}{since} (source {prefix}{s.source_path} "
                             f"is {s.current}, translated from {s.translated_from})")
            else:
                lines.append(f"  untracked  {s.article_id}: {prefix}{s.path} records no translated_from "
                             f"(helpcenter translations --mark {s.article_id} {lang})")
    return lines


def mark_file(catalog: Catalog, article_id: str, lang: str, read: Callable[[str], str]) -> tuple[str, str, str]:
    """(path, new text, digest) that records the source's digest in a translation; ValueError when it cannot.

    `read(path)` returns a docs-relative file's text.
    """
    source = catalog.article(article_id, catalog.default_language)
    if source is None:
        raise ValueError(f"no {catalog.default_language} article has the id '{article_id}'")
    if lang == catalog.default_language:
        raise ValueError(f"'{lang}' is the source language: only translations record what they were made from")
    target = catalog.article(article_id, lang)
    if target is None:
        raise ValueError(f"'{article_id}' has no '{lang}' translation yet; write it first")
    return target.path, mark(read(target.path), source.digest), source.digest


def when(status: Status, docs_dir: Path, today: dt.date) -> dt.date | None:
    """Since when (git): an outdated translation since its source changed, a missing one since its source exists."""
    source = docs_dir / status.source_path
    if status.state == OUTDATED:
        return since(status.translated_from, lambda: revisions.versions(source), today)
    if status.state == MISSING:
        dates = [day for day, _ in revisions.versions(source)]
        return dates[-1] if dates else None
    return None
