"""What git knows about the docs: when each file last changed, and the versions one file has had.

Read with plain `git` commands (no library); a folder that is not in a repository, or a machine
without git, simply has no history: callers fall back (file times, "unknown").
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

TIMEOUT = 20  # seconds; a huge repository is slow, never stuck


def _git(cwd: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def last_changed(docs_dir: Path) -> dict[str, dt.date]:
    """Docs-relative path → the date of the last commit that touched it (one `git log` for the folder).

    Files git does not know get their modification date; a folder outside git gets only those.
    """
    found: dict[str, dt.date] = {}
    top = _git(docs_dir, "rev-parse", "--show-toplevel")
    out = _git(docs_dir, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", ".") if top else None
    if top and out:
        root = Path(top.decode().strip()).resolve()
        prefix = docs_dir.resolve().relative_to(root).as_posix() + "/" if docs_dir.resolve() != root else ""
        for block in out.decode("utf-8", "replace").split("\0")[1:]:
            lines = [line for line in block.split("\n") if line.strip()]
            if not lines:
                continue
            day = dt.date.fromisoformat(lines[0].strip())
            for name in lines[1:]:
                if name.startswith(prefix):
                    found.setdefault(name[len(prefix):], day)
    for path in docs_dir.rglob("*.md"):
        rel = path.relative_to(docs_dir).as_posix()
        if rel not in found:
            found[rel] = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()
    return found


def versions(path: Path) -> Iterator[tuple[dt.date, bytes]]:
    """Each committed version of a file, newest first, as (commit date, content); follows renames."""
    out = _git(path.parent, "log", "--follow", "--format=%x00%H %cs", "--name-only", "--", path.name)
    top = _git(path.parent, "rev-parse", "--show-toplevel")
    if not out or not top:
        return
    for block in out.decode("utf-8", "replace").split("\0")[1:]:
        lines = [line for line in block.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        commit, day = lines[0].split()
        content = _git(Path(top.decode().strip()), "show", f"{commit}:{lines[1]}")
        if content is not None:
            yield dt.date.fromisoformat(day), content
