"""In Chromium: the ticket form names a secret while the reader types or pastes it, before any send.

The warning sits under the field it is about (aria-describedby points at it; a polite live region
announces it), says which kind of secret it is and why it must go, in the reader's language, and
offers to select it. Nothing leaves the page: the helpdesk is never asked for anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
PHRASE = "need adult screen foot ill quit valid prevent priority notable scan below"
KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
GROUPED_KEY = " ".join(KEY[i:i + 16] for i in range(0, 64, 16))
LIVE_EN = "This looks like {kind}. Delete it: we will never ask for it, and anyone who does is a scammer."
LIVE_ZH = "这看起来像私钥。请删除：我们绝不会索要它，索要的人都是骗子。"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("tickets"))


@pytest.fixture
def requests(page) -> list[str]:
    """Every request the page makes to a host other than the test site (there must be none)."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if not r.url.startswith("http://127.0.0.1") else None)
    return seen


def open_form(page, url: str) -> None:
    page.goto(url)
    page.locator(".hc-still-stuck__link").click()
    page.locator("dialog.hc-ticket[open]").wait_for()


def live_items(page, field_id: str):
    return page.locator(f"#{field_id}-live .hc-ticket__live-item")


def test_a_typed_recovery_phrase_is_named_under_its_field(page, site_url: str, requests: list[str]) -> None:
    open_form(page, site_url + "en/app/update-app/")
    what = page.locator("#hc-ticket-what")
    live = page.locator("#hc-ticket-what-live")
    assert live.get_attribute("aria-live") == "polite"
    assert "hc-ticket-what-live" in what.get_attribute("aria-describedby").split()
    assert live.inner_text() == ""
    what.press_sequentially("It crashes. My words are ")
    what.press_sequentially(PHRASE, delay=0)
    item = live_items(page, "hc-ticket-what")
    # A slow machine may check a part of the phrase first (a pause between keys): wait for the whole of it.
    page.wait_for_function("(document.querySelector('#hc-ticket-what-live mark') || {}).textContent"
                           "?.endsWith('scan below')")
    assert item.count() == 1
    assert item.get_attribute("data-kind") == "recovery-phrase"
    assert item.locator(".hc-ticket__live-text").inner_text() == LIVE_EN.format(
        kind="a recovery phrase, or part of one")
    assert item.locator("mark").inner_text().endswith("scan below")
    # Nothing was sent and the form did not jump to the send-time list: the reader is still typing.
    assert page.locator(".hc-ticket__secrets").is_hidden()
    assert page.evaluate("document.activeElement.id") == "hc-ticket-what"
    item.locator(".hc-ticket__select").click()
    selected = page.evaluate("(() => { const t = document.activeElement; "
                             "return t.value.slice(t.selectionStart, t.selectionEnd); })()")
    assert selected.endswith("scan below")
    assert PHRASE.split()[1] in selected
    # Deleting it clears the warning.
    what.fill("It crashes right after I open it.")
    page.wait_for_function("document.querySelector('#hc-ticket-what-live').childElementCount === 0")
    assert requests == []


def test_a_pasted_authenticator_code_is_named_under_the_detail_field(page, site_url: str,
                                                                       requests: list[str]) -> None:
    open_form(page, site_url + "en/app/update-app/")
    field = page.locator("#hc-ticket-f-error_text")
    field.focus()
    # A paste arrives as one input of the whole text (what insertText does), not key by key.
    page.keyboard.insert_text("Login failed; the code from my authenticator app is 492817")
    item = live_items(page, "hc-ticket-f-error_text")
    item.wait_for()
    assert item.get_attribute("data-kind") == "2fa-code"
    assert item.locator(".hc-ticket__live-text").inner_text() == LIVE_EN.format(kind="a 2FA or verification code")
    assert item.locator("mark").inner_text() == "492817"
    assert "hc-ticket-f-error_text-live" in field.get_attribute("aria-describedby").split()
    assert live_items(page, "hc-ticket-what").count() == 0
    # A transaction hash is not a secret: no warning while typing (sending asks to confirm an unlabelled one).
    page.locator("#hc-ticket-f-tx_hash").fill(KEY)
    page.wait_for_timeout(600)
    assert live_items(page, "hc-ticket-f-tx_hash").count() == 0
    assert requests == []


def test_the_warning_speaks_the_readers_language(page, site_url: str) -> None:
    open_form(page, site_url + "zh/app/update-app/")
    page.locator("#hc-ticket-what").fill(f"我的私钥 {GROUPED_KEY}")
    item = live_items(page, "hc-ticket-what")
    item.wait_for()
    assert item.get_attribute("data-kind") == "private-key"
    assert item.locator(".hc-ticket__live-text").inner_text() == LIVE_ZH
    assert item.locator(".hc-ticket__select").inner_text() == "选中它"


def test_the_live_warning_has_no_accessibility_violations(page, site_url: str) -> None:
    open_form(page, site_url + "en/app/update-app/")
    page.locator("#hc-ticket-what").fill(f"It crashes, my words are {PHRASE}")
    page.locator("#hc-ticket-f-error_text").fill("Google Authenticator code 492 817")
    live_items(page, "hc-ticket-what").wait_for()
    live_items(page, "hc-ticket-f-error_text").wait_for()
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run('dialog.hc-ticket', {resultTypes: ['violations']})")
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    # Keyboard: Tab from the field reaches its warning's button, which selects the secret.
    page.locator("#hc-ticket-what").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#hc-ticket-what-live') !== null")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hc-ticket-what"
