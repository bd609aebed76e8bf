"""Options of helpcenter-articles and helpcenter-links: a bad value stops the build with MkDocs's exact message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from helpcenter.cli import cli
from tests.conftest import SITES, build_into

PREFIX = "Config value 'plugins': Plugin "


@pytest.mark.parametrize(("replace", "by", "message"), [
    ("languages: [en, zh]", "languages: []",
     "'helpcenter-articles' option 'languages': Expected at least one language code but received an empty list"),
    ("languages: [en, zh]", "languages: [en, zh, en]",
     "'helpcenter-articles' option 'languages': Expected each language once but received 'en' twice"),
    ("languages: [en, zh]", "languages: [en, ../zh]",
     "'helpcenter-articles' option 'languages': Expected a language code such as 'en' or 'zh-hant' but received "
     "'../zh'"),
    ("  - helpcenter-links\n", "  - helpcenter-links: {listing_file: ''}\n",
     "'helpcenter-links' option 'listing_file': Expected a file path inside the site such as 'articles.json' but "
     "received ''"),
    ("  - helpcenter-links\n", "  - helpcenter-links: {listing_file: ../articles.json}\n",
     "'helpcenter-links' option 'listing_file': Expected a file path inside the site such as 'articles.json' but "
     "received '../articles.json'"),
], ids=["no-language", "language-twice", "language-not-a-code", "listing-empty", "listing-outside-site"])
def test_bad_option_is_a_configuration_error(replace: str, by: str, message: str, tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "basic"
    shutil.copytree(SITES / "basic", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert replace in text
    config.write_text(text.replace(replace, by), encoding="utf-8")
    with pytest.raises(Abort, match="configuration error"):
        build_into(project)
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [PREFIX + message]
    caplog.clear()
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["check"])  # MkDocs's loader logs the message, then click aborts
    assert (result.exit_code, result.output) == (1, "\nAborted with a configuration error!\n")
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [PREFIX + message]


def test_listing_file_may_sit_in_a_folder(tmp_path: Path) -> None:
    project = tmp_path / "basic"
    shutil.copytree(SITES / "basic", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - helpcenter-links\n", "  - helpcenter-links: {listing_file: data/articles.json}\n"), encoding="utf-8")
    site = build_into(project, strict=False)
    assert (site / "data" / "articles.json").read_text(encoding="utf-8").startswith('[{"category":"wallet"')
