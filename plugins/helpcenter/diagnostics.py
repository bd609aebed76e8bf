"""The one problem type every check returns, and its formatters."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A content problem at a 1-based position of a file, with a code and a hint."""

    path: str  # POSIX path relative to the project root, e.g. "docs/en/fees/tron-energy.md"
    line: int  # 1-based; 0 = unknown (YAML marks are 0-based: add 1 when building one)
    col: int  # 1-based; 0 = unknown, dropped from the output as markdownlint does
    code: str  # stable kebab-case code with a prefix per concern: fm-*, id-*, i18n-*, flow-*, ticket-*
    message: str  # lower case, no final period, quotes the offending value with '…'
    hint: str = ""  # one line saying what to do next; "" = none (not None, so sorting stays safe)
    severity: str = "error"  # "error" | "warning" | "info" (listed, never fails a check or a build)

    @property
    def is_error(self) -> bool:
        """Whether this problem fails `helpcenter check` and the build."""
        return self.severity == "error"

    def format(self, style: str = "text") -> str:
        """Render as `path:line:col: severity[code]: message` plus a hint line, or a GitHub annotation."""
        if style == "github":
            text = _github_escape(f"{self.message} [{self.code}]" + (f". {self.hint}" if self.hint else ""))
            level = "notice" if self.severity == "info" else self.severity
            return f"::{level} file={self.path},line={self.line or 1},col={self.col or 1},title={self.code}::{text}"
        where = ":".join(str(p) for p in (self.path, self.line, self.col) if p)
        head = f"{where}: {self.severity}[{self.code}]: {self.message}"
        return f"{head}\n  = hint: {self.hint}" if self.hint else head


def _github_escape(text: str) -> str:
    # Workflow commands end at a newline and treat % specially (GitHub's toolkit escapes these).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """A ' did you mean …?' phrase for the closest known value, or '' when nothing is close."""
    matches = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'? " if matches else ""


def has_errors(problems: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """Whether the problems fail a check: any error, or any warning when strict (never an info)."""
    return any(p.is_error or (strict and p.severity != "info") for p in problems)
