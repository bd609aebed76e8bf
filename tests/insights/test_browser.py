"""In Chromium, the sample help center against the real collector on 127.0.0.1 (uvicorn, SQLite), under a
strict Content-Security-Policy whose connect-src allows only the site and the collector.

What left the page is recorded twice: Playwright's request events (every request to the collector made
while a page lives) and, around the real collector app, every request body as it arrived. The second is
needed because Chromium does not report to Playwright the keepalive requests an unloading page sends
(events are flushed on pagehide). The collector's database file is read as bytes to say what was kept.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from click.testing import CliRunner
from playwright.sync_api import expect
from ruamel.yaml import YAML

from helpcenter.cli import cli
from helpcenter.insights import checks
from helpcenter.insights.collector import create_app
from tests.builds import FIXTURES, ROOT, build_into

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
PHRASE = "need adult screen foot ill quit valid prevent priority notable scan below"  # a valid 12-word phrase
SAMPLE_FILES = ("mkdocs.yml", "docs", "search", "url-history.yml")
VOTED = "en/getting-started/create-wallet/"  # voted No, with a reason
FLOW = "en/troubleshooting/tx-pending/"  # its troubleshooter is walked to an escalate leaf
NOTHING_ZH = "量子纠缠"  # finds nothing on the Chinese side


PLAUSIBLE = "      format: plausible\n      plausible_domain: help.example-wallet.com\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def port() -> int:
    """The collector's port: fixed for the module, because the site is built with its endpoint."""
    return free_port()


CONSENT = """
extra:
  consent:
    title: Cookie consent
    description: We count which articles help, with your consent.
    actions: [accept, reject]
    cookies:
      analytics: {name: Help center insights, checked: true}
"""


def build_sample(into: Path, port: int, extra: str = "", options: str = "") -> Path:
    """The sample help center, its endpoint pointed at this module's collector; `extra` YAML appended,
    `options` (lines) added to helpcenter-insights."""
    project = into / "sample"
    project.mkdir()
    for name in SAMPLE_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "endpoint: http://127.0.0.1:8300/events" in text
    endpoint = f"endpoint: http://127.0.0.1:{port}/events\n"
    text = text.replace("endpoint: http://127.0.0.1:8300/events\n", endpoint + options)
    config.write_text(text + extra, encoding="utf-8")
    return build_into(project)


def csp(port: int) -> dict[str, str]:
    """The strict policy, with connect-src naming only the site and the endpoint's origin (as the README says)."""
    collector = checks.origin(f"http://127.0.0.1:{port}/events")
    return {"Content-Security-Policy": f"script-src 'self'; object-src 'none'; base-uri 'none'; "
                                      f"connect-src 'self' {collector}"}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory, serve, port: int) -> str:
    return serve(build_sample(tmp_path_factory.mktemp("insights-sample"), port), csp(port))


@pytest.fixture(scope="module")
def consent_url(tmp_path_factory: pytest.TempPathFactory, serve, port: int) -> str:
    """The sample with Material's cookie consent (extra.consent), served from the same origin's twin port."""
    return serve(build_sample(tmp_path_factory.mktemp("insights-consent"), port, CONSENT), csp(port))


