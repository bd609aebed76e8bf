"""The plain core: never-collect matching, the field vocabulary, strings, URLs, loops and the ported trees."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from helpcenter.content import catalog as catalog_loader
from helpcenter.firewall import fields
from helpcenter.floor import strings as ui_strings
from helpcenter.flowcharts import parser, render, trees, validate, view
from tests import golden
from tests.builds import FIXTURES, ROOT, SITES

PLAN = YAML(typ="safe", pure=True).load((ROOT / "kb" / "topics.yml").read_text(encoding="utf-8"))
PLANNED = {t["id"]: t["flow"] for t in PLAN["topics"] if t.get("flowchart")}
LANGS = ("en", "zh")


@pytest.mark.parametrize(("name", "kind"), [
    ("seed_phrase", "recovery-phrase"), ("recoveryPhrase", "recovery-phrase"), ("mnemonic", "recovery-phrase"),
    ("bip39mnemonic", "recovery-phrase"), ("seedphrase", "recovery-phrase"), ("seeds", "recovery-phrase"),
    ("12_words", "recovery-phrase"), ("助记词", "recovery-phrase"),
    ("private_key", "private-key"), ("privateKey", "private-key"), ("privkey", "private-key"),
    ("keystore_file", "private-key"), ("私钥", "private-key"),
    ("passcode", "passcode"), ("wallet_pin", "passcode"), ("PIN", "passcode"), ("password", "passcode"),
    ("passphrase", "passphrase"), ("bip39Passphrase", "passphrase"),
    ("2fa_code", "one-time-code"), ("otp", "one-time-code"), ("sms-code", "one-time-code"),
    ("verificationCode", "one-time-code"), ("google_authenticator", "one-time-code"), ("验证码", "one-time-code"),
    ("tx_hash", None), ("screenshot", None), ("shipping", None), ("footprint", None), ("spinner", None),
    ("exchange_record_id", None), ("app_version", None),
])
def test_never_collect_matches_every_spelling(name: str, kind: str | None) -> None:
    found = fields.never_collect_kind(name)
    assert (found.kind if found else None) == kind


def test_vocabulary_is_the_content_plans_and_speaks_both_languages() -> None:
    vocabulary = fields.collect_fields()
    assert list(vocabulary) == list(PLAN["ticket_policy"]["collect_fields"])
    for name, field in vocabulary.items():
        assert set(field.label) == set(field.help) >= set(LANGS), name  # every shipped language (UI strings)
        assert fields.never_collect_kind(name) is None, name
    assert vocabulary["tx_hash"].label_in("zh") == "交易哈希（TxID）"
    assert vocabulary["tx_hash"].label_in("fr") == "Transaction hash (TxID)"


def test_strings_exist_in_both_languages_and_site_overrides_win() -> None:
    builtin = ui_strings.builtin()
    assert set(LANGS) <= set(builtin.layers)
    assert set(builtin.section("en", "flowcharts")) == set(builtin.section("zh", "flowcharts"))
    assert builtin.section("de", "flowcharts")["back"] == "Back"  # a language the package does not ship
    site = ui_strings.load(options={"flowcharts": {"zh": {"back": "返回"}}})
    assert site.section("zh", "flowcharts")["back"] == "返回"


@pytest.mark.parametrize(("target", "page", "expected"), [
    ("en/app/update-app/", "en/app/app-trouble/", "../update-app/"),
    ("en/wallet/fix-it/", "en/app/app-trouble/", "../../wallet/fix-it/"),
    ("en/app/app-trouble/", "en/app/app-trouble/", "./"),
    ("en/app/update-app.html", "en/app/app-trouble.html", "update-app.html"),
    ("zh/app/update-app/", "en/app/app-trouble/", "../../../zh/app/update-app/"),
])
def test_relative_url(target: str, page: str, expected: str) -> None:
    assert view.relative_url(target, page) == expected


def tree_of(text: str) -> tuple[list[str], list[str]]:
    """Parse and validate a tree against the article 'fix-it'; (parse messages, validation messages)."""
    parsed = parser.parse(text.encode(), "t.yml", "t", LANGS)
    assert parsed.tree is not None
    return ([d.format() for d in parsed.diagnostics],
            [d.format() for d in validate.validate(parsed.tree, LANGS, ["fix-it"])])


def test_a_loop_with_a_way_out_is_fine() -> None:
    assert tree_of("""
start: q-try
nodes:
  q-try:
    ask: {en: "Restart and try again. Does it work now?", zh: "重启后再试，现在可以吗？"}
    options:
      - {en: "Yes", zh: "可以", next: r-done}
      - {en: "No, try once more", zh: "不行，再试一次", next: q-try}
  r-done:
    resolve: fix-it
    say: {en: "Good.", zh: "好。"}
