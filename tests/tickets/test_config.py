"""Every mistake in the plugin's options stops the build with an exact message (path:line:col where it can)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from helpcenter.tickets.config import option_positions
from tests import golden
from tests.builds import FIXTURES, SITES, build_into

TABLE = golden.Table(FIXTURES / "tickets" / "config-errors.yml")
CASES = TABLE.cases
BROKEN_FORM = "name: x\nbody:\n  - type: input\n    id: [\n"


def project_with(tmp_path: Path, options: str) -> Path:
    """The tickets test site with its helpcenter-tickets options replaced."""
    project = tmp_path / "tickets"
    shutil.copytree(SITES / "tickets", project)
    (project / "broken.yml").write_text(BROKEN_FORM, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("  - helpcenter-tickets:\n"), text.index("extra_javascript:")
    block = "  - helpcenter-tickets:\n" + textwrap.indent(options, " " * 6)
    config.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return project


def test_every_code_has_a_case() -> None:
    codes = {line.split("[", 1)[1].split("]", 1)[0] for case in CASES for line in case["expected"].splitlines()
             if "error[" in line}
    assert codes == {"ticket-missing-option", "ticket-not-https", "ticket-bad-url", "ticket-unknown-field",
                     "ticket-never-collect", "ticket-unknown-placeholder", "ticket-bad-email",
                     "ticket-github-template-missing", "ticket-github-template-invalid", "ticket-github-unknown-id",
                     "ticket-github-not-prefillable", "ticket-github-no-description", "ticket-github-no-template",
                     "ticket-url-too-long", "ticket-django-helpdesk-lock", "ticket-unknown-preset", "ticket-bad-fields",
                     "ticket-bad-field", "ticket-bad-field-name", "ticket-field-label", "ticket-unknown-field-option",
                     "ticket-unknown-format", "ticket-bad-pattern", "ticket-duplicate-field"}


@pytest.mark.parametrize("case", CASES, ids=golden.case_id)
def test_config_error(case: dict, tmp_path: Path, caplog: pytest.LogCaptureFixture, update_fixtures: bool) -> None:
    project = project_with(tmp_path, case["options"])
    with pytest.raises(Abort, match="configuration error|BuildError"):
        build_into(project)
    messages = "".join(r.getMessage() + "\n" for r in caplog.records if r.levelname == "ERROR")
    assert "Traceback" not in caplog.text
    assert messages == TABLE.expected(case, messages, update_fixtures)


def test_the_plugin_works_without_the_articles_plugin(tmp_path: Path) -> None:
    # Adoption: helpcenter-tickets loads the site's pages itself (through the floor) when
    # helpcenter-articles is not configured, and still puts the Still stuck? box on articles.
    project = project_with(tmp_path, "helpdesk: email\nemail_address: support@example-wallet.com\n")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("  - helpcenter-articles:"), text.index("  - helpcenter-tickets:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    site = build_into(project)
    pages = [p for p in site.rglob("index.html") if "hc-still-stuck" in p.read_text(encoding="utf-8")]
    assert pages, "no page got the Still stuck? box"
    assert "mailto:support@example-wallet.com" in pages[0].read_text(encoding="utf-8")


def test_positions_of_options_and_their_items(tmp_path: Path) -> None:
    options = "helpdesk: zendesk\nzendesk_fields:\n  network: 1\nform_fields: [network, asset]\n"
    project = project_with(tmp_path, options)
    assert option_positions(str(project / "mkdocs.yml")) == {
        "": (14, 5), "helpdesk": (15, 7), "zendesk_fields": (16, 7), "zendesk_fields.network": (17, 9),
        "form_fields": (18, 7), "form_fields.network": (18, 21), "form_fields.asset": (18, 30)}


def test_positions_tolerate_mkdocs_tags(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: !ENV [NAME, x]\nplugins:\n  - helpcenter-tickets\n", encoding="utf-8")
    assert option_positions(str(config)) == {"": (3, 5)}


def test_positions_of_options_inherited_from_another_file(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("INHERIT: base.yml\nplugins:\n  search: {}\n", encoding="utf-8")
    assert option_positions(str(config)) == {}
