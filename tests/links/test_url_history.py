"""Moved articles: the URL history, its checks, the redirect pages it makes and `helpcenter urls`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from helpcenter.cli import cli
from helpcenter.content.catalog import load_sources
from helpcenter.links import history
from tests.conftest import SITES, build_into

HISTORY = """\
create-wallet: [en/old-wallet/create-wallet.md, en/wallet/create-wallet.md, zh/wallet/create-wallet.md]
backup-recovery-phrase: [en/wallet/backup-recovery-phrase.md, zh/wallet/backup-recovery-phrase.md]
english-only: [en/wallet/english-only.md]
"""


def _article(article_id: str) -> bytes:
    return f"---\nid: {article_id}\ntitle: T {article_id}\nsummary: S.\n---\n\nBody.\n".encode()


def _catalog(*paths: str):
    return load_sources([(p, _article(p.rsplit("/", 1)[1][:-3])) for p in paths], ["en", "zh"]).catalog


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests/sites/basic keeping a URL history in which create-wallet (en) moved from old-wallet/."""
    target = tmp_path / "basic"
    shutil.copytree(SITES / "basic", target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - helpcenter-links\n",
                                                 "  - helpcenter-links:\n      url_history: url-history.yml\n"))
    (target / "url-history.yml").write_text(HISTORY)
    monkeypatch.chdir(target)
    return target


def test_parse_keeps_good_entries_and_names_bad_ones_by_line() -> None:
    found, problems = history.parse("a: [en/x/a.md]\nb: en/x/b.md\nc: [en/x/c.md, ../../etc/passwd]\n",
                                    "url-history.yml")
    assert found.paths == {"a": ["en/x/a.md"]}
    assert [p.format() for p in problems] == [
        "url-history.yml:2:4: error[urls-bad-entry]: 'b' must have a list of paths\n"
        "  = hint: restore the file from git, then run 'helpcenter urls --write' and commit url-history.yml",
        "url-history.yml:3:16: error[urls-bad-path]: '../../etc/passwd' is not a page path under the docs folder "
        "such as 'en/<category>/<id>.md' or 'guides/install.md'\n"
        "  = hint: remove it, then run 'helpcenter urls --write' and commit url-history.yml",
    ]
    _, problems = history.parse("a: [en/x/a.md\n", "h.yml")
    assert [(p.line, p.code) for p in problems] == [(2, "urls-yaml-syntax")]


@pytest.mark.parametrize(("path", "ok"), [
    ("install.md", True), ("guides/backup/advanced/paper.md", True), ("guide/install.zh.md", True),
    ("代理/菜单.md", True), ("guides/index.md", False), ("README.md", False), ("/etc/passwd.md", False),
    ("a/../b.md", False), ("a/b.html", False)])
def test_any_page_path_a_site_had_can_be_recorded(path: str, ok: bool) -> None:
    found, problems = history.parse(f"a: [{path}]\n", "h.yml")
    assert (found.paths == {"a": [path]}) is ok
    assert [p.code for p in problems] == ([] if ok else ["urls-bad-path"])


def test_moved_article_redirects_from_its_old_path_and_is_named_until_recorded() -> None:
    found, _ = history.parse("a: [en/old/a.md, zh/old/a.md]\n", "h.yml")
    catalog = _catalog("en/new/a.md", "zh/old/a.md")
    assert history.redirects(found, catalog) == [history.Redirect("en/old/a.md", "a", "en", "en/new/a.md")]
    assert [p.format() for p in history.check(found, catalog)] == [
        "docs/en/new/a.md:2:5: warning[urls-unrecorded]: the address of 'a' (en) is not in h.yml (it moved from "
        "'en/old/a.md', which still redirects): if it moves again, links to its present address will break\n"
        "  = hint: run 'helpcenter urls --write' and commit h.yml"]
    updated, added = history.record(found, catalog)
    assert updated == {"a": ["en/old/a.md", "zh/old/a.md", "en/new/a.md"]}
    assert added == ["en/new/a.md (moved from en/old/a.md)"]
    again, problems = history.parse(history.dump(updated), "h.yml")
    assert (again.paths, problems, history.check(again, catalog)) == (updated, [], [])


