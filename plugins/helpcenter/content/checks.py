"""Checks across articles: unique ids, known related ids, translations, categories."""

from __future__ import annotations

import re

from helpcenter.content import translations
from helpcenter.content.catalog import Catalog
from helpcenter.content.layout import FOLDER, Layout
from helpcenter.diagnostics import Diagnostic, did_you_mean

ERROR_CODE = re.compile(r"[A-Z0-9][A-Z0-9_.]*")  # as apps show them: OUT_OF_ENERGY, NONCE_EXPIRED


def check(catalog: Catalog, *, prefix: str = "") -> list[Diagnostic]:
    """Problems that only show when all articles are known."""
    problems: list[Diagnostic] = []
    problems += _duplicates(catalog, prefix)
    problems += _related(catalog, prefix)
    problems += _translations(catalog, prefix)
    problems += _unpinned(catalog, prefix)
    problems += _error_codes(catalog, prefix)
    problems += translations.check(catalog, prefix)
    return problems


def _error_codes(catalog: Catalog, prefix: str) -> list[Diagnostic]:
    problems = []
    for article in catalog.articles:
        positions = article.item_positions.get("error_codes", [])
        for index, code in enumerate(article.error_codes):
            if ERROR_CODE.fullmatch(code):
                continue
            line, col = positions[index] if index < len(positions) else article.pos("error_codes")
            suggestion = re.sub(r"[^A-Z0-9_.]+", "_", code.upper()).strip("_")
            problems.append(Diagnostic(prefix + article.path, line, col, "fm-bad-error-code",
                                       f"error code '{code}' is not written as the app shows codes",
                                       f"use capitals, digits and underscores, e.g. '{suggestion}' "
                                       "(links /errors/<CODE>/ match it in any case)"))
    return problems


def _duplicates(catalog: Catalog, prefix: str) -> list[Diagnostic]:
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for article in sorted(catalog.articles, key=lambda a: a.path):
        first = seen.setdefault((article.id, article.lang), article.path)
        if first != article.path:
            problems.append(Diagnostic(
                prefix + article.path, *article.pos("id"), "id-duplicate",
                f"id '{article.id}' is already used by {prefix}{first}",
                "ids are unique per language: give this article a new id (ids are never reused)"))
    return problems


def _related(catalog: Catalog, prefix: str) -> list[Diagnostic]:
    ids = set(catalog.ids())
    problems = []
    for article in catalog.articles:
        positions = article.item_positions.get("related", [])
        for index, other in enumerate(article.related):
            if other in ids and other != article.id:
                continue
            line, col = positions[index] if index < len(positions) else article.pos("related")
            if other == article.id:
                problems.append(Diagnostic(prefix + article.path, line, col, "id-related-self",
                                           f"article '{article.id}' lists itself as related",
                                           "remove it from 'related'"))
                continue
            problems.append(Diagnostic(prefix + article.path, line, col, "id-unknown-related",
                                       f"related id '{other}' is not an article",
                                       f"{did_you_mean(other, ids)}related takes article ids, not titles or paths"))
    return problems


def _translations(catalog: Catalog, prefix: str) -> list[Diagnostic]:
    problems = []
    layout = Layout(catalog.languages, catalog.layout)
    for article_id in catalog.ids():
        present = catalog.translations(article_id)
        first = next(iter(present.values()))
        for lang in catalog.languages:
            if lang in present:
                other = present[lang]
                if other.category != first.category:
                    problems.append(Diagnostic(
                        prefix + other.path, *other.pos("id"), "i18n-category-mismatch",
                        f"'{article_id}' is in category '{other.category}' here but '{first.category}' "
                        f"in {first.lang}", f"move it to {lang}/{first.category}/", severity="warning"))
                continue
            if f"{lang}/{first.category}/{article_id}.md" in catalog.unloaded:
                continue  # it is there, with errors of its own
            key = layout.split(first.path)[1]
            if first.pinned and layout.kind == FOLDER:  # the help center's shape: the file is named by its id
                key = f"{first.category}/{article_id}.md" if first.category else f"{article_id}.md"
            where = layout.path_in(lang, key)
            # A site's own pages (no `id:`) may stay in one language: said, but never a failed build.
            problems.append(Diagnostic(
                prefix + first.path, *first.pos("id"), "i18n-missing-translation",
                f"article '{article_id}' has no '{lang}' translation",
                f"add {prefix}{where} with 'id: {article_id}' (helpcenter new writes a skeleton)",
                severity="warning" if first.pinned else "info"))
    return problems


def _unpinned(catalog: Catalog, prefix: str) -> list[Diagnostic]:
    """Pages whose id comes from their path: moving them changes their short link and history entry."""
    return [Diagnostic(prefix + a.path, 1, 1, "id-unpinned",
                       f"page has no 'id': its id '{a.id}' comes from its path and changes if the file moves",
                       f"add 'id: {a.id}' to its front matter to keep short links and redirects across moves",
                       severity="info")
            for a in catalog.articles if not a.pinned]
