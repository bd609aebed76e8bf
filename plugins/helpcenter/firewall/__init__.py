"""The secret firewall: what a reader types is checked here before it goes anywhere.

Search, tickets, flowcharts and insights all import it; it imports nothing of theirs. It owns the
secret detectors (`secrets`, `phrases`, `wordlists`), the collectable ticket-field vocabulary and
the never-collect list (`fields`), and the one asset the browser twin (`firewall/secrets.js`) needs.
"""

from __future__ import annotations

from helpcenter.firewall.secrets import MUST_BLOCK, Finding, find_secrets, must_block, scrub

# Every seed list (BIP-39, Monero, Electrum, SLIP-39); the name stays what sites and tests already know.
WORDLISTS_URI = "assets/helpcenter/firewall/bip39-wordlists.json"  # fetched lazily by firewall/secrets.js, next to it


def assets() -> dict[str, str]:
    """The generated files the browser firewall needs, by site URI (the same for every feature)."""
    from helpcenter import htmljson
    from helpcenter.firewall import wordlists

    return {WORDLISTS_URI: htmljson.dumps(wordlists.asset())}


__all__ = ["MUST_BLOCK", "WORDLISTS_URI", "Finding", "assets", "find_secrets", "must_block", "scrub"]
