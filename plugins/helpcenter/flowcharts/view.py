"""What the troubleshooter shows on one article page, in the page's language: plain data and its JSON."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from helpcenter.content.catalog import Catalog
from helpcenter.firewall import fields
from helpcenter.floor import strings as ui_strings
from helpcenter.flowcharts.model import ESCALATE, QUESTION, RESOLVE, STEP, Tree


@dataclass(frozen=True)
class ArticleLink:
    """An article a resolve leaf points to, with a URL relative to the page that shows the tree."""

    id: str
    title: str
    summary: str
    url: str
    lang: str


@dataclass(frozen=True)
class OptionView:
    """An answer: its label in the page's language and the node it leads to."""

    label: str
    next: str


@dataclass(frozen=True)
class FieldView:
    """A field an escalate leaf collects, labelled in the page's language."""

    name: str
    label: str
    help: str


@dataclass(frozen=True)
class NodeView:
    """One node in the page's language."""

    id: str
    kind: str
    text: str
    start: bool = False
    options: tuple[OptionView, ...] = ()
    next: str = ""
    article: ArticleLink | None = None
    collect: tuple[FieldView, ...] = ()
    to: str = ""


@dataclass(frozen=True)
class FlowView:
    """The whole widget of one page: nodes in reading order, UI strings, and the data for flowchart.js."""

    tree: str
    lang: str
    start: str
    nodes: tuple[NodeView, ...]
    strings: dict[str, str]
    article: dict[str, str] = field(default_factory=dict)  # the page's own article: id, title, url
    never_ask: bool = True  # an escalation step says "we will never ask for your recovery phrase"

    def data(self) -> dict[str, Any]:
        """The JSON the browser widget reads (labels only in this page's language)."""
        return {
            "tree": self.tree, "lang": self.lang, "start": self.start, "article": self.article,
            "strings": self.strings, "nodes": {node.id: _node_data(node) for node in self.nodes},
            "neverAsk": self.never_ask,
        }


def flow_view(tree: Tree, lang: str, catalog: Catalog, *, page_url: str, article: Mapping[str, str],
              directory_urls: bool = True, strings: Mapping[str, str] | None = None,
              site_strings: ui_strings.Strings | None = None, never_ask: bool = True) -> FlowView:
    """The widget of `tree` on the page at site-relative `page_url` (its article: id, title, url).

    `strings` are the `flowcharts` strings of `lang` (the site's, from the strings loader); the
    package's own when not given. `site_strings` are the site's, for the collected fields' labels.
    """
    fallback = catalog.default_language
    vocabulary = fields.collect_fields()
    nodes = []
    for node in tree.ordered():
        if node.kind not in (QUESTION, STEP, RESOLVE, ESCALATE):
            continue
        text = node.text.text(lang, fallback) if node.text else ""
        link = _article_link(catalog, node.article, lang, page_url, directory_urls) if node.article else None
        collect = tuple(FieldView(name, vocabulary[name].label_in(lang, texts=site_strings),
                                  vocabulary[name].help_in(lang, texts=site_strings))
                        for name in node.collect if name in vocabulary)
        nodes.append(NodeView(node.id, node.kind, text, node.id == tree.start,
                              tuple(OptionView(o.label.text(lang, fallback), o.next) for o in node.options),
                              node.next or "", link, collect, node.to))
    texts = dict(strings or ui_strings.builtin().section(lang, "flowcharts"))
    return FlowView(tree.id, lang, tree.start, tuple(nodes), texts, dict(article), never_ask)


def relative_url(target: str, page_url: str) -> str:
    """`target` (site-relative) as seen from the page at `page_url` (site-relative, MkDocs style)."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel == "./." else rel


def _article_link(catalog: Catalog, article_id: str, lang: str, page_url: str,
                  directory_urls: bool) -> ArticleLink | None:
    # The reader's language first; another language rather than no link when it is not translated yet.
    found = catalog.article(article_id, lang) or next(iter(catalog.translations(article_id).values()), None)
    if found is None:
        return None
    return ArticleLink(found.id, found.title, found.summary, relative_url(found.url(directory_urls), page_url),
                       found.lang)


def _node_data(node: NodeView) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": node.kind, "text": node.text}
    if node.kind == QUESTION:
        data["options"] = [{"label": o.label, "next": o.next} for o in node.options]
    elif node.kind == STEP:
        data["next"] = node.next
    elif node.kind == RESOLVE and node.article:
        a = node.article
        data["article"] = {"id": a.id, "title": a.title, "summary": a.summary, "url": a.url, "lang": a.lang}
    elif node.kind == ESCALATE:
        data["collect"] = [{"name": f.name, "label": f.label} for f in node.collect]
        data["to"] = node.to
    return data
