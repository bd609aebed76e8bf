"""A third language end to end: a Spanish site with a strings/es.yml of its own over the package's Spanish.

Its pages show the package's Spanish and the site's own words where it has them. Renamed to Catalan
(`ca`, which the package does not ship), the same partial file is all the site has: its pages show
it and English for the rest, and the build and `helpcenter check` both say which keys English fills
(a warning: --strict fails), never silently.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from helpcenter.cli import cli
from helpcenter.floor import strings
from tests.builds import copy_site
from tests.conftest import ROOT, SITES, build_into

REFERENCE = strings.builtin().reference
ES_KEYS = {"content.breadcrumb", "content.related", "content.reviewed", "content.articles.one",
           "content.articles.other", "flowcharts.heading", "search.placeholder", "tickets.ui.still_stuck_title"}
UNTRANSLATED = "The article you were reading is not available in {language} yet."


@pytest.fixture(scope="module")
def spanish(built_site) -> Path:
    """The Spanish test site's project, built once with --strict: Spanish is complete, no strings warning."""
    return built_site("spanish").parent


def as_catalan(project: Path) -> None:
    """The Spanish site as a language the package does not ship: only the site's partial file translates it."""
    (project / "docs" / "es").rename(project / "docs" / "ca")
    (project / "strings" / "es.yml").rename(project / "strings" / "ca.yml")
    for path in (project / "mkdocs.yml", project / "docs" / "flowcharts" / "app-trouble.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("[en, es]", "[en, ca]").replace("{es: ", "{ca: ").replace(", es: ", ", ca: "),
                        encoding="utf-8")


def catalan(tmp_path: Path) -> Path:
    return copy_site("spanish", tmp_path, as_catalan)


@pytest.fixture(scope="module")
def catalan_site(built_site) -> Path:
    """The Catalan copy, built once without --strict (its strings warning would stop it)."""
    return built_site("spanish", edit=as_catalan, strict=False).parent


def read(project: Path, page: str) -> str:
    return (project / "site" / page).read_text(encoding="utf-8")


def test_the_site_file_says_exactly_the_keys_this_test_expects() -> None:
    loaded = strings.load(SITES / "spanish" / "strings")
    assert loaded.diagnostics == []
    assert set(loaded.layers["es"][-1].texts) == ES_KEYS


def test_spanish_pages_show_the_packages_spanish_and_the_sites_own_words(spanish: Path) -> None:
    html = read(spanish, "es/app/app-trouble/index.html")
    assert '<nav class="hc-breadcrumbs" aria-label="Ruta de navegación">' in html
    assert '<h2 id="hc-related-title">Artículos relacionados</h2>' in html
    assert '<time datetime="2026-11-20">Última revisión: 2026-11-20</time>' in html
    assert '<h2 class="hc-flow__title" id="hc-flow-title">Encuentra la solución paso a paso</h2>' in html
    assert '<h2 id="hc-still-stuck-title">¿Sigues con el problema?</h2>' in html
    assert '<a class="hc-flow__show-all" href="#hc-flow-all">Mostrar todos los pasos</a>' in html  # the package's
    flow = json.loads(re.search(r'<template class="hc-flow__data" data-hc-json>(.*?)</template>',
                                html, re.S).group(1))
    assert flow["strings"]["heading"] == "Encuentra la solución paso a paso"
    assert flow["strings"]["back"] == "Atrás"
    home = read(spanish, "es/index.html")
    assert '<span class="hc-card__count" data-count="2">2 artículos</span>' in home
    assert "El artículo que estabas leyendo todavía no está disponible en español." in home
    switch = dict(re.findall(r'hreflang="([^"]+)" class="md-select__link">\s*([^<]*?)\s*</a>', home))
    assert switch == {"en": "English", "es": "Español"}


def test_catalan_pages_show_the_sites_strings_and_english_for_the_rest(catalan_site: Path) -> None:
    html = read(catalan_site, "ca/app/app-trouble/index.html")
    assert '<h2 id="hc-related-title">Artículos relacionados</h2>' in html
    assert '<a class="hc-flow__show-all" href="#hc-flow-all">Show all steps</a>' in html  # English fallback
    home = read(catalan_site, "ca/index.html")
    assert '<span class="hc-card__count" data-count="2">2 artículos</span>' in home
    assert UNTRANSLATED.format(language="ca") in home  # no name of its own: its code, never "English"


def test_english_pages_are_untouched_by_the_spanish_file(spanish: Path) -> None:
    html = read(spanish, "en/app/app-trouble/index.html")
    assert '<nav class="hc-breadcrumbs" aria-label="Breadcrumb">' in html
    assert '<h2 id="hc-related-title">Related articles</h2>' in html
    assert '<span class="hc-card__count" data-count="2">2 articles</span>' in read(spanish, "en/index.html")


def test_scripts_get_the_same_strings_as_json(spanish: Path, catalan_site: Path) -> None:
    meta = json.loads(read(spanish, "search/es/meta.json"))
    assert meta["strings"]["placeholder"] == "Buscar en la ayuda"  # the site's
    assert meta["strings"]["reset"] == "Borrar"  # the package's
    tickets = json.loads(read(spanish, "assets/helpcenter/tickets/tickets.json"))
    assert tickets["languages"]["es"]["ui"]["still_stuck_title"] == "¿Sigues con el problema?"
    assert tickets["languages"]["es"]["ui"]["open"] == "Contactar con soporte"
    assert tickets["languages"]["es"]["ticket"]["cut"]["subject"] == "asunto"
    meta = json.loads(read(catalan_site, "search/ca/meta.json"))
    assert (meta["strings"]["placeholder"], meta["strings"]["reset"]) == ("Buscar en la ayuda", "Clear")
    tickets = json.loads(read(catalan_site, "assets/helpcenter/tickets/tickets.json"))
    assert tickets["languages"]["ca"]["ui"]["open"] == "Contact support"
    assert tickets["languages"]["ca"]["ticket"]["cut"]["subject"] == "subject"


def test_the_strict_build_fails_on_the_missing_keys(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = catalan(tmp_path)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_into(project)
    warnings = [r.getMessage() for r in caplog.records if "strings-missing" in r.getMessage()]
    assert len(warnings) == 1
    message = warnings[0]
    assert message.startswith("helpcenter: strings/ca.yml:1:1: warning[strings-missing]: "
                              f"{len(REFERENCE) - len(ES_KEYS)} of {len(REFERENCE)} UI strings of 'ca' are shown "
                              "in English: content.untranslated, ")
    assert ", flowcharts.progress, " in message
    assert "search.*" not in message  # search.placeholder is translated: the other search keys are listed
    assert "search.reset, " in message
    assert "tickets.ui.kind.*, tickets.ticket.*" in message  # whole groups read as one entry
    assert "\n  = hint: translate them in strings/ca.yml" in message


def test_check_reports_the_same_and_fails_only_with_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(catalan(tmp_path))
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if "strings-" in line]
    assert len(lines) == 1
    assert lines[0].startswith("strings/ca.yml:1:1: warning[strings-missing]: "
                               f"{len(REFERENCE) - len(ES_KEYS)} of {len(REFERENCE)} UI strings of 'ca'")
    assert CliRunner().invoke(cli, ["check", "--strict"]).exit_code == 1


def test_a_language_without_a_file_is_reported_at_its_languages_entry(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    project = catalan(tmp_path)
    (project / "strings" / "ca.yml").unlink()
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["check"])
    line = next(n for n, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1)
                if "languages: [en, ca]" in text)
    col = (project / "mkdocs.yml").read_text().splitlines()[line - 1].index("ca]") + 1
    assert (f"mkdocs.yml:{line}:{col}: warning[strings-missing]: 'ca' has no UI strings of its own: "
            f"all {len(REFERENCE)} are shown in English\n  = hint: translate them in strings/ca.yml") in result.output


def test_the_sample_help_center_has_every_string(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check"])
    assert "strings-" not in result.output


def test_a_sites_override_of_any_partial_can_say_t(tmp_path: Path) -> None:
    project = tmp_path / "spanish"
    shutil.copytree(SITES / "spanish", project)
    partial = project / "overrides" / "partials" / "helpcenter" / "flowchart.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<p class="probe">{{ t(flow.lang, "flowcharts.heading") }} / '
                       '{{ t(flow.lang, "content.articles", count=1) }} / {{ t(flow.lang, "flowcharts.back") }}</p>\n',
                       encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"), encoding="utf-8")
    build_into(project, strict=False)
    assert ('<p class="probe">Encuentra la solución paso a paso / 1 artículo / Atrás</p>'
            in read(project, "es/app/app-trouble/index.html"))
