"""How search starts on a page (issue 14: "search ready ≤ 300 ms after load").

start.js, an async module, starts the search worker while the page is parsed and search.js takes
that worker rather than starting another; before a query the worker fetches its code and the page
language's meta.json, no other index file; the first query is sent without waiting for the worker's
ready reply and is still answered in full.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FIRST_QUERY = """async (text) => {
  const input = document.querySelector('[data-hc-search-input]');
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  while (!document.querySelector('.hc-search .md-search-result__item')) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return [...document.querySelectorAll('.hc-search [data-hc-id]')].map((item) => item.dataset.hcId);
}"""


@pytest.fixture(scope="module")
def base(built_site, serve) -> str:
    return serve(built_site("search"))


def test_the_page_starts_the_worker_from_an_async_module(built_site) -> None:
    page = (built_site("search") / "en" / "fees" / "tron-energy" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../../../assets/helpcenter/search/start.js" type="module" async></script>' in page
    assert page.index("search/start.js") < page.index("search/search.js")


def test_one_worker_fetches_only_meta_before_a_query_and_answers_the_first_one(page, base: str) -> None:
    workers: list[str] = []
    fetched: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.on("request", lambda request: fetched.append(request.url.removeprefix(base)))
    page.goto(base + "en/", wait_until="load")
    page.wait_for_function("() => window.helpcenter && window.helpcenter.search")
    page.wait_for_timeout(500)  # whatever the worker fetches on its own, it has fetched by now
    assert [url.removeprefix(base) for url in workers] == ["assets/helpcenter/search/worker.js?lang=en"]
    assert [url for url in fetched if url.startswith("search/")] == ["search/en/meta.json"]
    assert "assets/helpcenter/firewall/secrets.js" in fetched  # on its way before the first query
    ids = page.evaluate(FIRST_QUERY, "energy")
    assert ids
    assert ids == _settled_ids(page)
    assert len(workers) == 1


def _settled_ids(page) -> list[str]:
    """The box's results once the whole answer is in (the first query's answer may be a keystroke's)."""
    page.wait_for_timeout(800)
    return page.evaluate("() => [...document.querySelectorAll('.hc-search [data-hc-id]')].map((i) => i.dataset.hcId)")
