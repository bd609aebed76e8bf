"""Options of `helpcenter-tickets` (mkdocs.yml → plugins → helpcenter-tickets), and where they are written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

PLUGIN = "helpcenter-tickets"
ELEMENT_ID = re.compile(r"^[A-Za-z0-9_-]+$")


class NumericId(base.BaseConfigOption[str]):
    """A Zendesk id: digits, written as a number or a string."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, bool) or not re.fullmatch(r"[0-9]+", str(value)):
            raise ValidationError(f"Expected a numeric Zendesk id but received {value!r}")
        return str(value)


class ElementId(base.BaseConfigOption[str]):
    """The `id` of a GitHub issue-form element (letters, digits, '-' and '_')."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not ELEMENT_ID.match(value):
            raise ValidationError("Expected an issue-form element id (letters, digits, - and _) "
                                  f"but received {value!r}")
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
    helpdesk = c.Choice(("zendesk", "github", "gitlab", "email", "url"))
    """One of zendesk, github, gitlab, email, url; its own options below are then required."""
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

    # Email (mailto:)
    email_address = c.Optional(c.Type(str))
    email_subject_prefix = c.Type(str, default="[Help center]")

    # Any other helpdesk
    url_template = c.Optional(c.Type(str))
    """https URL with placeholders, e.g. https://help.example.com/new?title={subject}&body={description}."""

    # The form
    form_fields = c.Optional(c.ListOfItems(c.Type(str)))
    """Fields the article's Still stuck? form asks for (flowchart leaves name their own)."""


def option_positions(config_file: str | None) -> dict[str, tuple[int, int]]:
    """1-based (line, col) of this plugin's entry and each of its option keys in mkdocs.yml.

    Keys: "" (the plugin entry), "zendesk_fields", "zendesk_fields.network", "form_fields.<item>".
    Composed, not loaded, so MkDocs-only tags (!ENV, !!python/name) need no constructor.
    """
    if not config_file or not Path(config_file).is_file():
        return {}
    try:
        root = YAML().compose(Path(config_file).read_text(encoding="utf-8"))
    except (YAMLError, OSError):
        return {}
    plugins = _get(root, "plugins")
    entry: Node | None = None
    if isinstance(plugins, SequenceNode):
        for item in plugins.value:
            if isinstance(item, ScalarNode) and item.value == PLUGIN:
                return {"": _pos(item)}
            if isinstance(item, MappingNode) and any(k.value == PLUGIN for k, _ in item.value):
                entry = item
    elif isinstance(plugins, MappingNode):
        entry = plugins
    # The options may live in a file this one INHERITs: then there is nothing here to point at.
    found = next(((k, v) for k, v in entry.value if k.value == PLUGIN), None) if entry is not None else None
    if found is None:
        return {}
    key, options = found
    positions = {"": _pos(key)}
    if isinstance(options, MappingNode):
        for name, value in options.value:
            positions[name.value] = _pos(name)
            children: list[tuple[Any, Node]] = []
            if isinstance(value, MappingNode):
                children = [(k.value, k) for k, _ in value.value]
            elif isinstance(value, SequenceNode):
                children = [(v.value, v) for v in value.value if isinstance(v, ScalarNode)]
            positions.update({f"{name.value}.{child}": _pos(node) for child, node in children})
    return positions


def _get(node: Node | None, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    return None


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
