"""Options of `helpcenter-articles` (mkdocs.yml → plugins → helpcenter-articles)."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class Languages(c.ListOfItems):
    """Language codes, each once, at least one: each names the docs folder of that language."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> list[str]:
        codes = super().run_validation(value)
        if not codes:
            raise c.ValidationError("Expected at least one language code but received an empty list")
        for code in codes:
            if not LANGUAGE_CODE.match(code):
                raise c.ValidationError(f"Expected a language code such as 'en' or 'zh-hant' but received '{code}'")
            if codes.count(code) > 1:
                raise c.ValidationError(f"Expected each language once but received '{code}' twice")
        return codes


class ArticlesConfig(base.Config):
    """Languages of the help center and how each is named."""

    # Languages: docs/<code>/… (folder layout) or page.<code>.md (suffix layout); the first is the default
    languages = c.Optional(Languages())
    """Language codes, default first: the fallback of short links and the site root.

    Unset: read from the docs (language folders or suffixes the theme knows), else the theme's language alone.
    """
    languages_layout = c.Choice(("auto", "folder", "suffix"), default="auto")
    """Where each language's pages are: `folder` (docs/zh/…), `suffix` (page.zh.md), or `auto` (detected)."""
    languages_site_name = c.DictOfItems(c.Type(str), default={})
    """Language code → site name shown in the header on that language's pages."""

    # Strings: our UI texts per language (helpcenter/strings/<lang>.yml), added to or overridden by the site
    strings_dir = c.Optional(c.Type(str))
    """Folder of the site's `<lang>.yml` UI-strings files, relative to mkdocs.yml (default: `strings/` when present)."""
