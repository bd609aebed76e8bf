"""Language layouts, default ids and pages outside the help center's own shape, without MkDocs."""

from __future__ import annotations

import pytest

from helpcenter.content import catalog, checks, layout, views
from helpcenter.content.links import missing_pages

KNOWN = {"en", "zh", "es", "id", "it", "zh-Hant", "fr"}


@pytest.mark.parametrize(("paths", "default", "languages", "kind", "expected"), [
    (["index.md", "guide/a.md"], "en", None, "auto", (("en",), "folder")),
    (["en/index.md", "zh/index.md", "en/a/b.md"], "en", None, "auto", (("en", "zh"), "folder")),
    (["index.md", "index.zh.md", "a/b.fr.md"], "en", None, "auto", (("en", "fr", "zh"), "suffix")),
    (["id/index.md", "guide.md"], "en", None, "auto", (("en",), "folder")),  # a lone 'id/' is not Indonesian
    (["es/index.md", "guia.md"], "es", None, "auto", (("es",), "folder")),
    (["index.md", "a.zh.md"], "en", ["en", "zh"], "auto", (("en", "zh"), "suffix")),
    (["en/index.md"], "en", ["en", "zh"], "auto", (("en", "zh"), "folder")),
    (["a.zh.md"], "en", None, "folder", (("en",), "folder")),
])
def test_detect(paths, default, languages, kind, expected) -> None:
    found = layout.detect(paths, KNOWN, default, languages=languages, kind=kind)
    assert (found.languages, found.kind) == expected


@pytest.mark.parametrize(("kind", "rel", "expected"), [
    ("folder", "zh/a/b.md", ("zh", "a/b.md")),
    ("folder", "a/b.md", ("en", "a/b.md")),
    ("folder", "fr/b.md", ("en", "fr/b.md")),  # not a site language: the default's
    ("suffix", "a/b.zh.md", ("zh", "a/b.md")),
    ("suffix", "a/b.md", ("en", "a/b.md")),
    ("suffix", "a/v1.2.md", ("en", "a/v1.2.md")),
    ("suffix", "index.zh.md", ("zh", "index.md")),
])
def test_split_and_back(kind: str, rel: str, expected: tuple[str, str]) -> None:
    where = layout.Layout(("en", "zh"), kind)
    assert where.split(rel) == expected
    if expected[1] != rel or expected[0] != "en":
        assert where.path_in(*expected) == rel


@pytest.mark.parametrize(("key", "expected"), [
    ("install.md", "install"), ("Guides/Install App.md", "guides-install-app"),
    ("a/b/c.md", "a-b-c"), ("代理/菜单.md", "page-"),
])
def test_default_id(key: str, expected: str) -> None:
    found = catalog.default_id(key)
    assert found.startswith(expected)
    assert found == catalog.default_id(key)  # stable


def test_pages_outside_our_shape_load_without_a_problem() -> None:
    loaded = catalog.load_sources([
        ("index.md", b"# Welcome\n\nThe site root, with text.\n"),
        ("en/index.md", b"---\ntitle: Help\n---\n"),
        ("en/wallet/index.md", b"---\ntitle: Wallet\n---\n"),
        ("en/wallet/create-wallet.md", b"---\nid: create-wallet\ntitle: Create\nsummary: S.\n---\n"),
        ("faq.md", b"No front matter, no heading.\n"),
        ("en/a/b/c/deep.md", b"---\ntitle: Deep\nauthors: [me]\n---\n"),
        ("guides/install.md", b"---\nid: install-app\ntitle: Install\nsummary: How.\norder: 2\n---\n"),
    ], ["en", "zh"], "docs/")
    assert [p for p in loaded.diagnostics if p.severity != "info"] == []
    found = loaded.catalog
    assert views.locate(found, "index.md") == ("home", "en", "")
    assert found.homes["en"].path == "en/index.md"  # the language's own home wins over the site root
    assert found.index_at("index.md").has_text
    assert {a.path: (a.id, a.category, a.title, a.pinned) for a in found.articles} == {
        "en/wallet/create-wallet.md": ("create-wallet", "wallet", "Create", True),
        "faq.md": ("faq", "", "Faq", False),
        "en/a/b/c/deep.md": ("a-b-c-deep", "a/b/c", "Deep", False),
        "guides/install.md": ("install-app", "guides", "Install", True),
    }
    assert [a.id for a in found.in_language("en")][0] == "install-app"  # `order` first


def test_an_article_in_our_shape_still_needs_its_fields() -> None:
    loaded = catalog.load_sources([("en/wallet/a.md", b"---\nid: a\nsummary: S.\n---\n"),
                                   ("en/wallet/b.md", b"no front matter\n")], ["en"], "docs/")
    assert sorted(p.code for p in loaded.diagnostics) == ["fm-missing", "fm-missing-field"]


