"""GitHub Markdown issue templates (.github/ISSUE_TEMPLATE/<name>.md): chosen by name, the ticket in the body."""

from __future__ import annotations

from helpcenter.tickets import settings
from helpcenter.tickets.compose import compose
from tests.tickets.helpers import GITHUB_PROJECT, TICKET, decode, labels, options, words

MARKDOWN = {"helpdesk": "github", "github_repo": "https://github.com/example-wallet/support",
            "github_template": ".github/ISSUE_TEMPLATE/bug.md", "github_labels": ["support"], "public_tracker": False}


def test_a_markdown_template_is_named_and_the_ticket_goes_to_the_body() -> None:
    loaded, problems = settings.load(options(MARKDOWN), GITHUB_PROJECT)
    assert problems == []
    assert loaded is not None
    url = compose(loaded.recipe, TICKET, words(), labels()).url
    base, pairs = decode(url)
    assert base == "https://github.com/example-wallet/support/issues/new"
    assert [name for name, _ in pairs] == ["template", "title", "labels", "body"]
    assert dict(pairs)["template"] == "bug.md"
    assert dict(pairs)["body"].startswith("Sent 10 USDT, not arrived")


def test_a_markdown_template_has_no_fields_to_prefill() -> None:
    values = {**MARKDOWN, "github_fields": {"description": "what-happened", "network": "network-name"}}
    loaded, problems = settings.load(options(values, {"github_fields.network": (21, 9)}), GITHUB_PROJECT)
    assert loaded is None
    assert [p.format() for p in problems] == [
        "mkdocs.yml:21:9: error[ticket-github-markdown-fields]: 'github_fields' maps 'network', but "
        "'.github/ISSUE_TEMPLATE/bug.md' is a Markdown template, which has no fields\n"
        "  = hint: remove it: with a Markdown template the whole ticket goes to the issue body; to prefill fields, "
        "use an issue form (.github/ISSUE_TEMPLATE/<name>.yml)"]


def test_a_missing_markdown_template_says_where_to_copy_it() -> None:
    values = {**MARKDOWN, "github_template": ".github/ISSUE_TEMPLATE/help.md"}
    loaded, problems = settings.load(options(values, {"github_template": (18, 7)}), GITHUB_PROJECT)
    assert loaded is None
    assert [p.format() for p in problems] == [
        "mkdocs.yml:18:7: error[ticket-github-template-missing]: issue template '.github/ISSUE_TEMPLATE/help.md' "
        "does not exist\n  = hint: github_template is relative to the folder of mkdocs.yml: keep a copy of the "
        "repository's .github/ISSUE_TEMPLATE/<name>.md there"]


def test_a_github_tracker_warns_until_the_site_says_whether_it_is_public() -> None:
    values = {"helpdesk": "github", "github_repo": "https://github.com/example-wallet/support",
              "fields": "crypto-wallet"}
    loaded, problems = settings.load(options(values, {"helpdesk": (14, 7)}), GITHUB_PROJECT)
    assert loaded is not None
    assert loaded.public is False
    assert [p.format() for p in problems] == [
        "mkdocs.yml:14:7: warning[ticket-public-tracker]: helpdesk 'github' files tickets as issues that anyone "
        "can read when the project is public\n  = hint: public project: add public_tracker: true (the form then "
        "says the ticket is public and asks for no addresses or amounts); private project: public_tracker: false"]
    assert "amount" in loaded.form_fields
    public, problems = settings.load(options({**values, "public_tracker": True}), GITHUB_PROJECT)
    assert problems == []
    assert public is not None
    assert public.public is True
    assert public.form_fields == ("network", "asset", "time_utc", "error_text", "app_version", "device_os")
    assert public.fields.never_ask is True  # the preset's notice stays
    confidential = {"helpdesk": "gitlab", "gitlab_project": "https://gitlab.com/example-wallet/support"}
    assert settings.load(options(confidential), GITHUB_PROJECT)[1] == []  # confidential issues: not public
    assert [p.code for p in settings.load(options({**confidential, "gitlab_confidential": False}),
                                          GITHUB_PROJECT)[1]] == ["ticket-public-tracker"]