def test_a_path_another_article_took_is_not_redirected_and_is_named() -> None:
    found, _ = history.parse("a: [en/x/c.md, zh/x/a.md]\n", "h.yml")  # 'a' once lived where 'c' lives now
    catalog = _catalog("en/y/a.md", "zh/x/a.md", "en/x/c.md")
    problems = history.check(found, catalog)
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [
        ("docs/en/y/a.md", 2, 5, "urls-unrecorded"), ("h.yml", 1, 1, "urls-path-reused")]
    assert problems[1].message == ("'en/x/c.md' was an address of 'a' and is now the article 'c': "
                                   "old links to 'a' open 'c'")
    assert history.redirects(found, catalog) == []


def test_a_removed_article_is_a_warning_at_its_entry() -> None:
    found, _ = history.parse("a: [en/x/a.md]\ngone: [en/x/gone.md]\n", "h.yml")
    problems = history.check(found, _catalog("en/x/a.md"))
    assert [(p.line, p.code, p.severity) for p in problems] == [(2, "urls-article-gone", "warning")]
    assert history.redirects(found, _catalog("en/x/a.md")) == []


def test_odd_ids_are_written_as_quoted_yaml() -> None:
    text = history.dump({"a": ["en/x/a.md"], "b: c": ["en/x/b c.md"]})
    assert text.endswith('a: [en/x/a.md]\n"b: c": ["en/x/b c.md"]\n')


def test_build_writes_a_redirect_page_at_the_old_path(project: Path) -> None:
    site = build_into(project, strict=False)
    page = (site / "en/old-wallet/create-wallet/index.html").read_text()
    assert '"targets":{"en":"../../../en/wallet/create-wallet/"}' in page
    assert '<script type="module" src="../../../assets/helpcenter/links/shortlink.js"></script>' in page
    assert '<noscript><meta http-equiv="refresh" content="0; url=../../../en/wallet/create-wallet/"></noscript>' in page
    assert '<link rel="canonical" href="https://help.example.test/en/wallet/create-wallet/">' in page
    assert (site / "en/wallet/create-wallet/index.html").exists()


def test_strict_build_and_check_fail_on_an_unrecorded_article(project: Path) -> None:
    (project / "url-history.yml").write_text(HISTORY.replace("english-only: [en/wallet/english-only.md]\n", ""))
    with pytest.raises(Abort):
        build_into(project, strict=True)
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert result.exit_code == 1
    assert "docs/en/wallet/english-only.md:2:5: warning[urls-unrecorded]: the address of 'english-only' (en)" \
        in result.output


def test_a_broken_history_stops_the_build(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    (project / "url-history.yml").write_text("create-wallet: nowhere\n")
    with pytest.raises(Abort):
        build_into(project, strict=False)
    assert "url-history.yml:1:16: error[urls-bad-entry]: 'create-wallet' must have a list of paths" in caplog.text


def test_urls_lists_what_is_missing_and_write_records_it(project: Path) -> None:
    (project / "url-history.yml").unlink()
    result = CliRunner().invoke(cli, ["urls"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "not recorded: docs/en/wallet/backup-recovery-phrase.md (new)"
    assert result.output.splitlines()[-1] == "run 'helpcenter urls --write' and commit url-history.yml"
    result = CliRunner().invoke(cli, ["urls", "--write"])
    assert result.exit_code == 0
    assert "recorded docs/zh/wallet/create-wallet.md (new)" in result.output
    assert CliRunner().invoke(cli, ["urls"]).output == ""
    assert CliRunner().invoke(cli, ["check"]).output.count("urls-") == 0


def test_new_records_the_files_it_creates(project: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "wallet", "Send USDT"])
    assert result.exit_code == 0
    assert "recorded docs/en/wallet/send-usdt.md (new) in url-history.yml" in result.output
    assert "send-usdt: [en/wallet/send-usdt.md, zh/wallet/send-usdt.md]" in (project / "url-history.yml").read_text()


def test_urls_without_a_history_setting_says_how_to_keep_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SITES / "basic", tmp_path / "basic")
    monkeypatch.chdir(tmp_path / "basic")
    result = CliRunner().invoke(cli, ["urls"])
    assert result.exit_code == 1
    assert "set 'url_history: url-history.yml' under helpcenter-links" in result.output


@pytest.mark.browser
def test_an_old_address_opens_the_article_where_it_is_now(project: Path, serve, page) -> None:
    base = serve(build_into(project, strict=False))
    page.goto(base + "en/old-wallet/create-wallet/?step=q-1#keep-it-safe")
    page.wait_for_url(base + "en/wallet/create-wallet/?step=q-1#keep-it-safe")
    assert page.locator("h1").inner_text() == "Create a new wallet"
