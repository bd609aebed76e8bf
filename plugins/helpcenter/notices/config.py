"""Options of `helpcenter-notices` (mkdocs.yml → plugins → helpcenter-notices)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class NoticesConfig(base.Config):
    """Where the site's scheduled notices are kept and where the app reads them."""

    # The notices
    notices_file = c.Type(str, default="notices.yml")
    """The notices file, relative to mkdocs.yml (a missing file means no notices)."""
    notices_json = c.Type(str, default="notices.json")
    """Where the build writes every notice for the app, relative to the site root."""
