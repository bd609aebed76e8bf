"""Seed word lists from maintained packages, normalised once, plus our list of everyday words.

| scheme | lists | from |
|---|---|---|
| bip39 | every language BIP-39 has (2,048 words); Electrum's new-style seeds use them too | `mnemonic` |
| monero | every language Monero's 25-word seeds have (1,626 words) | `monero` (monero.wordlists) |
| electrum-old | Electrum's pre-2.0 seeds (1,626 words; Monero's "English (old)" is the same list) | `bip39-slip39` |
| slip39 | SLIP-39 shares (1,024 words) | `shamir-mnemonic` (Trezor) |

Both the Python detector and the browser's secrets.js read the lists through `asset()`, so the two
sides compare the same strings: every word is lower-cased and NFKC-normalised (some lists ship
decomposed, e.g. Spanish and Korean; Japanese joins with ideographic spaces, which NFKC turns into
plain spaces), and the reader's text is normalised the same way token by token. A list whose own
spelling differs (Monero's German is capitalised, and its checksum reads the capitals) keeps it in
`spelt`.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from helpcenter import htmljson
from helpcenter.floor.text import is_han

COMMON_FILE = Path(__file__).with_name("common_words.json")
# What `asset()` gives, shipped with the theme's assets next to firewall/secrets.js (tools/firewall_wordlists.py
# writes it; tests/firewall compare it with the packages): a build copies it instead of reading every list.
ASSET_FILE = Path(__file__).parents[1] / "templates" / "assets" / "helpcenter" / "firewall" / "bip39-wordlists.json"
ELECTRUM_OLD = ("bip39_slip39", "_data/electrum_old_english.txt")  # package, file
SCHEMES = ("bip39", "monero", "electrum-old", "slip39")


def normalize(text: str) -> str:
    """The form both sides compare: lower case, then NFKC (compatibility + canonical composition)."""
    return unicodedata.normalize("NFKC", text.lower())


@dataclass(frozen=True)
class WordList:
    """One list's words in their scheme's order, the lookup index and its everyday words."""

    language: str  # the list's name: "english" (BIP-39), "monero_german", "electrum_old", "slip39"
    words: tuple[str, ...]
    index: dict[str, int]
    common: frozenset[str]
    scheme: str = "bip39"
    spelt: tuple[str, ...] = ()  # the list's own spelling, when normalising changed it
    prefix: int = 0  # Monero: how many letters of each word its checksum reads

    @property
    def is_han(self) -> bool:
        """Whether each word is one Chinese character (no spaces needed between words)."""
        return all(len(w) == 1 and is_han(w) for w in self.words[:16])


@lru_cache(maxsize=1)
def load() -> tuple[WordList, ...]:
    """Every list, sorted by name (kept for the detector)."""
    return _read()


def _raw() -> list[tuple[str, str, list[str], int]]:
    """(name, scheme, words as the package spells them, Monero prefix) for every list."""
    # Imported here: only the detector and the tools need the packages (monero's lists alone are 2 MiB).
    from mnemonic import Mnemonic
    from monero.wordlists import get_wordlist, list_wordlists
    from shamir_mnemonic.wordlist import WORDLIST as SLIP39_WORDS

    lists = [(language, "bip39", list(Mnemonic(language).wordlist), 0) for language in Mnemonic.list_languages()]
    for name in list_wordlists():
        monero = get_wordlist(name)
        key = "monero_" + name.lower().replace(" (simplified)", "_simplified")
        lists.append((key, "monero", list(monero.word_list), monero.unique_prefix_length))
    old = files(ELECTRUM_OLD[0]).joinpath(ELECTRUM_OLD[1]).read_text(encoding="ascii")
    lists.append(("electrum_old", "electrum-old", old.split(), 0))
    lists.append(("slip39", "slip39", list(SLIP39_WORDS), 0))
    return sorted(lists)


def _read() -> tuple[WordList, ...]:
    common = json.loads(COMMON_FILE.read_text(encoding="utf-8"))
    lists = []
    for name, scheme, spelt, prefix in _raw():
        words = tuple(normalize(w) for w in spelt)
        everyday = frozenset(normalize(w) for w in common.get(name, "").split())
        lists.append(WordList(name, words, {w: i for i, w in enumerate(words)}, everyday & set(words), scheme,
                              tuple(spelt) if scheme == "monero" and tuple(spelt) != words else (), prefix))
    return tuple(lists)


def asset() -> dict[str, object]:
    """The JSON the browser loads lazily: words and everyday words per list, space-joined, and how to check them.

    Sites get it as `ASSET_FILE` (`asset_text`), so a build reads no list at all.
    """
    lists = load()
    return {
        "version": 2,
        "lists": {wl.language: " ".join(wl.words) for wl in lists},
        "common": {wl.language: " ".join(sorted(wl.common)) for wl in lists if wl.common},
        "schemes": {wl.language: wl.scheme for wl in lists if wl.scheme != "bip39"},
        "prefixes": {wl.language: wl.prefix for wl in lists if wl.prefix},
        "spelt": {wl.language: " ".join(wl.spelt) for wl in lists if wl.spelt},
    }


def asset_text() -> str:
    """`asset()` as the shipped file holds it."""
    return htmljson.dumps(asset()) + "\n"
