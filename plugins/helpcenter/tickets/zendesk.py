"""Zendesk Help Center request form: `tf_*` parameters (native) or the classic form's input names.

Native (Copenhagen theme and Zendesk's request-form module): `ticket_form_id`, `tf_subject`,
`tf_description` (rich text: we send <p> paragraphs) and `tf_<numeric field id>`; Zendesk fills only
fields on that form and silently drops the whole prefill above 2,048 characters. Legacy: for older
or custom themes whose script copies query parameters into the form's inputs by name:
`request[subject]`, `request[description]`, `request[custom_fields][<id>]` (plain text).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from helpcenter.diagnostics import Diagnostic
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import Recipe, encode_name, literal

EXAMPLE = "https://support.example.com/hc/{locale}/requests/new"
DEFAULT_LOCALES = {"en": "en-us", "zh": "zh-cn", "zh-Hant": "zh-tw"}  # others (ja, ko, es, ru, vi) are their own code


def recipe(options: Options) -> tuple[Recipe | None, list[Diagnostic]]:
    """The recipe for `helpdesk: zendesk`, or None with the reasons."""
    problems = options.require("zendesk_url", "zendesk", EXAMPLE)
    if problems:
        return None, problems
    problems = options.https("zendesk_url", EXAMPLE) + options.field_names("zendesk_fields")
    url = str(options.get("zendesk_url")).rstrip("/")
    path = urlsplit(url).path
    if not path or path == "/hc":
        url = url.removesuffix("/hc") + "/hc/{locale}/requests/new"
    elif not path.endswith("/requests/new"):
        problems.append(options.error("zendesk_url", "ticket-bad-url",
                                      f"'zendesk_url' must be the portal or its /requests/new page but is '{url}'",
                                      f"write e.g. {EXAMPLE} or just https://support.example.com"))
    if problems:
        return None, problems
    legacy = options.get("zendesk_mode", "native") == "legacy"
    pairs = [("ticket_form_id", str(options.get("zendesk_form_id")))] if options.get("zendesk_form_id") else []
    names = ("request[subject]", "request[description]", "request[custom_fields][{}]") if legacy else \
        ("tf_subject", "tf_description", "tf_{}")
    pairs += [(encode_name(names[0]), "{subject}"), (encode_name(names[1]), "{description}")]
    pairs += [(encode_name(names[2].format(field_id)), "{" + name + "}")
              for name, field_id in options.get("zendesk_fields", {}).items()]
    locales = {**DEFAULT_LOCALES, **options.get("zendesk_locales", {})}
    return Recipe("zendesk", literal(url.split("?")[0]), tuple(pairs), body_format="text" if legacy else "html",
                  locales=locales, max_length=options.get("url_max_length", 2000)), []
