"""Translations that say when they lag: the digest, --mark, the check, the listing and since when (git)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from helpcenter.content import catalog, translations
from tests.builds import copy_site

SOURCE = "---\nid: fees\ntitle: Fees\nsummary: What a transfer costs.\n---\n\nFees are paid in TRX.\n"
ZH = '---\nid: fees\ntranslated_from: "{digest}"\ntitle: 手续费\nsummary: 转账的费用。\n---\n\n手续费以 TRX 支付。\n'


def digest_of(text: str) -> str:
    value = translations.digest_of_file(text.encode())
    assert value is not None
    return value


def test_the_digest_changes_with_the_text_not_with_whitespace() -> None:
    base = digest_of(SOURCE)
    assert re.fullmatch("[0-9a-f]{12}", base)
    assert digest_of(SOURCE.replace("TRX.\n", "TRX.   \n\n\n")) == base
    assert digest_of(SOURCE.replace("---\n\nFees", "---\nFees")) == base
    assert digest_of(SOURCE.replace("TRX", "TRX or ETH")) != base
    assert digest_of(SOURCE.replace("title: Fees", "title: Network fees")) != base


@pytest.mark.parametrize(("text", "expected"), [
    ("---\nid: fees\ntitle: T\n---\nbody\n", '---\nid: fees\ntranslated_from: "0123456789ab"\ntitle: T\n---\nbody\n'),
    ('---\nid: fees\ntranslated_from: "ffffffffffff"\ntitle: T\n---\n',
     '---\nid: fees\ntranslated_from: "0123456789ab"\ntitle: T\n---\n'),
    ("---\ntitle: T\n---\n", '---\ntitle: T\ntranslated_from: "0123456789ab"\n---\n'),
])
def test_mark_writes_one_quoted_field(text: str, expected: str) -> None:
    assert translations.mark(text, "0123456789ab") == expected


def two(zh: str, source: str = SOURCE) -> catalog.Catalog:
    files = [("en/fees/fees.md", source.encode()), ("zh/fees/fees.md", zh.encode())]
    loaded = catalog.load_sources(files, ["en", "zh"])
    return loaded.catalog


def test_an_outdated_translation_is_a_warning_at_its_field() -> None:
    current = two(ZH.format(digest=digest_of(SOURCE)))
    assert translations.check(current, "docs/") == []
    assert [s.state for s in translations.statuses(current)] == [translations.CURRENT]
    edited = SOURCE.replace("TRX", "TRX or energy")
    lagging = two(ZH.format(digest=digest_of(SOURCE)), edited)
    (problem,) = translations.check(lagging, "docs/")
    assert problem.format() == (
        f"docs/zh/fees/fees.md:3:18: warning[i18n-translation-outdated]: the zh translation of 'fees' was made from "
        f"an older version of docs/en/fees/fees.md (translated_from {digest_of(SOURCE)}, now {digest_of(edited)})\n"
        "  = hint: update the translation, then run 'helpcenter translations --mark fees zh'")
    assert [s.state for s in translations.statuses(lagging)] == [translations.OUTDATED]


def test_bad_values_and_misplaced_fields_are_errors() -> None:
    (bad,) = translations.check(two(ZH.format(digest="yesterday")), "docs/")
    assert (bad.code, bad.line, bad.col) == ("i18n-bad-translated-from", 3, 18)
    source = SOURCE.replace("id: fees\n", 'id: fees\ntranslated_from: "0123456789ab"\n')
    (misplaced,) = translations.check(two(ZH.format(digest=digest_of(source)), source), "")
    assert (misplaced.code, misplaced.path) == ("i18n-translated-from-source", "en/fees/fees.md")


def git(project: Path, *args: str, date: str = "2026-11-01T10:00:00+00:00") -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(project), "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_cli_lists_lagging_translations_since_the_source_changed_and_marks_them(tmp_path: Path) -> None:
    project = copy_site("basic", tmp_path)
    config = str(project / "mkdocs.yml")
    runner = CliRunner()
    before = runner.invoke(cli, ["translations", "-f", config])
    assert before.exit_code == 0, before.output
    assert before.output.splitlines()[0] == "zh: 1 missing, 0 outdated, 2 untracked, 0 current"
    assert "  missing    english-only: no docs/zh/…/english-only.md (source docs/en/wallet/english-only.md)" \
        in before.output
    marked = runner.invoke(cli, ["translations", "--mark", "create-wallet", "zh", "-f", config])
    assert marked.exit_code == 0, marked.output
    zh = project / "docs" / "zh" / "wallet" / "create-wallet.md"
    recorded = zh.read_text(encoding="utf-8").split("translated_from: \"", 1)[1][:12]
    assert marked.output == f"docs/zh/wallet/create-wallet.md: translated_from: {recorded}\n"
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first")
    source = project / "docs" / "en" / "wallet" / "create-wallet.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nKeep the paper somewhere dry.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "source changed", date="2026-11-20T09:00:00+00:00")
    after = runner.invoke(cli, ["translations", "-f", config])
    assert after.output.splitlines()[0] == "zh: 1 missing, 1 outdated, 1 untracked, 0 current"
    assert (f"  outdated   create-wallet: docs/zh/wallet/create-wallet.md since 2026-11-20 (source "
            f"docs/en/wallet/create-wallet.md is {digest_of(source.read_text(encoding='utf-8'))}, translated from "
            f"{recorded})") in after.output
    assert "  missing    english-only: no docs/zh/…/english-only.md since 2026-11-01" in after.output
    check = runner.invoke(cli, ["check", "-f", config])
    assert "docs/zh/wallet/create-wallet.md:3:18: warning[i18n-translation-outdated]" in check.output
    refused = runner.invoke(cli, ["translations", "--mark", "english-only", "zh", "-f", config])
    assert refused.exit_code == 1
    assert refused.output == "Error: 'english-only' has no 'zh' translation yet; write it first\n"


def test_since_is_unknown_outside_the_history() -> None:
    assert translations.since("0123456789ab", lambda: iter([(dt.date(2026, 1, 2), SOURCE.encode())]),
                              dt.date(2026, 12, 1)) is None
    assert translations.since(digest_of(SOURCE), lambda: iter([(dt.date(2026, 1, 2), SOURCE.encode())]),
                              dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)


def _stale(project: Path) -> None:
    zh = project / "docs" / "zh" / "wallet" / "create-wallet.md"
    zh.write_text(translations.mark(zh.read_text(encoding="utf-8"), "000000000000"), encoding="utf-8")


def test_readers_of_an_outdated_translation_see_a_notice_linking_the_source(built_site) -> None:
    site = built_site("basic", edit=_stale, strict=False)  # strict would stop on the warning itself
    zh = (site / "zh" / "wallet" / "create-wallet" / "index.html").read_text(encoding="utf-8")
    notice = zh.split('<div class="admonition warning hc-outdated"', 1)[1].split("</div>", 1)[0]
    assert 'role="note" data-hc-outdated>' in notice
    assert "此译文可能已过时：原文（English）在翻译之后有更新。" in notice
    assert ('<a href="../../../en/wallet/create-wallet/" hreflang="en">阅读最新版本（English）</a>'
            in notice)
    current = (site / "zh" / "wallet" / "backup-recovery-phrase" / "index.html").read_text(encoding="utf-8")
    source = (site / "en" / "wallet" / "create-wallet" / "index.html").read_text(encoding="utf-8")
    assert "hc-outdated" not in current
    assert "hc-outdated" not in source
