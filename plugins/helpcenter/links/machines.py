"""For assistants and agents' tools: `/llms.txt`, `/<lang>/llms-full.txt` and a Markdown copy of each article.

Following llmstxt.org: `/llms.txt` is Markdown with the site's name as H1, a one-line summary as a
blockquote, a short paragraph, then one `## <category>` section per category and language listing
`- [title](url): summary`. Each link points at the article's Markdown copy, which lives where the
proposal puts it: the page's URL with `index.html.md` appended (`/en/fees/tron-energy/index.html.md`).
The copy is the source without front matter, with the title and summary on top, the troubleshooter
as an outline, heading ids dropped and links between articles pointing at the other copies.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from helpcenter.content import frontmatter
from helpcenter.content.articles import Article
from helpcenter.content.catalog import Catalog
from helpcenter.floor.text import read_text

COPY_NAME = "index.html.md"
FULL_NAME = "llms-full.txt"
_ATTRS = re.compile(r"[ \t]*\{[#.:][^}\n]*\}[ \t]*$", re.M)  # `## Why {#why}` → `## Why`
_LINK = re.compile(r"(\]\()([^)\s#]+\.md)(#[^)\s]*)?(\))")


@dataclass(frozen=True)
class Site:
    """What the files say about the site: its name and summary per language, its URL and the URL rule."""

    names: dict[str, str]
    description: str
    site_url: str = ""  # absolute links when known, else links from the site root
    directory_urls: bool = True

    @property
    def base(self) -> str:
        """What every link starts with."""
        if not self.site_url:
            return "/"
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"


def copy_uri(article: Article, directory_urls: bool = True) -> str:
    """Site path of an article's Markdown copy."""
    url = article.url(directory_urls)
    return url + COPY_NAME if url.endswith("/") else url + ".md"


def body_of(raw: bytes) -> str:
    """An article file's Markdown without its front matter ('' when it cannot be read)."""
    text, _ = read_text(raw, "")
    return frontmatter.body(text or "") or ""


def markdown_copy(article: Article, body: str, catalog: Catalog, site: Site, outline: str = "") -> str:
    """The Markdown copy of one article: title, summary, troubleshooter outline, then the text."""
    text = _ATTRS.sub("", body).strip("\n")
    text = _LINK.sub(lambda m: _relink(m, article, catalog, site), text)
    parts = [f"# {article.title}", f"> {article.summary}"]
    if outline:
        parts.append(outline.strip("\n"))
    parts.append(text)
    return "\n\n".join(p for p in parts if p) + "\n"


def _relink(match: re.Match[str], article: Article, catalog: Catalog, site: Site) -> str:
    # A link between articles is written relative to the source file; in a copy it points at the other copy.
    target_path = posixpath.normpath(posixpath.join(posixpath.dirname(article.path), match.group(2)))
    target = catalog.article_at(target_path)
    if target is None:
        return match.group(0)
    return f"{match.group(1)}{site.base}{copy_uri(target, site.directory_urls)}{match.group(3) or ''}{match.group(4)}"


def llms_txt(catalog: Catalog, site: Site) -> str:
    """`/llms.txt`: every article of every language, one section per category and language."""
    default = catalog.default_language
    lines = [f"# {site.names.get(default) or next(iter(site.names.values()), 'Help Center')}", ""]
    if site.description:
        lines += [f"> {' '.join(site.description.split())}", ""]
    fulls = ", ".join(f"[{site.names.get(lang, lang)}]({site.base}{lang}/{FULL_NAME})" for lang in catalog.languages)
    lines += ["Each link below is an article's Markdown copy; short links `/a/<id>/` open an article in the "
              f"reader's language. Every article of one language in one file: {fulls}.", ""]
    for lang in catalog.languages:
        for category in catalog.categories_of(lang):
            articles = catalog.articles_in(lang, category.id)
            if not articles:
                continue
            lines += [f"## {_line(category.title)}", ""]
            lines += [f"- [{_line(a.title)}]({site.base}{copy_uri(a, site.directory_urls)}): {_line(a.summary)}"
                      for a in articles]
            lines.append("")
    return "\n".join(lines)


def llms_full(catalog: Catalog, lang: str, site: Site, copies: Callable[[Article], str]) -> str:
    """`/<lang>/llms-full.txt`: every article of one language, category by category, as its copy."""
    return "".join(llms_full_parts(catalog, lang, site, copies))


def llms_full_parts(catalog: Catalog, lang: str, site: Site, copies: Callable[[Article], str]) -> Iterator[str]:
    """`llms_full` piece by piece, so a big help center is written without holding the whole file."""
    name = site.names.get(lang) or site.names.get(catalog.default_language, "Help Center")
    yield f"# {name}\n\n> {' '.join(site.description.split())}\n" if site.description else f"# {name}\n"
    for category in catalog.categories_of(lang):
        for article in catalog.articles_in(lang, category.id):
            source = f"Source: {site.base}{article.url(site.directory_urls)}"
            yield "\n---\n\n" + copies(article).rstrip("\n") + f"\n\n{source}\n"


def _line(text: str) -> str:
    # A title or summary on one line, without the characters that would end the link or the item.
    return " ".join(text.split()).replace("[", "(").replace("]", ")")
