"""Ids and slugs: what an article, category, tree or node id may look like, and how one is made."""

from __future__ import annotations

import re

# kebab-case: ids appear in URLs, links and tickets, the same in every language.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_id(text: str) -> bool:
    """Whether `text` is a valid kebab-case id."""
    return ID_PATTERN.match(text) is not None


def slugify(text: str) -> str:
    """A kebab-case id from a title, ASCII only; '' when the title has no Latin letters or digits."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))
