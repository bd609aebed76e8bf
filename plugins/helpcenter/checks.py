"""Everything `helpcenter check` verifies, composed from each concern's core checks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from helpcenter.content import catalog as catalog_loader
from helpcenter.content import checks as content_checks
from helpcenter.diagnostics import Diagnostic


def run(docs_dir: Path, languages: Sequence[str], *, prefix: str = "docs/") -> list[Diagnostic]:
    """All content problems of a docs tree, sorted by file and position."""
    loaded = catalog_loader.load(docs_dir, languages, display_prefix=prefix)
    problems = list(loaded.diagnostics)
    problems += content_checks.check(loaded.catalog, prefix=prefix)
    return sorted(set(problems))
