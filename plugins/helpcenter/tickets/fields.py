"""The ticket form's fields: a preset or the site's own list, checked with mkdocs.yml positions.

`fields: crypto-wallet` is the wallet preset (network, coin, amount, transaction hash …, and the
"we will never ask for your recovery phrase" notice). A list names fields of the shared vocabulary
(`network`) or declares the site's own:

    fields:
      - name: order_number
        label: {en: Order number, es: Número de pedido}
        hint: {en: "On your receipt, e.g. A-12345"}
        pattern: "^[A-Z]-[0-9]{5}$"      # a regular expression (valid in JavaScript and Python) …
        required: true
      - name: payout_address
        label: Payout address
        format: address                  # … or a format of formats.yml
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.firewall.fields import CollectField, never_collect_kind
from helpcenter.tickets.options import Options

PRESETS: dict[str, tuple[str, ...]] = {
    "crypto-wallet": ("network", "asset", "amount", "tx_hash", "time_utc", "error_text", "app_version", "device_os"),
}
NEVER_ASK_PRESETS = frozenset({"crypto-wallet"})  # presets whose form says "we will never ask for your phrase"
NEVER_COLLECT_HINT = "remove it: a ticket never collects secrets (firewall/never_collect.yml)"
NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
KEYS = ("name", "label", "hint", "format", "pattern", "required")
# What a public tracker must not receive: who paid whom, how much (a transaction hash leads to both).
PRIVATE_FIELDS = frozenset({"from_address", "to_address", "amount", "tx_hash"})
PRIVATE_FORMATS = frozenset({"address", "amount", "tx_hash"})
# Regular expression syntax Python has and JavaScript does not (the browser checks the same pattern).
PYTHON_ONLY = re.compile(r"\(\?P[<=]|\(\?[aiLmsux]+\)|\\[AZz]")


@dataclass(frozen=True)
class Field:
    """One field of the ticket form: its label and hint per language, and what a value must look like."""

    name: str
    label: dict[str, str]
    hint: dict[str, str] = field(default_factory=dict)
    format: str = ""  # a rule of formats.yml (address, tx_hash, amount, time, version), or ""
    pattern: str = ""  # a regular expression the trimmed value must match, or ""
    required: bool = False

    def label_in(self, lang: str) -> str:
        """The label in `lang`, else English, else the first one written."""
        return self.label.get(lang) or self.label.get("en") or next(iter(self.label.values()), self.name)

    def hint_in(self, lang: str) -> str:
        """The hint in `lang`, else English, else the first one written, else ""."""
        return self.hint.get(lang) or self.hint.get("en") or next(iter(self.hint.values()), "")

    @property
    def private(self) -> bool:
        """Whether the value says who paid whom or how much: never asked on a public tracker."""
        return self.name in PRIVATE_FIELDS or self.format in PRIVATE_FORMATS


@dataclass(frozen=True)
class FormFields:
    """The checked `fields` option: the fields in order and whether the never-ask notice is shown."""

    fields: tuple[Field, ...]
    never_ask: bool

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def without_private(self) -> FormFields:
        """The fields a public tracker may ask for."""
        return replace(self, fields=tuple(f for f in self.fields if not f.private))


def load(options: Options, vocabulary: Mapping[str, CollectField], formats: Mapping[str, Any]
         ) -> tuple[FormFields, list[Diagnostic]]:
    """Check `fields` (a preset name or a list) and `never_ask_notice`; the fields and the problems."""
    value = options.get("fields", [])  # no preset by default: a site that is no wallet asks for no wallet fields
    preset = value if isinstance(value, str) else ""
    problems: list[Diagnostic] = []
    if isinstance(value, str):
        if value not in PRESETS:
            problems.append(options.error("fields", "ticket-unknown-preset", f"unknown fields preset '{value}'",
                                          f"{did_you_mean(value, PRESETS)}presets: {', '.join(PRESETS)}; "
                                          "or list the fields (README: Ticket fields)"))
            value = []
        else:
            value = list(PRESETS[value])
    if not isinstance(value, list):
        problems.append(options.error("fields", "ticket-bad-fields",
                                      f"'fields' must be a preset name or a list but is {_kind(value)}",
                                      f"fields: {next(iter(PRESETS))}, or a list of field names and fields"))
        value = []
    reader = _Reader(options, vocabulary, formats)
    fields = [f for f in (reader.field(i, item) for i, item in enumerate(value)) if f is not None]
    problems += reader.problems
    seen: set[str] = set()
    for f in fields:
        if f.name in seen:
            problems.append(options.error(f"fields.{f.name}", "ticket-duplicate-field",
                                          f"field '{f.name}' is listed twice", "keep one of them"))
        seen.add(f.name)
    notice = options.get("never_ask_notice")
    never_ask = preset in NEVER_ASK_PRESETS if notice is None else bool(notice)
    return FormFields(tuple(fields), never_ask), problems


def _kind(value: object) -> str:
    return {dict: "a mapping", int: "a number", float: "a number", bool: "true or false"}.get(type(value), repr(value))


class _Reader:
    """Reads the items of `fields`, collecting problems at their positions."""

    def __init__(self, options: Options, vocabulary: Mapping[str, CollectField], formats: Mapping[str, Any]) -> None:
        self.options = options
        self.vocabulary = vocabulary
        self.rules = dict(formats.get("rules", {}))
        self.field_rules = dict(formats.get("fields", {}))
        self.problems: list[Diagnostic] = []

    def error(self, key: str, code: str, message: str, hint: str) -> None:
        self.problems.append(self.options.error(key, code, message, hint))

    def field(self, index: int, item: object) -> Field | None:
        if isinstance(item, str):
            return self.known(item)
        if not isinstance(item, dict):
            self.error("fields", "ticket-bad-field", f"item {index + 1} of 'fields' is {_kind(item)}",
                       "write a field name (network) or a mapping with name and label")
            return None
        name = item.get("name")
        where = f"fields.{name}" if isinstance(name, str) and name else f"fields.{index}"
        for key in item:
            if key not in KEYS:
                self.error(f"{where}.{key}", "ticket-unknown-field-option", f"field option '{key}' is unknown",
                           f"{did_you_mean(str(key), KEYS)}a field has {', '.join(KEYS)}")
        if not isinstance(name, str) or not NAME.match(name):
            self.error(where, "ticket-bad-field-name", f"field name {name!r} is not a lower-case name",
                       "name: letters a-z, digits and _, starting with a letter (order_number)")
            return None
        secret = self.secret(name, item)
        if secret:
            self.error(where, "ticket-never-collect", f"field '{name}' asks for {secret}",
                       NEVER_COLLECT_HINT)
            return None
        base = self.vocabulary.get(name)
        label = _texts(item.get("label")) or (dict(base.label) if base else {})
        if not label:
            self.error(where, "ticket-field-label", f"field '{name}' has no label",
                       f"add label: {{en: …}} (the vocabulary's fields need none: {', '.join(self.vocabulary)})")
            return None
        if item.get("label") is not None and not _texts(item.get("label")):
            self.error(f"{where}.label", "ticket-field-label", f"the label of field '{name}' is not text",
                       "label: Order number, or a mapping of language to label")
        hint = _texts(item.get("hint")) if item.get("hint") is not None else (dict(base.help) if base else {})
        rule = item.get("format", self.field_rules.get(name, "") if base else "")
        if rule and rule not in self.rules:
            self.error(f"{where}.format", "ticket-unknown-format", f"field '{name}' names unknown format '{rule}'",
                       f"{did_you_mean(str(rule), self.rules)}formats: {', '.join(self.rules)}; or write a pattern")
            rule = ""
        pattern = item.get("pattern") or ""
        if pattern and not self.valid_pattern(f"{where}.pattern", name, pattern):
            pattern = ""
        required = item.get("required", False)
        if not isinstance(required, bool):
            self.error(f"{where}.required", "ticket-bad-field", f"'required' of field '{name}' must be true or false",
                       "required: true")
            required = False
        return Field(name, label, hint, str(rule), str(pattern), required)

    def known(self, name: str) -> Field | None:
        base = self.vocabulary.get(name)
        if base is not None:
            return Field(name, dict(base.label), dict(base.help), str(self.field_rules.get(name, "")))
        secret = never_collect_kind(name)
        if secret is not None:
            self.error(f"fields.{name}", "ticket-never-collect", f"'fields' names '{name}', which asks for "
                       f"{secret.label['en']}", NEVER_COLLECT_HINT)
        else:
            self.error(f"fields.{name}", "ticket-unknown-field", f"'fields' names unknown field '{name}'",
                       f"{did_you_mean(name, self.vocabulary)}known fields: {', '.join(self.vocabulary)}; "
                       "or declare it: - {name: …, label: …}")
        return None

    def secret(self, name: str, item: Mapping[str, Any]) -> str:
        # The name, and every label and hint in every language: "Wallet words" asks for a phrase too.
        texts = [name, *(_texts(item.get("label")) or {}).values(), *(_texts(item.get("hint")) or {}).values()]
        for text in texts:
            kind = never_collect_kind(text)
            if kind is not None:
                return kind.label["en"]
        return ""

    def valid_pattern(self, key: str, name: str, pattern: object) -> bool:
        if not isinstance(pattern, str):
            self.error(key, "ticket-bad-pattern", f"the pattern of field '{name}' is not text", 'pattern: "^[0-9]+$"')
            return False
        try:
            re.compile(pattern)
        except re.error as err:
            self.error(key, "ticket-bad-pattern", f"the pattern of field '{name}' is not a regular expression: {err}",
                       "check the brackets and escapes; quote the pattern in YAML")
            return False
        if PYTHON_ONLY.search(pattern):
            self.error(key, "ticket-bad-pattern", f"the pattern of field '{name}' uses Python-only syntax",
                       "the browser checks it too: write (?<name>…) groups and ^…$ instead of (?P<…>), \\A or \\Z")
            return False
        return True


def _texts(value: object) -> dict[str, str]:
    """A text, or a mapping of language to text, as {lang: text}; {} when it is neither."""
    if isinstance(value, str) and value.strip():
        return {"en": value}
    if isinstance(value, dict) and value and all(isinstance(v, str) and v.strip() for v in value.values()):
        return {str(k): v for k, v in value.items()}
    return {}
