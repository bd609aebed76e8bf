"""Shared test data for the ticket tests: options per helpdesk, a sample ticket, URL decoding."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from helpcenter.firewall.fields import collect_fields
from helpcenter.tickets import settings
from helpcenter.tickets.compose import Step, Ticket
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import Recipe

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tickets"
GITHUB_PROJECT = FIXTURES / "github"  # holds .github/ISSUE_TEMPLATE/support.yml

HELPDESKS: dict[str, dict[str, Any]] = {
    "zendesk": {"helpdesk": "zendesk", "zendesk_url": "https://support.example-wallet.com",
                "zendesk_form_id": "360001234567",
                "zendesk_fields": {"network": "360012345601", "tx_hash": "360012345602"}},
    "zendesk-legacy": {"helpdesk": "zendesk", "zendesk_mode": "legacy",
                       "zendesk_url": "https://example.zendesk.com/hc/en-us/requests/new",
                       "zendesk_fields": {"network": "360012345601"}},
    "github": {"helpdesk": "github", "github_repo": "https://github.com/example-wallet/support",
               "github_template": ".github/ISSUE_TEMPLATE/support.yml", "github_labels": ["support", "wallet"],
               "github_fields": {"description": "what-happened", "network": "network-name", "tx_hash": "tx-hash",
                                 "article_id": "help-article"}, "public_tracker": False},
    "github-plain": {"helpdesk": "github", "github_repo": "https://github.com/example-wallet/support",
                     "public_tracker": False},  # a private project
    "gitlab": {"helpdesk": "gitlab", "gitlab_project": "https://gitlab.com/example-wallet/support",
               "gitlab_template": "Support"},
    "django-helpdesk": {"helpdesk": "django-helpdesk", "django_helpdesk_url": "https://help.example-wallet.com/desk",
                        "django_helpdesk_queue": 3, "django_helpdesk_fields": {"network": "network",
                                                                               "article_id": "help_article"},
                        "django_helpdesk_readonly": ["queue", "article_id"], "django_helpdesk_hidden": ["queue"]},
    "email": {"helpdesk": "email", "email_address": "support@example-wallet.com",
              "email_subject_prefix": "[Help center]"},
    "url": {"helpdesk": "url", "url_template": "https://help.example.com/new?title={subject}&body={description}"
                                               "&article={article_id}&q={query}"},
}

TICKET = Ticket(
    lang="en", what_happened="Sent 10 USDT, not arrived", article_id="tx-not-received",
    article_title="Transfer not arrived", article_url="https://help.example-wallet.com/en/t/tx-not-received/",
    flowchart_id="tx-not-received", flowchart_leaf="e-support", path=(Step("q-net", "Which network?", "TRON"),),
    fields=(("network", "TRON"), ("tx_hash", "ab" * 32)),
)


def options(values: dict[str, Any], positions: dict[str, tuple[int, int]] | None = None) -> Options:
    return Options(values, "mkdocs.yml", positions or {}, settings.vocabulary())


def recipe(name: str) -> Recipe:
    loaded, problems = settings.load(options(HELPDESKS[name]), GITHUB_PROJECT)
    assert problems == []
    assert loaded is not None
    return loaded.recipe


def words(lang: str = "en") -> dict[str, Any]:
    return settings.strings(lang)["ticket"]


def labels(lang: str = "en") -> dict[str, str]:
    return {name: spec.label_in(lang) for name, spec in collect_fields().items()}


def decode(url: str) -> tuple[str, list[tuple[str, str]]]:
    """(base, [(name, value)]) of a composed URL, names and values percent-decoded."""
    parts = urlsplit(url)
    base = url.split("?", 1)[0]
    return unquote(base), parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
