"""The UI-strings loader: the fallback rule, the package's files, a site's own files, missing keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import strings
from helpcenter.floor.strings import fallback_chain

REFERENCE = strings.builtin().reference  # every key, from the package's en.yml
BUILTIN_FILES = [path.stem.lower() for path in strings.BUILTIN_DIR.glob("*.yml")]
OWN_NAME = {"content.untranslated"}  # keys whose {language} is the page's own language
SAME_EVERYWHERE = re.compile(r"^(verify\.(platforms|channel)\.|insights\.no$)")


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "strings"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("code", "chain"), [
    ("en", ("en",)),
    ("en-GB", ("en-gb", "en")),
    ("zh", ("zh", "en")),
    ("zh-Hans", ("zh-hans", "zh", "en")),     # Simplified is zh's own script
    ("zh-CN", ("zh-cn", "zh", "en")),
    ("zh-Hant", ("zh-hant", "en")),           # Traditional never falls back to Simplified
    ("zh-TW", ("zh-tw", "zh-hant", "en")),    # Traditional by its region
    ("zh-HK", ("zh-hk", "zh-hant", "en")),
    ("zh-Hant-TW", ("zh-hant-tw", "zh-hant", "en")),
    ("es-MX", ("es-mx", "es", "en")),
    ("es-419", ("es-419", "es", "en")),
    ("pt-BR", ("pt-br", "pt", "en")),
    ("sr-Latn", ("sr-latn", "en")),           # Serbian's own script is Cyrillic
    ("ja", ("ja", "en")),
])
def test_fallback_chain(code: str, chain: tuple[str, ...]) -> None:
    assert fallback_chain(code) == chain


SHIPPED = ("zh", "zh-hant", "ja", "ko", "es", "ru", "vi")  # every language the package translates
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_the_package_files_are_clean_and_chinese_is_complete() -> None:
    builtin = strings.builtin()
    assert strings.builtin_problems() == []
    assert {"en", "zh"} <= set(builtin.layers)
    assert builtin.resolve("zh").missing == ()
    assert builtin.resolve("zh-CN").missing == ()
    assert set(builtin.layers["zh"][0].texts) == set(REFERENCE)
    # Groups by feature, room for the features that add their own.
    assert {key.split(".")[0] for key in REFERENCE} >= {"content", "flowcharts", "search", "tickets"}


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_shipped_language_is_complete(lang: str) -> None:
    """A key added to en.yml fails here until each shipped language has it, with the same placeholders."""
    builtin = strings.builtin()
    assert sorted(BUILTIN_FILES) == sorted(("en", *SHIPPED))  # a new file is listed in SHIPPED too
    texts = builtin.layers[lang][0].texts
    assert [key for key in REFERENCE if key not in texts] == []
    assert builtin.resolve(lang).missing == ()
    assert builtin.check([lang], "mkdocs.yml", {}) == []
    changed = {key: (sorted(set(PLACEHOLDER.findall(text))), sorted(set(PLACEHOLDER.findall(REFERENCE[key]))))
               for key, text in texts.items()}
    # A language may name itself in its own words where English says {language} (e.g. "en español").
    assert {key: found for key, found in changed.items() if found[0] != found[1]
            and not (key in OWN_NAME and set(found[0]) <= set(found[1]))} == {}
    # Texts a reader sees: translated (a few words are the same in every language: brands, "{platform} @{value}").
    same = [key for key, text in texts.items() if text == REFERENCE[key] and not SAME_EVERYWHERE.match(key)]
    assert len(same) <= 3, same


def test_t_fills_placeholders_and_counts() -> None:
    builtin = strings.builtin()
    assert builtin.t("en", "content.related") == "Related articles"
    assert builtin.t("zh", "content.related") == "相关文章"
    assert builtin.t("en", "content.reviewed", date="2026-11-20") == "Last reviewed: 2026-11-20"
    assert builtin.t("zh", "content.reviewed", date="2026-11-20") == "最后审核:2026-11-20"
    assert builtin.t("en", "content.articles", count=1) == "1 article"
    assert builtin.t("en", "content.articles", count=0) == "0 articles"
    assert builtin.t("zh", "content.articles", count=1) == "1 篇文章"
    assert builtin.t("en", "flowcharts.announce", n=2) == "Step 2: {text}"  # a value not given stays for the script
    with pytest.raises(strings.UnknownString, match="content.relatd"):
        builtin.t("en", "content.relatd")


def test_a_language_without_files_is_english_and_says_so() -> None:
    builtin = strings.builtin()
    resolved = builtin.resolve("de")  # a language the package does not ship
    assert resolved.texts == REFERENCE
    assert resolved.missing == tuple(REFERENCE)
    assert resolved.own is False
    assert builtin.resolve("zh-Hant").texts["content.related"] == "相關文章"  # its own file, never zh's 相关文章
    assert builtin.resolve("zh-TW").texts["content.related"] == "相關文章"


def test_section_keeps_each_feature_shape() -> None:
    tickets = strings.builtin().section("zh", "tickets")
    assert list(tickets) == ["ui", "ticket"]
    assert tickets["ui"]["kind"]["recovery-phrase"] == "助记词（或其中一部分）"
    assert tickets["ticket"]["cut"]["subject"] == "标题"
    search = strings.builtin().section("en", "search")
    assert search["other"] == "# matching articles"
    assert search["secret_text"].startswith("Never type or paste your recovery phrase, private key or passcode")
    assert "\n" not in search["secret_text"]
    assert strings.builtin().keys("flowcharts")[:3] == ["heading", "progress", "back"]


def test_site_files_add_a_language_and_override_english(tmp_path: Path) -> None:
    folder = site(tmp_path, {
        "pt.yml": "content:\n  related: Artigos relacionados\n  articles:\n    one: '{count} artigo'\n"
                  "    other: '{count} artigos'\nflowcharts:\n  heading:\n",
        "en.yml": "content:\n  related: See also\n",
        "zh.yml": "search:\n  placeholder: 搜索文章\n",
    })
    loaded = strings.load(folder)
    assert loaded.diagnostics == []
    assert loaded.site_dir == folder  # what `mkdocs serve` watches
    assert strings.load(tmp_path / "absent").site_dir is None
    assert loaded.t("pt", "content.related") == "Artigos relacionados"
    assert loaded.t("pt", "content.articles", count=3) == "3 artigos"
    assert loaded.t("pt", "content.breadcrumb") == "Breadcrumb"  # English, and listed below
    assert loaded.t("pt", "flowcharts.heading") == "Find the fix step by step"  # an empty value is untranslated
    assert loaded.t("pt-BR", "content.related") == "Artigos relacionados"
    assert loaded.t("en", "content.related") == "See also"
    assert loaded.t("pt", "content.reviewed", date="x") == "Last reviewed: x"
    assert loaded.t("zh", "search.placeholder") == "搜索文章"
    assert loaded.t("zh", "search.reset") == "清空"  # the package's zh.yml under the site's
    own = {"content.related", "content.articles.one", "content.articles.other"}
    assert loaded.resolve("pt").missing == tuple(k for k in REFERENCE if k not in own)
    assert loaded.resolve("pt-BR").missing == loaded.resolve("pt").missing
    assert loaded.resolve("zh").missing == ()


def test_plugin_options_layer_over_the_files(tmp_path: Path) -> None:
    folder = site(tmp_path, {"zh.yml": "flowcharts:\n  heading: 文件里的标题\n"})
    loaded = strings.load(folder, options={"flowcharts": {"zh": {"heading": "排查向导"}, "es": {"back": "Atrás"}}})
    assert loaded.section("zh", "flowcharts")["heading"] == "排查向导"
    assert loaded.section("es", "flowcharts")["back"] == "Atrás"
    assert "flowcharts.back" not in loaded.resolve("es").missing


def test_problems_of_a_site_file_are_positioned(tmp_path: Path) -> None:
    folder = site(tmp_path, {
        "es.yml": "content:\n  relatd: Artículos relacionados\n  breadcrumb: [a, b]\n",
        "de.yml": "content: [\n",
        "es_MX.yml": "content:\n  related: x\n",
        "fr.yml": "- a list\n",
    })
    loaded = strings.load(folder)
    assert sorted(loaded.diagnostics) == [
        Diagnostic("strings/de.yml", 2, 1, "strings-yaml-syntax",
                   "invalid YAML: expected the node content, but found '<stream end>' "
                   "(while parsing a flow node)", loaded.diagnostics[0].hint),
        Diagnostic("strings/es.yml", 2, 3, "strings-unknown-key", "'content.relatd' is not a UI string key",
                   "did you mean 'content.related'? the keys are those of helpcenter's strings/en.yml",
                   severity="warning"),
        Diagnostic("strings/es.yml", 3, 15, "strings-not-text",
                   "'content.breadcrumb' is a list but UI strings are texts", "write one text after the key"),
        Diagnostic("strings/es_MX.yml", 1, 1, "strings-not-a-language",
                   "'es_MX.yml' is not named after a language code, so it is not read",
                   "name it after the language, e.g. es.yml, pt-br.yml or zh-hant.yml", severity="warning"),
        Diagnostic("strings/fr.yml", 1, 1, "strings-not-mapping",
                   "a strings file holds groups of 'key: text' but this one is a list",
                   "start with a group, e.g. 'content:'"),
    ]
    assert loaded.t("es", "content.related") == "Artículos relacionados"  # the package's: the misspelt key is not used


def test_check_lists_missing_keys_where_the_language_is_named(tmp_path: Path) -> None:
    folder = site(tmp_path, {"pt.yml": "content:\n  related: Artigos relacionados\n"})
    positions = {"": (8, 5), "languages": (9, 7), "languages.en": (9, 19), "languages.pt": (9, 23)}
    loaded = strings.load(folder)
    problems = loaded.check(["en", "zh", "pt", "de"], "mkdocs.yml", positions)
    assert [(p.path, p.line, p.col, p.code, p.severity) for p in problems] == [
        ("strings/pt.yml", 1, 1, "strings-missing", "warning"),
        ("mkdocs.yml", 9, 7, "strings-missing", "warning"),  # de is not in the positions: the languages key
    ]
    pt, de = problems
    assert pt.message.startswith(f"{len(REFERENCE) - 1} of {len(REFERENCE)} UI strings of 'pt' are shown in "
                                 "English: content.breadcrumb, content.reviewed, content.articles.*, "
                                 "content.untranslated, ")
    assert ", flowcharts.*, search.*, tickets.*, " in pt.message
    assert pt.hint.startswith("translate them in strings/pt.yml")
    assert de.message == f"'de' has no UI strings of its own: all {len(REFERENCE)} are shown in English"
    assert de.hint.startswith("translate them in strings/de.yml")
    assert strings.builtin().check(["en", "zh"], "mkdocs.yml", positions) == []


def test_a_named_strings_dir_must_exist(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - helpcenter-articles:\n      languages: [en, de]\n"
                      "      strings_dir: translations\n", encoding="utf-8")
    loaded = strings.for_site(config, {"helpcenter-articles": {"strings_dir": "translations"}})
    assert loaded.diagnostics == [Diagnostic(
        "mkdocs.yml", 5, 7, "strings-dir-missing", "the strings folder 'translations/' does not exist",
        "create it with one <lang>.yml per language, or remove strings_dir")]
    problems = strings.check_site(loaded, config, ["en", "de"])
    assert [(p.line, p.col, p.code) for p in problems] == [(5, 7, "strings-dir-missing"), (4, 23, "strings-missing")]
