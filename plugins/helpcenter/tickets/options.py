"""Plain ticket options (from mkdocs.yml) with the positions of their keys, for path:line:col errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.firewall.fields import never_collect_kind
from helpcenter.tickets.recipe import CONTEXT_PLACEHOLDERS

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})  # hosts a plain http:// helpdesk may have
# Parts of a ticket a helpdesk may have its own field for (besides the collected fields).
CONTEXT_FIELDS = tuple(p for p in CONTEXT_PLACEHOLDERS if p not in {"subject", "description", "what_happened"})


@dataclass(frozen=True)
class Options:
    """The plugin's options as plain values, where they were written, and the field vocabulary."""

    values: Mapping[str, Any]
    path: str = "mkdocs.yml"  # the config file, relative to the project
    positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # "zendesk_fields.network" → (1, 1)
    vocabulary: tuple[str, ...] = ()  # collect field names (flowcharts/collect_fields.yml)

    def get(self, key: str, default: Any = None) -> Any:
        """An option's value, or `default` when it is unset (None)."""
        value = self.values.get(key)
        return default if value is None else value

    def error(self, key: str, code: str, message: str, hint: str = "") -> Diagnostic:
        """An error at the option's key (or its parent's, or the plugin entry's, when unknown)."""
        line, col = self._where(key)
        return Diagnostic(self.path, line, col, code, message, hint)

    def _where(self, key: str) -> tuple[int, int]:
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key.rpartition(".")[0]
        return self.positions.get("", (0, 0))

    def require(self, key: str, helpdesk: str, example: str) -> list[Diagnostic]:
        """An error unless the option is set (options of the chosen helpdesk are required together)."""
        if self.get(key) not in (None, ""):
            return []
        return [self.error("helpdesk", "ticket-missing-option", f"helpdesk '{helpdesk}' needs '{key}'",
                           f"add {key}: {example} under helpcenter-tickets")]

    def https(self, key: str, example: str) -> list[Diagnostic]:
        """An error unless the option is an https:// URL with a host (http:// only for this machine)."""
        value = str(self.get(key, ""))
        parts = urlsplit(value.replace("{", "").replace("}", ""))
        if parts.scheme == "https" and parts.netloc:
            return []
        # A helpdesk on the loopback address never crosses a network (a trial or test instance).
        if parts.scheme == "http" and parts.hostname in LOOPBACK:
            return []
        return [self.error(key, "ticket-not-https", f"'{key}' must be an https:// URL but is '{value}'",
                           f"write the full address, e.g. {example}: tickets carry addresses and amounts")]

    def field_names(self, key: str, extra: Iterable[str] = (), context: bool = True) -> list[Diagnostic]:
        """Errors for keys of a field mapping (or items of a list) outside the vocabulary."""
        known = [*self.vocabulary, *(CONTEXT_FIELDS if context else ()), *extra]
        value = self.get(key, {})
        names = [str(n) for n in value] if isinstance(value, (Mapping, list, tuple)) else []
        return [self._unknown(key, name, known, context) for name in names if name not in known]

    def _unknown(self, key: str, name: str, known: list[str], context: bool) -> Diagnostic:
        secret = never_collect_kind(name)
        if secret is not None:
            return self.error(f"{key}.{name}", "ticket-never-collect",
                              f"'{key}' names '{name}', which asks for {secret.label['en']}",
                              "remove it: a ticket never collects secrets (flowcharts/never_collect.yml)")
        hint = f"{did_you_mean(name, known)}known fields: {', '.join(self.vocabulary)}"
        if context:
            hint += f"; context: {', '.join(CONTEXT_FIELDS)}"
        return self.error(f"{key}.{name}", "ticket-unknown-field", f"'{key}' names unknown field '{name}'", hint)
