"""The search worker protocol is written once (search/protocol.js) and both sides keep to it.

Statically: search.js and worker.js import protocol.js and build no message of their own. In
Chromium: every message that crosses between the page and the worker in a real session (configure,
a search from the box, one from the API, the secret warning's article request, the body tier) has
the shape protocol.js writes down; `partial` is always a list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mnemonic import Mnemonic

ASSETS = Path(__file__).resolve().parents[2] / "plugins" / "helpcenter" / "templates" / "assets" / "helpcenter"
PHRASE = Mnemonic("english").to_mnemonic(bytes(range(16)))  # synthetic, controls nothing
# What each side may post: a message built by protocol.js (search.js's request() posts make(seq),
# and its callers pass TO_WORKER builders).
POSTED = re.compile(r"postMessage\((?!(?:\w+\.)?(?:TO_WORKER|FROM_WORKER)\.\w+\(|make\(seq\)\))")
TYPE_BY_HAND = re.compile(r"""\.type\s*[!=]==?\s*["'`]""")

# Records what the page sends to its workers and what they send back.
RECORDER = """
window.__messages = [];
const Native = window.Worker;
window.Worker = class extends Native {
  constructor(url, options) {
    super(url, options);
    this.addEventListener("message", (event) => window.__messages.push(["fromWorker", event.data]));
  }
  postMessage(message, ...rest) {
    window.__messages.push(["toWorker", message]);
    return super.postMessage(message, ...rest);
  }
};
"""


@pytest.mark.parametrize("name", ["search.js", "worker.js"])
def test_both_sides_import_the_protocol_and_write_no_message_of_their_own(name: str) -> None:
    source = (ASSETS / "search" / name).read_text(encoding="utf-8")
    assert re.search(r"""(from|import\()\s*["']\./protocol\.js["']""", source)
    assert "postMessage(" in source
    assert [source[m.start():].split("\n")[0] for m in POSTED.finditer(source)] == []
    assert TYPE_BY_HAND.findall(source) == []


@pytest.mark.browser
def test_every_message_of_a_session_has_the_protocol_shape(page, built_site, serve) -> None:
    base = serve(built_site("search"))
    page.add_init_script(RECORDER)
    page.goto(base + "en/")
    page.keyboard.press("/")
    page.keyboard.type("energy")
    page.wait_for_selector(".hc-search[data-hc-state=results]")
    page.evaluate("(q) => window.helpcenter.search(q, {lang: 'en'})", "bandwidth")
    page.fill("[data-hc-search-input]", PHRASE)
    page.wait_for_selector(".hc-search__secret")
    checked = page.evaluate("""async (url) => {
      const protocol = await import(url);
      return window.__messages.map(([direction, message]) =>
        [direction, message.type, protocol.problems(direction, message), message.partial]);
    }""", base + "assets/helpcenter/search/protocol.js")
    assert [(direction, kind, problems) for direction, kind, problems, _ in checked if problems] == []
    kinds = {(direction, kind) for direction, kind, _, _ in checked}
    # No body tier since the index is sharded (issue 14): answers are whole, so no "body" crosses.
    assert kinds >= {("toWorker", "configure"), ("toWorker", "search"), ("toWorker", "article"),
                     ("fromWorker", "ready"), ("fromWorker", "results")}
    # The drift this replaces: `partial` was a list of languages in one reply and `false` in another.
    assert all(isinstance(partial, list) for _, kind, _, partial in checked if kind == "results")
