"""The adapter kit: our assets survive a site's exclude_docs (MkDocs matches it against theme files too)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

EXCLUDED = "exclude_docs: |\n  flowcharts/\n  search/\n  tickets/\n  content/\n  links/\n"


def _exclude_folders_named_like_ours(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + EXCLUDED, encoding="utf-8")


def test_a_site_excluding_folders_named_like_ours_keeps_our_assets(build_site: Callable[..., Path]) -> None:
    site = build_site("tickets", edit=_exclude_folders_named_like_ours)
    assets = site / "assets" / "helpcenter"
    for name in ("flowcharts/flowchart.js", "tickets/tickets.js", "tickets/tickets.json", "content/helpcenter.css",
                 "shared/dom.js", "firewall/secrets.js"):
        assert (assets / name).is_file(), name
    page = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "assets/helpcenter/tickets/tickets.js" in page
