"""What each page of the help center shows besides its Markdown: plain data for the templates."""

from __future__ import annotations

from dataclasses import dataclass, field

from helpcenter.content.articles import Article, Category
from helpcenter.content.catalog import Catalog
from helpcenter.floor import strings as ui_strings

NAME_KEY = "content.language_name"


def language_name(code: str, texts: ui_strings.Strings | None = None) -> str:
    """A language's own name (the language switch's) from its strings file; its code when it has none.

    Never English's "English" for a language without a name of its own: the code reads better there.
    """
    resolved = (texts or ui_strings.builtin()).resolve(code)
    return code if NAME_KEY in resolved.missing else resolved.texts[NAME_KEY]


@dataclass(frozen=True)
class Link:
    """A titled link to a page of the site (site-relative URL)."""

    title: str
    url: str
    summary: str = ""
    lang: str = ""
    count: int = 0


@dataclass(frozen=True)
class Alternate:
    """The same page in another language, for the language switch and hreflang links."""

    name: str
    link: str
    lang: str
    translated: bool = True


@dataclass(frozen=True)
class PageView:
    """Data a template needs for one page: kind is 'home', 'category' or 'article'."""

    kind: str
    lang: str
    article: Article | None = None
    category: Link | None = None
    home: Link | None = None
    categories: list[Link] = field(default_factory=list)  # home page cards
    articles: list[Link] = field(default_factory=list)  # category page list
    related: list[Link] = field(default_factory=list)  # article foot
    alternates: list[Alternate] = field(default_factory=list)
    outdated: Link | None = None  # article: the source it lags behind (`translated_from` differs)


def locate(catalog: Catalog, src_uri: str) -> tuple[str, str, str] | None:
    """(kind, lang, key) of a docs file: key is the article id or the category id."""
    index = catalog.index_at(src_uri)
    if index is not None:
        return ("category", index.lang, index.id) if index.id else ("home", index.lang, "")
    article = catalog.article_at(src_uri)
    if article is not None:
        return "article", article.lang, article.id
    # Pages the help center generates (pages.generated_pages) in the folder layout.
    parts = src_uri.split("/")
    if len(parts) == 2 and parts[0] in catalog.languages and parts[1] == "index.md":
        return "home", parts[0], ""
    if len(parts) == 3 and parts[2] == "index.md" and catalog.category(parts[1], parts[0]) is not None:
        return "category", parts[0], parts[1]
    return None


def title_of(catalog: Catalog, kind: str, lang: str, key: str) -> str | None:
    """The title the catalog holds for a located page (None for generated pages and unknown ones)."""
    if kind == "article":
        article = catalog.article(key, lang)
        return article.title if article else None
    page = catalog.homes.get(lang) if kind == "home" else catalog.category(key, lang)
    return page.title if page is not None and page.path is not None else None


def is_ordinary(catalog: Catalog, src_uri: str) -> bool:
    """Whether a page is one of the site's own (no `id:` pinned, or an index page outside our shape)."""
    article = catalog.article_at(src_uri)
    return article is not None and not article.pinned


def page_view(catalog: Catalog, src_uri: str, directory_urls: bool = True,
              texts: ui_strings.Strings | None = None) -> PageView | None:
    """The view of one docs file, or None for files that are not part of the help center.

    `texts` are the site's UI strings (language names for the switch); the package's by default.
    """
    where = locate(catalog, src_uri)
    if where is None:
        return None
    kind, lang, key = where
    names = {other: language_name(other, texts) for other in catalog.languages}
    home = _home_link(catalog, lang, directory_urls)
    if kind == "home":
        cards = [Link(c.title, c.url(directory_urls), c.summary, lang, len(catalog.articles_in(lang, c.id)))
                 for c in catalog.categories_of(lang)]
        return PageView("home", lang, home=home, categories=cards,
                        alternates=_alternates(catalog, names, lambda other: catalog.home_url(other, directory_urls)))
    if kind == "category":
        category = catalog.category(key, lang)
        assert category is not None
        items = [_article_link(a, directory_urls) for a in catalog.articles_in(lang, key)]

        def category_url(other: str) -> str | None:
            found = catalog.category(key, other)
            return found.url(directory_urls) if found else None

        return PageView("category", lang, category=_category_link(category, directory_urls), home=home,
                        articles=items, alternates=_alternates(catalog, names, category_url))
    article = catalog.article(key, lang)
    assert article is not None
    category = catalog.category(article.category, lang)

    def article_url(other: str) -> str | None:
        found = catalog.article(key, other)
        return found.url(directory_urls) if found else None

    return PageView("article", lang, article=article, home=home,
                    category=_category_link(category, directory_urls) if category else None,
                    related=_related(catalog, article, directory_urls),
                    alternates=_alternates(catalog, names, article_url),
                    outdated=_outdated(catalog, article, directory_urls))


def _outdated(catalog: Catalog, article: Article, directory_urls: bool) -> Link | None:
    # Only a translation that records its source can tell: `translated_from` is the source's digest then.
    source = catalog.article(article.id, catalog.default_language)
    if source is None or source is article or not article.translated_from or article.translated_from == source.digest:
        return None
    return Link(source.title, source.url(directory_urls), source.summary, source.lang)


def _related(catalog: Catalog, article: Article, directory_urls: bool) -> list[Link]:
    links = []
    for other_id in article.related:
        # Fall back to another language rather than drop the link: the reader still gets an answer.
        other = catalog.article(other_id, article.lang) or next(iter(catalog.translations(other_id).values()),
                                                               None)
        if other is not None:
            links.append(_article_link(other, directory_urls))
    return links


def _alternates(catalog: Catalog, names: dict[str, str], url_in: object) -> list[Alternate]:
    result = []
    for other in catalog.languages:
        url = url_in(other)  # type: ignore[operator]
        name = names[other]
        if url is None:
            # No translation: that language's home, which tells the reader why they landed there.
            result.append(Alternate(name, catalog.home_url(other, True) + "?untranslated=1", other, translated=False))
        else:
            result.append(Alternate(name, url, other))
    return result


def _article_link(article: Article, directory_urls: bool) -> Link:
    return Link(article.title, article.url(directory_urls), article.summary, article.lang)


def _category_link(category: Category, directory_urls: bool) -> Link:
    return Link(category.title, category.url(directory_urls), category.summary, category.lang)


def _home_link(catalog: Catalog, lang: str, directory_urls: bool) -> Link:
    home = catalog.homes.get(lang)
    return Link(home.title if home else "Help Center", catalog.home_url(lang, directory_urls),
                home.summary if home else "", lang)
