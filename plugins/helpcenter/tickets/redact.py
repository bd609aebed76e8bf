"""Take every must-block secret out of a ticket before it is composed (defence in depth).

The browser refuses to send a ticket that holds a secret; this is the server side's guarantee for
anything it composes: each secret becomes "[removed: <kind>]", and a search query that held any
finding, even an ambiguous one, is dropped whole.
"""

from __future__ import annotations

from dataclasses import replace

from helpcenter.firewall import find_secrets, scrub
from helpcenter.tickets.compose import Step, Ticket


def redact(ticket: Ticket) -> Ticket:
    """The ticket with no must-block secret left in any of its texts."""
    return replace(
        ticket,
        what_happened=scrub(ticket.what_happened), article_title=scrub(ticket.article_title),
        path=tuple(Step(s.node, scrub(s.ask), scrub(s.answer)) for s in ticket.path),
        fields=tuple((name, scrub(value)) for name, value in ticket.fields),
        query="" if find_secrets(ticket.query) else ticket.query,
    )
