"""In Chromium: a site's own ticket fields (label, hint, pattern, required) on a public tracker.

The ticket site, edited: GitHub issues on a project the site says is public, one field of its own and
one of the vocabulary. The form says the ticket will be public, in the reader's language, and asks
for no address or amount, whatever a troubleshooter leaf names.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote_plus

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
OPTIONS = """\
      helpdesk: github
      github_repo: https://github.com/example-shop/support
      public_tracker: true
      fields:
        - name: order_number
          label: {en: Order number, zh: 订单号}
          hint: {en: "On your receipt: A- and five digits, e.g. A-12345", zh: "见收据：A- 加五位数字，例如 A-12345"}
          pattern: "^A-[0-9]{5}$"
          required: true
        - network
        - to_address
        - amount
"""


def public_tracker(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("  - helpcenter-tickets:\n"), text.index("extra_javascript:")
    config.write_text(text[:start] + "  - helpcenter-tickets:\n" + OPTIONS + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("tickets", edit=public_tracker))


def open_form(page, url: str, opened: list[str] | None = None):
    def abort(route) -> None:  # the tracker is never loaded: the URL it was asked for is what tests read
        (opened if opened is not None else []).append(route.request.url)
        route.abort()

    page.context.route("https://github.com/**", abort)
    page.goto(url)
    page.locator(".hc-still-stuck__link").click()
    dialog = page.locator("dialog.hc-ticket")
    dialog.wait_for()
    return dialog


def test_the_box_and_the_form_say_the_ticket_is_public(page, site_url: str) -> None:
    page.goto(site_url + "en/app/update-app/")
    box = page.locator(".hc-still-stuck")
    assert box.locator(".hc-still-stuck__public").inner_text() == (
        "This ticket will be public: anyone can read it on github.com. "
        "Do not write addresses, amounts or transaction hashes in it.")
    assert box.locator(".hc-still-stuck__notice").count() == 0  # no wallet preset: no recovery-phrase notice
    dialog = open_form(page, site_url + "en/app/update-app/")
    assert dialog.locator(".hc-ticket__public").inner_text() == box.locator(".hc-still-stuck__public").inner_text()
    assert dialog.locator(".hc-ticket__notice").count() == 0
    # The site's field and the vocabulary's; the address and the amount are never asked on a public tracker.
    assert dialog.locator(".hc-ticket__field label").all_inner_texts() == ["Order number", "Network"]
    assert dialog.locator("#hc-ticket-f-order_number-help").inner_text() == (
        "On your receipt: A- and five digits, e.g. A-12345")
    assert dialog.locator("#hc-ticket-f-order_number").get_attribute("required") == ""


def test_required_and_pattern_are_checked_before_sending(page, site_url: str) -> None:
    opened: list[str] = []
    dialog = open_form(page, site_url + "en/app/update-app/", opened)
    page.fill("#hc-ticket-what", "My parcel never arrived.")
    dialog.locator(".hc-ticket__send").click()
    error = dialog.locator("#hc-ticket-f-order_number-error")
    assert error.inner_text() == "Fill in Order number."
    assert page.evaluate("document.activeElement.id") == "hc-ticket-f-order_number"
    page.fill("#hc-ticket-f-order_number", "12345")
    dialog.locator(".hc-ticket__send").click()
    assert error.inner_text() == "On your receipt: A- and five digits, e.g. A-12345"
    assert dialog.locator("#hc-ticket-f-order_number").get_attribute("aria-invalid") == ""
    page.fill("#hc-ticket-f-order_number", "A-12345")
    with page.context.expect_page() as popup:
        dialog.locator(".hc-ticket__send").click()
    popup.value.wait_for_load_state()
    popup.value.close()
    assert len(opened) == 1
    assert opened[0].startswith("https://github.com/example-shop/support/issues/new?")
    body = unquote_plus(opened[0])
    assert "Order number: A-12345" in body


def test_an_escalate_leaf_asks_for_no_address_on_a_public_tracker(page, site_url: str) -> None:
    page.context.route("https://github.com/**", lambda route: route.abort())
    page.goto(site_url + "en/app/app-trouble/?step=e-crash&path=q-symptom.q-updated")
    page.locator(".hc-flow__app [data-hc-ticket]").click()
    dialog = page.locator("dialog.hc-ticket")
    dialog.wait_for()
    # The leaf collects network, tx_hash, to_address, app_version: the transaction and the address are dropped.
    assert dialog.locator(".hc-ticket__field label").all_inner_texts() == ["Network", "App version"]


def test_the_public_notice_in_chinese(page, site_url: str) -> None:
    dialog = open_form(page, site_url + "zh/app/update-app/")
    assert dialog.locator(".hc-ticket__public").inner_text() == (
        "此工单将公开：任何人都可以在 github.com 上看到。请不要在其中填写地址、金额或交易哈希。")
    assert dialog.locator(".hc-ticket__field label").all_inner_texts() == ["订单号", "网络"]
    page.fill("#hc-ticket-what", "没有收到包裹")
    dialog.locator(".hc-ticket__send").click()
    assert dialog.locator("#hc-ticket-f-order_number-error").inner_text() == "请填写订单号。"


def test_the_form_with_its_own_field_and_the_public_notice_has_no_violations(page, site_url: str) -> None:
    dialog = open_form(page, site_url + "en/app/update-app/")
    page.fill("#hc-ticket-what", "My parcel never arrived.")
    dialog.locator(".hc-ticket__send").click()  # the required field's error is shown too
    assert re.match("Fill in", dialog.locator("#hc-ticket-f-order_number-error").inner_text())
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run('dialog.hc-ticket', {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
