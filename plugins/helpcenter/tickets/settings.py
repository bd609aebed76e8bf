"""From plain options to a checked helpdesk recipe, the server-built link and the form's data."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml import YAML

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.firewall.fields import collect_fields
from helpcenter.floor import strings as ui_strings
from helpcenter.tickets import django_helpdesk, email, github, gitlab, urltemplate, zendesk
from helpcenter.tickets import fields as form_fields
from helpcenter.tickets.compose import Composed, Ticket, compose
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import Recipe
from helpcenter.tickets.redact import redact

HERE = Path(__file__).parent
HELPDESKS = ("zendesk", "github", "gitlab", "django-helpdesk", "email", "url")
DEFAULT_FORM_FIELDS = form_fields.PRESETS["crypto-wallet"]


@dataclass(frozen=True)
class Settings:
    """A checked helpdesk setup: its recipe, its name per language and the article form's fields."""

    recipe: Recipe
    channel: dict[str, str]
    fields: form_fields.FormFields
    public: bool = False  # a public tracker: the form says so and asks for no addresses or amounts

    @property
    def form_fields(self) -> tuple[str, ...]:
        """The names of the fields the article's form asks for."""
        return self.fields.names

    def channel_in(self, lang: str) -> str:
        """The helpdesk's name in `lang` (else English, else any)."""
        return self.channel.get(lang) or self.channel.get("en") or next(iter(self.channel.values()))


@lru_cache(maxsize=1)
def _yaml(name: str) -> dict[str, Any]:
    return dict(YAML(typ="safe", pure=True).load((HERE / name).read_text(encoding="utf-8")))


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
    fields, problems = form_fields.load(options, collect_fields(), formats())
    # The site's own fields may have helpdesk fields of their own (zendesk_fields: {order_number: 123}).
    own = tuple(n for n in fields.names if n not in options.vocabulary)
    options = replace(options, vocabulary=(*options.vocabulary, *own))
    if helpdesk not in HELPDESKS:
        return None, [options.error("helpdesk", "ticket-unknown-helpdesk", f"unknown helpdesk '{helpdesk}'",
                                    f"{did_you_mean(str(helpdesk), HELPDESKS)}choose one of {', '.join(HELPDESKS)}")]
    if helpdesk == "github":
        recipe, adapter_problems = github.recipe(options, project_dir)
    else:
        recipe, adapter_problems = {"zendesk": zendesk.recipe, "gitlab": gitlab.recipe, "email": email.recipe,
                            "django-helpdesk": django_helpdesk.recipe, "url": urltemplate.recipe}[helpdesk](options)
    problems += adapter_problems
    public, warnings = _public(options, helpdesk)
    if public:
        fields = fields.without_private()
    if recipe is not None and not problems:
        shortest = compose(recipe, Ticket(lang="en"), strings("en")["ticket"], {})
        if not shortest.fits:
            problems.append(options.error("helpdesk", "ticket-url-too-long",
                                          f"the {helpdesk} URL is {len(shortest.url)} characters before any ticket "
                                          f"text, over the limit of {recipe.max_length}",
                                          "shorten the fixed parts (labels, template, field ids) of the helpdesk URL"))
    if recipe is None or problems:
        return None, problems + warnings
    return Settings(recipe, _channel(options, recipe), fields, public), warnings


def _public(options: Options, helpdesk: str) -> tuple[bool, list[Diagnostic]]:
    """Whether tickets are public (GitHub issues; GitLab issues that are not confidential), and the warning.

    Whether a project is public is not known at build time: a site says it (`public_tracker`), and
    until it does the build warns, because readers would post addresses and amounts for anyone to read.
    """
    acknowledged = options.get("public_tracker")
    if acknowledged is not None:
        return bool(acknowledged), []
    tracker = helpdesk == "github" or (helpdesk == "gitlab" and options.get("gitlab_confidential") is False)
    if not tracker:
        return False, []
    return False, [replace(options.error(
        "helpdesk", "ticket-public-tracker",
        f"helpdesk '{helpdesk}' files tickets as issues that anyone can read when the project is public",
        "public project: add public_tracker: true (the form then says the ticket is public and asks for no "
        "addresses or amounts); private project: public_tracker: false"), severity="warning")]


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
    labels = _labels(settings, ticket.lang, texts)
    return compose(settings.recipe, redact(ticket), words, labels)


def client_config(settings: Settings, languages: tuple[str, ...],
                  texts: ui_strings.Strings | None = None) -> dict[str, Any]:
    """What tickets.js loads (tickets.json): the recipe, words, field labels and formats per language."""
    own = settings.fields.fields
    return {
        "version": 1,
        "recipe": settings.recipe.as_json(),
        "form_fields": list(settings.form_fields),
        "required": [f.name for f in own if f.required],
        "never_ask": settings.fields.never_ask,
        # A public tracker: the fields that say who paid whom or how much are never asked, whoever names them.
        "public": settings.public,
        "private_fields": sorted(form_fields.PRIVATE_FIELDS) if settings.public else [],
        "formats": _formats(own, languages, texts),
        "languages": {lang: {
            **strings(lang, texts),
            "channel": settings.channel_in(lang),
            "labels": _labels(settings, lang, texts),
            "help": {**{name: spec.help_in(lang, texts=texts) for name, spec in collect_fields().items()},
                     **{f.name: f.hint_in(lang) for f in own}},
        } for lang in languages},
    }


def fill(template: str, label: str) -> str:
    """A UI string with its {label} filled in."""
    return template.replace("{label}", label)


def _labels(settings: Settings, lang: str, texts: ui_strings.Strings | None = None) -> dict[str, str]:
    """Every field's label in `lang`: the vocabulary's (UI strings), and the site's own fields' (which win)."""
    return {**{name: spec.label_in(lang, texts=texts) for name, spec in collect_fields().items()},
            **{f.name: f.label_in(lang) for f in settings.fields.fields}}


def _formats(own: tuple[form_fields.Field, ...], languages: tuple[str, ...],
             texts: ui_strings.Strings | None) -> dict[str, Any]:
    """formats.yml with the site's fields: a named format as its rule, a pattern as a rule of its own."""
    data = formats()
    fields = {**data["fields"], **{f.name: f.format for f in own if f.format}}
    rules = dict(data["rules"])
    for f in own:
        if f.pattern:
            # The message: the field's hint says what a value looks like; else "<label> does not look right".
            message = {lang: f.hint_in(lang) or fill(strings(lang, texts)["ui"]["field_format"], f.label_in(lang))
                       for lang in languages}
            fields[f.name] = f"field:{f.name}"
            rules[f"field:{f.name}"] = {"any": {"pattern": f.pattern, "message": message}}
    return {**data, "fields": fields, "rules": rules}
