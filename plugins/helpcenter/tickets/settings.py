"""From plain options to a checked helpdesk recipe, the server-built link and the form's data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml import YAML

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.firewall.fields import collect_fields
from helpcenter.floor import strings as ui_strings
from helpcenter.tickets import django_helpdesk, email, github, gitlab, urltemplate, zendesk
from helpcenter.tickets.compose import Composed, Ticket, compose
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import Recipe
from helpcenter.tickets.redact import redact

HERE = Path(__file__).parent
HELPDESKS = ("zendesk", "github", "gitlab", "django-helpdesk", "email", "url")
DEFAULT_FORM_FIELDS = ("network", "asset", "amount", "tx_hash", "time_utc", "error_text", "app_version", "device_os")


@dataclass(frozen=True)
class Settings:
    """A checked helpdesk setup: its recipe, its name per language and the article form's fields."""

    recipe: Recipe
    channel: dict[str, str]
    form_fields: tuple[str, ...]

    def channel_in(self, lang: str) -> str:
        """The helpdesk's name in `lang` (else English, else any)."""
        return self.channel.get(lang) or self.channel.get("en") or next(iter(self.channel.values()))


@lru_cache(maxsize=1)
def _yaml(name: str) -> dict[str, Any]:
    return dict(YAML(typ="safe").load((HERE / name).read_text(encoding="utf-8")))


def strings(lang: str, texts: ui_strings.Strings | None = None) -> dict[str, Any]:
    """The form's (`ui`) and the ticket's (`ticket`) words in `lang`: the `tickets` UI strings.

    `texts` are the site's strings (the package's when not given), with the one fallback rule.
    """
    return (texts or ui_strings.builtin()).section(lang, "tickets")


def formats() -> dict[str, Any]:
    """The field formats the form checks (formats.yml)."""
    return _yaml("formats.yml")


def vocabulary() -> tuple[str, ...]:
    """The collectable field names, in the shared vocabulary's order."""
    return tuple(collect_fields())


def load(options: Options, project_dir: Path) -> tuple[Settings | None, list[Diagnostic]]:
    """Check the options and build the chosen helpdesk's recipe (None when there are errors)."""
    helpdesk = options.get("helpdesk")
    if helpdesk not in HELPDESKS:
        return None, [options.error("helpdesk", "ticket-unknown-helpdesk", f"unknown helpdesk '{helpdesk}'",
                                    f"{did_you_mean(str(helpdesk), HELPDESKS)}choose one of {', '.join(HELPDESKS)}")]
    if helpdesk == "github":
        recipe, problems = github.recipe(options, project_dir)
    else:
        recipe, problems = {"zendesk": zendesk.recipe, "gitlab": gitlab.recipe, "email": email.recipe,
                            "django-helpdesk": django_helpdesk.recipe, "url": urltemplate.recipe}[helpdesk](options)
    form_fields = tuple(options.get("form_fields", DEFAULT_FORM_FIELDS))
    problems += options.field_names("form_fields", context=False)
    if recipe is not None and not problems:
        shortest = compose(recipe, Ticket(lang="en"), strings("en")["ticket"], {})
        if not shortest.fits:
            problems.append(options.error("helpdesk", "ticket-url-too-long",
                                          f"the {helpdesk} URL is {len(shortest.url)} characters before any ticket "
                                          f"text, over the limit of {recipe.max_length}",
                                          "shorten the fixed parts (labels, template, field ids) of the helpdesk URL"))
    if recipe is None or problems:
        return None, problems
    return Settings(recipe, _channel(options, recipe), form_fields), []


def _channel(options: Options, recipe: Recipe) -> dict[str, str]:
    name = options.get("helpdesk_name")
    if isinstance(name, dict):
        return {str(k): str(v) for k, v in name.items()}
    if name:
        return {"en": str(name)}
    # The address the reader will see in the new tab: the helpdesk's host (or the mail address).
    return {"en": recipe.base.removeprefix("mailto:") if recipe.encoding == "mailto" else urlsplit(recipe.base).netloc}


def article_link(settings: Settings, ticket: Ticket, texts: ui_strings.Strings | None = None) -> Composed:
    """The prefilled link of the Still stuck? box (works without JavaScript)."""
    words = strings(ticket.lang, texts)["ticket"]
    labels = {name: spec.label_in(ticket.lang) for name, spec in collect_fields().items()}
    return compose(settings.recipe, redact(ticket), words, labels)


def client_config(settings: Settings, languages: tuple[str, ...],
                  texts: ui_strings.Strings | None = None) -> dict[str, Any]:
    """What tickets.js loads (tickets.json): the recipe, words, field labels and formats per language."""
    fields = collect_fields()
    return {
        "version": 1,
        "recipe": settings.recipe.as_json(),
        "form_fields": list(settings.form_fields),
        "formats": formats(),
        "languages": {lang: {
            **strings(lang, texts),
            "channel": settings.channel_in(lang),
            "labels": {name: spec.label_in(lang) for name, spec in fields.items()},
            "help": {name: spec.help_in(lang) for name, spec in fields.items()},
        } for lang in languages},
    }
