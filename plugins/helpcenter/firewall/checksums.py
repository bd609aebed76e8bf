"""Whether a window of list words is a whole seed: the check each wallet makes before it accepts one.

Twin of `assets/helpcenter/firewall/checksums.js`. A window that passes is a phrase whatever its words
(see `phrases`); each check is the wallet's own:

| scheme | lengths | check |
|---|---|---|
| bip39 | 12, 15, 18, 21, 24 | SHA-256 of the entropy starts with the last bits (BIP-39) |
| bip39 lists, Electrum 2.0+ | 12, 13 | HMAC-SHA512("Seed version", the normalised seed) starts 01, 100, 101 or 102 |
| monero | 25 (and MyMonero's 13 in English) | the last word is the one CRC-32 of the others' prefixes picks |
| electrum-old | 12, 24 | none: Electrum takes any such run of its old list (its own is_old_seed) |
| slip39 | 20, 33 | the RS1024 checksum over "shamir" or "shamir_extendable" (SLIP-39) |
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
import zlib

BIP39_LENGTHS = (12, 15, 18, 21, 24)
ELECTRUM_LENGTHS = (12, 13)
ELECTRUM_VERSIONS = ("01", "100", "101", "102")  # standard, segwit, 2fa, 2fa-segwit
LENGTHS = {
    "bip39": tuple(sorted({*BIP39_LENGTHS, *ELECTRUM_LENGTHS})),
    "monero": (25,),
    "electrum-old": (12, 24),
    "slip39": (20, 33),
}
# MyMonero's short seeds (12 + 1 words) exist in English only; a one-in-twelve check on any thirteen
# Chinese characters would find ordinary sentences.
EXTRA_LENGTHS = {"monero_english": (13,)}
SLIP39_CUSTOM = (b"shamir", b"shamir_extendable")
RS1024_GEN = (0xE0E040, 0x1C1C080, 0x3838100, 0x7070200, 0xE0E0009, 0x1C0C2412, 0x38086C24, 0x3090FC48,
              0x21B1F890, 0x3F3F120)


def bip39(indices: list[int]) -> bool:
    """Whether word indices form a BIP-39 mnemonic: entropy bits followed by its SHA-256 checksum."""
    if len(indices) not in BIP39_LENGTHS:
        return False
    bits = "".join(format(i, "011b") for i in indices)
    size = len(bits) // 33 * 32
    entropy = int(bits[:size], 2).to_bytes(size // 8, "big")
    digest = format(int.from_bytes(hashlib.sha256(entropy).digest(), "big"), "0256b")
    return bits[size:] == digest[: len(bits) - size]


def electrum(words: list[str], cjk: bool) -> bool:
    """Whether words (normalised tokens) are an Electrum 2.0+ seed: its version hash says which kind.

    `cjk`: the list is Chinese, Japanese or Korean, whose words Electrum joins without spaces.
    """
    if len(words) not in ELECTRUM_LENGTHS:
        return False
    # Electrum's normalisation: NFKD, lower case, marks dropped, no space between CJK characters.
    text = unicodedata.normalize("NFKD", ("" if cjk else " ").join(words)).lower()
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))
    version = hmac.new(b"Seed version", text.encode("utf-8"), hashlib.sha512).hexdigest()
    return version.startswith(ELECTRUM_VERSIONS)


def monero(spelt: list[str], prefix: int) -> bool:
    """Whether words (as the list spells them) are a Monero seed: 24 + 1 or 12 + 1 checksum word."""
    if len(spelt) not in (13, 25):
        return False
    body = spelt[:-1]
    crc = zlib.crc32("".join(w[:prefix] for w in body).encode("utf-8"))
    return body[crc % len(body)][:prefix] == spelt[-1][:prefix]


def slip39(indices: list[int]) -> bool:
    """Whether word indices are a SLIP-39 share (RS1024 over the customisation string and the words)."""
    if len(indices) not in LENGTHS["slip39"]:
        return False
    return any(_rs1024([*custom, *indices]) == 1 for custom in SLIP39_CUSTOM)


def _rs1024(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 20
        chk = (chk & 0xFFFFF) << 10 ^ v
        for i, gen in enumerate(RS1024_GEN):
            if (top >> i) & 1:
                chk ^= gen
    return chk
