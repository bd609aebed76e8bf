"""Built sites: notices in the pages' HTML, notices.json, the ended-notice warning, `helpcenter notices` and check."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from tests.builds import ROOT, SITES

ENDED = """
- id: last-year
  severity: info
  start: 2025-01-01T00:00:00Z
  end: 2025-01-02T00:00:00Z
  text: {en: "Old.", zh: "旧。"}
"""


def notices_html(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<section class="hc-notices".*?</section>', html, re.S)
    return found.group(0) if found else ""


def test_pages_carry_their_notices(built_site) -> None:
    site = built_site("notices")
    fees = notices_html(site, "en/fees/network-fees")
    # Active at build time: shown without JavaScript; upcoming: present but hidden until the clock says so.
    assert re.search(r'data-notice-id="fees-info"[^>]*data-end="">', fees)
    assert re.search(r'data-notice-id="maintenance-window"[^>]*hidden>', fees)
    assert "Fees on TRON changed &lt;today&gt;." in fees  # escaped
    assert 'href="../../../en/wallet/create-wallet/"' in fees
    wallet = notices_html(site, "zh/wallet/create-wallet")
    assert "fees-info" not in wallet
    assert "article-only" in wallet
    assert "TRON 转账延迟。请勿重复发送。" in wallet
    assert 'aria-label="服务公告"' in wallet
    critical = re.search(r'data-notice-id="outage-critical".*?</div>', wallet, re.S).group(0)
    assert "hc-notice__dismiss" not in critical
    home = notices_html(site, "en")
    assert 'data-hc-notices hidden' in home  # nothing active at build time there


def test_notices_json(built_site) -> None:
    rows = json.loads((built_site("notices") / "notices.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == ["maintenance-window", "outage-critical", "fees-info", "article-only"]
    assert rows[1] == {"id": "outage-critical", "severity": "critical", "start": "2030-03-01T02:00:00Z",
                       "end": "2030-03-01T05:00:00Z", "link": None, "scope": None,
                       "text": {"en": "TRON transfers are delayed. Do not resend.",
                                "zh": "TRON 转账延迟。请勿重复发送。"}}


def test_an_ended_notice_is_a_warning(build_site, caplog: pytest.LogCaptureFixture) -> None:
    def add_ended(project: Path) -> None:
        with (project / "notices.yml").open("a", encoding="utf-8") as out:
            out.write(ENDED)

    with caplog.at_level(logging.WARNING):
        build_site("notices", strict=False, edit=add_ended)
    assert "helpcenter: notices.yml:39:8: warning[notices-ended]: notice 'last-year' ended at 2025-01-02T00:00:00Z\n" \
           "  = hint: remove it from the file: it is no longer shown" in caplog.messages


def test_cli_lists_active_and_upcoming_notices() -> None:
    result = CliRunner().invoke(cli, ["notices", "-f", str(SITES / "notices" / "mkdocs.yml"),
                                      "--at", "2030-03-01T02:30:00Z", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "active    info      fees-info  2026-01-01T00:00:00Z -> until removed  [fees]  TRON 手续费已调整。\n"
        "active    info      article-only  2030-03-01T00:00:00Z -> 2030-03-02T00:00:00Z  [create-wallet]  "
        "本指南将随下一版应用更新。\n"
        "active    warning   maintenance-window  2030-03-01T01:00:00Z -> 2030-03-01T03:00:00Z  [every page]  "
        "维护时间 01:00 至 03:00（UTC）：转账暂停。\n"
        "active    critical  outage-critical  2030-03-01T02:00:00Z -> 2030-03-01T05:00:00Z  [every page]  "
        "TRON 转账延迟。请勿重复发送。\n")


def test_sample_ships_an_upcoming_maintenance_notice() -> None:
    result = CliRunner().invoke(cli, ["notices", "-f", str(ROOT / "mkdocs.yml"), "--at", "2026-12-15T00:00:00Z"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("upcoming  warning   tron-node-upgrade-2027-02  2027-02-06T01:00:00Z -> "
                                    "2027-02-06T03:00:00Z  [every page]  Scheduled maintenance")


@pytest.mark.parametrize(("epoch", "listed"), [
    ("1796083200", "upcoming  warning   tron-node-upgrade-2027-02"),  # 2026-12-01T00:00:00Z
    ("1801882800", "no notice is active or upcoming at 2027-02-06T03:00:00Z"),  # the notice's end
])
def test_source_date_epoch_is_the_time_notices_are_judged_at(monkeypatch: pytest.MonkeyPatch, epoch: str,
                                                              listed: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    listing = CliRunner().invoke(cli, ["notices", "-f", str(ROOT / "mkdocs.yml")])
    assert listing.output.startswith(listed)
    checked = CliRunner().invoke(cli, ["check", "-f", str(ROOT / "mkdocs.yml")])
    assert ("warning[notices-ended]: notice 'tron-node-upgrade-2027-02' ended" in checked.output) is (
        epoch == "1801882800"), checked.output


def test_check_reports_notices_and_channels_at_their_lines(tmp_path: Path) -> None:
    project = tmp_path / "site"
    shutil.copytree(SITES / "notices", project, ignore=shutil.ignore_patterns("site"))
    notices = project / "notices.yml"
    notices.write_text(notices.read_text(encoding="utf-8").replace("severity: critical", "severity: urgent"),
                       encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - helpcenter-notices\n", (
        "  - helpcenter-notices\n"
        "  - helpcenter-verify:\n"
        "      official_domains: [example.com, 'https://example.com/login']\n"
        "      official_phones: ['+1 415 555 0100']\n"
        "      official_handles: {telegram: [ok_name, 'no'], myspace: [x]}\n")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-f", str(config)])
    assert result.exit_code == 1
    assert result.output == (
        "mkdocs.yml:12:39: error[verify-bad-domain]: 'https://example.com/login' is not a domain name\n"
        "  = hint: write the bare domain, e.g. example.com (no https://, path or port); an international domain "
        "in its xn-- form\n"
        "mkdocs.yml:13:25: error[verify-bad-phone]: '+1 415 555 0100' is not a phone number in E.164 form\n"
        "  = hint: write '+', the country code and the number, no spaces: e.g. '+14155550100'\n"
        "mkdocs.yml:14:26: error[verify-bad-handle]: 'no' is not a valid telegram name\n"
        "  = hint: write the name as it appears in the channel's address, without the site\n"
        "mkdocs.yml:14:53: error[verify-unknown-platform]: 'myspace' is not a platform the checker knows\n"
        "  = hint: known: telegram, x, discord, wechat, weibo, youtube, instagram, facebook, tiktok, reddit, github, "
        "linkedin, medium\n"
        "notices.yml:11:13: error[notices-bad-severity]: severity 'urgent' is not one of info, warning, critical\n"
        "  = hint: info and warning can be dismissed by readers; critical cannot\n")
