"""Error codes the app shows (`error_codes:` in front matter) → the article that explains them.

`/errors/<CODE>/` opens that article in the reader's language, like a short link (the same page and
script); a lower-case twin (`/errors/out_of_energy/`) serves apps that lower-case, and
`/errors/?code=<any case>` (where a host's 404 page sends any other spelling) looks the code up
without regard to case, or opens the search with the code when no article claims it.
`errors.json` gives the app the same map: code → article id and link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from helpcenter.content.catalog import Catalog
from helpcenter.diagnostics import Diagnostic
from helpcenter.links.shortlinks import ShortLink

PREFIX = "errors"


@dataclass(frozen=True)
class Claim:
    """One code and the article that explains it."""

    code: str  # as written, upper case
    article_id: str


def claims(catalog: Catalog) -> dict[str, Claim]:
    """Upper-case code → its claim: the first article (by path) naming it in any language."""
    found: dict[str, Claim] = {}
    for article in sorted(catalog.articles, key=lambda a: a.path):
        for code in article.error_codes:
            found.setdefault(code.upper(), Claim(code.upper(), article.id))
    return dict(sorted(found.items()))


def check(catalog: Catalog, prefix: str = "") -> list[Diagnostic]:
    """An error for each code a second article claims: /errors/<CODE>/ can open only one."""
    owners: dict[str, tuple[str, str]] = {}  # code → (id, path) of the first claim
    problems = []
    for article in sorted(catalog.articles, key=lambda a: a.path):
        positions = article.item_positions.get("error_codes", [])
        for index, code in enumerate(article.error_codes):
            owner = owners.setdefault(code.upper(), (article.id, article.path))
            if owner[0] == article.id:
                continue
            line, col = positions[index] if index < len(positions) else article.pos("error_codes")
            problems.append(Diagnostic(
                prefix + article.path, line, col, "error-code-duplicate",
                f"error code '{code}' is already claimed by '{owner[0]}' ({prefix}{owner[1]})",
                f"/errors/{code.upper()}/ opens one article: keep the code on the article that fixes it "
                "and link the other from there"))
    return problems


def pages(catalog: Catalog, directory_urls: bool = True) -> list[ShortLink]:
    """A page per code at `errors/<CODE>/` and at its lower-case twin, each like a short link."""
    links = []
    for code, claim in claims(catalog).items():
        present = catalog.translations(claim.article_id)
        default = catalog.default_language if catalog.default_language in present else next(iter(present))
        targets = {lang: a.url(directory_urls) for lang, a in present.items()}
        titles = {lang: a.title for lang, a in present.items()}
        for spelling in dict.fromkeys((code, code.lower())):
            links.append(ShortLink(claim.article_id, f"{PREFIX}/{spelling}/index.html", default, targets, titles))
    return links


def listing(catalog: Catalog, site_url: str = "", directory_urls: bool = True) -> dict[str, Any]:
    """`errors.json`: `{CODE: {id, url, articles: {lang: url}}}`; URLs absolute when the site URL is known."""
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return {code: {"id": claim.article_id, "url": f"{base}{PREFIX}/{code}/",
                   "articles": {lang: base + a.url(directory_urls)
                                for lang, a in catalog.translations(claim.article_id).items()}}
            for code, claim in claims(catalog).items()}


def lookup_data(catalog: Catalog, directory_urls: bool = True) -> dict[str, Any]:
    """What `errors/index.html` needs to route any spelling: code → {lang: URL from the site root}."""
    return {"default": catalog.default_language,
            "search": {lang: f"{lang}/" if directory_urls else f"{lang}/index.html" for lang in catalog.languages},
            "codes": {code: {lang: a.url(directory_urls) for lang, a in catalog.translations(c.article_id).items()}
                      for code, c in claims(catalog).items()}}


def find(catalog: Catalog, code: str) -> Claim | None:
    """The claim of a code in any case, or None."""
    return claims(catalog).get(code.strip().upper())
