"""Regenerate plugins/helpcenter/firewall/common_words.json from the help center's own articles.

Seed word lists contain everyday words ("you", "can", "network", "transfer"; 的, 是, 钱); ordinary text
strings many of them together. The secret detector counts only the *other* words of a run, so a
sentence that happens to use list words is not taken for a recovery phrase. "Everyday" means: used at
least MIN_COUNT times in docs/en (the English-alphabet lists: BIP-39 English, Monero English, Electrum's
old list, SLIP-39) or docs/zh (the Chinese lists: BIP-39's, index-aligned between simplified and
traditional, and Monero's). Run: python tools/firewall_common_words.py
(then python tools/firewall_wordlists.py, which ships them to the browser)
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

from helpcenter.firewall import wordlists

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "plugins" / "helpcenter" / "firewall" / "common_words.json"
MIN_COUNT = 3
ENGLISH = ("english", "monero_english", "electrum_old", "slip39")
CHINESE = ("chinese_simplified", "monero_chinese_simplified")


def main() -> None:
    lists = {wl.language: wl for wl in wordlists.load()}
    en_text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "en").rglob("*.md")))
    zh_text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "zh").rglob("*.md")))
    en_counts = collections.Counter(wordlists.normalize(w) for w in re.findall(r"[A-Za-z]+", en_text))
    zh_counts = collections.Counter(zh_text)
    data = {name: " ".join(w for w in lists[name].words if en_counts[w] >= MIN_COUNT) for name in ENGLISH}
    data |= {name: " ".join(w for w in lists[name].words if zh_counts[w] >= MIN_COUNT) for name in CHINESE}
    # Traditional characters are counted through their simplified twin: our articles are simplified.
    indices = [i for i, ch in enumerate(lists["chinese_simplified"].words) if zh_counts[ch] >= MIN_COUNT]
    data["chinese_traditional"] = " ".join(lists["chinese_traditional"].words[i] for i in indices)
    TARGET.write_text(json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = ", ".join(f"{name} {len(words.split())}" for name, words in sorted(data.items()))
    print(f"{TARGET.relative_to(ROOT)}: {counts}")  # noqa: T201 (a tool run by hand reports what it wrote)


if __name__ == "__main__":
    main()
