"""`helpcenter link`: a checked short link to an article, a section or a flowchart step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import markdown

from helpcenter.content import catalog as catalog_loader
from helpcenter.content import frontmatter
from helpcenter.diagnostics import did_you_mean
from helpcenter.floor.text import read_text
from helpcenter.links import errors
from helpcenter.links.shortlinks import build_url
from helpcenter.project import Project


@dataclass(frozen=True)
class LinkResult:
    """The short link, or why there is none."""

    url: str = ""
    error: str = ""


def short_link(project: Project, article_id: str, *, lang: str | None = None, section: str | None = None,
               step: str | None = None, step_error: Callable[[set[str], str], str] | None = None) -> LinkResult:
    """Check that the id, language and section exist before handing an agent a link.

    `step_error(tree_ids, step)` says why a step is not a node of the article's trees ('' when it is);
    the CLI passes the flowcharts feature's, so links never reaches into a peer.
    """
    catalog = catalog_loader.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                                  layout=project.layout, skip=project.skipped).catalog
    present = catalog.translations(article_id)
    if not present:
        return LinkResult(error=f"no article has the id '{article_id}'; "
                                f"{did_you_mean(article_id, catalog.ids())}see articles.json for every id")
    if lang is not None and lang not in present:
        return LinkResult(error=f"'{article_id}' has no '{lang}' version; it exists in: {', '.join(present)}")
    if section is not None:
        for code, article in present.items():
            if lang is not None and code != lang:
                continue
            ids = heading_ids((project.docs_dir / article.path).read_bytes())
            if section not in ids:
                return LinkResult(error=f"section '{section}' is not a heading id of {project.prefix}{article.path}; "
                                        f"{did_you_mean(section, ids)}headings: {', '.join(ids) or 'none'}")
    if step is not None:
        tree_ids = {a.flowchart for a in present.values() if a.flowchart}
        if not tree_ids:
            return LinkResult(error=f"'{article_id}' has no flowchart, so it has no step '{step}'")
        error = step_error(tree_ids, step) if step_error else ""
        if error:
            return LinkResult(error=error)
    return LinkResult(url=build_url(project.site_url or "/", article_id, lang=lang, section=section, step=step))


def heading_ids(raw: bytes) -> list[str]:
    """The ids of an article's headings, as Python-Markdown's toc gives them (explicit {#ids} first)."""
    text, _ = read_text(raw, "")
    fm, _ = frontmatter.parse(text or "", "")
    md = markdown.Markdown(extensions=["attr_list", "toc"])
    md.convert(fm.body if fm else (text or ""))
    ids: list[str] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            ids.append(token["id"])
            walk(token.get("children", []))

    walk(getattr(md, "toc_tokens", []))
    return ids


def error_link(project: Project, code: str, *, lang: str | None = None) -> LinkResult:
    """The link an app shows for an error code (`/errors/<CODE>/`), checked against the articles' codes."""
    catalog = catalog_loader.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                                  layout=project.layout, skip=project.skipped).catalog
    claim = errors.find(catalog, code)
    if claim is None:
        known = list(errors.claims(catalog))
        return LinkResult(error=f"no article claims the error code '{code}'; "
                                f"{did_you_mean(code.upper(), known)}add it to an article's 'error_codes'")
    if lang is not None and lang not in catalog.translations(claim.article_id):
        return LinkResult(error=f"'{claim.article_id}' (error code {claim.code}) has no '{lang}' version")
    base = project.site_url or "/"
    base = base if base.endswith("/") else base + "/"
    return LinkResult(url=f"{base}{errors.PREFIX}/{quote(claim.code)}/" + (f"?lang={quote(lang)}" if lang else ""))
