"""Real builds of tests/sites/search: index files, shipped assets, configuration problems."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import mkdocs.contrib.search
import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from helpcenter.cli import cli
from helpcenter.search import find
from helpcenter.search.config import SearchConfig
from tests.conftest import SITES

LUNR_JS = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"


def _index(site: Path, lang: str) -> find.LanguageIndex:
    """A language's sharded index read whole (as `helpcenter find` reads it)."""
    return find.LanguageIndex(site / "search" / lang)


def test_each_language_gets_its_sharded_index(built_site) -> None:
    site = built_site("search")
    en, zh = _index(site, "en"), _index(site, "zh")
    assert [row[0] for row in en.docs] == [
        "create-wallet", "recovery-phrase-safety", "verify-address", "network-fees", "tron-bandwidth",
        "tron-energy", "hostile-title", "tx-not-received", "withdrawal-not-arrived"]
    assert en.docs[5] == ["tron-energy", "en/fees/tron-energy/", "TRON energy explained",
                          "What energy is, which transactions use it and how to get it by staking TRX."]
    meta = zh.meta
    assert meta["lang"] == "zh"
    assert meta["strings"]["placeholder"] == "搜索"
    assert meta["categories"] == [["钱包基础", "zh/basics/"], ["手续费与资源", "zh/fees/"],
                                  ["问题排查", "zh/problems/"]]
    assert meta["secret"][:2] == ["recovery-phrase-safety", "zh/basics/recovery-phrase-safety/"]
    assert meta["languages"] == {"en": "English", "zh": "简体中文"}
    assert zh.sections[0] == [0, "", ""]
    text = json.loads((site / "search" / "zh" / "s" / "0.json").read_text(encoding="utf-8"))
    assert text == "点击创建钱包，抄下助记词。"
    assert [t for t in zh.vocabulary() if t in ("助记", "记词")] == ["助记", "记词"]
    assert set(zh.articles.postings("助记")) == {"t", "s"}  # 保护好助记词: title and summary
    assert set(zh.body.postings("助记")) == {"h", "b"}  # ## 助记词泄露了, and the text


def test_lunr_js_is_mkdocs_own_copy_and_material_search_is_gone(built_site) -> None:
    site = built_site("search")
    assert (site / "assets" / "helpcenter" / "search" / "lunr.js").read_bytes() == LUNR_JS.read_bytes()
    assert not (site / "search" / "search_index.json").exists()
    page = (site / "en" / "fees" / "tron-energy" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../../../assets/helpcenter/search/search.js" type="module"></script>' in page
    assert '<link rel="stylesheet" href="../../../assets/helpcenter/search/search.css">' in page
    assert 'data-md-component="search"' not in page


def test_search_without_tickets_still_ships_the_phrase_word_lists(build_site) -> None:
    def drop_tickets(project: Path) -> None:
        path = project / "mkdocs.yml"
        text = path.read_text(encoding="utf-8")
        start = text.index("  - helpcenter-tickets:")
        path.write_text(text[:start] + text[text.index("  - helpcenter-search:"):], encoding="utf-8")

    site = build_site("search", edit=drop_tickets)
    lists_file = site / "assets" / "helpcenter" / "firewall" / "bip39-wordlists.json"
    lists = json.loads(lists_file.read_text(encoding="utf-8"))
    assert lists["lists"]["english"].startswith("abandon ability able about")


def test_search_exclude_in_front_matter_leaves_the_page_out(build_site) -> None:
    def exclude(project: Path) -> None:
        path = project / "docs" / "en" / "fees" / "tron-bandwidth.md"
        path.write_text(path.read_text(encoding="utf-8").replace("tags: [tron, fees]",
                                                                  "tags: [tron, fees]\nsearch:\n  exclude: true"),
                        encoding="utf-8")

    site = build_site("search", edit=exclude)
    assert "tron-bandwidth" not in [row[0] for row in _index(site, "en").docs]
    assert "tron-bandwidth" in [row[0] for row in _index(site, "zh").docs]


def test_material_search_beside_ours_is_a_warning(build_site, caplog: pytest.LogCaptureFixture) -> None:
    def add_material_search(project: Path) -> None:
        path = project / "mkdocs.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n"),
                        encoding="utf-8")

    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="warnings in strict mode"):
        build_site("search", edit=add_material_search)
    assert ("helpcenter: Material's 'search' plugin is enabled too, so pages get two search boxes: remove "
            "'- search' from 'plugins' in mkdocs.yml (helpcenter-search replaces it)") in caplog.text


def test_broken_synonyms_stop_the_build_and_check_says_the_same(build_site, tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    expected = ("synonyms.yml:3:5: error[search-synonyms-shape]: a group must be a list of phrases or "
                "'{from: [...], to: [...]}'\n  = hint: write 'groups:' as a list of phrase lists, "
                "e.g. '- [seed phrase, mnemonic, 助记词]'")

    def break_synonyms(project: Path) -> None:
        (project / "synonyms.yml").write_text("groups:\n  - [seed phrase, mnemonic]\n  - just one phrase\n",
                                              encoding="utf-8")

    with pytest.raises(Abort):
        build_site("search", edit=break_synonyms)
    assert expected in caplog.text
    monkeypatch.chdir(tmp_path / "search")
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert result.output == expected + "\n"


def test_unknown_secret_article_is_a_warning(build_site, caplog: pytest.LogCaptureFixture) -> None:
    def rename(project: Path) -> None:
        path = project / "mkdocs.yml"
        setting = "      synonyms_file: synonyms.yml\n"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(setting, setting + "      secret_article: seed-safety\n"), encoding="utf-8")

    with pytest.raises(Abort, match="warnings in strict mode"):
        build_site("search", edit=rename)
    assert ("mkdocs.yml: warning[search-secret-article-unknown]: secret_article 'seed-safety' is not an article id"
            "\n  = hint: name the article that explains how to keep a recovery phrase safe") in caplog.text


@pytest.mark.parametrize(("value", "message"), [
    (-1, "Expected a positive number but received: -1"),
    ("high", "Expected a positive number but received: 'high'"),
    (True, "Expected a positive number but received: True"),
])
def test_field_boosts_must_be_positive_numbers(value: object, message: str) -> None:
    config = SearchConfig()
    config.load_dict({"boost_title": value})
    errors, _ = config.validate()
    assert [(key, str(error)) for key, error in errors] == [("boost_title", message)]


def test_the_test_site_is_where_the_tests_think() -> None:
    assert (SITES / "search" / "synonyms.yml").is_file()
