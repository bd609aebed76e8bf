"""In Chromium: query words that are names on every JavaScript object find articles like any word.

The search site gets an article that says "constructor", "hasOwnProperty", "valueOf", "toString" and
"__proto__", and a synonym group [constructor, builder]; the API and the box answer each of those
words with that article, and the page fixture fails the test on any page error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

WORDS = ("constructor", "hasOwnProperty", "valueOf", "toString", "__proto__", "prototype")


def prototype_words(project: Path) -> None:
    """An article about object names, and a synonym group that holds one."""
    article = project / "docs" / "en" / "fees" / "tron-bandwidth.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\n## Object names {#object-names}\n\nA contract's constructor, its prototype, "
                       "hasOwnProperty, valueOf, toString and __proto__ are words like any other.\n",
                       encoding="utf-8")
    synonyms = project / "synonyms.yml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8").replace(
        "groups:\n", "groups:\n  - [constructor, builder]\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def base(built_site, serve) -> str:
    return serve(built_site("search", edit=prototype_words))


@pytest.mark.parametrize("query", [*WORDS, "builder", "constructor prototype", "hasOwnProperty valueOf"])
def test_the_api_finds_the_article_for_object_names(page, base: str, query: str) -> None:
    page.goto(base + "en/")
    page.wait_for_function("() => window.helpcenter && window.helpcenter.search")
    results = page.evaluate("(q) => window.helpcenter.search(q, {lang: 'en'})", query)
    assert [r["id"] for r in results][:1] == ["tron-bandwidth"]


def test_the_box_shows_the_article_for_each_object_name(page, base: str) -> None:
    page.goto(base + "en/")
    page.keyboard.press("/")
    for query in (*WORDS, "constru"):  # and a prefix of one
        page.fill("[data-hc-search-input]", query)
        page.wait_for_function("""(q) => {
          const root = document.querySelector('.hc-search');
          return root.dataset.hcState === 'results' && document.querySelector('[data-hc-search-input]').value === q;
        }""", arg=query)
        first = page.locator(".hc-search .md-search-result__item a").first.get_attribute("href")
        assert "tron-bandwidth" in first, (query, first)
    page.goto(base + "en/?q=__proto__")
    page.wait_for_selector(".hc-search[data-hc-state=results]")
