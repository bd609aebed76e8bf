"""The ticket field vocabulary (collect_fields.yml) and the never-collect list (never_collect.yml).

A field's label and help text are UI strings (`fields.<name>.label` and `.help` in
helpcenter/strings/<lang>.yml), so they follow the loader's fallback rule and every shipped language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from helpcenter.floor import strings as ui_strings
from helpcenter.floor.text import HAN, has_han

HERE = Path(__file__).parent
SUBSTRING_MIN = 5  # shorter words ('pin', 'otp', 'seed') match whole words only: 'shipping' is fine


@dataclass(frozen=True)
class CollectField:
    """A field an escalate leaf may collect: its name, and a label and help text per shipped language."""

    name: str
    label: dict[str, str]
    help: dict[str, str]

    def label_in(self, lang: str, fallback: str = "en", texts: ui_strings.Strings | None = None) -> str:
        """The label in `lang` (by the strings' fallback rule), else in the fallback language, else the name.

        `texts` are the site's UI strings (its own files may translate or reword a label); the package's by default.
        """
        return _text(f"fields.{self.name}.label", lang, fallback, texts) or self.name

    def help_in(self, lang: str, fallback: str = "en", texts: ui_strings.Strings | None = None) -> str:
        """The help text in `lang` (by the strings' fallback rule), else in the fallback language."""
        return _text(f"fields.{self.name}.help", lang, fallback, texts)


def _text(key: str, lang: str, fallback: str, texts: ui_strings.Strings | None) -> str:
    loaded = texts or ui_strings.builtin()
    for code in (lang, fallback):
        resolved = loaded.resolve(code)
        if key in resolved.texts and key not in resolved.missing:
            return resolved.texts[key]
    return loaded.reference.get(key, "")


@dataclass(frozen=True)
class NeverCollect:
    """One kind of secret a ticket never asks for (a recovery phrase, a private key …)."""

    kind: str
    label: dict[str, str]
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def collect_fields() -> dict[str, CollectField]:
    """Every collectable field by name, in the vocabulary's order."""
    layers = ui_strings.builtin_layers()

    def shipped(key: str) -> dict[str, str]:
        return {lang: layer.texts[key] for lang, layer in layers.items() if key in layer.texts}

    return {name: CollectField(name, shipped(f"fields.{name}.label"), shipped(f"fields.{name}.help"))
            for name in _load("collect_fields.yml")}


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
    return dict(YAML(typ="safe", pure=True).load((HERE / name).read_text(encoding="utf-8")))
