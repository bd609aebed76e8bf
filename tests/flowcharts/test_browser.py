"""In Chromium: walking a tree step by step, its URLs, history, keyboard, no JavaScript, and axe-core."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
PAGE = "en/app/app-trouble/"
HOSTILE = "<img src=x onerror=alert(1)>"
ESCALATION = {
    "source": "flowchart",
    "article": {"id": "app-trouble", "title": "The app is not working",
                "url": "https://help.example.test/en/app/app-trouble/"},
    "flowchart": {"id": "app-trouble", "leaf": "e-crash", "to": "tech-team", "path": [
        {"node": "q-symptom", "ask": "What happens?", "answer": "The app crashes"},
        {"node": "q-updated", "ask": "Is the app up to date?", "answer": "Yes"}]},
    "collect": ["app_version", "device_os", "error_text", "steps_tried"],
    "lang": "en",
}


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("flowcharts"))


def current(page) -> str:
    return page.locator("#hc-flow-current").inner_text()


def answers(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".hc-flow__answer").all_inner_texts()]


def choose(page, label: str) -> None:
    page.locator(".hc-flow__app button.hc-flow__option", has_text=re.compile(f"^{re.escape(label)}$")).click()


def test_walk_to_a_resolve_leaf(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    assert (page.locator(".hc-flow__progress").inner_text(), current(page)) == ("Step 1", "What happens?")
    assert page.locator(".hc-flow__steps").is_hidden()
    choose(page, "The app crashes")
    page.wait_for_url(f"{site_url}{PAGE}?step=q-updated&path=q-symptom")
    assert (page.locator(".hc-flow__progress").inner_text(), current(page)) == ("Step 2", "Is the app up to date?")
    choose(page, "No")
    page.wait_for_url(f"{site_url}{PAGE}?step=r-update&path=q-symptom.q-updated")
    assert current(page) == "This should fix it"
    assert answers(page) == ["What happens? The app crashes", "Is the app up to date? No"]
    link = page.locator(".hc-flow__app a.hc-flow__article")
    assert link.get_attribute("href") == "../update-app/"
    assert link.inner_text().split("\n") == ["Update the app", "Install the latest version from the official store."]
    link.click()
    page.wait_for_url(f"{site_url}en/app/update-app/")


def test_escalate_leaf_hands_the_walk_to_the_ticket_button(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.evaluate("window.seen = []; document.addEventListener('helpcenter:escalate', e => seen.push(e.detail))")
    choose(page, "The app crashes")
    choose(page, "Yes")
    page.wait_for_url(f"{site_url}{PAGE}?step=e-crash&path=q-symptom.q-updated")
    assert current(page) == "Let our support team look at it"
    assert page.locator(".hc-flow__app .hc-flow__notice").inner_text() == (
        "We will never ask for your recovery phrase, private key, passcode or 2FA code. "
        "Anyone who asks for them is not us.")
    assert page.locator(".hc-flow__app .hc-flow__collect li").all_inner_texts() == [
        "App version", "Phone and system version", "Error message", "Steps already tried"]
    button = page.locator(".hc-flow__app [data-hc-ticket]")
    assert (button.get_attribute("type"), button.inner_text()) == ("button", "Contact support with these answers")
    assert json.loads(button.get_attribute("data-hc-ticket-context")) == ESCALATION
    assert page.evaluate("seen") == [ESCALATION]
    assert page.evaluate("window.helpcenter.flowchart.ticketContext()") == ESCALATION
    # Without tickets.js the button leads to the article's Still stuck? box instead of doing nothing.
    page.evaluate("""() => { if (!document.getElementById('hc-still-stuck')) {
        const box = document.createElement('div'); box.id = 'hc-still-stuck'; box.textContent = 'Still stuck?';
        document.querySelector('.md-content__inner').append(box); } }""")
    button.click()
    assert page.evaluate("document.activeElement.id") == "hc-still-stuck"
    assert page.url == f"{site_url}{PAGE}?step=e-crash&path=q-symptom.q-updated"


def test_step_node_shared_answer_and_reload(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    choose(page, "A balance looks wrong")
    assert current(page) == "Pull down on the home screen to refresh."
    choose(page, "Done, next step")
    assert current(page) == "Is the balance right now?"
    choose(page, "Yes, after reopening the app")  # the 2nd of two answers that lead to the same node
    expected_url = f"{site_url}{PAGE}?step=r-reinstall&path=q-symptom.s-refresh.q-fixed_2"
    page.wait_for_url(expected_url)
    page.reload()
    assert page.url == expected_url
    assert (page.locator(".hc-flow__progress").inner_text(), current(page)) == ("Step 4", "This should fix it")
    assert answers(page) == ["What happens? A balance looks wrong",
                             "Pull down on the home screen to refresh. Done, next step",
                             "Is the balance right now? Yes, after reopening the app"]


def test_back_start_over_and_the_browsers_back_button(page, site_url: str) -> None:
    start = site_url + PAGE
    page.goto(start)
    choose(page, "The app crashes")
    choose(page, "No")
    page.wait_for_url(f"{start}?step=r-update&path=q-symptom.q-updated")
    page.get_by_role("button", name="Back", exact=True).click()
    page.wait_for_url(f"{start}?step=q-updated&path=q-symptom")
    assert current(page) == "Is the app up to date?"
    page.go_forward()  # Back stepped through history: Forward returns to the leaf
    page.wait_for_url(f"{start}?step=r-update&path=q-symptom.q-updated")
    assert current(page) == "This should fix it"
    page.go_back()
    page.go_back()
    page.wait_for_url(start)
    assert current(page) == "What happens?"
    assert page.get_by_role("button", name="Back", exact=True).count() == 0
    page.go_forward()
    page.go_forward()
    page.wait_for_url(f"{start}?step=r-update&path=q-symptom.q-updated")
    page.get_by_role("button", name="Start over").click()
    page.wait_for_url(start)
    assert (current(page), answers(page)) == ("What happens?", [])
    page.go_back()
    page.wait_for_url(f"{start}?step=r-update&path=q-symptom.q-updated")
    assert current(page) == "This should fix it"


def test_an_answer_so_far_takes_the_reader_back_to_it(page, site_url: str) -> None:
    page.goto(f"{site_url}{PAGE}?step=r-update&path=q-symptom.q-updated")
    page.locator(".hc-flow__answer").nth(1).click()
    page.wait_for_url(f"{site_url}{PAGE}?step=q-updated&path=q-symptom")
    assert (current(page), answers(page)) == ("Is the app up to date?", ["What happens? The app crashes"])


def test_deep_links(page, site_url: str) -> None:
    # Only the step: the answers are rebuilt when there is one way to get there.
    page.goto(f"{site_url}{PAGE}?step=r-update")
    assert current(page) == "This should fix it"
    assert answers(page) == ["What happens? The app crashes", "Is the app up to date? No"]
    assert page.evaluate("document.activeElement.id") == "hc-flow-current"
    # Two ways lead to e-crash: no answers are made up, Start over still works.
    page.goto(f"{site_url}{PAGE}?step=e-crash")
    assert (current(page), answers(page)) == ("Let our support team look at it", [])
    assert page.get_by_role("button", name="Back", exact=True).count() == 0
    assert page.evaluate("window.helpcenter.flowchart.ticketContext().flowchart.path") == []
    # A path that does not lead to the step is ignored; an unknown step opens the first question.
    page.goto(f"{site_url}{PAGE}?step=r-update&path=q-fixed")
    assert answers(page) == ["What happens? The app crashes", "Is the app up to date? No"]
    page.goto(f"{site_url}{PAGE}?step=nowhere")
    assert current(page) == "What happens?"
    # The no-JavaScript anchor opened with JavaScript on becomes the query form.
    page.goto(f"{site_url}{PAGE}#step-q-updated")
    page.wait_for_url(f"{site_url}{PAGE}?step=q-updated&path=q-symptom")
    assert current(page) == "Is the app up to date?"


def test_agents_short_link_opens_the_step_in_the_readers_language(page, site_url: str) -> None:
    page.goto(f"{site_url}a/app-trouble/?lang=zh&step=q-updated")
    page.wait_for_url(f"{site_url}zh/app/app-trouble/?step=q-updated")
    assert (page.locator(".hc-flow__progress").inner_text(), current(page)) == ("第 2 步", "App 是最新版本吗？")
    choose(page, "不是")
    link = page.locator(".hc-flow__app a.hc-flow__article strong")
    assert link.inner_text() == "更新 App"


def test_show_all_steps(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    toggle = page.get_by_role("button", name="Show all steps")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.locator(".hc-flow__steps .hc-flow__node:visible").count() == 7
    assert page.locator(".hc-flow__steps p.hc-flow__id").all_inner_texts() == [
        "q-symptom", "q-updated", "s-refresh", "q-fixed", "r-update", "r-reinstall", "e-crash"]
    assert page.get_by_role("button", name="Hide all steps").get_attribute("aria-expanded") == "true"
    # A link in the list opens that step in the widget.
    page.locator("#step-q-updated a.hc-flow__option", has_text="No").click()
    page.wait_for_url(f"{site_url}{PAGE}?step=r-update&path=q-symptom.q-updated")
    assert page.locator(".hc-flow__steps").is_hidden()
    page.goto(f"{site_url}{PAGE}#hc-flow-all")
    assert page.locator(".hc-flow__steps .hc-flow__node:visible").count() == 7


def test_labels_from_yaml_are_text(page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + PAGE)
    button = page.get_by_role("button", name=HOSTILE)
    assert button.inner_text() == HOSTILE
    button.click()
    assert answers(page) == [f"What happens? {HOSTILE}"]
    page.get_by_role("button", name="Show all steps").click()
    assert page.locator(".hc-flow img").count() == 0
    assert dialogs == []


def test_keyboard_only(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hc-flow__option')"):
            break
    assert page.evaluate("document.activeElement.textContent") == "The app crashes"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}{PAGE}?step=q-updated&path=q-symptom")
    assert page.evaluate("document.activeElement.id") == "hc-flow-current"
    assert page.locator(".hc-flow__app [aria-live=polite]").inner_text() == "Step 2: Is the app up to date?"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "No"
    page.keyboard.press("Space")
    page.wait_for_url(f"{site_url}{PAGE}?step=r-update&path=q-symptom.q-updated")
    assert page.locator(".hc-flow__app [aria-live=polite]").inner_text() == "Step 3: This should fix it"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Back":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}{PAGE}?step=q-updated&path=q-symptom")
    assert page.evaluate("document.activeElement.id") == "hc-flow-current"


def test_without_javascript_every_step_is_a_plain_link(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + PAGE)
        visible = tab.locator(".hc-flow__node:visible")
        assert [visible.nth(i).get_attribute("id") for i in range(visible.count())] == ["step-q-symptom"]
        tab.get_by_role("link", name="The app crashes").click()
        tab.wait_for_url(f"{site_url}{PAGE}#step-q-updated")
        assert visible.count() == 1
        assert visible.first.get_attribute("id") == "step-q-updated"
        tab.get_by_role("link", name="Yes", exact=True).click()
        tab.wait_for_url(f"{site_url}{PAGE}#step-e-crash")
        assert visible.first.get_attribute("id") == "step-e-crash"
        assert tab.locator("#step-e-crash .hc-flow__notice").is_visible()
        assert tab.locator("#step-e-crash a.hc-flow__ticket").get_attribute("href") == "#hc-still-stuck"
        tab.go_back()
        tab.wait_for_url(f"{site_url}{PAGE}#step-q-updated")
        assert visible.first.get_attribute("id") == "step-q-updated"
        tab.locator("#step-q-updated").get_by_role("link", name="Back to the first question").click()
        assert visible.first.get_attribute("id") == "step-q-symptom"
        tab.get_by_role("link", name="Show all steps").click()
        assert visible.count() == 7
    finally:
        context.close()


def axe_violations(page, selector: str = ".hc-flow") -> list[tuple[str, str]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (selector) => (await axe.run(selector, {resultTypes: ['violations']}))
        .violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).join(', ')])""", selector)
    return [(rule, where) for rule, impact, where in found if impact in ("serious", "critical")]


