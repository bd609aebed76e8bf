"""helpcenter-insights options: the build and `helpcenter check` report the same problems at mkdocs.yml:line:col;
the feedback partial and the endpoint meta reach every article in every language, escaped, with no inline script."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from helpcenter.cli import cli
from helpcenter.insights import checks
from tests.conftest import SITES, build_into

PREFIX = "Config value 'plugins': Plugin "


def project_with(tmp_path: Path, options: str) -> Path:
    """tests/sites/basic with helpcenter-insights and `options` (YAML lines under it, 6-space indent)."""
    project = tmp_path / "basic"
    shutil.copytree(SITES / "basic", project, ignore=shutil.ignore_patterns("site"))
    (project / "docs/en/wallet/english-only.md").unlink()  # strict: a lone article would warn
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = "  - helpcenter-insights" + (":\n" + options if options else "\n")
    config.write_text(text.replace("  - helpcenter-links\n", "  - helpcenter-links\n" + entry), encoding="utf-8")
    return project


@pytest.mark.parametrize(("endpoint", "problem"), [
    ("https://insights.example.com/events", None),
    ("http://127.0.0.1:8300/events", None),
    ("http://localhost:8300/events", None),
    ("http://[::1]:8300/events", None),
    ("http://preview.localhost/events", None),
    ("http://127.1.2.3/events", None),
    ("http://insights.example.com/events", "insights-endpoint-not-https"),
    ("http://10.0.0.5/events", "insights-endpoint-not-https"),
    ("http://localhost.example.com/events", "insights-endpoint-not-https"),
    ("ftp://insights.example.com/events", "insights-endpoint-invalid"),
    ("insights.example.com/events", "insights-endpoint-invalid"),
    ("https://user:secret@insights.example.com/events", "insights-endpoint-invalid"),
    ("https://insights.example.com/events#x", "insights-endpoint-invalid"),
    ("https://insights.example.com:port/events", "insights-endpoint-invalid"),
])
def test_endpoint_rules(endpoint: str, problem: str | None) -> None:
    found = checks.endpoint_problem(endpoint)
    assert (found[0] if found else None) == problem


def test_password_is_never_repeated_in_the_message() -> None:
    found = checks.endpoint_problem("https://user:hunter2@insights.example.com/events")
    assert found is not None
    assert "hunter2" not in found[1]


def test_check_positions_each_problem_at_its_key() -> None:
    problems = checks.check({"endpoint": "http://stats.example.com/e", "format": "plausable"}, "mkdocs.yml",
                            {"": (20, 5), "endpoint": (21, 7), "format": (22, 7)})
    assert [p.format() for p in problems] == [
        "mkdocs.yml:21:7: error[insights-endpoint-not-https]: 'endpoint' must be https:// on a host that is not "
        "this machine but is 'http://stats.example.com/e'\n"
        "  = hint: use https://: events cross the reader's network; http:// only for 127.0.0.1 or localhost",
        "mkdocs.yml:22:7: error[insights-unknown-format]: 'format' is 'plausable', not one of helpcenter, plausible\n"
        "  = hint: did you mean 'plausible'? helpcenter sends to our collector (helpcenter insights serve), "
        "plausible to a Plausible-compatible /api/event",
    ]


def test_client_settings_never_carry_a_refused_endpoint() -> None:
    assert checks.client_settings({"endpoint": "http://stats.example.com/e"})["endpoint"] == ""
    assert checks.client_settings({"endpoint": "https://stats.example.com/e", "format": "plausible"}) == {
        "endpoint": "https://stats.example.com/e", "format": "plausible", "domain": ""}
    assert checks.origin("http://127.0.0.1:8300/events?x=1") == "http://127.0.0.1:8300"


@pytest.mark.parametrize(("options", "expected"), [
    ("      endpoint: http://stats.example.com/events\n",
     "mkdocs.yml:14:7: error[insights-endpoint-not-https]: 'endpoint' must be https:// on a host that is not this "
     "machine but is 'http://stats.example.com/events'\n"
     "  = hint: use https://: events cross the reader's network; http:// only for 127.0.0.1 or localhost"),
    ("      endpoint: https://stats.example.com/events\n      format: matomo\n",
     "mkdocs.yml:15:7: error[insights-unknown-format]: 'format' is 'matomo', not one of helpcenter, plausible\n"
     "  = hint: helpcenter sends to our collector (helpcenter insights serve), plausible to a Plausible-compatible "
     "/api/event"),
], ids=["http-remote", "unknown-format"])
def test_build_and_check_report_the_same_positioned_error(options: str, expected: str, tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    project = project_with(tmp_path, options)
    with pytest.raises(Abort):
        build_into(project)
    assert expected in caplog.text
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert expected + "\n" in result.output


@pytest.mark.parametrize(("options", "message"), [
    ("      endpoint: 42\n", "'helpcenter-insights' option 'endpoint': Expected an https:// URL such as "
     "https://insights.example.com/events but received 42"),
    ("      format: ''\n", "'helpcenter-insights' option 'format': Expected one of helpcenter, plausible but "
     "received ''"),
], ids=["endpoint-number", "format-empty"])
def test_wrong_type_is_a_configuration_error(options: str, message: str, tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort, match="configuration error"):
        build_into(project_with(tmp_path, options))
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [PREFIX + message]


def feedback_of(html: str) -> str:
    match = re.search(r'<section class="hc-feedback".*?</section>', html, re.S)
    assert match, "no feedback partial"
    return match.group(0)


def test_every_article_in_every_language_has_the_question(tmp_path: Path) -> None:
    site = build_into(project_with(tmp_path, "      endpoint: https://stats.example.com/e?a=1&b=2\n"))
    articles = sorted(p for p in site.glob("*/*/*/index.html"))
    assert {p.relative_to(site).parts[0] for p in articles} == {"en", "zh"}
    for page in articles:
        html = page.read_text(encoding="utf-8")
        box = feedback_of(html)
        lang = page.relative_to(site).parts[0]
        assert ("Was this article helpful?" if lang == "en" else "这篇文章对您有帮助吗？") in box
        assert re.findall(r'value="([a-z-]+)"', box) == ["yes", "no", "more-info", "inaccurate",
                                                          "hard-to-understand", "broken-link", "other"]
        assert "<script" not in box
        # The endpoint reaches the script as an escaped attribute, with the page's language.
        assert (f'<meta name="helpcenter:insights" content="https://stats.example.com/e?a=1&amp;b=2" '
                f'data-format="helpcenter" data-lang="{lang}">') in html
        assert 'src="../../../assets/helpcenter/insights/insights.js" type="module"' in html
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "hc-feedback" not in home  # only articles ask
    assert 'name="helpcenter:insights"' in home  # searches are counted on every page


def test_without_endpoint_the_question_still_shows_and_nothing_is_configured(tmp_path: Path) -> None:
    site = build_into(project_with(tmp_path, ""))
    html = next(site.glob("en/*/*/index.html")).read_text(encoding="utf-8")
    feedback_of(html)
    assert '<meta name="helpcenter:insights" content="" data-format="helpcenter" data-lang="en">' in html


def test_feedback_false_removes_the_question(tmp_path: Path) -> None:
    site = build_into(project_with(tmp_path, "      feedback: false\n"))
    html = next(site.glob("en/*/*/index.html")).read_text(encoding="utf-8")
    assert "hc-feedback" not in html
