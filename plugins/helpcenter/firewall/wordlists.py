"""BIP-39 word lists from the `mnemonic` package, normalised once, plus our list of everyday words.

Both the Python detector and the browser's secrets.js read the lists through `asset()`, so the two
sides compare the same strings: every word is lower-cased and NFKC-normalised (some lists ship
decomposed, e.g. Spanish and Korean; Japanese joins with ideographic spaces, which NFKC turns into
plain spaces), and the reader's text is normalised the same way token by token.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mnemonic import Mnemonic

COMMON_FILE = Path(__file__).with_name("bip39_common.json")
HAN_LISTS = ("chinese_simplified", "chinese_traditional")


def normalize(text: str) -> str:
    """The form both sides compare: lower case, then NFKC (compatibility + canonical composition)."""
    return unicodedata.normalize("NFKC", text.lower())


@dataclass(frozen=True)
class WordList:
    """One language's 2,048 words in BIP-39 order, the lookup index and its everyday words."""

    language: str
    words: tuple[str, ...]
    index: dict[str, int]
    common: frozenset[str]

    @property
    def is_han(self) -> bool:
        """Whether each word is one Chinese character (no spaces needed between words)."""
        return self.language in HAN_LISTS


@lru_cache(maxsize=1)
def load() -> tuple[WordList, ...]:
    """Every word list the installed `mnemonic` ships, sorted by language name (kept for the detector)."""
    return _read()


def _read() -> tuple[WordList, ...]:
    common = json.loads(COMMON_FILE.read_text(encoding="utf-8"))
    lists = []
    for language in sorted(Mnemonic.list_languages()):
        words = tuple(normalize(w) for w in Mnemonic(language).wordlist)
        everyday = frozenset(normalize(w) for w in common.get(language, "").split())
        lists.append(WordList(language, words, {w: i for i, w in enumerate(words)}, everyday & set(words)))
    return tuple(lists)


def asset() -> dict[str, object]:
    """The JSON the browser loads lazily: words and everyday words per language, space-joined.

    A site build only needs this text, so the lists are read afresh instead of kept (3 MiB of
    Python objects for the rest of the build) unless the detector has loaded them already.
    """
    lists = load() if load.cache_info().currsize else _read()
    return {
        "version": 1,
        "lists": {wl.language: " ".join(wl.words) for wl in lists},
        "common": {wl.language: " ".join(sorted(wl.common)) for wl in lists if wl.common},
    }
