"""Render our own standalone pages (short links, the site root) with an autoescaping Jinja environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES_DIR = Path(__file__).parent / "templates"
# Material's partials that hold inline <script>s, replaced by ones that load files (CSP script-src 'self').
OVERRIDES_DIR = TEMPLATES_DIR / "overrides"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # Autoescape on: everything these pages show comes from content (titles) or configuration.
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render(name: str, **context: Any) -> str:
    """Render a template of ours, e.g. `helpcenter/shortlink.html`."""
    return _env().get_template(name).render(**context)


def add_theme_dir(theme_dirs: list[str]) -> None:
    """Append our templates to the theme search path, once; last, so a site's custom_dir still wins."""
    if str(TEMPLATES_DIR) not in theme_dirs:
        theme_dirs.append(str(TEMPLATES_DIR))


def add_override_dir(theme_dirs: list[str], custom_dir: str | None) -> None:
    """Put our CSP-safe partials before the theme's own, once; after a site's custom_dir, which still wins."""
    if str(OVERRIDES_DIR) not in theme_dirs:
        theme_dirs.insert(1 if custom_dir else 0, str(OVERRIDES_DIR))