def test_translations_of_a_sites_own_pages_are_info_and_unpinned_pages_are_listed() -> None:
    loaded = catalog.load_sources([("a.md", b"# A\n"), ("a.zh.md", b"# A zh\n"), ("b.md", b"# B\n")],
                                  ["en", "zh"], "docs/", layout="suffix")
    found = {(p.code, p.path, p.severity) for p in checks.check(loaded.catalog, prefix="docs/")}
    assert found == {("i18n-missing-translation", "docs/b.md", "info"), ("id-unpinned", "docs/a.md", "info"),
                     ("id-unpinned", "docs/a.zh.md", "info"), ("id-unpinned", "docs/b.md", "info")}
    missing = next(p for p in checks.check(loaded.catalog, prefix="docs/") if p.code == "i18n-missing-translation")
    assert missing.hint == "add docs/b.zh.md with 'id: b' (helpcenter new writes a skeleton)"


def test_links_to_missing_pages_are_found_outside_code() -> None:
    text = ("See [a](a.md), [gone](old/gone.md#x) and ![img](pic.md).\n"
            "```\n[not a link](nowhere.md)\n```\n"
            "`[code](nowhere.md)` and [web](https://example.com/x.md)\n[ref]: ../moved.md\n")
    problems = missing_pages([("d/page.md", text)], {"d/page.md", "d/a.md", "new/moved.md"}, "docs/")
    assert [(p.line, p.col, p.message, p.hint) for p in problems] == [
        (1, 23, "link to 'old/gone.md#x', a page that does not exist",
         "link to a page that exists, or remove the link"),
        (6, 8, "link to '../moved.md', a page that does not exist",
         "it is now at docs/new/moved.md: link to '../new/moved.md'"),
    ]


def test_an_info_never_fails_a_check_and_is_a_github_notice() -> None:
    from helpcenter.diagnostics import Diagnostic, has_errors

    info = Diagnostic("docs/a.md", 1, 1, "id-unpinned", "page has no 'id'", severity="info")
    assert not has_errors([info])
    assert not has_errors([info], strict=True)
    assert has_errors([info, Diagnostic("docs/a.md", 1, 1, "x", "y", severity="warning")], strict=True)
    assert info.format() == "docs/a.md:1:1: info[id-unpinned]: page has no 'id'"
    assert info.format("github").startswith("::notice file=docs/a.md,line=1,col=1,title=id-unpinned::")


def test_articles_follow_order_then_the_sites_nav_then_titles() -> None:
    loaded = catalog.load_sources([("g/a.md", b"# Alpha\n"), ("g/b.md", b"# Beta\n"), ("g/c.md", b"# Gamma\n"),
                                   ("g/d.md", b"---\ntitle: Delta\norder: 1\n---\n")], ["en"])
    found = loaded.catalog
    assert [a.title for a in found.articles_in("en", "g")] == ["Delta", "Alpha", "Beta", "Gamma"]
    found.set_nav_order(["g/c.md", "g/a.md", "g/b.md", "g/d.md"])
    assert [a.title for a in found.articles_in("en", "g")] == ["Delta", "Gamma", "Alpha", "Beta"]


def test_new_articles_follow_the_sites_layout() -> None:
    import datetime as dt

    from helpcenter.content import skeleton

    suffix = catalog.load_sources([("index.md", b"# Home\n"), ("index.zh.md", b"# Home\n")], ["en", "zh"],
                                  layout="suffix").catalog
    assert sorted(skeleton.skeletons(suffix, "guide", "Charge the lamp", dt.date(2026, 12, 4))) == [
        "guide/charge-the-lamp.md", "guide/charge-the-lamp.zh.md"]
    folder = catalog.load_sources([], ["en", "zh"]).catalog
    assert sorted(skeleton.skeletons(folder, "wallet", "Create", dt.date(2026, 12, 4))) == [
        "en/wallet/create.md", "zh/wallet/create.md"]


def test_only_a_site_of_pinned_articles_in_our_shape_gets_generated_pages() -> None:
    from helpcenter.content import pages

    adopted = catalog.load_sources([("en/index.md", b"# Home\n\nWelcome.\n"), ("fr/index.md", b"# Accueil\n"),
                                    ("en/guide/install.md", b"---\ntitle: Install\n---\n"),
                                    ("fr/guide/install.md", b"---\ntitle: Installer\n---\n")], ["en", "fr"], "docs/")
    assert adopted.diagnostics == []  # titles from headings; no category page asked for
    assert not pages.is_ours(adopted.catalog)
    assert pages.generated_pages(adopted.catalog) == []
    ours = catalog.load_sources([("en/wallet/a.md", b"---\nid: a\ntitle: A\nsummary: S.\n---\n")], ["en"], "docs/")
    assert pages.is_ours(ours.catalog)
    assert [uri for uri, _ in pages.generated_pages(ours.catalog)] == ["en/index.md", "en/wallet/index.md"]
