"""notices.yml as read and checked: exact diagnostics with positions, windows, scopes and notices.json."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from textwrap import dedent

import pytest

from helpcenter.content import catalog as catalog_loader
from helpcenter.notices import model, schedule
from tests.builds import SITES

LANGS = ("en", "zh")
UTC = dt.UTC
NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
GOOD = """\
- id: node-upgrade
  severity: warning
  start: 2027-02-06T01:00:00Z
  end: 2027-02-06T03:00:00+00:00
  text: {en: "Maintenance.", zh: "维护。"}
"""


def diagnostics(text: str) -> list[str]:
    return [d.format() for d in model.parse(dedent(text), "notices.yml", LANGS).diagnostics]


def test_a_good_notice_reads_with_utc_times() -> None:
    loaded = model.parse(GOOD, "notices.yml", LANGS)
    assert loaded.diagnostics == []
    [notice] = loaded.notices
    assert (notice.id, notice.severity) == ("node-upgrade", "warning")
    assert notice.text == {"en": "Maintenance.", "zh": "维护。"}
    assert model.iso(notice.start) == "2027-02-06T01:00:00Z"
    assert model.iso(notice.end) == "2027-02-06T03:00:00Z"
    assert [notice.status(dt.datetime(2027, 2, 6, h, 0, tzinfo=UTC)) for h in (0, 1, 2, 3)] == [
        "upcoming", "active", "active", "ended"]


@pytest.mark.parametrize(("text", "expected"), [
    ("id: x\n", ["notices.yml:1:1: error[notices-not-list]: notices.yml holds a list of notices but this one is "
                 "a set of fields\n  = hint: start each notice with '- id: …'"]),
    ("- [a]\n", ["notices.yml:1:3: error[notices-not-mapping]: a notice is a set of fields but this one is a list\n"
                 "  = hint: write id, severity, start, end and text under '- '"]),
    (GOOD.replace("  severity: warning", "  severty: warning"), [
        "notices.yml:2:3: error[notices-unknown-key]: unknown notice field 'severty'\n"
        "  = hint: did you mean 'severity'? fields: id, severity, start, end, text, link, scope",
        "notices.yml:1:3: error[notices-missing-field]: notice 'node-upgrade' has no 'severity'\n"
        "  = hint: add severity: one of info, warning, critical"]),
    (GOOD.replace("severity: warning", "severity: urgent"), [
        "notices.yml:2:13: error[notices-bad-severity]: severity 'urgent' is not one of info, warning, critical\n"
        "  = hint: info and warning can be dismissed by readers; critical cannot"]),
    (GOOD.replace("start: 2027-02-06T01:00:00Z", "start: next friday"), [
        "notices.yml:3:10: error[notices-bad-time]: 'start' is not a UTC timestamp: 'next friday'\n"
        "  = hint: write an ISO 8601 time in UTC, e.g. 2027-02-06T01:00:00Z"]),
    (GOOD.replace("end: 2027-02-06T03:00:00+00:00", "end: 2027-02-05T03:00:00Z"), [
        "notices.yml:4:8: error[notices-end-before-start]: notice 'node-upgrade' ends (2027-02-05T03:00:00Z) "
        "before it starts (2027-02-06T01:00:00Z)\n  = hint: set end after start, both in UTC"]),
    (GOOD.replace(', zh: "维护。"', ""), [
        "notices.yml:5:9: error[notices-missing-language]: notice 'node-upgrade' has no text in zh\n"
        "  = hint: readers of every site language must see the notice: add 'zh: …'"]),
    (GOOD.replace('zh: "维护。"', 'zh: "维护。", fr: "Maintenance."'), [
        "notices.yml:5:41: warning[notices-unknown-language]: 'fr' is not a site language\n"
        "  = hint: site languages: en, zh"]),
    (GOOD.replace("id: node-upgrade", "id: Node Upgrade"), [
        "notices.yml:1:7: error[notices-bad-id]: notice id 'Node Upgrade' is not kebab-case\n"
        "  = hint: use lower-case letters, digits and hyphens, e.g. 'node-upgrade'"]),
    (GOOD + GOOD, [
        "notices.yml:6:7: error[notices-duplicate-id]: notice id 'node-upgrade' is used twice (first on line 1)\n"
        "  = hint: give each notice its own id: apps remember dismissals by id"]),
    (GOOD + "  link: http://status.example\n", [
        "notices.yml:6:9: error[notices-bad-link]: link 'http://status.example' is neither an article id nor "
        "an https:// address\n  = hint: write the id of the article that explains it, or a full https:// "
        "address (a status page)"]),
    (GOOD + "  scope: {category: [fees]}\n", [
        "notices.yml:6:11: error[notices-unknown-key]: unknown scope field 'category'\n"
        "  = hint: did you mean 'categories'? scope holds categories and articles (ids)"]),
    ("- id: a\n  severity: info\n  start: [2027]\n", [
        "notices.yml:1:3: error[notices-missing-field]: notice 'a' has no 'text'\n"
        "  = hint: add text: with one entry per language (en, zh)"]),
    ("- id: 'a\n", ["notices.yml:1:7: error[notices-yaml-syntax]: invalid YAML: this quoted value is never closed\n"
                    "  = hint: add the closing quote at the end of the value"]),
])
def test_problems_are_named_with_their_position(text: str, expected: list[str]) -> None:
    assert diagnostics(text) == expected


@pytest.fixture(scope="module")
def catalog():
    return catalog_loader.load(SITES / "notices" / "docs", LANGS).catalog


def test_references_and_ended_notices_are_checked(catalog) -> None:
    text = dedent("""\
        - id: gone
          severity: info
          start: 2026-01-01T00:00:00Z
          end: 2026-02-01T00:00:00Z
          text: {en: "Old.", zh: "旧。"}
          link: create-walet
          scope:
            categories: [fee]
            articles: [network-fees]
        """)
    loaded = model.parse(text, "notices.yml", LANGS)
    assert [d.format() for d in schedule.check(loaded.notices, catalog, "notices.yml", NOW)] == [
        "notices.yml:6:9: error[notices-unknown-article]: notice 'gone' links to unknown article 'create-walet'\n"
        "  = hint: did you mean 'create-wallet'? link names an article id",
        "notices.yml:8:18: error[notices-unknown-category]: notice 'gone' is scoped to unknown category 'fee'\n"
        "  = hint: did you mean 'fees'? scope names categories by id",
        "notices.yml:4:8: warning[notices-ended]: notice 'gone' ended at 2026-02-01T00:00:00Z\n"
        "  = hint: remove it from the file: it is no longer shown",
    ]


def test_pages_carry_the_notices_in_their_scope(catalog) -> None:
    loaded = model.load(SITES / "notices" / "notices.yml", "notices.yml", LANGS)
    assert loaded.diagnostics == []

    def ids(category: str | None, article: str | None) -> list[tuple[str, bool]]:
        return [(s.id, s.active) for s in schedule.for_page(loaded.notices, catalog, "en", category, article, NOW)]

    # Most severe first; only fees-info is active at build time (the others are in 2030).
    assert ids("fees", "network-fees") == [("outage-critical", False), ("maintenance-window", False),
                                           ("fees-info", True)]
    assert ids("wallet", "create-wallet") == [("outage-critical", False), ("maintenance-window", False),
                                              ("article-only", False)]
    assert ids(None, None) == [("outage-critical", False), ("maintenance-window", False)]  # home, checker page
    [critical] = [s for s in schedule.for_page(loaded.notices, catalog, "zh", None, None, NOW)
                  if s.severity == "critical"]
    assert (critical.text, critical.dismissible) == ("TRON 转账延迟。请勿重复发送。", False)


def test_notices_json_for_the_app(catalog) -> None:
    loaded = model.load(SITES / "notices" / "notices.yml", "notices.yml", LANGS)
    rows = schedule.to_json(loaded.notices, catalog, "https://help.example.test/")
    assert rows[0] == {
        "id": "maintenance-window", "severity": "warning", "start": "2030-03-01T01:00:00Z",
        "end": "2030-03-01T03:00:00Z",
        "text": {"en": "Maintenance from 01:00 to 03:00 UTC: transfers pause.",
                 "zh": "维护时间 01:00 至 03:00（UTC）：转账暂停。"},
        "link": {"en": "https://help.example.test/en/wallet/create-wallet/",
                 "zh": "https://help.example.test/zh/wallet/create-wallet/"},
        "scope": None}
    assert rows[2]["link"] == {"en": "https://status.example.test/", "zh": "https://status.example.test/"}
    assert rows[2]["end"] is None
    assert rows[3]["scope"] == {"categories": [], "articles": ["create-wallet"]}


def test_listing_shows_active_then_upcoming(catalog) -> None:
    loaded = model.load(SITES / "notices" / "notices.yml", "notices.yml", LANGS)
    at = dt.datetime(2030, 3, 1, 1, 30, tzinfo=UTC)
    assert schedule.listing(loaded.notices, at, "en") == [
        "active    info      fees-info  2026-01-01T00:00:00Z -> until removed  [fees]  Fees on TRON changed <today>.",
        "active    info      article-only  2030-03-01T00:00:00Z -> 2030-03-02T00:00:00Z  [create-wallet]  "
        "This guide changes with the next app version.",
        "active    warning   maintenance-window  2030-03-01T01:00:00Z -> 2030-03-01T03:00:00Z  [every page]  "
        "Maintenance from 01:00 to 03:00 UTC: transfers pause.",
        "upcoming  critical  outage-critical  2030-03-01T02:00:00Z -> 2030-03-01T05:00:00Z  [every page]  "
        "TRON transfers are delayed. Do not resend.",
    ]


def test_a_missing_file_means_no_notices(tmp_path: Path) -> None:
    loaded = model.load(tmp_path / "notices.yml", "notices.yml", LANGS)
    assert (loaded.notices, loaded.diagnostics) == ([], [])
