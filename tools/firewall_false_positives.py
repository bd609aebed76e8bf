"""Run the recovery-phrase rules over ordinary text and print every phrase they find there.

Ordinary text holds no seed, so each finding is a false positive (or a word list, or a README's example
mnemonic: read them). Arguments are files or folders; in a folder, READMEs, NEWS, changelogs, package METADATA
and *.md, *.rst, *.txt files are read, .gz ones decompressed, and .mo catalogues as their translated strings.
A file is read once whatever its path (by content) and files over 2 MB are skipped. Each finding is printed as
the file and the text found; the last line says how much text was read and how long it took.
Run: python tools/firewall_false_positives.py /usr/share/doc .venv/lib /usr/share/locale/fr
"""

from __future__ import annotations

import gettext
import gzip
import hashlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from helpcenter.firewall.phrases import find_phrases

NAMES = ("readme", "news", "changelog", "metadata", "changes", "history", "faq", "todo", "contributing", "install")
SUFFIXES = (".md", ".rst", ".txt", ".mo")
MAX_BYTES = 2_000_000


def texts(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Each distinct readable file under `paths` with its text."""
    seen: set[str] = set()
    for root in paths:
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            name = path.name.lower().removesuffix(".gz")
            if not path.is_file() or not (name.startswith(NAMES) or name.endswith(SUFFIXES)):
                continue
            try:
                data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
            except (OSError, EOFError, gzip.BadGzipFile):
                continue
            digest = hashlib.sha1(data).hexdigest()
            if len(data) > MAX_BYTES or digest in seen:
                continue
            seen.add(digest)
            if name.endswith(".mo"):
                with path.open("rb") as catalogue:
                    # gettext has no public reader of a whole catalogue: it keeps the strings in _catalog.
                    strings = vars(gettext.GNUTranslations(catalogue))["_catalog"].values()
                yield path, "\n".join(s for s in strings if isinstance(s, str))
            elif b"\0" not in data[:4096]:
                yield path, data.decode("utf-8", errors="replace")


def main(argv: list[str]) -> None:
    start, size, found = time.perf_counter(), 0, 0
    for path, text in texts([Path(a) for a in argv]):
        size += len(text)
        for s, e in find_phrases(text):
            found += 1
            print(f"{path}: {text[s:e][:200]!r}")
    print(f"{found} phrases in {size / 1e6:.1f} M characters ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
