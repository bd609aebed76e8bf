"""axe-core in Chromium for the accessibility tests: one run, its serious findings as text, the table.

axe-core is vendored (tests/vendor/axe-core) and injected once per page; every run uses the same rule
sets. A finding is "serious" when axe rates its impact serious or critical: those fail the tests.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING = ("serious", "critical")
VIEWPORTS = {"1280x800": {"width": 1280, "height": 800}, "390x844": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")
# Transitions and animations end where they end; a run in the middle of one measures a colour half
# faded in. The tests look at the settled page.
SETTLED = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def inject(page: Any) -> None:
    """axe-core into the page (once: a page keeps it across the states a test walks through)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        page.add_style_tag(content=SETTLED)


def run(page: Any, include: str | None = None) -> list[dict[str, Any]]:
    """axe's violations (all impacts) in the whole page or in the element `include` selects."""
    inject(page)
    return page.evaluate(
        """([include, tags]) => axe.run(include ? {include: [include]} : document,
             {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}).then((r) => r.violations)""",
        [include, TAGS])


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations that fail the tests (impact serious or critical)."""
    return [v for v in violations if v["impact"] in FAILING]


def describe(violations: list[dict[str, Any]]) -> list[str]:
    """One line per failing node: impact, rule, target, and the contrast figures where axe gives them."""
    lines = []
    for v in serious(violations):
        for node in v["nodes"]:
            data = next((c.get("data") for c in node["any"] + node["all"] + node["none"]
                         if isinstance(c.get("data"), dict) and "contrastRatio" in c["data"]), None)
            # color-contrast names the text and its background; link-in-text-block the link and its text.
            figures = (f" {data.get('fgColor') or data.get('nodeColor')} on"
                       f" {data.get('bgColor') or data.get('parentColor')} is {data['contrastRatio']}:1,"
                       f" needs {data.get('expectedContrastRatio') or data.get('requiredContrastRatio') or 3}"
                       ) if data else ""
            why = node["failureSummary"].splitlines()[-1].strip() if node["failureSummary"] else v["help"]
            lines.append(f"{v['impact']} {v['id']}: {' '.join(map(str, node['target']))}{figures} ({why})")
    return lines


@dataclass
class Table:
    """Serious and critical violations per page, state, viewport and scheme, as the tests found them."""

    cells: dict[tuple[str, str], dict[str, int]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, page: str, state: str, column: str, count: int) -> None:
        self.cells[(page, state)][column] = count

    def lines(self) -> list[str]:
        columns = [f"{v} {s}" for v in VIEWPORTS for s in SCHEMES]
        width = max([len(p) for p, _ in self.cells] + [4])
        state_width = max([len(s) for _, s in self.cells] + [5])
        head = f"{'page':<{width}}  {'state':<{state_width}}  " + "  ".join(f"{c:>13}" for c in columns)
        out = [head, "-" * len(head)]
        for (page, state) in self.cells:  # in the order the tests ran: page by page, its states after it
            row = self.cells[(page, state)]
            out.append(f"{page:<{width}}  {state:<{state_width}}  "
                       + "  ".join(f"{row.get(c, '-')!s:>13}" for c in columns))
        total = sum(n for row in self.cells.values() for n in row.values())
        runs = sum(len(row) for row in self.cells.values())
        out.append(f"{runs} axe runs ({len(self.cells)} page states x viewports x schemes), "
                   f"serious or critical violations: {total}")
        return out


TABLE = Table()
