"""The checker's page, one per site language (`/<lang>/verify/`), and the data the browser reads.

The page is generated (no file in docs/): its front matter names our template, and its text is in
the reader's language from the strings loader. The channels, the verify-page addresses and the
look-alike table are JSON assets that `verify.js` fetches: nothing a reader pastes is ever sent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from helpcenter.floor.strings import Strings
from helpcenter.verify import skeleton
from helpcenter.verify.channels import Channels

TEMPLATE = "helpcenter/verify.html"
DATA_URI = "assets/helpcenter/verify/verify.json"
SKELETON_URI = "assets/helpcenter/verify/skeleton.json"
SEARCH_ID = "verify"  # the page's id in search results


@dataclass(frozen=True)
class ChannelGroup:
    """One kind of channel as the page lists it: a heading and the entries, in the reader's language."""

    title: str
    items: tuple[str, ...]


def src_uri(lang: str, path: str) -> str:
    """The generated page's docs path: `en/verify.md` is served at /en/verify/."""
    return f"{lang}/{path.strip('/')}.md"


def page_url(lang: str, path: str, directory_urls: bool = True) -> str:
    """The page's address relative to the site root."""
    return f"{lang}/{path.strip('/')}/" if directory_urls else f"{lang}/{path.strip('/')}.html"


def source(lang: str, strings: Strings) -> str:
    """The generated Markdown of one language's page: front matter only, the template draws the rest."""
    meta = {"title": strings.t(lang, "verify.title"), "description": strings.t(lang, "verify.summary"),
            "template": TEMPLATE,
            # helpcenter-search indexes it like an article, found by what readers ask ("is this site real?").
            "helpcenter_search": {"id": SEARCH_ID, "lang": lang, "summary": strings.t(lang, "verify.summary"),
                                  "tags": strings.t(lang, "verify.search_terms").split(), "boost": 3}}
    return "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n"


def groups(channels: Channels, lang: str, strings: Strings) -> list[ChannelGroup]:
    """The official channels as the page lists them (also what a reader without JavaScript compares to)."""
    t = strings.t
    found = []
    domains = tuple(t(lang, "verify.list.domain_subdomains", domain=c.value) if c.subdomains else c.value
                    for c in channels.domains)
    if domains:
        found.append(ChannelGroup(t(lang, "verify.list.domains"), domains))
    if channels.emails:
        found.append(ChannelGroup(t(lang, "verify.list.emails"), tuple(
            c.value if "@" in c.value else t(lang, "verify.list.email_domain", domain=c.value)
            for c in channels.emails)))
    if channels.phones:
        found.append(ChannelGroup(t(lang, "verify.list.phones"), tuple(c.value for c in channels.phones)))
    if channels.handles:
        found.append(ChannelGroup(t(lang, "verify.list.handles"), tuple(
            t(lang, "verify.channel.handle", platform=t(lang, f"verify.platforms.{c.platform}"), value=c.value)
            for c in channels.handles)))
    if channels.apps:
        found.append(ChannelGroup(t(lang, "verify.list.apps"), tuple(
            t(lang, "verify.channel.app", platform=t(lang, f"verify.platforms.{c.platform}"), value=c.value)
            for c in channels.apps)))
    return found


def data(channels: Channels, languages: Sequence[str], path: str, strings: Strings,
         directory_urls: bool = True) -> dict[str, Any]:
    """verify.json: the channels, each language's page and the link other features' boxes get."""
    return {"channels": channels.to_json(),
            "pages": {lang: page_url(lang, path, directory_urls) for lang in languages},
            "link": {lang: strings.t(lang, "verify.link") for lang in languages}}


def assets(channels: Channels, languages: Sequence[str], path: str, strings: Strings,
           directory_urls: bool = True) -> dict[str, str]:
    """The generated JSON assets by site URI."""
    return {DATA_URI: json.dumps(data(channels, languages, path, strings, directory_urls), ensure_ascii=False),
            SKELETON_URI: json.dumps(skeleton.table(), ensure_ascii=False, separators=(",", ":"))}
