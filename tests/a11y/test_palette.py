"""`helpcenter check` warns when a Material primary colour puts the help center's text below WCAG AA."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.a11y import palette
from helpcenter.cli import cli
from tests.conftest import ROOT, SITES


@pytest.mark.parametrize(("foreground", "background", "ratio"), [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#ffffff", "#009485", 3.77),  # Material's teal header: the figure axe gives (3.76) within rounding
    ("#00796b", "#ffffff", 5.32),  # the sample's teal 700
    ("#4db6ac", "#1e2129", 6.59),  # the sample's dark-scheme links
    ("#000000de", "#ffc105", 10.7),  # 87 % black on amber, blended as the browser draws it
])
def test_contrast_is_wcag_s_ratio(foreground: str, background: str, ratio: float) -> None:
    assert round(palette.contrast(foreground, background), 2) == ratio


@pytest.mark.parametrize(("primary", "scheme", "expected"), [
    ("teal", "default", ["the header's text on #009485 is 3.77:1",
                         "links and the active navigation entry (#009485 on #ffffff) are 3.77:1"]),
    ("teal", "slate", ["the header's text on #009485 is 3.77:1"]),  # slate's links are a lighter teal
    ("amber", "default", ["links and the active navigation entry (#d19d00 on #ffffff) are 2.46:1"]),
    ("amber", "slate", []),
    ("indigo", "default", []),
    ("indigo", "slate", []),
    ("grey", "default", []),  # Material gives grey indigo links
    ("custom", "default", []),  # the site's own CSS: not judged
    ("no-such-colour", "default", []),
])
def test_named_primaries(primary: str, scheme: str, expected: list[str]) -> None:
    assert palette.shortfalls(primary, scheme) == expected


def test_which_named_primaries_pass() -> None:
    passing = sorted(name for name in palette.MATERIAL_PRIMARY
                     if not palette.shortfalls(name, "default") and not palette.shortfalls(name, "slate"))
    assert passing == ["black", "blue-grey", "brown", "deep-purple", "grey", "indigo", "purple", "white"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "basic"
    shutil.copytree(SITES / "basic", target)
    (target / "docs/en/wallet/english-only.md").unlink()  # its missing translation is another warning
    monkeypatch.chdir(target)
    return target


def _palette(project: Path, text: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n" + text),
                      encoding="utf-8")


def test_check_warns_at_the_primary_of_each_scheme(project: Path) -> None:
    _palette(project, "  palette:\n"
                      "    - scheme: default\n      primary: teal\n"
                      "    - scheme: slate\n      primary: deep purple\n"
                      "    - scheme: slate\n      primary: light blue\n")
    result = CliRunner().invoke(cli, ["check"])
    hint = ("  = hint: choose a darker primary (indigo, deep purple, brown, …), or set 'primary: custom' and the "
            "colours in extra_css (README: Accessibility)\n")
    assert (result.exit_code, result.output) == (0, (
        "mkdocs.yml:9:16: warning[a11y-palette-contrast]: primary colour 'teal' (default scheme) is below WCAG AA "
        "contrast (4.5:1): the header's text on #009485 is 3.77:1; links and the active navigation entry "
        "(#009485 on #ffffff) are 3.77:1\n" + hint
        + "mkdocs.yml:13:16: warning[a11y-palette-contrast]: primary colour 'light blue' (slate scheme) is below "
        "WCAG AA contrast (4.5:1): the header's text on #02a6f2 is 2.71:1\n" + hint))
    assert CliRunner().invoke(cli, ["check", "--strict"]).exit_code == 1


def test_a_single_palette_and_the_default_primary(project: Path) -> None:
    _palette(project, "  palette:\n    scheme: default\n    primary: cyan\n")
    assert CliRunner().invoke(cli, ["check"]).output.startswith(
        "mkdocs.yml:9:14: warning[a11y-palette-contrast]: primary colour 'cyan' (default scheme)")
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text().replace("    primary: cyan\n", ""))
    assert CliRunner().invoke(cli, ["check", "--strict"]).output == ""  # Material's indigo passes


def test_the_sample_passes() -> None:
    assert palette.check(ROOT / "mkdocs.yml") == []
