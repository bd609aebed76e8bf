"""Context from the app in a link's fragment: `#hc:network=tron&tx_hash=…&app_version=5.2.1`.

A fragment never reaches a server. The page's script (links/context.js) reads it, removes it from
the address bar at once, keeps only collectable fields (the firewall's vocabulary, never a field
that asks for a secret), checks each value by the ticket form's formats and by the secret firewall,
and prefills the ticket form and the troubleshooter's answers with what passed; the rest is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from helpcenter.firewall.fields import CollectField, never_collect_kind

PREFIX = "hc:"
MAX_LENGTH = 200  # a hash, an address or a version is far shorter; a longer value is not from the app
NOT_FROM_APP = ("steps_tried", "screenshot")  # filled in by the walk / attached by the reader


def allowed_fields(vocabulary: Mapping[str, CollectField]) -> list[str]:
    """The field names a fragment may carry, in the vocabulary's order."""
    return [name for name in vocabulary if name not in NOT_FROM_APP and never_collect_kind(name) is None]


def browser_data(vocabulary: Mapping[str, CollectField]) -> dict[str, Any]:
    """What context.js reads (`assets/helpcenter/links/context.json`)."""
    return {"prefix": PREFIX, "fields": allowed_fields(vocabulary), "max_length": MAX_LENGTH}
