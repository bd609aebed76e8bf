"""Look-alike folding from Unicode's confusables data, as the `confusable_homoglyphs` package ships it.

One table serves both checkers: Python reads it from the package here, and the build writes the same
table as `assets/helpcenter/verify/skeleton.json` for the browser (never typed by hand). Only the
characters a domain, address or handle can use to imitate Latin letters and digits are kept: Latin,
Cyrillic and Greek letters, and the digits that read as letters (0 → o, 1 → l).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from confusable_homoglyphs import categories, confusables

SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """{"chars": {char: ascii}, "digits": {digit: letter}}: what each look-alike character reads as."""
    chars: dict[str, str] = {}
    for char, homoglyphs in confusables.confusables_data.items():
        # Compatibility forms (ｅ, 𝐞) and accented letters (ё) are decomposed before the lookup: not needed.
        if (len(char) != 1 or char.isascii() or categories.alias(char) not in SCRIPTS
                or unicodedata.normalize("NFKD", char) != char):
            continue
        targets = sorted(h["c"].lower() for h in homoglyphs if len(h["c"]) == 1 and h["c"].lower() in ASCII_ALNUM)
        if targets:
            chars[char] = targets[0]
    digits: dict[str, str] = {}
    for digit in "0123456789":
        letters = sorted(h["c"].lower() for h in confusables.confusables_data.get(digit, [])
                         if len(h["c"]) == 1 and h["c"].isascii() and h["c"].isalpha())
        if letters:
            digits[digit] = letters[0]
    return {"chars": dict(sorted(chars.items())), "digits": digits}


def fold(text: str) -> str:
    """What `text` reads as: compatibility forms and accents dropped, look-alikes as ASCII, lower case."""
    chars = table()["chars"]
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.category(c).startswith("M"))
    return "".join(chars.get(c, c) for c in bare).lower()


def fold_digits(text: str) -> str:
    """`text` with the digits that read as letters replaced by them (examp1e → example)."""
    digits = table()["digits"]
    return "".join(digits.get(c, c) for c in text)


def is_mixed_script(label: str) -> bool:
    """Whether one label mixes Latin letters with Cyrillic or Greek ones (ехample: Cyrillic е and х)."""
    latin = any("a" <= c <= "z" or "A" <= c <= "Z" for c in label)
    other = any(c.isalpha() and unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK")) for c in label)
    return latin and other


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): edits, with a swap of neighbours as one."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def allowed_distance(length: int) -> int:
    """How many edits still make a look-alike of a name this long (short names would match everything)."""
    return 0 if length < 4 else 1 if length <= 7 else 2
