"""What `helpcenter check` and the build both verify of the search settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpcenter.content.catalog import Catalog
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor.paths import display_path
from helpcenter.search import synonyms

DEFAULT_SECRET_ARTICLE = "recovery-phrase-safety"


def secret_article(catalog: Catalog, article_id: str, config_path: str = "mkdocs.yml") -> list[Diagnostic]:
    """The article shown for a query holding a secret must exist in some language.

    The default names the sample's article: a site that never set the option (an adopted site) and has
    no such article simply shows none; a site that names one is told when it is missing.
    """
    if article_id and article_id != DEFAULT_SECRET_ARTICLE and not catalog.translations(article_id):
        return [Diagnostic(config_path, 0, 0, "search-secret-article-unknown",
                           f"secret_article '{article_id}' is not an article id",
                           "name the article that explains how to keep a recovery phrase safe",
                           severity="warning")]
    return []


def check(root: Path, settings: dict[str, Any], catalog: Catalog) -> list[Diagnostic]:
    """Problems of the `helpcenter-search` settings in mkdocs.yml (`settings`), as the build reports them."""
    problems: list[Diagnostic] = []
    file = settings.get("synonyms_file")
    if isinstance(file, str) and file:
        path = root / file  # an absolute path stays as it is
        problems += synonyms.load(path, display_path(root, path)).diagnostics
    problems += secret_article(catalog, str(settings.get("secret_article", DEFAULT_SECRET_ARTICLE)))
    return problems
