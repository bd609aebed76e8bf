"""Search in Debian's Chromium: the JS tokenizer, window.helpcenter.search and the search box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mnemonic import Mnemonic

from tests.search.test_tokenize import VECTORS

pytestmark = pytest.mark.browser

# A valid 12-word BIP-39 phrase of the entropy bytes 0..15: synthetic, controls nothing.
PHRASE = Mnemonic("english").to_mnemonic(bytes(range(16)))
TXID = "931da53f50a0be52d057e0bd04ab3005440698c83998e1705bb7a7af3d2e2425"


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    """tests/sites/search, built once for the session."""
    return built_site("search")


@pytest.fixture(scope="module")
def base(site: Path, serve) -> str:
    return serve(site)


def _search(page, query: str, lang: str = "en") -> list[dict]:
    page.wait_for_function("() => window.helpcenter && window.helpcenter.search")
    return page.evaluate("([q, lang]) => window.helpcenter.search(q, {lang})", [query, lang])


def _type(page, query: str) -> None:
    """Open the box with Material's '/' key and type like a reader, then wait for the whole answer (a
    keystroke's answer that waits for it is aria-busy)."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function("""(q) => {
      const root = document.querySelector('.hc-search');
      return root && root.dataset.hcState && root.dataset.hcState !== 'empty'
        && !root.querySelector('[aria-busy]')
        && document.querySelector('[data-hc-search-input]').value === q;
    }""", arg=query)


def test_a_keystroke_answer_waiting_for_the_whole_one_is_busy(page, base: str) -> None:
    query = "free bandwidth points every day"  # its best result points at a section: its text comes at the pause
    page.goto(base + "en/")
    page.evaluate("""() => {
      window.__seen = [];
      const root = document.querySelector('.hc-search');
      new MutationObserver(() => {
        const status = root.querySelector('.md-search-result__meta');
        const list = root.querySelector('[role=listbox]');
        const first = list.querySelector('a');
        window.__seen.push([document.querySelector('[data-hc-search-input]').value, root.dataset.hcState || '',
                            status.getAttribute('aria-busy'), list.getAttribute('aria-busy'), status.textContent,
                            list.children.length, first ? first.getAttribute('href') : null]);
      }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }""")
    _type(page, query)
    whole = len(_search(page, query, "en"))
    seen = page.evaluate("window.__seen")
    answers = [s for s in seen if s[0] == query and s[1] == "results"]
    final = answers[-1]
    count = "1 matching article" if whole == 1 else f"{whole} matching articles"
    assert final == [query, "results", None, None, count, whole, base + "en/fees/tron-bandwidth/#free"]
    # The keystroke's own answer (the section's text not here yet) was marked busy, the count and the list alike.
    busy = [s for s in answers if s[2] == "true"]
    assert busy
    assert all(s[3] == "true" for s in busy)
    # What a screen reader may take as settled for the whole query is the whole answer.
    assert all(s == final for s in answers if s[2] is None)


def test_js_tokenizer_matches_the_shared_vectors(page, base: str) -> None:
    page.goto(base + "en/")
    page.add_script_tag(url=base + "assets/helpcenter/search/lunr.js")
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    actual = page.evaluate("""async ([url, texts]) => {
      const t = await import(url);
      return texts.map((text) => ({text, tokens: t.tokens(text), terms: t.terms(text),
                                   keys: t.keys(text), weights: t.keys(text).map(t.queryWeight)}));
    }""", [base + "assets/helpcenter/search/tokenize.js", [v["text"] for v in vectors]])
    for want, got in zip(vectors, actual, strict=True):
        assert got == want


@pytest.mark.parametrize(("query", "lang", "first"), [
    pytest.param("energy", "en", "tron-energy", id="english"),
    pytest.param("带宽", "zh", "tron-bandwidth", id="chinese"),
    pytest.param("记词", "zh", "recovery-phrase-safety", id="chinese-across-word-boundary"),
    pytest.param("trx 能量", "zh", "tron-energy", id="mixed"),
    pytest.param("OUT_OF_ENERGY", "zh", "tron-energy", id="error-code-on-chinese-page"),
    pytest.param("bandwith", "en", "tron-bandwidth", id="typo"),
    pytest.param("enregy", "en", "tron-energy", id="typo-of-a-stemmed-word"),
    pytest.param("miner fee", "en", "network-fees", id="synonym"),
    pytest.param("密语", "zh", "recovery-phrase-safety", id="synonym-chinese"),
    pytest.param("binance withdrawal", "en", "withdrawal-not-arrived", id="one-way-synonym"),
    pytest.param(f"txid {TXID} not received", "en", "tx-not-received", id="pasted-txid"),
    pytest.param("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7", "en", "verify-address", id="pasted-address"),
    pytest.param("ener", "en", "tron-energy", id="prefix-of-the-last-word"),
    pytest.param("Create a new wallet", "en", "create-wallet", id="exact-title"),
])
def test_search_finds(page, base: str, query: str, lang: str, first: str) -> None:
    page.goto(base + "en/")
    results = _search(page, query, lang)
    assert results[0]["id"] == first
    assert set(results[0]) == {"id", "url", "title", "lang", "score"}
    assert results[0]["url"].startswith(base)
    assert len({r["id"] for r in results}) == len(results)


def test_chinese_typed_on_an_english_page_finds_chinese_articles(page, base: str) -> None:
    page.goto(base + "en/")
    results = _search(page, "助记词", "en")
    assert results[0]["id"] == "recovery-phrase-safety"
    assert results[0]["lang"] == "zh"
    assert results[0]["url"] == base + "zh/basics/recovery-phrase-safety/"


def test_a_known_word_is_never_replaced_by_a_spelling_one_edit_away(page, base: str) -> None:
    page.goto(base + "en/")
    ids = [r["id"] for r in _search(page, "free", "en")]
    assert ids == ["tron-bandwidth"]  # "fee" is one edit away and in many articles, but "free" was typed


def test_typing_shows_results_with_marked_matches(page, base: str) -> None:
    page.goto(base + "en/")
    _type(page, "energy")
    first = page.locator(".hc-search .md-search-result__item").first
    assert first.locator("h1").inner_text() == "TRON energy explained"
    assert first.locator("h1 mark").all_inner_texts() == ["energy"]
    assert first.locator("a").get_attribute("href") == base + "en/fees/tron-energy/"
    assert page.locator(".hc-search .md-search-result__meta").inner_text() == "1 matching article"
    assert page.locator(".hc-search .md-search__output").is_visible()  # Material's CSS opens the panel


def test_a_section_match_points_at_the_section(page, base: str) -> None:
    page.goto(base + "en/")
    _type(page, "free bandwidth points every day")
    link = page.locator(".hc-search .md-search-result__link").first
    # The first answer comes from the title/summary tier; the section tier, fetched once it shows,
    # moves the link to the section (on a busy machine that can take a moment).
    page.wait_for_function("""() => document.querySelector('.hc-search .md-search-result__link')
      .getAttribute('href').includes('#')""")
    assert link.get_attribute("href") == base + "en/fees/tron-bandwidth/#free"
    assert link.locator("h2").inner_text() == "Free bandwidth"


def test_html_in_titles_and_summaries_renders_as_text(page, base: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base + "en/")
    _type(page, "zebracorn")
    result = page.locator(".hc-search .md-search-result__item").first
    assert result.locator("h1").inner_text() == "Unusual <img src=x onerror=alert(1)> characters & <b>tags</b>"
    assert result.locator("img, b, script").count() == 0
    page.fill("[data-hc-search-input]", "onerror summary")
    page.wait_for_selector(".hc-search .md-search-result__item p mark")
    snippet = page.locator(".hc-search .md-search-result__item p").first
    assert snippet.inner_text() == "A summary with <script>alert('summary')</script> in it."
    assert snippet.locator("mark").all_inner_texts() == ["summary", "summary"]
    assert page.locator(".hc-search script").count() == 0
    assert dialogs == []


def test_q_prefills_the_box_and_leaves_the_address(page, base: str) -> None:
    page.goto(base + "en/?q=energy")
    page.wait_for_selector(".hc-search .md-search-result__item")
    assert page.input_value("[data-hc-search-input]") == "energy"
    assert page.is_checked("#__search")
    assert page.url == base + "en/"


def test_keyboard_opens_moves_follows_and_closes(page, base: str) -> None:
    page.goto(base + "en/")
    _type(page, "tron")
    assert page.evaluate("document.activeElement.matches('[data-hc-search-input]')")
    items = page.locator(".hc-search .md-search-result__item")
    assert items.count() >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert items.nth(1).locator("[role=option]").get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert items.nth(0).locator("[role=option]").get_attribute("aria-selected") == "true"
    assert page.get_attribute("[data-hc-search-input]", "aria-activedescendant") == "hc-search-result-0"
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("/")
    assert page.is_checked("#__search")
    target = items.nth(1).locator("a").get_attribute("href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target


def test_no_results_offers_topics_and_still_stuck(page, base: str) -> None:
    page.goto(base + "en/")
    _type(page, "zzqxv")
    assert page.locator(".hc-search .md-search-result__meta").inner_text() == "No matching articles"
    topics = page.locator(".hc-search__topics a")
    assert topics.all_inner_texts() == ["Wallet basics", "Fees and resources", "Troubleshooting"]
    assert topics.first.get_attribute("href") == base + "en/basics/"
    button = page.locator(".hc-search__none button[data-hc-ticket]")
    assert button.inner_text() == "Contact support"
    assert button.get_attribute("type") == "button"
    assert json.loads(button.get_attribute("data-hc-ticket-context")) == {
        "source": "search", "lang": "en", "query": "zzqxv"}
    button.click()
    page.wait_for_selector("dialog.hc-ticket[open]")  # tickets.js binds the attribute


def test_a_recovery_phrase_is_never_sent_stored_or_put_in_the_address(page, base: str) -> None:
    sent: list[str] = []
    page.on("request", lambda request: sent.append(f"{request.url} {request.post_data or ''}"))
    logged: list[str] = []
    page.on("console", lambda message: logged.append(message.text))
    page.goto(base + "en/")
    page.evaluate("""() => {
      window.__heard = [];
      document.addEventListener('helpcenter:search', (e) => window.__heard.push(JSON.stringify(e.detail)));
    }""")
    before = page.evaluate("history.length")
    _type(page, PHRASE)
    page.wait_for_selector(".hc-search__secret")
    assert page.locator(".hc-search__secret").get_attribute("role") == "alert"
    assert page.locator(".hc-search__secret-title").inner_text() == "This looks like a recovery phrase or private key"
    first = page.locator(".hc-search .md-search-result__item a").first
    assert first.get_attribute("href") == base + "en/basics/recovery-phrase-safety/"
    api = _search(page, PHRASE, "en")
    assert [r["id"] for r in api] == ["recovery-phrase-safety"]
    page.keyboard.press("Enter")  # following the safety article must not carry the query either
    page.wait_for_url(base + "en/basics/recovery-phrase-safety/")
    words = PHRASE.split()
    tail = " ".join(words[-3:])  # typed last: no prefix of the phrase that short is flagged yet
    assert not [s for s in sent if tail in s or words[-1] in s]
    assert not [m for m in logged if tail in m]
    assert page.evaluate("history.length") == before + 1
    storage = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert tail not in storage


def test_everyday_searches_never_download_the_word_lists(page, base: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base + "zh/")
    # A label alone ("recovery phrase", "助记词") introduces no words: nothing to check it against.
    for query in ("转账失败", "带宽不足 怎么办", "usdt transfer failed", "recovery phrase", "助记词", "seed phrase"):
        page.fill("[data-hc-search-input]", query)
        page.wait_for_selector(".hc-search[data-hc-state=results]")
    assert not [url for url in fetched if "bip39-wordlists" in url]
    page.fill("[data-hc-search-input]", PHRASE)  # a text that could hold a phrase needs them
    page.wait_for_selector(".hc-search__secret")
    assert [url for url in fetched if "bip39-wordlists" in url]


def test_the_phrase_is_not_announced_to_other_modules(page, base: str) -> None:
    page.goto(base + "en/")
    page.evaluate("""() => {
      window.__heard = [];
      document.addEventListener('helpcenter:search', (e) => window.__heard.push(e.detail.query));
    }""")
    _type(page, PHRASE)
    page.wait_for_selector(".hc-search__secret")
    page.keyboard.press("Escape")
    page.fill("[data-hc-search-input]", "energy")  # focusing the box opens it again
    page.wait_for_selector(".hc-search[data-hc-state=results]")
    page.keyboard.press("Escape")
    page.wait_for_function("() => window.__heard.length > 0")
    assert page.evaluate("window.__heard") == ["energy"]  # on closing the box, and never the phrase


def test_a_chinese_page_searches_chinese_first(page, base: str) -> None:
    page.goto(base + "zh/")
    _type(page, "TRX")
    first = page.locator(".hc-search .md-search-result__item a").first
    assert first.get_attribute("href").startswith(base + "zh/")
    assert page.get_attribute("[data-hc-search-input]", "placeholder") == "搜索"
