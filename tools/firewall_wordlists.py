"""Regenerate the seed word lists the browser's firewall fetches (firewall/secrets.js).

The lists come from their packages (`mnemonic`, `monero`, `bip39-slip39`, `shamir-mnemonic`) and
plugins/helpcenter/firewall/common_words.json; `wordlists.asset()` turns them into what secrets.js
reads, and this writes it to `wordlists.ASSET_FILE`, a theme asset every site copies as it is.
tests/firewall/test_wordlists_asset.py fails when the file and the packages differ.
Run: python tools/firewall_wordlists.py (after tools/firewall_common_words.py, or a package upgrade)
"""

from __future__ import annotations

from pathlib import Path

from helpcenter.firewall import wordlists

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    text = wordlists.asset_text()
    wordlists.ASSET_FILE.write_text(text, encoding="utf-8")
    print(f"{wordlists.ASSET_FILE.relative_to(ROOT)}: {len(text.encode())} bytes")  # noqa: T201 (a tool run by hand)


if __name__ == "__main__":
    main()
