"""The checker's test vectors (tests/fixtures/verify/cases.yml), shared by the Python and the browser twin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML

from helpcenter.verify.channels import Channels
from tests.builds import FIXTURES

CASES_FILE = FIXTURES / "verify" / "cases.yml"
TABLES: dict[str, list[tuple[Case, dict[str, Any]]]] = {}  # twin → (case, actual) rows, printed at the end


@dataclass(frozen=True)
class Case:
    """One vector: what the reader pastes and what the checker must say."""

    case: str
    input: str
    verdict: str
    kind: str | None
    matched: str | None
    reasons: tuple[str, ...]

    def expected(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "kind": self.kind, "matched": self.matched, "reasons": list(self.reasons)}


def load() -> tuple[Channels, dict[str, Any], list[Case]]:
    """The vectors' channels (as Channels and as plain data) and their cases."""
    data = YAML(typ="safe", pure=True).load(CASES_FILE.read_text(encoding="utf-8"))
    cases = [Case(c["case"], str(c["input"]), c["verdict"], c["kind"], c["matched"], tuple(c["reasons"]))
             for c in data["cases"]]
    return Channels.from_json(data["channels"]), data["channels"], cases


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """A verify() result in the vectors' terms: matched as `value` or `platform:value`."""
    matched = result.get("matched")
    if matched:
        matched = f"{matched['platform']}:{matched['value']}" if matched.get("platform") else matched["value"]
    return {"verdict": result["verdict"], "kind": result["kind"], "matched": matched,
            "reasons": list(result["reasons"])}


def table(rows: list[tuple[Case, dict[str, Any]]]) -> list[str]:
    """The case table as the closing note quotes it: case, input, expected verdict, reasons, and a tick."""
    head = ("case", "input", "expected verdict", "reasons", "ok")
    lines = [(c.case, repr(c.input), c.verdict, ", ".join(c.reasons) or "-",
              "yes" if summary(actual) == c.expected() else "NO") for c, actual in rows]
    widths = [max(len(str(r[i])) for r in [head, *lines]) for i in range(len(head))]
    fmt = " | ".join(f"{{:{w}}}" for w in widths)
    return [fmt.format(*head), "-+-".join("-" * w for w in widths), *(fmt.format(*r) for r in lines)]
