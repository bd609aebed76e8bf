"""In Chromium: a ticket takes the search box's open query from the search API, never from its DOM."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

HELPDESK = "https://support.example-wallet.com/**"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("tickets"))


def description_of_sent_ticket(page) -> list[str]:
    opened: list[str] = []
    page.context.route(HELPDESK, lambda route: (opened.append(route.request.url), route.abort()))
    page.locator(".hc-still-stuck__link").click()
    page.fill("#hc-ticket-what", "The app crashes on start")
    with page.context.expect_page() as popup:
        page.locator(".hc-ticket__send").click()
    popup.value.close()
    description = parse_qs(urlsplit(opened[0]).query)["tf_description"][0]
    return [unescape(p) for p in re.findall(r"<p>(.*?)</p>", description)]


@pytest.mark.parametrize(("query", "line"), [
    ("usdt never arrived", "Search: usdt never arrived"),
    ("PIN: 4821", None),  # what may be a secret stays out
])
def test_the_open_query_comes_from_the_search_api(page, site_url: str, query: str, line: str | None) -> None:
    page.goto(site_url + "en/app/update-app/")
    page.evaluate("""(query) => {
      window.helpcenter.searchBox = { openQuery: () => query };
      // A search box's DOM that says something else: tickets.js must not read it.
      const input = document.createElement("input");
      input.setAttribute("data-hc-search-input", "");
      input.value = "scraped from the page";
      document.body.append(input);
    }""", query)
    description = description_of_sent_ticket(page)
    assert [text for text in description if text.startswith("Search:")] == ([line] if line else [])
