"""What the CLI needs to know of a help-center project without running a build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcenter.floor.paths import folder_prefix


@dataclass(frozen=True)
class Project:
    """Where the docs are, which languages they hold, and the site URL: read from mkdocs.yml."""

    root: Path
    docs_dir: Path
    languages: tuple[str, ...] = ("en", "zh")
    site_url: str = ""
    plugins: dict[str, dict[str, Any]] = field(default_factory=dict)
    templates: frozenset[str] | None = None  # the theme's template names; None = not known, not checked
    config_file: Path | None = None  # the mkdocs.yml read (None = root/mkdocs.yml)
    layout: str = "folder"  # where each language's pages are: "folder" (docs/zh/…) or "suffix" (page.zh.md)
    markdown_extensions: tuple[str, ...] = ()  # the site's (attr_list decides whether skeleton headings get {#id})
    skipped: frozenset[str] = frozenset()  # docs-relative pages MkDocs leaves out (exclude_docs, the blog's)

    @property
    def prefix(self) -> str:
        """How messages name the docs folder, relative to the project root."""
        return folder_prefix(self.root, self.docs_dir)
