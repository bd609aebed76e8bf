"""What a keystroke costs: the search worker answers from what it holds, and the pause brings the rest.

Issue 14: no request per keystroke once the shards a keystroke needs are cached. The worker is driven
through its own protocol (protocol.js) in Chromium, one message at a time, so every request it sends
is counted against the message that caused it; the box is then typed into key by key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# A worker of our own beside the page's: window.__ask(query, typing) posts one search and resolves to
# the reply, so the requests seen in between are that search's.
WORKER = """async (root) => {
  const protocol = await import(root + "assets/helpcenter/search/protocol.js");
  const worker = new Worker(root + "assets/helpcenter/search/worker.js?lang=en");
  const waiting = new Map();
  let seq = 0;
  const ready = new Promise((resolve) => {
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === protocol.TYPE.ready) resolve();
      const answer = waiting.get(message.seq);
      if (answer) answer(message);
    };
  });
  worker.postMessage(protocol.TO_WORKER.configure(root + "search/", "en"));
  await ready;
  window.__ask = (query, typing) => new Promise((resolve) => {
    waiting.set(++seq, resolve);
    worker.postMessage(protocol.TO_WORKER.search(seq, query, "en", false, typing));
  });
}"""


@pytest.fixture
def worker(page, sample_site: Path, serve) -> list[str]:
    """A page with window.__ask; returns the list of search files requested (grows as they are)."""
    base = serve(sample_site)
    fetched: list[str] = []
    page.goto(f"{base}en/")
    page.wait_for_function("window.helpcenter && typeof window.helpcenter.search === 'function'")
    page.wait_for_timeout(300)  # the page's own worker has fetched its meta.json
    page.on("request", lambda request: fetched.append(request.url.split("/search/", 1)[-1]))
    page.evaluate(WORKER, base)
    return fetched


def _ask(page, fetched: list[str], query: str, typing: bool) -> tuple[dict, list[str]]:
    before = len(fetched)
    reply = page.evaluate("([q, typing]) => window.__ask(q, typing)", [query, typing])
    page.wait_for_timeout(50)  # request events are delivered beside the reply
    return reply, [f for f in fetched[before:] if f.startswith("en/")]


def test_a_keystroke_fetches_postings_only_and_the_pause_the_rest(page, worker: list[str]) -> None:
    _ask(page, worker, "energy", False)  # a whole answer: the rows of its top ten are here
    # A second word: its postings are fetched, its articles' rows are not; the keystroke shows the
    # best results whose rows are here, in the whole answer's order, and says it is incomplete.
    typed, sent = _ask(page, worker, "energy bandwidth", True)
    assert [f for f in sent if f.startswith("en/p/")]
    assert [f for f in sent if not f.startswith(("en/p/", "en/w/"))] == []
    assert typed["partial"] == ["en"]
    assert typed["results"]
    # The same keystroke again (typed on and back, say): everything it needs is here.
    again, sent = _ask(page, worker, "energy bandwidth", True)
    assert sent == []
    assert again["results"] == typed["results"]
    # The pause asks again, not typing: the rows left out are fetched and the answer is the API's.
    whole, sent = _ask(page, worker, "energy bandwidth", False)
    assert [f for f in sent if f.startswith("en/d/")]
    assert whole["partial"] == []
    api = page.evaluate("() => window.helpcenter.search('energy bandwidth', {lang: 'en'})")
    assert [r["id"] for r in whole["results"]] == [r["id"] for r in api[:10]]
    scores = [r["score"] for r in typed["results"]]
    assert scores == sorted(scores, reverse=True)  # the whole answer's order, with some left out:
    assert [r["id"] for r in typed["results"]] != [r["id"] for r in api[: len(scores)]]


def test_typing_on_inside_a_word_fetches_no_rows(page, worker: list[str]) -> None:
    # Key by key, as the box asks: a keystroke fetches postings (and words chunks) it needs, and rows
    # only when no result at all has its row here (the first answer).
    per_key = []
    for end in range(1, len("withdrawal") + 1):
        _, sent = _ask(page, worker, "withdrawal"[:end], True)
        per_key.append(sent)
    rows = [sent for sent in per_key if any(f.startswith(("en/d/", "en/s/")) for f in sent)]
    assert len(rows) <= 1, per_key
    assert not [f for sent in per_key for f in sent if f.startswith("en/s/")]  # section texts wait for the pause
    # The same keystrokes again: everything they need is here.
    again = [_ask(page, worker, "withdrawal"[:end], True)[1] for end in range(1, len("withdrawal") + 1)]
    assert again == [[]] * len("withdrawal")


def test_a_search_overtaken_by_a_newer_one_fetches_nothing_more(page, worker: list[str]) -> None:
    # Two keystrokes' searches at once (nothing fetched yet): the first is overtaken while its postings
    # are on their way, so only the second fetches rows.
    first, second = page.evaluate("""async () => {
      const first = window.__ask("recovery", true);
      const second = window.__ask("bandwidth", true);
      return [await first, await second];
    }""")
    page.wait_for_timeout(300)
    assert first == {**first, "results": [], "partial": []}
    assert second["results"]
    rows = [f for f in worker if f.startswith("en/d/")]
    assert 0 < len(rows) <= 10, rows


def test_the_box_shows_the_whole_answer_once_typing_pauses(page, sample_site: Path, serve) -> None:
    base = serve(sample_site)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.split("/search/", 1)[-1]))
    page.goto(f"{base}en/")
    page.keyboard.press("/")
    page.keyboard.type("usdt transfer failed", delay=60)  # faster than the pause that settles a query
    page.wait_for_timeout(1000)
    shown = page.eval_on_selector_all(".hc-search .md-search-result__item", "items => items.map(i => i.dataset.hcId)")
    api = page.evaluate("() => window.helpcenter.search('usdt transfer failed', {lang: 'en'})")
    assert shown == [r["id"] for r in api[:10]]
    # Typed again key by key: every keystroke's postings and rows are here, and so is the whole answer.
    page.fill("[data-hc-search-input]", "")
    before = len(fetched)
    page.keyboard.type("usdt transfer failed", delay=60)
    page.wait_for_timeout(1000)
    assert [f for f in fetched[before:] if f.startswith("en/")] == []
    assert (
        page.eval_on_selector_all(".hc-search .md-search-result__item", "items => items.map(i => i.dataset.hcId)")
        == shown
    )


def test_enter_right_after_typing_opens_the_whole_answers_first(page, sample_site: Path, serve) -> None:
    base = serve(sample_site)
    page.goto(f"{base}en/")
    page.keyboard.press("/")
    page.keyboard.type("fee")
    page.wait_for_timeout(800)  # settled: the rows of its top ten are here, the others' are not
    # The keystrokes of " energy" show the best of those (why-fee-so-high first); the whole answer
    # has tron-energy first. Enter at once, before the pause:
    page.keyboard.type(" energy")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    api = page.evaluate("() => window.helpcenter.search('fee energy', {lang: 'en'})")
    assert page.url == api[0]["url"]
