"""Print the checker's case table of each twin after the run (the issue's closing note quotes it)."""

from __future__ import annotations

import pytest

from tests.verify import cases


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for twin, rows in cases.TABLES.items():
        if rows:
            terminalreporter.write_sep("-", f"official-channel checker: {len(rows)} cases, {twin}")
            for line in cases.table(rows):
                terminalreporter.write_line(line)
