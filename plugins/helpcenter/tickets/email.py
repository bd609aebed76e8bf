"""mailto: links (RFC 6068): the address in the path, `subject` and `body`, CRLF line breaks.

Everything outside the unreserved set is percent-encoded (%20 for spaces, never '+'), and the URL
stays within 1,800 characters: mail clients fail between 2,000 and 2,083, some much earlier.
"""

from __future__ import annotations

import re

from helpcenter.diagnostics import Diagnostic
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import MAILTO_BUDGET, Recipe, literal

ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")


def recipe(options: Options) -> tuple[Recipe | None, list[Diagnostic]]:
    """The recipe for `helpdesk: email`, or None with the reasons."""
    problems = options.require("email_address", "email", "support@example.com")
    if problems:
        return None, problems
    address = str(options.get("email_address"))
    if not ADDRESS.match(address):
        return None, [options.error("email_address", "ticket-bad-email",
                                    f"'email_address' must be one plain address but is '{address}'",
                                    "write e.g. support@example.com (no name, no mailto:, ASCII domain)")]
    prefix = str(options.get("email_subject_prefix", ""))
    subject = literal(prefix + " " if prefix else "") + "{subject}"
    budget = min(int(options.get("url_max_length", MAILTO_BUDGET)), MAILTO_BUDGET)
    return Recipe("email", "mailto:" + address, (("subject", subject), ("body", "{description}")),
                  max_length=budget, encoding="mailto"), []