""") == ([], [])


def test_a_leaf_after_a_step_is_reachable_and_labels_are_trimmed() -> None:
    parsed = parser.parse(b"start: s-a\nnodes:\n  s-a:\n    say: {en: '  Do   it. ', zh: x}\n    next: r-b\n"
                          b"  r-b:\n    resolve: fix-it\n    say: {en: a, zh: b}\n", "t.yml", "t", LANGS)
    assert parsed.diagnostics == []
    assert parsed.tree is not None
    assert parsed.tree.nodes["s-a"].text.texts == {"en": "Do it.", "zh": "x"}
    assert validate.validate(parsed.tree, LANGS, ["fix-it"]) == []


def test_folded_block_text_reads_as_written() -> None:
    # ruamel's round-trip composer leaves a '\a' at each fold of a `>` block; readers must never see it.
    parsed = parser.parse(b"start: r-a\nnodes:\n  r-a:\n    resolve: fix-it\n    say:\n      en: >\n"
                          b"        Add the token\n        by its contract.\n      zh: |\n"
                          + "        第一\n".encode(),
                          "t.yml", "t", LANGS)
    assert parsed.diagnostics == []
    assert parsed.tree is not None
    assert parsed.tree.nodes["r-a"].text.texts == {"en": "Add the token by its contract.", "zh": "第一"}


def test_unknown_articles_are_skipped_without_a_catalog() -> None:
    parsed = parser.parse(b"start: r-a\nnodes:\n  r-a:\n    resolve: nowhere\n    say: {en: a, zh: b}\n",
                          "t.yml", "t", LANGS)
    assert parsed.tree is not None
    assert validate.validate(parsed.tree, LANGS, None) == []


def test_a_byte_order_mark_is_harmless_but_bad_bytes_are_not() -> None:
    body = b"start: r-a\nnodes:\n  r-a:\n    resolve: fix-it\n    say: {en: a, zh: b}\n"
    assert parser.parse(b"\xef\xbb\xbf" + body, "t.yml", "t", LANGS).diagnostics == []
    problems = parser.parse(body + b"# caf\xe9\n", "t.yml", "t", LANGS).diagnostics
    assert [p.format() for p in problems] == [
        "t.yml:6:6: error[file-not-utf8]: byte 0xe9 is not valid UTF-8\n"
        "  = hint: save the file as UTF-8 (your editor's 'save with encoding' menu)"]


@pytest.mark.parametrize("tree_id", sorted(PLANNED))
def test_ported_tree_keeps_the_plans_structure_and_english(tree_id: str) -> None:
    loaded = trees.load(ROOT / "docs" / "flowcharts", LANGS)
    tree = loaded.trees[tree_id]
    plan = PLANNED[tree_id]
    assert tree.start == plan["start"]
    assert list(tree.nodes) == list(plan["nodes"])
    for node_id, planned in plan["nodes"].items():
        node = tree.nodes[node_id]
        if "ask" in planned:
            assert node.text.texts["en"] == planned["ask"]["en"]
            assert [(o.label.texts["en"], o.next) for o in node.options] == [
                (o["en"], o["next"]) for o in planned["options"]]
        elif "escalate" in planned:
            assert node.collect == tuple(planned["escalate"]["collect"])
            assert node.to == planned["escalate"]["to"]
            assert node.text.texts["en"] == planned["escalate"]["say"]["en"]
        else:
            assert (node.article, node.next) == (planned.get("resolve"), planned.get("next"))
            assert node.text.texts["en"] == planned["say"]["en"]


def test_every_planned_tree_is_shipped_and_nothing_else() -> None:
    assert sorted(p.stem for p in (ROOT / "docs" / "flowcharts").glob("*.yml")) == sorted(PLANNED)


RENDER = FIXTURES / "flowchart-render"


@pytest.mark.parametrize("lang", LANGS)
def test_widget_html_matches_golden_file(lang: str, update_fixtures: bool) -> None:
    site = SITES / "flowcharts" / "docs"
    catalog = catalog_loader.load(site, LANGS).catalog
    tree = trees.load(site / "flowcharts", LANGS).trees["app-trouble"]
    article = catalog.article("app-trouble", lang)
    assert article is not None
    widget = view.flow_view(tree, lang, catalog, page_url=article.url(),
                            article={"id": article.id, "title": article.title, "url": "/" + article.url()})
    html = render.render(widget)
    golden.assert_text(html, RENDER / f"app-trouble.{lang}.html", update_fixtures)
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_theme_environment_renders_the_same_widget() -> None:
    import jinja2

    site = SITES / "flowcharts" / "docs"
    catalog = catalog_loader.load(site, LANGS).catalog
    tree = trees.load(site / "flowcharts", LANGS).trees["app-trouble"]
    widget = view.flow_view(tree, "en", catalog, page_url="en/app/app-trouble/", article={})
    # MkDocs's own environment has no autoescape: the partial must escape by itself.
    theme_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(render.__file__).parent.parent
                                                                      / "templates")))
    html = render.render(widget, theme_env)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html
