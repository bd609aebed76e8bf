"""In Chromium: field names that are names on every JavaScript object ("constructor" …) are just names.

A ticket context that asks for `constructor`, `__proto__`, `to_string` and `has_own_property` (none
is a field of the vocabulary) gets the form without them; compose.js and formats.js take such names
like Python does; the page fixture fails the test on any page error.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from urllib.parse import parse_qs, urlsplit

import pytest

from helpcenter.tickets.compose import compose
from tests.tickets.helpers import TICKET, labels, recipe, words

pytestmark = pytest.mark.browser

NAMES = ["constructor", "__proto__", "to_string", "has_own_property", "valueOf", "prototype"]
HELPDESK = "https://support.example-wallet.com/**"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("tickets"))


def test_the_form_leaves_out_names_it_has_no_field_for(page, site_url: str) -> None:
    opened: list[str] = []
    page.context.route(HELPDESK, lambda route: (opened.append(route.request.url), route.abort()))
    page.goto(site_url + "en/app/update-app/")
    page.wait_for_function("() => window.helpcenter && window.helpcenter.tickets && window.helpcenter.tickets.open")
    page.evaluate("(collect) => window.helpcenter.tickets.open({source: 'article', lang: 'en', collect})",
                  [*NAMES, "network"])
    page.locator("dialog.hc-ticket[open]").wait_for()
    assert page.locator(".hc-ticket__field input, .hc-ticket__field textarea").evaluate_all(
        "(inputs) => inputs.map((input) => input.name)") == ["network"]
    page.fill("#hc-ticket-what", "constructor __proto__ toString hasOwnProperty")
    page.fill("#hc-ticket-f-network", "TRON")
    with page.context.expect_page() as popup:
        page.locator(".hc-ticket__send").click()
    popup.value.close()
    fields = {k: v[0] for k, v in parse_qs(urlsplit(opened[0]).query).items()}
    assert fields["tf_360012345601"] == "TRON"
    assert fields["tf_description"].startswith("<p>constructor __proto__ toString hasOwnProperty</p>")


def test_formats_and_compose_take_any_name(page, site_url: str) -> None:
    page.goto(site_url + "en/app/update-app/")
    checked = page.evaluate("""async ([module, names]) => {
      const { checkField } = await import(module);
      const formats = { fields: { network: "network" }, rules: {}, networks: {} };
      return names.map((name) => checkField(name, "some value", "TRON", formats, "en"));
    }""", [site_url + "assets/helpcenter/tickets/formats.js", NAMES])
    assert checked == [None] * len(NAMES)
    ticket = replace(TICKET, fields=tuple((name, f"value of {name}") for name in NAMES))
    chosen = recipe("zendesk")
    expected = compose(chosen, ticket, words("en"), labels("en"))
    actual = page.evaluate("""async ([module, recipe, ticket, words, labels]) => {
      const { compose } = await import(module);
      return compose(recipe, ticket, words, labels);
    }""", [site_url + "assets/helpcenter/tickets/compose.js", chosen.as_json(), asdict(ticket), words("en"),
           labels("en")])
    assert actual == {"url": expected.url, "cut": list(expected.cut), "fits": expected.fits}
    assert "__proto__%3A%20value%20of%20__proto__" in actual["url"]
