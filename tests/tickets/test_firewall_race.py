"""In Chromium: a secret pasted while the firewall is still checking never reaches the helpdesk.

The first check waits for the BIP-39 word lists; the reader can type or paste meanwhile. The ticket must
carry only texts that passed the check, and a form changed during it must be checked again.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

HELPDESK = "https://support.example-wallet.com/**"
PHRASE = "need adult screen foot ill quit valid prevent priority notable scan below"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("tickets"))


def test_text_changed_during_the_check_is_checked_again(page, site_url: str) -> None:
    opened: list[str] = []
    page.context.route(HELPDESK, lambda route: (opened.append(route.request.url), route.abort()))
    held = []  # the word lists' request, answered only once the reader has pasted
    page.route("**/bip39-wordlists.json", lambda route: held.append(route))
    page.goto(site_url + "en/app/update-app/")
    page.locator(".hc-still-stuck__link").click()
    page.locator("dialog.hc-ticket[open]").wait_for()
    page.evaluate("document.querySelector('#hc-ticket-what').value = 'My transfer did not arrive'")
    page.locator(".hc-ticket__send").click()
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(20)
    assert len(held) == 1  # the check is waiting for the lists
    page.evaluate("(text) => { document.querySelector('#hc-ticket-what').value = text; }",
                  f"My transfer did not arrive, my phrase is {PHRASE}")
    held[0].continue_()
    page.wait_for_function("!document.querySelector('.hc-ticket__status').textContent")  # the check is over
    page.wait_for_timeout(300)  # a ticket, if one were sent, would have opened by now
    assert [url for url in opened if "need" in url] == []
    assert opened == []
    assert "recovery phrase" in page.locator(".hc-ticket__secrets").inner_text().lower()


def test_no_text_the_reader_types_is_spellchecked(page, site_url: str) -> None:
    # Cloud spell checkers (Chrome's enhanced spell check, Edge's editor) send field contents to a server.
    page.goto(site_url + "en/app/update-app/")
    page.locator(".hc-still-stuck__link").click()
    page.locator("dialog.hc-ticket[open]").wait_for()
    fields = page.evaluate("""[...document.querySelectorAll('dialog.hc-ticket textarea, dialog.hc-ticket input')]
      .filter((el) => el.type !== 'checkbox')
      .map((el) => [el.id, el.spellcheck, el.getAttribute('autocomplete')])""")
    assert len(fields) > 1
    assert [f for f in fields if f[1:] != [False, "off"]] == []
