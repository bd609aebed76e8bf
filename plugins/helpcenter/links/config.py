"""Options of `helpcenter-links` (mkdocs.yml → plugins → helpcenter-links)."""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config import base
from mkdocs.config import config_options as c


class SiteFile(c.Type):
    """A file path inside the built site, relative to its root (e.g. 'articles.json')."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        parts = PurePosixPath(path).parts
        if not path.strip() or path.startswith("/") or path.endswith("/") or ".." in parts or "\\" in path:
            raise c.ValidationError(
                f"Expected a file path inside the site such as 'articles.json' but received '{path}'")
        return path


class LinksConfig(base.Config):
    """Where the stable links and the article listing are written."""

    # Listing for integrations
    listing_file = SiteFile(default="articles.json")
    """Site-relative path of the JSON listing of every article and language."""

    # Moved articles
    url_history = c.Optional(c.Type(str))
    """File (relative to mkdocs.yml) recording every path each article has had; old paths redirect.
    Unset: no history is kept (short links still never break)."""
