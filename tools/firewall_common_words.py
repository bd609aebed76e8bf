"""Regenerate plugins/helpcenter/firewall/bip39_common.json from the help center's own articles.

BIP-39 lists contain everyday words ("you", "can", "network", "transfer"; 的, 是, 钱); ordinary text
strings many of them together. The secret detector counts only the *other* words of a run, so a
sentence that happens to use list words is not taken for a recovery phrase. "Everyday" means: used at
least MIN_COUNT times in docs/en (English list) or docs/zh (Chinese lists, index-aligned between
simplified and traditional). Run: python tools/tickets_common_words.py
"""

from __future__ import annotations

import collections
import json
import re
import unicodedata
from pathlib import Path

from mnemonic import Mnemonic

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "plugins" / "helpcenter" / "firewall" / "bip39_common.json"
MIN_COUNT = 3


def _norm(word: str) -> str:
    return unicodedata.normalize("NFKC", word.lower())


def main() -> None:
    english = [_norm(w) for w in Mnemonic("english").wordlist]
    simplified = [_norm(w) for w in Mnemonic("chinese_simplified").wordlist]
    traditional = [_norm(w) for w in Mnemonic("chinese_traditional").wordlist]
    en_text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "en").rglob("*.md")))
    zh_text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "zh").rglob("*.md")))
    en_counts = collections.Counter(_norm(w) for w in re.findall(r"[A-Za-z]+", en_text))
    zh_counts = collections.Counter(zh_text)
    common_en = sorted(w for w in english if en_counts[w] >= MIN_COUNT)
    indices = [i for i, ch in enumerate(simplified) if zh_counts[ch] >= MIN_COUNT]
    data = {
        "english": " ".join(common_en),
        "chinese_simplified": "".join(simplified[i] + " " for i in indices).strip(),
        "chinese_traditional": "".join(traditional[i] + " " for i in indices).strip(),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(common_en)} English, {len(indices)} Chinese everyday words")


if __name__ == "__main__":
    main()
