"""Options of `helpcenter-search` (mkdocs.yml → plugins → helpcenter-search)."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError


class _Boost(c.BaseConfigOption[float]):
    """A positive number: how much a match in one field counts against a match in the body."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise ValidationError(f"Expected a positive number but received: {value!r}")
        return float(value)


class SearchConfig(base.Config):
    """Where the search data goes, what it finds, and how matches in each field count."""

    # Data the search reads
    synonyms_file = c.Optional(c.File(exists=True))
    """YAML file of phrase groups that find each other (relative to mkdocs.yml)."""
    secret_article = c.Type(str, default="recovery-phrase-safety")
    """Article id shown first, with a warning, when a query holds a recovery phrase or key."""

    # Output (search/<lang>/: meta.json and the shards the browser and `helpcenter find` read)
    index_text_chars = c.Type(int, default=1200)
    """Characters of each section's text kept for result snippets (the index covers all of it)."""

    # Field weights: title > tags > headings > summary > body
    boost_title = _Boost(10.0)
    boost_tags = _Boost(6.0)
    boost_headings = _Boost(4.0)
    boost_summary = _Boost(2.5)
    boost_body = _Boost(1.0)
