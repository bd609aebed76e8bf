"""Options of `helpcenter-tickets` (mkdocs.yml → plugins → helpcenter-tickets), and where they are written."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from helpcenter.floor import yamlpos

PLUGIN = "helpcenter-tickets"
ELEMENT_ID = re.compile(r"^[A-Za-z0-9_-]+$")


class NumericId(base.BaseConfigOption[str]):
    """A helpdesk's numeric id (a Zendesk field or form, a django-helpdesk queue), as a number or a string."""

    def __init__(self, what: str = "Zendesk id") -> None:
        super().__init__()
        self.what = what

    def run_validation(self, value: object) -> str:
        if isinstance(value, bool) or not re.fullmatch(r"[0-9]+", str(value)):
            raise ValidationError(f"Expected a numeric {self.what} but received {value!r}")
        return str(value)


class ElementId(base.BaseConfigOption[str]):
    """A name made of letters, digits, '-' and '_': a GitHub issue-form element id, a django-helpdesk field."""

    def __init__(self, what: str = "an issue-form element id") -> None:
        super().__init__()
        self.what = what

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not ELEMENT_ID.match(value):
            raise ValidationError(f"Expected {self.what} (letters, digits, - and _) but received {value!r}")
        return value


class Budget(base.BaseConfigOption[int]):
    """A URL length limit in characters."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 500 <= value <= 8000:
            raise ValidationError(f"Expected a URL length between 500 and 8000 but received {value!r}")
        return value


class Names(base.BaseConfigOption[dict]):
    """A name, or a mapping of language to name."""

    def run_validation(self, value: object) -> dict[str, str]:
        if isinstance(value, str) and value:
            return {"en": value}
        if isinstance(value, dict) and value and all(isinstance(v, str) and v for v in value.values()):
            return {str(k): v for k, v in value.items()}
        raise ValidationError(f"Expected a name or a mapping of language to name but received {value!r}")


class TicketsConfig(base.Config):
    """Where "Still stuck?" sends the reader, and what the prefilled ticket form asks."""

    # Which helpdesk files the ticket
    helpdesk = c.Choice(("zendesk", "github", "gitlab", "django-helpdesk", "email", "url"))
    """One of zendesk, github, gitlab, django-helpdesk, email, url; its own options below are then required."""
    helpdesk_name = c.Optional(Names())
    """The official channel as readers should recognise it, per language; default: its host."""
    url_max_length = Budget(default=2000)
    """Longest prefilled URL (Zendesk drops all prefill above 2,048); mailto is capped at 1,800."""

    # Zendesk help center request form
    zendesk_url = c.Optional(c.Type(str))
    """Portal (https://support.example.com) or its request page (…/hc/{locale}/requests/new)."""
    zendesk_form_id = c.Optional(NumericId())
    zendesk_mode = c.Choice(("native", "legacy"), default="native")
    """native: tf_* parameters; legacy: request[…] names for themes with a prefill script."""
    zendesk_locales = c.DictOfItems(c.Type(str), default={})
    """Site language → Zendesk locale (default en → en-us, zh → zh-cn)."""
    zendesk_fields = c.DictOfItems(NumericId(), default={})
    """Collected field (or context part such as article_id) → numeric ticket field id."""

    # GitHub issues
    github_repo = c.Optional(c.Type(str))
    github_template = c.Optional(c.Type(str))
    """Issue form copied next to mkdocs.yml, e.g. .github/ISSUE_TEMPLATE/support.yml; its ids are checked."""
    github_labels = c.ListOfItems(c.Type(str), default=[])
    github_fields = c.DictOfItems(ElementId(), default={})
    """Collected field, context part or 'description' → issue-form element id."""

    # GitLab issues
    gitlab_project = c.Optional(c.Type(str))
    gitlab_template = c.Optional(c.Type(str))
    """Name of a description template (issuable_template)."""
    gitlab_confidential = c.Type(bool, default=True)

    # django-helpdesk public ticket form
    django_helpdesk_url = c.Optional(c.Type(str))
    """Where django-helpdesk is served (https://help.example.com/helpdesk) or its form (…/tickets/submit/)."""
    django_helpdesk_queue = c.Optional(NumericId("django-helpdesk queue id"))
    """Numeric id of the queue tickets go to; it must allow public submission."""
    django_helpdesk_fields = c.DictOfItems(ElementId("a django-helpdesk custom field name"), default={})
    """Collected field (or context part such as article_id) → custom field name (prefilled as custom_<name>)."""
    django_helpdesk_readonly = c.ListOfItems(c.Type(str), default=[])
    """Fields shown but locked: queue, title, body, priority, due_date or a key of django_helpdesk_fields."""
    django_helpdesk_hidden = c.ListOfItems(c.Type(str), default=[])
    """Fields the form sends but does not show (same names as django_helpdesk_readonly)."""

    # Email (mailto:)
    email_address = c.Optional(c.Type(str))
    email_subject_prefix = c.Type(str, default="[Help center]")

    # Any other helpdesk
    url_template = c.Optional(c.Type(str))
    """https URL with placeholders, e.g. https://help.example.com/new?title={subject}&body={description}."""

    # The form (checked in tickets/fields.py, so that problems point at their line in mkdocs.yml)
    fields = c.Optional(c.Type(object))  # any shape here: tickets/fields.py says what is wrong, at its line
    """A preset (crypto-wallet) or a list: vocabulary names and {name, label, hint, format|pattern, required}."""
    never_ask_notice = c.Optional(c.Type(bool))
    """Say "we will never ask for your recovery phrase" on the form; default: on with the crypto-wallet preset."""
    public_tracker = c.Optional(c.Type(bool))
    """true: the tracker is public (the form says so, asks for no addresses or amounts); false: it is private."""

    # Deprecated settings
    form_fields = c.Deprecated(moved_to="fields")


def option_positions(config_file: str | None) -> dict[str, tuple[int, int]]:
    """1-based (line, col) of this plugin's entry and each of its option keys in mkdocs.yml (see yamlpos)."""
    return yamlpos.option_positions(config_file, PLUGIN)
