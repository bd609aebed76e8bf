"""In Chromium: node ids that are also names on every JavaScript object ("constructor" …) are just ids.

A tree whose valid kebab-case ids are `constructor`, `to-string`, `has-own-property`, `prototype`,
`value-of` and `is-prototype-of` is walked to every leaf, opened by deep links that have to rebuild
the answers, and by the no-JavaScript anchors; the page fixture fails the test on any page error (a
plain-object map keyed by id stopped the widget with "this.incoming[next].push is not a function" as
soon as an answer led to `constructor`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PAGE = "en/app/app-trouble/"
RENAMED = {"q-symptom": "to-string", "q-updated": "constructor", "s-refresh": "has-own-property",
           "q-fixed": "prototype", "r-update": "value-of", "e-crash": "is-prototype-of"}


def prototype_ids(project: Path) -> None:
    """The test tree with its node ids renamed to the names every JavaScript object has."""
    tree = project / "docs" / "flowcharts" / "app-trouble.yml"
    text = tree.read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        text, count = re.subn(rf"\b{old}\b", new, text)
        assert count, old
    tree.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("flowcharts", edit=prototype_ids))


def current(page) -> str:
    return page.locator("#hc-flow-current").inner_text()


def choose(page, label: str) -> None:
    page.locator(".hc-flow__app button.hc-flow__option", has_text=re.compile(f"^{re.escape(label)}$")).click()


def answers(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".hc-flow__answer").all_inner_texts()]


def test_walk_to_the_resolve_leaf_and_back(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    assert current(page) == "What happens?"
    choose(page, "The app crashes")
    page.wait_for_url(f"{site_url}{PAGE}?step=constructor&path=to-string")
    choose(page, "No")
    page.wait_for_url(f"{site_url}{PAGE}?step=value-of&path=to-string.constructor")
    assert current(page) == "This should fix it"
    assert answers(page) == ["What happens? The app crashes", "Is the app up to date? No"]
    page.go_back()
    page.wait_for_url(f"{site_url}{PAGE}?step=constructor&path=to-string")
    assert current(page) == "Is the app up to date?"


def test_walk_through_the_step_to_the_escalate_leaf(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    choose(page, "A balance looks wrong")
    page.wait_for_url(f"{site_url}{PAGE}?step=has-own-property&path=to-string")
    assert current(page) == "Pull down on the home screen to refresh."
    page.locator(".hc-flow__app button.hc-flow__option").click()
    page.wait_for_url(f"{site_url}{PAGE}?step=prototype&path=to-string.has-own-property")
    choose(page, "No")
    page.wait_for_url(f"{site_url}{PAGE}?step=is-prototype-of&path=to-string.has-own-property.prototype")
    assert current(page) == "Let our support team look at it"
    context = page.evaluate("window.helpcenter.flowchart.ticketContext()")
    assert [step["node"] for step in context["flowchart"]["path"]] == ["to-string", "has-own-property", "prototype"]
    assert context["flowchart"]["leaf"] == "is-prototype-of"


@pytest.mark.parametrize(("address", "shown", "path"), [
    # Only ?step=: the answers are rebuilt from who leads to the node (the map that failed).
    ("?step=value-of", "This should fix it", "to-string.constructor"),
    ("?step=prototype", "Is the balance right now?", "to-string.has-own-property"),
    ("?step=to-string", "What happens?", None),
    # The no-JavaScript anchor, opened with JavaScript on.
    ("#step-constructor", "Is the app up to date?", "to-string"),
])
def test_deep_links_rebuild_the_answers(page, site_url: str, address: str, shown: str, path: str | None) -> None:
    page.goto(site_url + PAGE + address)
    assert current(page) == shown
    state = page.evaluate("window.helpcenter.flowchart.state()")
    assert ".".join(entry["node"] for entry in state["path"]) == (path or "")


def test_a_step_named_like_an_object_property_that_is_not_a_node_is_ignored(page, site_url: str) -> None:
    # "hasOwnProperty" and "__proto__" are on every object but are no node of this tree.
    for name in ("hasOwnProperty", "__proto__", "toString"):
        page.goto(f"{site_url}{PAGE}?step={name}")
        assert current(page) == "What happens?"
