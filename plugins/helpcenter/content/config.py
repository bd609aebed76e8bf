"""Options of `helpcenter-articles` (mkdocs.yml → plugins → helpcenter-articles)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ArticlesConfig(base.Config):
    """Languages of the help center and how each is named."""

    # Languages: docs/<code>/ holds that language; the first is the default
    languages = c.ListOfItems(c.Type(str), default=["en", "zh"])
    """Language codes, default first: the fallback of short links and the site root."""
    languages_site_name = c.DictOfItems(c.Type(str), default={})
    """Language code → site name shown in the header on that language's pages."""
