"""The repository's own sample help center builds strictly and checks clean."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_every_article_has_a_page_in_both_languages(sample_site: Path) -> None:
    rows = json.loads((sample_site / "articles.json").read_text(encoding="utf-8"))
    assert len(rows) == 122
    for row in rows:
        page = sample_site / row["url"].removeprefix("https://help.example-wallet.com/") / "index.html"
        html = page.read_text(encoding="utf-8")
        assert f'<meta name="helpcenter:id" content="{row["id"]}">' in html
        assert (sample_site / "a" / row["id"] / "index.html").exists()


def test_home_pages_show_six_categories(sample_site: Path) -> None:
    for lang in ("en", "zh"):
        assert (sample_site / lang / "index.html").read_text(encoding="utf-8").count('class="hc-card"') == 6


def test_helpcenter_check_on_the_sample_prints_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "helpcenter.cli", "check", "--strict"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
