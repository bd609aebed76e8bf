"""The `helpcenter` command: exit codes and exact output, on a real project folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from tests.conftest import SITES


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "basic"
    shutil.copytree(SITES / "basic", target)
    monkeypatch.chdir(target)
    return target


def test_check_reports_warnings_and_passes_without_strict(project: Path) -> None:
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0
    assert result.output == (
        "docs/en/wallet/english-only.md:2:5: warning[i18n-missing-translation]: article 'english-only' has no "
        "'zh' translation\n  = hint: add docs/zh/wallet/english-only.md with 'id: english-only' "
        "(helpcenter new writes a skeleton)\n")
    assert CliRunner().invoke(cli, ["check", "--strict"]).exit_code == 1


def test_check_clean_project_prints_nothing(project: Path) -> None:
    (project / "docs/en/wallet/english-only.md").unlink()
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert (result.exit_code, result.output) == (0, "")


def test_check_limited_to_paths(project: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--strict", "docs/zh"])
    assert (result.exit_code, result.output) == (0, "")


def test_check_without_config_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert result.output == "Error: no mkdocs.yml here: run from the site's folder or pass --config-file\n"


def test_new_writes_a_valid_skeleton_in_every_language(project: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "wallet", "Create a new wallet"])
    assert result.exit_code == 0
    assert result.output == ("created docs/en/wallet/create-a-new-wallet.md\n"
                             "created docs/zh/wallet/create-a-new-wallet.md\n")
    (project / "docs/en/wallet/english-only.md").unlink()
    assert CliRunner().invoke(cli, ["check", "--strict"]).output == ""


def test_new_never_reuses_an_id(project: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "wallet", "Create wallet"])
    assert "create-wallet-2.md" in result.output


@pytest.mark.parametrize(("args", "code", "output"), [
    (["create-wallet"], 0, "https://help.example.test/a/create-wallet/\n"),
    (["create-wallet", "--lang", "zh", "--section", "backup"], 0,
     "https://help.example.test/a/create-wallet/?lang=zh#backup\n"),
    (["creat-wallet"], 1, "Error: no article has the id 'creat-wallet'; did you mean 'create-wallet'? "
                          "see articles.json for every id\n"),
    (["english-only", "--lang", "zh"], 1, "Error: 'english-only' has no 'zh' version; it exists in: en\n"),
    (["create-wallet", "--section", "bakup"], 1,
     "Error: section 'bakup' is not a heading id of docs/en/wallet/create-wallet.md; did you mean 'backup'? "
     "headings: backup\n"),
    (["create-wallet", "--step", "q-one"], 1, "Error: 'create-wallet' has no flowchart, so it has no step 'q-one'\n"),
])
def test_link(project: Path, args: list[str], code: int, output: str) -> None:
    result = CliRunner().invoke(cli, ["link", *args])
    assert (result.exit_code, result.output) == (code, output)


@pytest.mark.parametrize(("args", "code", "output"), [
    (["tx-pending", "--step", "q-eth-fee", "--lang", "zh"], 0,
     "https://help.example-wallet.com/a/tx-pending/?lang=zh&step=q-eth-fee\n"),
    (["tx-pending", "--step", "q-eth-fe"], 1, "Error: step 'q-eth-fe' is not a node of flowchart 'tx-pending'; "
                                              "did you mean 'q-eth-fee'? nodes: q-network, "),
])
def test_link_to_a_flowchart_step_of_the_sample(args: list[str], code: int, output: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["link", *args])
    assert result.exit_code == code
    assert result.output.startswith(output)


def test_check_reports_helpdesk_settings_like_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    for folder in ("docs", "search"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "url-history.yml", tmp_path)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(text.replace("        network: 360012345601", "        netwrk: 360012345601"),
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "network: 360012345601" in row)
    assert result.output.startswith(f"mkdocs.yml:{line}:9: error[ticket-unknown-field]: ")
    assert "'netwrk'" in result.output


def test_check_accepts_theme_fields_that_name_real_templates_and_icons(project: Path) -> None:
    (project / "docs/en/wallet/english-only.md").unlink()
    article = project / "docs/en/wallet/create-wallet.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("---\n", "---\ntemplate: helpcenter/article.html\nicon: material/wallet\n"
                                    "hide: [toc]\nsearch: {boost: 2}\n", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert (result.exit_code, result.output) == (0, "")


@pytest.mark.parametrize("category", ["../../evil", "Wallet Stuff", "wallet/deep", ""])
def test_new_refuses_a_category_that_is_not_a_folder_name(project: Path, category: str) -> None:
    result = CliRunner().invoke(cli, ["new", category, "Hello"])
    assert result.exit_code == 2
    suggestion = {"../../evil": "evil", "Wallet Stuff": "wallet-stuff", "wallet/deep": "wallet-deep", "": "wallet"}
    assert result.output == ("Usage: cli new [OPTIONS] CATEGORY TITLE\nTry 'cli new --help' for help.\n\n"
                             f"Error: Invalid value for CATEGORY: category '{category}' is not a folder name: "
                             f"use kebab-case, e.g. '{suggestion[category]}'\n")
    assert not (project.parent / "evil").exists()


def test_new_never_overwrites_a_file_that_did_not_load(project: Path) -> None:
    broken = project / "docs/zh/wallet/hello.md"
    broken.write_text("---\ntitle: [unclosed\n---\nA draft someone is writing.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", "wallet", "Hello"])
    assert result.exit_code == 0
    assert result.output == "created docs/en/wallet/hello-2.md\ncreated docs/zh/wallet/hello-2.md\n"
    assert broken.read_text(encoding="utf-8").endswith("A draft someone is writing.\n")
