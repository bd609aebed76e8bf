"""Options of `helpcenter-links` (mkdocs.yml → plugins → helpcenter-links)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class LinksConfig(base.Config):
    """Where the stable links and the article listing are written."""

    # Listing for integrations
    listing_file = c.Type(str, default="articles.json")
    """Site-relative path of the JSON listing of every article and language."""
