"""The secret firewall: what a reader types is checked here before it goes anywhere.

Search, tickets, flowcharts and insights all import it; it imports nothing of theirs. It owns the
secret detectors (`secrets`, `phrases`, `wordlists`), the collectable ticket-field vocabulary and
the never-collect list (`fields`), and the one asset the browser twin (`firewall/secrets.js`) needs,
shipped next to it with the theme's assets (`wordlists.ASSET_FILE`).
"""

from __future__ import annotations

from helpcenter.firewall.secrets import MUST_BLOCK, Finding, find_secrets, must_block, scrub

__all__ = ["MUST_BLOCK", "Finding", "find_secrets", "must_block", "scrub"]