@pytest.mark.parametrize("where", [
    PAGE, f"{PAGE}?step=s-refresh&path=q-symptom", f"{PAGE}?step=r-update&path=q-symptom.q-updated",
    f"{PAGE}?step=e-crash&path=q-symptom.q-updated", "zh/app/app-trouble/?step=q-updated&path=q-symptom",
])
def test_axe_finds_no_serious_violation(page, site_url: str, where: str) -> None:
    page.goto(site_url + where)
    page.wait_for_selector(".hc-flow--js")  # judge the widget once flowchart.js has drawn it, not mid-way
    assert axe_violations(page) == []
    toggle = page.get_by_role("button", name="Show all steps").or_(page.get_by_role("button", name="查看全部步骤"))
    toggle.click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Hide all steps").or_(page.get_by_role("button", name="收起全部步骤")).hover()
    assert axe_violations(page) == []  # a hovered control keeps its contrast


def test_axe_without_javascript(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}{PAGE}#step-e-crash")
        # axe needs script: run it in a second, scripted tab on the same static markup.
        html = tab.content()
    finally:
        context.close()
    scripted = browser.new_context()
    try:
        tab = scripted.new_page()
        tab.route("**/flowchart.js", lambda route: route.fulfill(status=200, body="", content_type="text/javascript"))
        tab.goto(f"{site_url}{PAGE}#step-e-crash")
        assert tab.content().count('class="hc-flow__node') == html.count('class="hc-flow__node')
        assert axe_violations(tab) == []
    finally:
        scripted.close()


def test_print_shows_every_step(page, site_url: str) -> None:
    page.goto(f"{site_url}{PAGE}?step=q-updated&path=q-symptom")
    page.emulate_media(media="print")
    assert page.locator(".hc-flow__steps .hc-flow__node:visible").count() == 7
    assert page.locator(".hc-flow__app").is_hidden()
