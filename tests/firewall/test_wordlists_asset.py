"""The word lists a site ships (a theme asset, copied as it is) are the packages' lists, as the detector reads them."""

from __future__ import annotations

import subprocess
import sys

from helpcenter.firewall import wordlists


def test_the_shipped_file_is_what_the_packages_give() -> None:
    shipped = wordlists.ASSET_FILE.read_text(encoding="utf-8")
    assert shipped == wordlists.asset_text(), (
        f"{wordlists.ASSET_FILE.name} differs from the installed word-list packages: "
        "regenerate it with python tools/firewall_wordlists.py")


def test_a_build_imports_no_word_list_package() -> None:
    # The plugins import the firewall; a site build copies the file and needs none of the packages.
    code = ("import sys, helpcenter.search.plugin, helpcenter.tickets.plugin, helpcenter.insights.plugin; "
            "print(sorted({'mnemonic', 'monero', 'shamir_mnemonic', 'bip39_slip39'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