def tapped(app, received: list[tuple[str, str]]):
    """The ASGI app, recording each HTTP request's method and body as it arrived (before any check)."""

    async def wrapped(scope, receive, send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        chunks: list[bytes] = []

        async def tap():
            message = await receive()
            chunks.append(message.get("body", b""))
            return message

        try:
            await app(scope, tap, send)
        finally:
            received.append((scope["method"], b"".join(chunks).decode("utf-8", "replace")))

    return wrapped


class Collector:
    """The real collector app on the module's port, with a fresh database (the port is reused once free)."""

    def __init__(self, db: Path, port: int, allow_origin: str) -> None:
        self.db = db
        self.base = f"http://127.0.0.1:{port}"
        self.received: list[tuple[str, str]] = []
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        app = tapped(create_app(db, allow_origin=allow_origin, rate=1e6), self.received)
        self.server = uvicorn.Server(uvicorn.Config(app, access_log=False, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert self.thread.is_alive(), "the collector stopped"
            assert time.monotonic() < deadline, "the collector did not start"
            time.sleep(0.01)

    def events(self) -> list[dict]:
        """Every event posted, as sent."""
        found = []
        for method, body in self.received:
            if method == "POST":
                sent = json.loads(body)
                found += sent if isinstance(sent, list) else [sent]
        return found

    def rows(self) -> int:
        if not self.db.exists():
            return 0
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as db:
            return int(db.execute("SELECT count(*) FROM events").fetchone()[0])

    def wait_for(self, count: int, timeout: float = 20) -> None:
        """Wait until `count` events are stored, then a little longer: a later one would show as a wrong count."""
        deadline = time.monotonic() + timeout
        while self.rows() < count:
            assert time.monotonic() < deadline, f"{self.rows()} of {count} events arrived"
            time.sleep(0.05)
        time.sleep(0.5)

    def report(self) -> dict:
        result = CliRunner().invoke(cli, ["insights", "report", "--db", str(self.db), "--format", "json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="module")
def plausible_url(tmp_path_factory: pytest.TempPathFactory, serve, port: int) -> str:
    return serve(build_sample(tmp_path_factory.mktemp("insights-plausible"), port, options=PLAUSIBLE), csp(port))


def start_collector(tmp_path: Path, port: int, site: str) -> Iterator[Collector]:
    running = Collector(tmp_path / "insights.sqlite", port, "{0.scheme}://{0.netloc}".format(urlsplit(site)))
    yield running
    running.stop()


@pytest.fixture
def collector(tmp_path: Path, port: int, site_url: str) -> Iterator[Collector]:
    yield from start_collector(tmp_path, port, site_url)


@pytest.fixture
def plausible_collector(tmp_path: Path, port: int, plausible_url: str) -> Iterator[Collector]:
    yield from start_collector(tmp_path, port, plausible_url)


@pytest.fixture
def consent_collector(tmp_path: Path, port: int, consent_url: str) -> Iterator[Collector]:
    yield from start_collector(tmp_path, port, consent_url)


@pytest.fixture
def browser_sent(page, port: int) -> list[tuple[str, str]]:
    """Requests to the collector that Playwright saw (those made while a page lives): (method, body)."""
    seen: list[tuple[str, str]] = []
    base = f"http://127.0.0.1:{port}/"
    page.context.on("request", lambda r: seen.append((r.method, r.post_data or "")) if r.url.startswith(base) else None)
    return seen


def leave(page) -> None:
    """Leave the site: pagehide sends what is queued."""
    page.goto("about:blank")


def vote_no(page, reason: str, comment: str = "") -> None:
    box = page.locator("[data-hc-feedback]")
    box.wait_for(state="visible")
    box.locator("[data-hc-vote][value=no]").click()
    box.locator(f"input[value={reason}]").check()
    if comment:
        box.locator("textarea").fill(comment)
    box.locator("button[type=submit]").click()


def walk_to_escalation(page) -> None:
    flow = page.locator(".hc-flow__app")
    for answer in ("TRON (TRX, TRC-20)", "Confirmed / SUCCESS", "Yes, still pending after 10 minutes"):
        flow.locator("button.hc-flow__option", has_text=answer).click()
    flow.locator("button.hc-flow__ticket").wait_for()


def test_the_collector_holds_exactly_what_a_reader_did(page, site_url: str, collector: Collector) -> None:
    page.add_init_script("""window.__csp = [];
      document.addEventListener("securitypolicyviolation",
        (e) => __csp.push(`${e.violatedDirective} ${e.blockedURI}`));""")
    # 1. An English article: No, because it is inaccurate.
    page.goto(site_url + VOTED)
    vote_no(page, "inaccurate")
    expect(page.locator("[data-hc-feedback-status]")).to_have_text(
        "Thank you: your feedback helps us improve this article.")
    expect(page.locator("[data-hc-feedback-stuck] [data-hc-ticket]")).to_be_visible()  # then "Still stuck?"
    assert page.evaluate("window.__csp") == []
    # 2. The Chinese home page: a search that finds nothing, then the box closed.
    page.goto(site_url + "zh/")
    page.keyboard.press("/")
    page.fill("[data-hc-search-input]", NOTHING_ZH)
    page.wait_for_selector(".hc-search[data-hc-state=none]")
    page.keyboard.press("Escape")
    # 3. A troubleshooter walked to its escalate leaf; its ticket form opened; a suggested article clicked.
    page.goto(site_url + FLOW)
    walk_to_escalation(page)
    page.locator(".hc-flow__app button.hc-flow__ticket").click()
    dialog = page.locator("dialog.hc-ticket[open]")
    dialog.locator("#hc-ticket-what").fill("my transaction is pending for hours")
    suggestion = dialog.locator(".hc-ticket__deflect a").first
    suggestion.wait_for()
    suggested = urlsplit(suggestion.get_attribute("href")).path.strip("/").split("/")[-1]
    with page.context.expect_page() as opened:
        suggestion.click()
    tab = opened.value
    tab.wait_for_load_state()
    assert page.evaluate("window.__csp") == []
    leave(tab)  # the suggested article was read in its own tab: one more view
    leave(page)
    collector.wait_for(9)
    report = collector.report()
    assert report["articles"][0]["id"] == "create-wallet"  # least helpful first
    report["articles"].sort(key=lambda a: a["id"])
    assert report == {
        "search": {"queries": 1, "sensitive": 0, "zero_result": [{"query": NOTHING_ZH, "lang": "zh", "count": 1}],
                   "no_click": []},
        "articles": sorted([
            {"id": "create-wallet", "lang": "en", "views": 1, "helpful_yes": 0, "helpful_no": 1,
             "reasons": {"inaccurate": 1}},
            {"id": "tx-pending", "lang": "en", "views": 1, "helpful_yes": 0, "helpful_no": 0, "reasons": {}},
            {"id": suggested, "lang": "en", "views": 1, "helpful_yes": 0, "helpful_no": 0, "reasons": {}},
        ], key=lambda a: a["id"]),
        "flowcharts": [{"id": "tx-pending", "lang": "en", "started": 1, "resolved": 0, "escalated": 1,
                        "abandoned": 0, "exits": [{"node": "e-app-sync", "count": 1}]}],
        "tickets": {"opened": 1, "suggestion_clicked": 1, "sent": 0,
                    "by_source": {"flowchart": {"opened": 1, "sent": 0}}},
    }
    # No cookie and no identifier went out: each body is events, each event only its documented fields.
    assert {method for method, _ in collector.received} == {"POST"}  # text/plain, no-cors: no preflight
    assert len(collector.events()) == 9
    assert {tuple(sorted(e)) for e in collector.events()} == {
        ("article", "lang", "type"), ("article", "helpful", "lang", "reason", "type"),
        ("clicked", "lang", "query", "rank", "results", "type"), ("flowchart", "lang", "node", "outcome", "type"),
        ("article", "lang", "source", "stage", "type")}
    assert page.context.cookies() == []


def test_a_recovery_phrase_never_reaches_the_collector(page, site_url: str, collector: Collector,
                                                        browser_sent: list[tuple[str, str]]) -> None:
    page.goto(site_url + VOTED)
    vote_no(page, "other", f"my words are {PHRASE} please help")
    expect(page.locator("[data-hc-feedback-secret]")).to_have_text(re.compile(
        "^Your comment looks like it holds a recovery phrase or a private key, so it was not sent"))
    expect(page.locator("[data-hc-feedback-comment]")).to_have_attribute("aria-invalid", "")
    assert page.locator("[data-hc-feedback-why]").is_visible()  # not sent: the reader can remove it
    page.locator("[data-hc-feedback-comment]").fill("the steps for my phone are missing")
    page.locator("[data-hc-feedback-why] button[type=submit]").click()
    expect(page.locator("[data-hc-feedback-status]")).not_to_be_empty()
    # The same phrase typed into the search box, word by word with pauses longer than the idle time.
    page.keyboard.press("/")
    words = PHRASE.split()
    for start in range(0, len(words), 4):
        page.locator("[data-hc-search-input]").press_sequentially(" ".join(words[start:start + 4]) + " ")
        page.wait_for_timeout(2300)  # each part settles on its own before the whole is recognisable
    page.keyboard.press("Escape")
    leave(page)
    collector.wait_for(3)  # view, feedback (the second comment), and the search: withheld as one sensitive search
    bodies = " ".join(body for _, body in collector.received + browser_sent)
    for word in words:
        assert word not in bodies
    stored = collector.db.read_bytes() + b"".join(p.read_bytes() for p in collector.db.parent.glob("*-wal"))
    assert not [w for w in words if w.encode() in stored]
    report = collector.report()
    assert (report["search"]["sensitive"], report["search"]["queries"]) == (1, 0)  # one search, typed on
    assert report["articles"][0]["reasons"] == {"other": 1}
    kept = [e for e in collector.events() if e["type"] == "feedback"]
    assert kept == [{"type": "feedback", "lang": "en", "article": "create-wallet", "helpful": False,
                     "reason": "other", "comment": "the steps for my phone are missing"}]


def test_global_privacy_control_sends_nothing(page, site_url: str, collector: Collector,
                                              browser_sent: list[tuple[str, str]]) -> None:
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})")
    page.goto(site_url + FLOW)
    assert page.evaluate("navigator.globalPrivacyControl") is True
    vote_no(page, "more-info")
    expect(page.locator("[data-hc-feedback-status]")).not_to_be_empty()  # the reader is still thanked
    walk_to_escalation(page)
    page.keyboard.press("/")
    page.fill("[data-hc-search-input]", "energy")
    page.wait_for_selector(".hc-search[data-hc-state=results]")
    page.keyboard.press("Escape")
    leave(page)
    time.sleep(1.5)
    assert (browser_sent, collector.received, collector.rows()) == ([], [], 0)


def test_no_request_before_consent_where_the_site_asks(page, consent_url: str, consent_collector: Collector,
                                                       browser_sent: list[tuple[str, str]]) -> None:
    consent = page.locator("[data-md-component=consent] form")  # the box itself has no size: its parts are fixed
    vote = page.locator("[data-hc-feedback] [data-hc-vote][value=yes]")
    thanks = page.locator("[data-hc-feedback-status]")
    page.goto(consent_url + VOTED)
    consent.wait_for(state="visible")  # not answered yet: nothing may leave
    vote.dispatch_event("click")  # the consent form covers the page
    expect(thanks).not_to_be_empty()
    leave(page)
    page.goto(consent_url + VOTED)
    with page.expect_navigation():
        consent.locator("button", has_text="Reject").click()  # Material stores the answer and reloads
    consent.wait_for(state="hidden")
    vote.click()
    expect(thanks).not_to_be_empty()
    leave(page)
    time.sleep(1)
    assert (browser_sent, consent_collector.received) == ([], [])
    page.goto(consent_url + VOTED)
    page.evaluate("localStorage.clear()")  # the reader asks again (Material's "change cookie settings")
    page.reload()
    with page.expect_navigation():
        consent.locator("button", has_text="Accept").click()
    consent.wait_for(state="hidden")
    vote.click()
    expect(thanks).not_to_be_empty()
    leave(page)
    consent_collector.wait_for(2)
    assert [e["type"] for e in consent_collector.events()] == ["view", "feedback"]


def test_keyboard_only_vote(page, site_url: str, collector: Collector) -> None:
    page.goto(site_url + VOTED)
    page.locator("[data-hc-feedback]").wait_for(state="visible")
    page.locator("#hc-feedback-question").scroll_into_view_if_needed()
    # Tab from the element before the question until the "No" button has focus.
    page.evaluate("document.querySelector('[data-hc-feedback]').previousElementSibling.setAttribute('tabindex', '-1')")
    page.evaluate("document.querySelector('[data-hc-feedback]').previousElementSibling.focus()")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "yes"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "no"
    page.keyboard.press("Enter")
    expect(page.locator("[data-hc-feedback-why] input[value=more-info]")).to_be_focused()  # focus moves to the reasons
    page.keyboard.press("ArrowDown")  # radio group: arrows choose
    assert page.evaluate("document.activeElement.value") == "inaccurate"
    page.keyboard.press("Tab")
    page.keyboard.type("the fee table is old")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Send feedback
    expect(page.locator("[data-hc-feedback-status]")).to_be_focused()
    assert page.locator("[data-hc-vote][value=no]").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Tab")  # next: "Still stuck?"
    assert page.evaluate("document.activeElement.hasAttribute('data-hc-ticket')")
    leave(page)
    collector.wait_for(2)
    assert [e for e in collector.events() if e["type"] == "feedback"] == [
        {"type": "feedback", "lang": "en", "article": "create-wallet", "helpful": False, "reason": "inaccurate",
         "comment": "the fee table is old"}]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_question_and_reasons_have_no_serious_accessibility_violations(browser, site_url: str, lang: str) -> None:
    context = browser.new_context(bypass_csp=True)  # axe is injected as an inline script
    page = context.new_page()
    page.goto(site_url + VOTED.replace("en/", f"{lang}/", 1))
    box = page.locator("[data-hc-feedback]")
    box.wait_for(state="visible")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = []
    for state in ("question", "reasons"):
        if state == "reasons":
            box.locator("[data-hc-vote][value=no]").click()
            box.locator("[data-hc-feedback-why]").wait_for(state="visible")
        result = page.evaluate("axe.run('[data-hc-feedback]', {resultTypes: ['violations']})")
        found += [(state, v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
                  if v["impact"] in ("serious", "critical")]
    context.close()
    assert found == []


VECTORS = YAML(typ="safe", pure=True).load((FIXTURES / "insights" / "query-vectors.yml").read_text(encoding="utf-8"))


def test_query_normaliser_matches_the_python_twin(page, site_url: str) -> None:
    page.goto(site_url + "en/")
    actual = page.evaluate("""async ([module, queries]) => {
      const { normalizeQuery } = await import(module);
      return queries.map(normalizeQuery);
    }""", [site_url + "assets/helpcenter/insights/events.js", [v["query"] for v in VECTORS]])
    assert [(v["name"], a) for v, a in zip(VECTORS, actual, strict=True)] == [
        (v["name"], v["normalized"]) for v in VECTORS]


def test_plausible_format_sends_one_custom_event_a_request(page, plausible_url: str,
                                                           plausible_collector: Collector) -> None:
    page.goto(plausible_url + VOTED + "?ref=newsletter#fees")
    page.locator("[data-hc-feedback] [data-hc-vote][value=yes]").click()
    expect(page.locator("[data-hc-feedback-status]")).not_to_be_empty()
    leave(page)
    deadline = time.monotonic() + 20
    while len(plausible_collector.received) < 2:  # our collector refuses them (400): Plausible's fields
        assert time.monotonic() < deadline, plausible_collector.received
        time.sleep(0.05)
    url = plausible_url + VOTED  # without the query and the fragment
    assert sorted((json.loads(body) for _, body in plausible_collector.received), key=lambda e: e["name"]) == [
        {"name": "feedback", "url": url, "domain": "help.example-wallet.com",
         "props": {"lang": "en", "article": "create-wallet", "helpful": "true"}},
        {"name": "view", "url": url, "domain": "help.example-wallet.com",
         "props": {"lang": "en", "article": "create-wallet"}},
    ]


def test_troubleshooter_resolved_and_abandoned_where_the_reader_stopped(page, site_url: str,
                                                                        collector: Collector) -> None:
    page.goto(site_url + "zh/troubleshooting/tx-pending/")
    flow = page.locator(".hc-flow__app")
    for answer in ("波场（TRX、TRC-20）", "查不到这笔交易", "否"):  # TRON, not found, not yet 2 minutes
        flow.locator("button.hc-flow__option", has_text=answer).click()
    flow.locator(".hc-flow__article").wait_for()  # a resolve leaf: its article
    page.goto(site_url + "zh/troubleshooting/trc20-out-of-energy/")
    page.locator(".hc-flow__app button.hc-flow__option", has_text="OUT_OF_ENERGY").first.click()
    page.locator(".hc-flow__app .hc-flow__progress", has_text="第 2 步").wait_for()
    leave(page)  # mid-tree: abandoned at the question showing
    collector.wait_for(6)  # two views, two starts, one resolved, one abandoned
    assert collector.report()["flowcharts"] == [
        {"id": "trc20-out-of-energy", "lang": "zh", "started": 1, "resolved": 0, "escalated": 0, "abandoned": 1,
         "exits": [{"node": "q-trx-left", "count": 1}]},
        {"id": "tx-pending", "lang": "zh", "started": 1, "resolved": 1, "escalated": 0, "abandoned": 0,
         "exits": [{"node": "r-wait", "count": 1}]},
    ]


def test_a_search_counts_once_with_the_result_opened_and_its_rank(page, site_url: str, collector: Collector) -> None:
    page.goto(site_url + "en/")
    page.keyboard.press("/")
    page.locator("[data-hc-search-input]").press_sequentially("energy", delay=80)  # one search, not six
    page.wait_for_selector(".hc-search[data-hc-state=results]")
    second = page.locator("#hc-search-results > li").nth(1)
    opened = second.get_attribute("data-hc-id")
    found = int(page.locator(".hc-search").get_attribute("data-hc-count"))
    with page.expect_navigation():
        second.locator("a").click()
    leave(page)
    collector.wait_for(2)  # the search, and the view of the article it opened
    assert [e for e in collector.events() if e["type"] == "search"] == [
        {"type": "search", "lang": "en", "query": "energy", "results": found, "clicked": opened, "rank": 2}]
    assert collector.report()["search"] == {"queries": 1, "sensitive": 0, "zero_result": [], "no_click": []}
