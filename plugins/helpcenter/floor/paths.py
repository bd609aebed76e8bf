"""How messages name files: relative to the project (the folder of mkdocs.yml) when inside it."""

from __future__ import annotations

from pathlib import Path


def display_path(root: Path, path: Path) -> str:
    """`path` as messages show it: relative to `root` when inside it, else as given (POSIX)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def folder_prefix(root: Path, folder: Path) -> str:
    """A folder as the prefix of the paths inside it, e.g. "docs/"."""
    return display_path(root, folder).rstrip("/") + "/"
