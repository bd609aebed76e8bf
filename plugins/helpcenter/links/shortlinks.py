"""Short links `/a/<id>/`: where each one leads, per language, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from helpcenter.content.catalog import Catalog

PREFIX = "a"


@dataclass(frozen=True)
class ShortLink:
    """One short link page: its own path, the article in each language, and the default language."""

    article_id: str
    src_uri: str  # "a/<id>/index.html"
    default_lang: str
    targets: dict[str, str]  # lang -> site-relative article URL
    titles: dict[str, str]  # lang -> article title, for the no-JavaScript list

    @property
    def up(self) -> str:
        """From the page's folder back to the site root ("../../" for a/<id>/index.html)."""
        return "../" * self.src_uri.count("/")

    def relative_targets(self) -> dict[str, str]:
        """Targets relative to the page itself."""
        return {lang: f"{self.up}{url}" for lang, url in self.targets.items()}


def short_links(catalog: Catalog, directory_urls: bool = True) -> list[ShortLink]:
    """A short link for every article id, pointing at each of its translations."""
    links = []
    for article_id in catalog.ids():
        present = catalog.translations(article_id)
        default = catalog.default_language if catalog.default_language in present else next(iter(present))
        links.append(ShortLink(article_id, f"{PREFIX}/{article_id}/index.html", default,
                               {lang: a.url(directory_urls) for lang, a in present.items()},
                               {lang: a.title for lang, a in present.items()}))
    return links


def root_link(catalog: Catalog, directory_urls: bool = True) -> ShortLink:
    """The site root: the same language choice as a short link, to each language's home."""
    targets = {lang: (f"{lang}/" if directory_urls else f"{lang}/index.html") for lang in catalog.languages}
    titles = {lang: (catalog.homes[lang].title if lang in catalog.homes else lang) for lang in catalog.languages}
    return ShortLink("", "index.html", catalog.default_language, targets, titles)


def build_url(site_url: str, article_id: str, *, lang: str | None = None, section: str | None = None,
              step: str | None = None) -> str:
    """The short link an agent pastes: `<site>/a/<id>/?lang=zh&step=<node>#<section>`."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    query = urlencode([(k, v) for k, v in (("lang", lang), ("step", step)) if v])
    return (f"{base}{PREFIX}/{quote(article_id)}/" + (f"?{query}" if query else "")
            + (f"#{quote(section, safe='-_.~')}" if section else ""))
