"""Any other helpdesk: an https URL template with placeholders, e.g. `…/new?title={subject}&body={description}`.

Placeholders: {subject}, {description} (the whole ticket text), {what_happened} (the reader's own
words only), {lang}, {locale}, {article_id}, {article_title}, {article_url}, {flowchart_id},
{flowchart_leaf}, {flowchart_path}, {query}, {page_url}, and every collected field by name
({network}, {tx_hash}, …). Values are percent-encoded; a parameter whose placeholders are all empty
is left out; parts not placed anywhere are written into {description}.
"""

from __future__ import annotations

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import CONTEXT_PLACEHOLDERS, Recipe, literal, unknown_placeholders

EXAMPLE = "https://help.example.com/new?title={subject}&body={description}"


def known(options: Options) -> list[str]:
    """Every placeholder a template may use."""
    return [*CONTEXT_PLACEHOLDERS, *options.vocabulary]


def recipe(options: Options) -> tuple[Recipe | None, list[Diagnostic]]:
    """The recipe for `helpdesk: url`, or None with the reasons."""
    problems = options.require("url_template", "url", EXAMPLE)
    if problems:
        return None, problems
    template = str(options.get("url_template"))
    problems = options.https("url_template", EXAMPLE)
    names = known(options)
    for name in unknown_placeholders(template, names):
        problems.append(options.error("url_template", "ticket-unknown-placeholder",
                                      f"'url_template' uses unknown placeholder '{{{name}}}'",
                                      f"{did_you_mean(name, names)}known: " + ", ".join("{" + n + "}" for n in names)))
    if problems:
        return None, problems
    base, _, query = template.partition("?")
    pairs = []
    for part in filter(None, query.split("&")):
        name, _, value = part.partition("=")
        pairs.append((literal(name), literal(value)))
    return Recipe("url", literal(base), tuple(pairs), max_length=options.get("url_max_length", 2000)), []
