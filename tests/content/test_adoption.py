"""Existing MkDocs + Material sites adopt the plugins by adding plugin lines only, moving nothing.

Each site under tests/sites/adopt-* is a site as it was before adoption (Material's `search` in its
plugins). Each is built twice with MkDocs's own build, strictly: as it is, and with helpcenter's
plugin lines in place of `search`. Every page of the first build is at the same URL in the second,
the nav is the site's, and our search index holds the text of its index pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from helpcenter.cli import cli
from helpcenter.search import find
from tests.builds import build_into, copy_site

SITES = ("adopt-wallet", "adopt-one-language", "adopt-suffix")
PLUGIN_LINES = """\
  - helpcenter-articles
  - helpcenter-links
  - helpcenter-search
  - helpcenter-flowcharts
  - helpcenter-tickets:
      helpdesk: email
      email_address: help@example.test
"""


def adopt(project: Path) -> None:
    """What a site owner does: Material's `search` out, our plugin lines in; no file moves."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("  - search\n") == 1
    config.write_text(text.replace("  - search\n", PLUGIN_LINES), encoding="utf-8")


def adopt_without_articles(project: Path) -> None:
    """Only search, tickets and flowcharts: none of them needs helpcenter-articles."""
    config = project / "mkdocs.yml"
    lines = "".join(line + "\n" for line in PLUGIN_LINES.splitlines()
                    if "helpcenter-articles" not in line and "helpcenter-links" not in line)
    config.write_text(config.read_text(encoding="utf-8").replace("  - search\n", lines), encoding="utf-8")


