"""`helpcenter new`: readable ids from titles in any script, --id, and headings the site can render."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from helpcenter.floor.ids import readable_slug
from tests.builds import SITES

USAGE = "Usage: cli new [OPTIONS] CATEGORY TITLE\nTry 'cli new --help' for help.\n\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "basic"
    shutil.copytree(SITES / "basic", target)
    (target / "docs/en/wallet/english-only.md").unlink()  # so `check --strict` is clean before `new`
    monkeypatch.chdir(target)
    return target


@pytest.mark.parametrize(("title", "slug"), [
    ("代理菜单空白", "dai-li-cai-dan-kong-bai"),
    ("No recibí mi pago", "no-recibi-mi-pago"),
    ("USDT转账没到账 (TRC20)", "usdt-zhuan-zhang-mei-dao-zhang-trc20"),
    ("Не пришёл платёж", "ne-prishel-platezh"),
    ("Tôi chưa nhận được tiền", "toi-chua-nhan-duoc-tien"),
    ("송금이 안 와요", "song-geum-i-an-wa-yo"),
    ("Ελληνικά", "ellinika"),
    ("Create a new wallet", "create-a-new-wallet"),
    ("!!! ???", ""),
])
def test_readable_slug(title: str, slug: str) -> None:
    assert readable_slug(title) == slug


@pytest.mark.parametrize(("title", "slug"), [("代理菜单空白", "dai-li-cai-dan-kong-bai"),
                                             ("No recibí mi pago", "no-recibi-mi-pago")])
def test_new_makes_a_readable_id_from_any_script(project: Path, title: str, slug: str) -> None:
    result = CliRunner().invoke(cli, ["new", "wallet", title])
    assert (result.exit_code, result.output) == (0, f"created docs/en/wallet/{slug}.md\n"
                                                    f"created docs/zh/wallet/{slug}.md\n")
    text = (project / f"docs/zh/wallet/{slug}.md").read_text(encoding="utf-8")
    assert text.startswith(f'---\nid: {slug}\ntitle: "{title}"\n')
    assert CliRunner().invoke(cli, ["check", "--strict"]).output == ""


def test_a_title_with_nothing_to_spell_asks_for_an_id(project: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "wallet", "!!! ???"])
    assert (result.exit_code, result.output) == (2, USAGE + "Error: no id can be made from the title '!!! ???': "
                                                    "give one with --id, e.g. --id my-article\n")
    assert sorted(p.name for p in (project / "docs/en/wallet").iterdir()) == [
        "backup-recovery-phrase.md", "create-wallet.md", "index.md"]


def test_the_writer_gives_the_id(project: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "wallet", "!!! ???", "--id", "payment-missing"])
    assert (result.exit_code, result.output) == (0, "created docs/en/wallet/payment-missing.md\n"
                                                    "created docs/zh/wallet/payment-missing.md\n")


@pytest.mark.parametrize(("given", "error"), [
    ("No Recibí", "'No Recibí' is not an id: use kebab-case, e.g. 'no-recibi'"),
    ("create-wallet", "id 'create-wallet' is taken: choose another"),
])
def test_a_given_id_must_be_kebab_case_and_free(project: Path, given: str, error: str) -> None:
    result = CliRunner().invoke(cli, ["new", "wallet", "Hello", "--id", given])
    assert (result.exit_code, result.output) == (2, USAGE + f"Error: Invalid value for '--id': {error}\n")


def test_headings_get_ids_only_where_attr_list_renders_them(project: Path) -> None:
    CliRunner().invoke(cli, ["new", "wallet", "With ids"])
    assert "\n## Steps {#steps}\n" in (project / "docs/en/wallet/with-ids.md").read_text(encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - attr_list\n", ""), encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", "wallet", "Without ids"])
    assert result.exit_code == 0
    text = (project / "docs/en/wallet/without-ids.md").read_text(encoding="utf-8")
    assert text.endswith("---\n\nTODO: the short answer first.\n\n## Steps\n\n1. TODO\n\n## Why it happens\n\nTODO\n")
    assert "{#" not in (project / "docs/zh/wallet/without-ids.md").read_text(encoding="utf-8")


HINT = "  = hint: add '- attr_list' under markdown_extensions in mkdocs.yml, or remove the {#…} from the headings\n"


def test_check_says_which_extension_heading_ids_need(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - attr_list\n", ""), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "docs/en"])
    message = "warning[md-needs-attr-list]: a heading sets an id ({#…}), which needs the attr_list extension\n"
    assert (result.exit_code, result.output) == (0, f"docs/en/wallet/backup-recovery-phrase.md:12:21: {message}{HINT}"
                                                    f"docs/en/wallet/create-wallet.md:12:23: {message}{HINT}")
    assert CliRunner().invoke(cli, ["check", "--strict"]).exit_code == 1


@pytest.mark.parametrize(("text", "found"), [
    ("# Title\n\n## Steps {#steps}\n", (3, 10)),
    ("## Steps { #steps .wide }\n", (1, 10)),
    ("```md\n## Steps {#steps}\n```\n\n## Plain\n", None),  # an example in fenced code is not a heading
    ("~~~~\n```\n## In {#code}\n```\n~~~~\n## Real {#real}\n", (6, 9)),
    ("Text with {#braces} but no heading\n", None),
])
def test_first_heading_id(text: str, found: tuple[int, int] | None) -> None:
    from helpcenter.content.headings import first_heading_id

    assert first_heading_id(text) == found
