"""The kit every plugin adapter shares: assets, generated files, reporting and the articles guard.

The one floor module that touches MkDocs (like a `plugin.py`): features call these from their
own `plugin.py` instead of importing each other's adapters.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from helpcenter import render
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor.paths import display_path, folder_prefix

log = get_plugin_logger("helpcenter")

ARTICLES = "helpcenter-articles"


def articles_plugin(config, needed_by: str) -> Any:
    """The site's helpcenter-articles plugin (it loads the catalog every feature reads), or a clear stop."""
    articles = config.plugins.get(ARTICLES)
    if articles is None:
        raise PluginError(f"{needed_by} needs the {ARTICLES} plugin: add it to 'plugins'")
    return articles


def add_assets(config, stylesheet: str | None, scripts: tuple[str, ...]) -> None:
    """Put our templates on the theme path and register a plugin's stylesheet and modules, once each."""
    render.add_theme_dir(config.theme.dirs)
    if stylesheet and stylesheet not in config.extra_css:
        config.extra_css.append(stylesheet)
    add_module_scripts(config, scripts)


def add_module_scripts(config, paths: tuple[str, ...]) -> None:
    """Register our ES modules once (type=module: deferred, CSP-friendly, no inline code)."""
    present = {str(script) for script in config.extra_javascript}
    for path in paths:
        if path not in present:
            script = ExtraScriptValue(path)
            script.type = "module"
            config.extra_javascript.append(script)


def add_generated(files: Files, config, contents: Mapping[str, str]) -> None:
    """Add generated files by site URI, unless a file (ours, from another plugin, or the site's) is there."""
    for src_uri, content in contents.items():
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=content))


def report(problems: list[Diagnostic]) -> None:
    """Log warnings (they fail --strict) and stop the build on errors, all with path:line:col."""
    for problem in problems:
        if not problem.is_error:
            log.warning(problem.format())
    errors = [p for p in problems if p.is_error]
    if errors:
        raise PluginError("\n".join(p.format() for p in sorted(errors)))


def docs_prefix(config) -> str:
    """How messages name the docs folder: relative to the project (the folder of mkdocs.yml), e.g. "docs/"."""
    return folder_prefix(project_root(config), Path(config.docs_dir))


def project_root(config) -> Path:
    """The project folder: where mkdocs.yml is."""
    return Path(config.config_file_path or ".").resolve().parent


def display_name(config, path: str | None) -> str:
    """How messages name a file of the project (mkdocs.yml when `path` is None)."""
    return display_path(project_root(config), Path(path or config.config_file_path or "mkdocs.yml"))
