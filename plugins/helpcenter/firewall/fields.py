"""The ticket field vocabulary (collect_fields.yml) and the never-collect list (never_collect.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from helpcenter.floor.text import HAN, has_han

HERE = Path(__file__).parent
SUBSTRING_MIN = 5  # shorter words ('pin', 'otp', 'seed') match whole words only: 'shipping' is fine


@dataclass(frozen=True)
class CollectField:
    """A field an escalate leaf may collect: its name, and a label and help text per language."""

    name: str
    label: dict[str, str]
    help: dict[str, str]

    def label_in(self, lang: str, fallback: str = "en") -> str:
        """The label in `lang`, else in the fallback language, else the field name."""
        return self.label.get(lang) or self.label.get(fallback) or self.name

    def help_in(self, lang: str, fallback: str = "en") -> str:
        """The help text in `lang`, else in the fallback language."""
        return self.help.get(lang) or self.help.get(fallback, "")


@dataclass(frozen=True)
class NeverCollect:
    """One kind of secret a ticket never asks for (a recovery phrase, a private key …)."""

    kind: str
    label: dict[str, str]
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def collect_fields() -> dict[str, CollectField]:
    """Every collectable field by name, in the vocabulary's order."""
    data = _load("collect_fields.yml")
    return {name: CollectField(name, dict(spec["label"]), dict(spec["help"])) for name, spec in data.items()}


@lru_cache(maxsize=1)
def never_collect() -> tuple[NeverCollect, ...]:
    """The kinds of secret no ticket may collect."""
    data = _load("never_collect.yml")
    return tuple(NeverCollect(kind, dict(spec["label"]), tuple(str(w) for w in spec["words"]))
                 for kind, spec in data.items())


def never_collect_kind(name: str) -> NeverCollect | None:
    """The secret a field name asks for ('seed_phrase' → recovery phrase), or None when it asks for none."""
    words = _words(name)
    squashed = "".join(words)
    for secret in never_collect():
        for phrase in secret.words:
            wanted = _words(phrase)
            if not wanted:
                continue
            if _has_run(words, wanted):
                return secret
            joined = "".join(wanted)
            if (len(joined) >= SUBSTRING_MIN or has_han(joined)) and joined in squashed:
                return secret
    return None


def _words(text: str) -> list[str]:
    # 'recoveryPhrase_v2' -> ['recovery', 'phrase', 'v2']; CJK runs stay whole words.
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return [w.lower() for w in re.split(f"[^0-9A-Za-z{HAN}]+", spaced) if w]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _has_run(words: list[str], wanted: list[str]) -> bool:
    have = [_singular(w) for w in words]
    want = [_singular(w) for w in wanted]
    return any(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1))




def _load(name: str) -> dict[str, Any]:
    return dict(YAML(typ="safe").load((HERE / name).read_text(encoding="utf-8")))
