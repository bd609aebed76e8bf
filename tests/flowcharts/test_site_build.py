"""Full builds: the troubleshooter in articles of both languages, the sample site's 8 trees, config options."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import SITES, build_into

DATA = re.compile(r'<template class="hc-flow__data" data-hc-json>(.*?)</template>', re.S)
SAMPLE_TREES = ("tx-pending", "trc20-out-of-energy", "tx-not-received", "exchange-withdrawal-not-arrived",
                "balance-not-showing", "cannot-restore-wallet", "cannot-complete-transfer", "wallet-drained",
                "bridge-transfer-not-arrived")


@pytest.fixture(scope="module")
def built(built_site) -> Path:
    return built_site("flowcharts")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def widget_data(html: str) -> dict:
    found = DATA.findall(html)
    assert len(found) == 1
    return json.loads(found[0])


def test_article_with_a_tree_gets_the_widget_first(built: Path) -> None:
    html = read(built, "en/app/app-trouble/index.html")
    widget = html.index('<section class="hc-flow" data-hc-flow="app-trouble" lang="en" '
                        'aria-labelledby="hc-flow-title">')
    assert html.index("<h1>The app is not working</h1>") < widget < html.index("If the troubleshooter above")
    assert '<script src="../../../assets/helpcenter/flowcharts/flowchart.js" type="module"></script>' in html
    assert '<link rel="stylesheet" href="../../../assets/helpcenter/flowcharts/flowchart.css">' in html
    assert (built / "assets/helpcenter/flowcharts/flowchart.js").exists()
    assert "hc-flow" not in read(built, "en/app/update-app/index.html")


@pytest.mark.parametrize(("lang", "ask", "title", "heading"), [
    ("en", "What happens?", "Update the app", "Find the fix step by step"),
    ("zh", "出现了什么情况？", "更新 App", "一步步找到解决办法"),
])
def test_each_language_shows_its_own_labels(built: Path, lang: str, ask: str, title: str, heading: str) -> None:
    html = read(built, f"{lang}/app/app-trouble/index.html")
    data = widget_data(html)
    assert data["lang"] == lang
    assert data["nodes"]["q-symptom"]["text"] == ask
    assert data["nodes"]["r-update"]["article"] == {
        "id": "update-app", "lang": lang, "title": title, "url": "../update-app/",
        "summary": data["nodes"]["r-update"]["article"]["summary"]}
    assert data["article"]["url"] == f"https://help.example.test/{lang}/app/app-trouble/"
    assert f'<h2 class="hc-flow__title" id="hc-flow-title">{heading}</h2>' in html
    assert f'<h3 class="hc-flow__text">{ask}</h3>' in html


def test_no_javascript_markup_links_every_step(built: Path) -> None:
    html = read(built, "en/app/app-trouble/index.html")
    ids = re.findall(r'class="hc-flow__node[^"]*" id="step-([a-z0-9-]+)"', html)
    assert ids == ["q-symptom", "q-updated", "s-refresh", "q-fixed", "r-update", "r-reinstall", "e-crash"]
    targets = set(re.findall(r'<a class="hc-flow__option" href="#step-([a-z0-9-]+)"', html))
    assert targets == set(ids) - {"q-symptom"}
    assert '<a class="md-button md-button--primary hc-flow__ticket" href="#hc-still-stuck">' in html
    assert ('<p class="hc-flow__notice" role="note">We will never ask for your recovery phrase, private key, '
            "passcode or 2FA code. Anyone who asks for them is not us.</p>") in html


def test_hostile_labels_are_escaped_in_markup_and_json(built: Path) -> None:
    html = read(built, "en/app/app-trouble/index.html")
    section = html[html.index('<section class="hc-flow"'):html.index("</section>")]
    assert "<img" not in section
    assert ">&lt;img src=x onerror=alert(1)&gt;</a>" in section
    assert '"label":"\\u003cimg src=x onerror=alert(1)\\u003e"' in section


def test_tree_sources_are_not_copied_to_the_site(built: Path) -> None:
    assert not (built / "flowcharts").exists()


def test_sample_site_shows_all_nine_trees_in_both_languages(sample_site: Path) -> None:
    rows = json.loads((sample_site / "articles.json").read_text(encoding="utf-8"))
    shown = sorted((r["flowchart"], r["lang"]) for r in rows if r["flowchart"])
    assert shown == sorted((tree, lang) for tree in SAMPLE_TREES for lang in ("en", "zh"))
    for row in rows:
        if not row["flowchart"]:
            continue
        page = sample_site / row["url"].removeprefix("https://help.example-wallet.com/") / "index.html"
        data = widget_data(page.read_text(encoding="utf-8"))
        assert (data["tree"], data["lang"]) == (row["flowchart"], row["lang"])
        for node_id, node in data["nodes"].items():
            assert node["text"], (row["flowchart"], node_id)
            if node["kind"] == "resolve":  # every answer leads to a real page in the reader's language
                assert node["article"]["lang"] == row["lang"]
                assert (page.parent / node["article"]["url"] / "index.html").resolve().exists()
    assert not (sample_site / "flowcharts").exists()


def test_widget_strings_override_the_built_in_ones(tmp_path: Path) -> None:
    project = tmp_path / "flowcharts"
    shutil.copytree(SITES / "flowcharts", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - helpcenter-flowcharts\n",
        "  - helpcenter-flowcharts:\n      widget_strings: {zh: {heading: 排查向导}}\n"), encoding="utf-8")
    site = build_into(project)
    assert '<h2 class="hc-flow__title" id="hc-flow-title">排查向导</h2>' in read(site, "zh/app/app-trouble/index.html")
    assert "Find the fix step by step" in read(site, "en/app/app-trouble/index.html")


def test_unknown_widget_string_is_a_config_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = tmp_path / "flowcharts"
    shutil.copytree(SITES / "flowcharts", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - helpcenter-flowcharts\n",
        "  - helpcenter-flowcharts:\n      widget_strings: {zh: {headline: 排查向导}}\n"), encoding="utf-8")
    with pytest.raises(Abort):
        build_into(project)
    assert ("Plugin 'helpcenter-flowcharts' option 'widget_strings': Expected one of heading, progress, back, "
            "start_over, show_all, hide_all, one_at_a_time, answers, change_answer, next_step, resolved, "
            "escalate_title, collect_intro, never_ask, open_ticket, still_stuck, announce, leads_to, first_step, "
            "copy_link, link_copied under 'zh' but received 'headline'") in caplog.text


def test_a_theme_custom_dir_can_override_the_partial(tmp_path: Path) -> None:
    project = tmp_path / "flowcharts"
    shutil.copytree(SITES / "flowcharts", project)
    partial = project / "overrides" / "partials" / "helpcenter" / "flowchart.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<aside class="my-flow">{{ flow.tree }}</aside>\n', encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                 "  name: material\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    site = build_into(project)
    assert '<aside class="my-flow">app-trouble</aside>' in read(site, "en/app/app-trouble/index.html")
