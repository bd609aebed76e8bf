"""Every shipped language end to end: tests/sites/languages has pages in zh-Hant, ja, ko, ru and vi
and no strings of its own, so what our templates, scripts and the language switch say there comes
from helpcenter/strings/<lang>.yml; it builds with --strict and `helpcenter check` finds no
strings-missing. Also the Python-held texts that read the files: language names, the untranslated
notice's {language}, and `helpcenter new`'s skeleton.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from helpcenter.content import skeleton
from helpcenter.content.catalog import Catalog
from helpcenter.content.views import language_name
from helpcenter.floor import strings
from tests.conftest import SITES

LANGUAGES = ("zh-Hant", "ja", "ko", "ru", "vi")
BUILTIN = strings.builtin()

# What a reader of each language sees, written out, so a file that changes meaning fails here.
EXPECTED = {
    "zh-Hant": {"name": "繁體中文", "related": "相關文章", "count": "2 篇文章",
                "untranslated": "你剛才閱讀的文章還沒有繁體中文版本。", "progress": "第 1 步"},
    "ja": {"name": "日本語", "related": "関連記事", "count": "2 件の記事",
           "untranslated": "お読みになっていた記事には、まだ日本語版がありません。", "progress": "ステップ 1"},
    "ko": {"name": "한국어", "related": "관련 문서", "count": "문서 2개",
           "untranslated": "읽고 계시던 문서는 아직 한국어로 제공되지 않습니다.", "progress": "1단계"},
    "ru": {"name": "Русский", "related": "Похожие статьи", "count": "Статей: 2",
           "untranslated": "Статья, которую вы читали, пока не переведена на русский язык.", "progress": "Шаг 1"},
    "vi": {"name": "Tiếng Việt", "related": "Bài viết liên quan", "count": "2 bài viết",
           "untranslated": "Bài viết bạn đang đọc chưa có bản tiếng Việt.", "progress": "Bước 1"},
}


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    """The languages site, built once with --strict: a strings-missing warning would stop it."""
    return built_site("languages")


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def t(lang: str, key: str, **values: object) -> str:
    text = BUILTIN.t(lang, key, **values)
    assert text != BUILTIN.t("en", key, **values), f"{lang} {key} is English"
    return text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_in_each_language_shows_our_ui_in_that_language(site: Path, lang: str) -> None:
    html = read(site, f"{lang}/wallet/network-fee/index.html")
    assert f'<html lang="{lang}" class="no-js">' in html
    assert f'<nav class="hc-breadcrumbs" aria-label="{t(lang, "content.breadcrumb")}">' in html
    assert f'<h2 id="hc-related-title">{EXPECTED[lang]["related"]}</h2>' in html
    assert f'<time datetime="2026-11-20">{t(lang, "content.reviewed", date="2026-11-20")}</time>' in html
    assert f'<h2 class="hc-flow__title" id="hc-flow-title">{t(lang, "flowcharts.heading")}</h2>' in html
    assert f'<a class="hc-flow__show-all" href="#hc-flow-all">{t(lang, "flowcharts.show_all")}</a>' in html
    assert f'<h2 id="hc-still-stuck-title">{t(lang, "tickets.ui.still_stuck_title")}</h2>' in html
    flow = json.loads(re.search(r'<template class="hc-flow__data" data-hc-json>(.*?)</template>',
                                html, re.S).group(1))
    assert flow["strings"] == BUILTIN.section(lang, "flowcharts")
    escalate = next(node for node in flow["nodes"].values() if node.get("collect"))
    assert escalate["collect"] == [{"name": "network", "label": t(lang, "fields.network.label")},
                                   {"name": "tx_hash", "label": t(lang, "fields.tx_hash.label")}]
    assert BUILTIN.t(lang, "flowcharts.progress", n=1) == EXPECTED[lang]["progress"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_pages_count_and_explain_in_their_language(site: Path, lang: str) -> None:
    home = read(site, f"{lang}/index.html")
    assert f'<span class="hc-card__count" data-count="2">{EXPECTED[lang]["count"]}</span>' in home
    notice = re.search(r"<div class=\"hc-untranslated[^>]*>\s*<p>(.*?)</p>", home, re.S).group(1)
    assert notice.startswith(EXPECTED[lang]["untranslated"])
    assert "English" not in notice
    assert "{language}" not in notice


def test_the_english_notice_names_english_through_its_placeholder(site: Path) -> None:
    notice = re.search(r"<div class=\"hc-untranslated[^>]*>\s*<p>(.*?)</p>", read(site, "en/index.html"), re.S)
    assert notice.group(1) == ("The article you were reading is not available in English yet. "
                               "Here is everything the English help center covers.")
    assert "{language}" in BUILTIN.reference["content.untranslated"]


def test_the_language_switch_names_each_language_in_its_own_words(site: Path) -> None:
    html = read(site, "ja/wallet/network-fee/index.html")
    switch = dict(re.findall(r'hreflang="([^"]+)" class="md-select__link">\s*([^<]*?)\s*</a>', html))
    assert switch == {"en": "English", **{lang: EXPECTED[lang]["name"] for lang in LANGUAGES}}
    meta = json.loads(read(site, "search/vi/meta.json"))
    assert meta["languages"] == switch


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scripts_get_their_language_as_json(site: Path, lang: str) -> None:
    meta = json.loads(read(site, f"search/{lang}/meta.json"))
    assert meta["strings"] == BUILTIN.section(lang, "search")
    assert meta["strings"]["placeholder"] == t(lang, "search.placeholder")
    tickets = json.loads(read(site, "assets/helpcenter/tickets/tickets.json"))
    ours = BUILTIN.section(lang, "tickets")
    assert {k: tickets["languages"][lang][k] for k in ours} == ours
    assert tickets["languages"][lang]["ui"]["never_ask"] == t(lang, "tickets.ui.never_ask")
    # The collectable fields' labels and help: UI strings too (fields.*), never English on these pages.
    assert tickets["languages"][lang]["labels"]["tx_hash"] == t(lang, "fields.tx_hash.label")
    assert tickets["languages"][lang]["help"]["memo_tag"] == t(lang, "fields.memo_tag.help")


def test_check_finds_no_missing_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITES / "languages")
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert "strings-" not in result.output
    # The same site with a language the package does not ship: listed, never silently English.
    loaded = strings.for_site(SITES / "languages" / "mkdocs.yml", {})
    problems = loaded.check(["en", *LANGUAGES, "de"], "mkdocs.yml", {"languages": (11, 7)})
    assert [(p.line, p.col, p.code, p.message) for p in problems] == [
        (11, 7, "strings-missing",
         f"'de' has no UI strings of its own: all {len(BUILTIN.reference)} are shown in English")]


def test_language_names_come_from_each_languages_file(tmp_path: Path) -> None:
    assert [language_name(code) for code in ("en", "zh", "zh-Hant", "ja", "ko", "es", "ru", "vi")] == [
        "English", "简体中文", "繁體中文", "日本語", "한국어", "Español", "Русский", "Tiếng Việt"]
    assert language_name("zh-TW") == "繁體中文"  # by the fallback rule
    assert language_name("es-MX") == "Español"
    assert language_name("en-GB") == "English"
    assert language_name("de") == "de"  # no file: its code, never English's "English"
    folder = tmp_path / "strings"
    folder.mkdir()
    (folder / "de.yml").write_text("content:\n  language_name: Deutsch\n", encoding="utf-8")
    (folder / "ja.yml").write_text("content:\n  language_name: にほんご\n", encoding="utf-8")
    site_strings = strings.load(folder)
    assert language_name("de", site_strings) == "Deutsch"
    assert language_name("ja", site_strings) == "にほんご"  # a site's file overrides ours
    # English's untranslated notice names the page's language: a site language without a text of its own.
    assert site_strings.t("de", "content.untranslated", language="Deutsch").startswith(
        "The article you were reading is not available in Deutsch yet.")


def test_new_writes_each_languages_skeleton_and_keeps_english_and_chinese() -> None:
    catalog = Catalog(("en", "zh", "ja", "ru", "de"))
    files = skeleton.skeletons(catalog, "wallet", "Network fee", dt.date(2026, 12, 4), article_id="network-fee")
    head = "---\nid: network-fee\ntitle: \"Network fee\"\nsummary: \"{summary}\"\ntags: []\nreviewed: 2026-12-04\n" \
           "review_every: 180\nrelated: []\n---\n\n"
    assert files["en/wallet/network-fee.md"] == head.format(summary="TODO: one or two sentences for search results "
                                                            "and cards.") + (
        "TODO: the short answer first.\n\n## Steps {#steps}\n\n1. TODO\n\n## Why it happens {#why}\n\nTODO\n")
    assert files["zh/wallet/network-fee.md"] == head.format(summary="TODO:一两句话的摘要,用于搜索结果和卡片。") + (
        "TODO:先给出简短的答案。\n\n## 操作步骤 {#steps}\n\n1. TODO\n\n## 原因 {#why}\n\nTODO\n")
    assert "\n## 手順 {#steps}\n" in files["ja/wallet/network-fee.md"]
    assert "\n## Почему это происходит {#why}\n" in files["ru/wallet/network-fee.md"]
    assert files["de/wallet/network-fee.md"] == files["en/wallet/network-fee.md"]  # no German texts: English


def with_own_field_label(project: Path) -> None:
    """The languages site with a strings/ja.yml of its own that rewords one ticket field's label."""
    (project / "strings").mkdir()
    (project / "strings" / "ja.yml").write_text("fields:\n  tx_hash:\n    label: 取引 ID（TxID）\n", encoding="utf-8")


def test_a_sites_file_rewords_a_ticket_fields_label_everywhere(built_site) -> None:
    site = built_site("languages", edit=with_own_field_label)
    tickets = json.loads(read(site, "assets/helpcenter/tickets/tickets.json"))
    assert tickets["languages"]["ja"]["labels"]["tx_hash"] == "取引 ID（TxID）"
    assert tickets["languages"]["ko"]["labels"]["tx_hash"] == t("ko", "fields.tx_hash.label")
    html = read(site, "ja/wallet/network-fee/index.html")
    flow = json.loads(re.search(r'<template class="hc-flow__data" data-hc-json>(.*?)</template>',
                                html, re.S).group(1))
    escalate = next(node for node in flow["nodes"].values() if node.get("collect"))
    assert {"name": "tx_hash", "label": "取引 ID（TxID）"} in escalate["collect"]