def pages(site: Path) -> set[str]:
    """Every HTML page of a build, as site-relative paths."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def nav_links(html: str) -> list[tuple[str, str]]:
    """(href, label) of every entry of the primary sidebar, sections included, in order."""
    start = html.index('class="md-sidebar md-sidebar--primary"')
    end = html.index('class="md-sidebar md-sidebar--secondary"', start)
    part = html[start:end]
    entries = re.findall(r'<(?:a href="([^"]*)"|label)[^>]*class="md-nav__link[^"]*"[^>]*>\s*'
                         r'(?:<span class="md-ellipsis">\s*)?([^<]*?)\s*<', part)
    return [(href, re.sub(r"\s+", " ", label)) for href, label in entries]


@pytest.fixture(scope="module")
def builds(built_site: Callable[..., Path]) -> Callable[[str], tuple[Path, Path]]:
    """(plain build, adopted build) of one site, each built once."""
    return lambda name: (built_site(name), built_site(name, edit=adopt))


@pytest.mark.parametrize("name", SITES)
def test_every_page_of_the_plain_build_keeps_its_url(builds, name: str) -> None:
    plain, ours = builds(name)
    missing = sorted(pages(plain) - pages(ours))
    assert not missing, f"pages gone after adoption: {missing}"
    assert len(pages(plain)) >= 6


@pytest.mark.parametrize("name", SITES)
def test_the_nav_is_the_sites(builds, name: str) -> None:
    plain, ours = builds(name)
    compared = 0
    for page in sorted(pages(plain) - {"404.html"}):
        assert nav_links((ours / page).read_text(encoding="utf-8")) == nav_links(
            (plain / page).read_text(encoding="utf-8")), page
        compared += 1
    assert compared >= 5


def test_the_hand_written_nav_keeps_its_external_link_and_sub_sections(builds) -> None:
    _, ours = builds("adopt-wallet")
    nav = nav_links((ours / "guides/send.html").read_text(encoding="utf-8"))
    assert ("https://status.pocket.example/", "Status page") in nav
    assert ("backup/advanced/paper.html", "Paper wallets") in nav
    labels = [label for _, label in nav]
    assert labels.index("Backups") < labels.index("Advanced") < labels.index("Paper wallets")


@pytest.mark.parametrize(("name", "lang", "url", "word"), [
    ("adopt-wallet", "en", "index.html", "quokka"),
    ("adopt-wallet", "en", "getting-started/index.html", "marmalade"),
    ("adopt-one-language", "zh", "常见问题/", "企鹅"),
    ("adopt-one-language", "zh", "", "熊猫"),
    ("adopt-suffix", "en", "guide/", "walrus"),
])
def test_search_finds_text_of_an_index_page(builds, name: str, lang: str, url: str, word: str) -> None:
    _, ours = builds(name)
    finder = find.Finder(ours / "search")
    assert url in [unquote(row[1]) for row in finder.language(lang).docs]
    assert unquote(finder.find(word, lang)[0].url).split("#")[0] == url


def test_site_pages_are_pages_of_the_help_center(builds) -> None:
    _, ours = builds("adopt-wallet")
    install = (ours / "getting-started/install.html").read_text(encoding="utf-8")
    assert 'class="hc-still-stuck' in install
    assert '<meta name="helpcenter:id" content="getting-started-install">' in install
    rows = {row["id"]: row for row in json.loads((ours / "articles.json").read_text(encoding="utf-8"))}
    # Ids: pinned where front matter says so, else a slug of the path; exclude_docs and the blog stay out.
    assert sorted(rows) == ["getting-started-first-steps", "getting-started-install", "guides-backup-advanced-paper",
                            "guides-backup-words", "orphan", "send-money"]
    assert rows["send-money"]["url"] == "https://docs.pocket.example/guides/send.html"
    assert (ours / "a/getting-started-install/index.html").exists()
    assert 'class="hc-still-stuck' in (ours / "orphan.html").read_text(encoding="utf-8")  # not_in_nav: a page still
    assert not (ours / "drafts").exists()


def test_the_blog_is_left_to_its_plugin(builds) -> None:
    plain, ours = builds("adopt-wallet")
    post = "blog/2026/10/01/pocket-wallet-20-is-out.html"
    assert (plain / post).exists()
    html = (ours / post).read_text(encoding="utf-8")
    assert "hc-still-stuck" not in html
    assert "helpcenter:id" not in html
    assert "md-post" in html  # the blog's own template


def test_a_one_language_site_needs_no_option_and_shows_no_switch(builds) -> None:
    _, ours = builds("adopt-one-language")
    html = (ours / "常见问题/代理菜单空白/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    assert "md-select__link" not in html
    assert not re.findall(r'<link rel="alternate" href="[^"]*" hreflang=', html)
    rows = json.loads((ours / "articles.json").read_text(encoding="utf-8"))
    assert {row["lang"] for row in rows} == {"zh"}
    assert sorted(row["title"] for row in rows) == ["代理菜单空白", "删除账户", "安装客户端"]
    # A file name without Latin letters still gets a stable id (a hash of its path).
    assert all(re.fullmatch(r"page-[0-9a-f]{8}", row["id"]) for row in rows)


def test_the_suffix_layout_pairs_translations_without_moving_them(builds) -> None:
    _, ours = builds("adopt-suffix")
    html = (ours / "guide/charge/index.html").read_text(encoding="utf-8")
    switch = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', html)
    assert switch == [("./", "en"), ("../charge.zh/", "zh")]
    assert not re.findall(r'<link rel="alternate" href="[^"]*" hreflang=', html)  # no sitemap.xml fetch
    assert '<html lang="zh"' in (ours / "guide/charge.zh/index.html").read_text(encoding="utf-8")
    rows = json.loads((ours / "articles.json").read_text(encoding="utf-8"))
    assert sorted((row["id"], row["lang"]) for row in rows) == [
        ("guide-charge", "en"), ("guide-charge", "zh"), ("guide-clean", "en")]


@pytest.mark.parametrize(("name", "article"), [
    ("adopt-wallet", "getting-started/install.html"), ("adopt-one-language", "安装/index.html"),
    ("adopt-suffix", "guide/charge.zh/index.html")])
def test_search_tickets_and_flowcharts_work_without_articles(build_site, name: str, article: str) -> None:
    site = build_site(name, edit=adopt_without_articles)
    folder = next((site / "search").glob("*/meta.json")).parent
    assert len(find.LanguageIndex(folder).docs) >= 3
    assert (site / "assets/helpcenter/tickets/tickets.json").exists()
    assert 'class="hc-still-stuck' in (site / article).read_text(encoding="utf-8")
    assert "hc-still-stuck" not in (site / "index.html").read_text(encoding="utf-8")


def test_static_i18n_stops_the_build_with_a_clear_message(tmp_path: Path, caplog) -> None:
    project = copy_site("adopt-suffix", tmp_path, adopt)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", (
        "plugins:\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        "        - {locale: en, default: true, name: English, build: true}\n"
        "        - {locale: zh, name: 中文, build: true}\n")), encoding="utf-8")
    with pytest.raises(Abort):
        build_into(project)
    assert "Traceback" not in caplog.text
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) and helpcenter both handle languages: remove 'i18n' "
        "from 'plugins' and list the languages under helpcenter-articles instead ('languages: [en, fr]'; "
        "'languages_layout: suffix' for page.fr.md files, 'folder' for docs/fr/…); every page keeps its file"]


def test_check_lists_unpinned_pages_as_info_and_passes_strict(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(copy_site("adopt-wallet", tmp_path, adopt))
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output.count("info[id-unpinned]") == 5
    assert ("docs/getting-started/install.md:1:1: info[id-unpinned]: page has no 'id': its id "
            "'getting-started-install' comes from its path and changes if the file moves\n"
            "  = hint: add 'id: getting-started-install' to its front matter to keep short links and redirects "
            "across moves\n") in result.output


def test_urls_recorded_before_a_restructure_redirect_after_it(tmp_path: Path, monkeypatch) -> None:
    project = copy_site("adopt-wallet", tmp_path, adopt)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - helpcenter-links\n", "  - helpcenter-links:\n      url_history: url-history.yml\n"), encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["urls", "--write"])
    assert result.exit_code == 0, result.output
    assert "recorded docs/guides/send.md (new)" in result.output
    assert "send-money: [guides/send.md]\n" in (project / "url-history.yml").read_text(encoding="utf-8")
    # The restructure: the page moves to a new folder, and the nav says so.
    (project / "docs/guides/payments").mkdir()
    (project / "docs/guides/send.md").rename(project / "docs/guides/payments/send.md")
    config.write_text(config.read_text(encoding="utf-8").replace("guides/send.md", "guides/payments/send.md"),
                      encoding="utf-8")
    (project / "docs/getting-started/first-steps.md").write_text(
        "# First steps\n\nCreate a wallet, then [send a first payment](../guides/payments/send.md).\n",
        encoding="utf-8")
    assert CliRunner().invoke(cli, ["urls", "--write"]).exit_code == 0
    site = build_into(project)
    old = (site / "guides/send.html").read_text(encoding="utf-8")
    assert '"targets":{"en":"../guides/payments/send.html"}' in old


def test_links_to_pages_that_no_longer_exist_are_named_where_they_are(tmp_path: Path, caplog) -> None:
    project = copy_site("adopt-wallet", tmp_path, adopt)
    (project / "docs/guides/payments").mkdir()
    (project / "docs/guides/send.md").rename(project / "docs/guides/payments/send.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("guides/send.md", "guides/payments/send.md"),
                      encoding="utf-8")
    with pytest.raises(Abort, match="Aborted with 2 warnings"):  # ours, with the position, and MkDocs's
        build_into(project)
    assert ("docs/getting-started/first-steps.md:3:73: warning[link-missing-page]: link to '../guides/send.md', "
            "a page that does not exist\n  = hint: it is now at docs/guides/payments/send.md: link to "
            "'../guides/payments/send.md'") in caplog.text


def with_language_sites(project: Path) -> None:
    """The one-language site, adopted, with Material's own selector of language sites."""
    adopt(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "extra:\n  alternate:\n    - {name: 中文, link: /zh/, lang: zh}\n"
        "    - {name: English, link: /en/, lang: en}\n"),
        encoding="utf-8")


def test_a_sites_own_language_selector_is_left_alone(build_site) -> None:
    html = (build_site("adopt-one-language", edit=with_language_sites) / "安装/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" href="/en/" hreflang="en">' in html
    assert re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', html) == [
        ("/zh/", "zh"), ("/en/", "en")]
