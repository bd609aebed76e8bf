"""A public tracker (GitHub issues) warns in the build and in `helpcenter check` until the site says what it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from helpcenter.cli import cli
from tests.builds import build_into
from tests.tickets.test_config import project_with

GITHUB = "helpdesk: github\ngithub_repo: https://github.com/example-wallet/support\nfields: crypto-wallet\n"
WARNING = ("mkdocs.yml:15:7: warning[ticket-public-tracker]: helpdesk 'github' files tickets as issues that anyone "
           "can read when the project is public\n  = hint: public project: add public_tracker: true (the form then "
           "says the ticket is public and asks for no addresses or amounts); private project: public_tracker: false")


def test_check_warns_at_the_helpdesk_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = project_with(tmp_path, GITHUB)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["check", "mkdocs.yml"])
    assert (result.exit_code, result.output) == (0, WARNING + "\n")
    assert CliRunner().invoke(cli, ["check", "--strict", "mkdocs.yml"]).exit_code == 1


def test_the_strict_build_fails_on_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort, match="1 warnings"):
        build_into(project_with(tmp_path, GITHUB))
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [f"helpcenter: {WARNING}"]


@pytest.mark.parametrize(("answer", "public", "form_fields"), [
    ("true", True, ["network", "asset", "time_utc", "error_text", "app_version", "device_os"]),
    ("false", False, ["network", "asset", "amount", "tx_hash", "time_utc", "error_text", "app_version", "device_os"]),
])
def test_the_site_says_whether_it_is_public(tmp_path: Path, answer: str, public: bool, form_fields: list[str]) -> None:
    site = build_into(project_with(tmp_path, GITHUB + f"public_tracker: {answer}\n"))
    data = json.loads((site / "assets/helpcenter/tickets/tickets.json").read_text(encoding="utf-8"))
    assert (data["public"], data["form_fields"]) == (public, form_fields)
    assert data["private_fields"] == (["amount", "from_address", "to_address", "tx_hash"] if public else [])
    html = (site / "en/app/update-app/index.html").read_text(encoding="utf-8")
    assert ('class="hc-still-stuck__public"' in html) is public
