"""Where a site keeps each language: a folder per language (`docs/zh/…`) or a suffix (`page.zh.md`).

The layout only says which language a page is in and which pages are translations of each other;
it never moves a page: every page keeps the URL MkDocs gives its file.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

FOLDER, SUFFIX, AUTO = "folder", "suffix", "auto"
LAYOUTS = (AUTO, FOLDER, SUFFIX)
INDEX_NAMES = ("index.md", "README.md")  # MkDocs gives both the URL of their folder


@dataclass(frozen=True)
class Layout:
    """The site's languages (default first) and how a page names its language."""

    languages: tuple[str, ...]
    kind: str = FOLDER

    @property
    def default(self) -> str:
        """The language of pages that name none (and of the site root)."""
        return self.languages[0]

    def split(self, rel: str) -> tuple[str, str]:
        """(language, the path without its language): 'zh/a/b.md' or 'a/b.zh.md' → ('zh', 'a/b.md')."""
        if self.kind == SUFFIX:
            head, _, name = rel.rpartition("/")
            parts = name[: -len(".md")].rsplit(".", 1)
            if len(parts) == 2 and parts[1] in self.languages[1:]:
                return parts[1], (f"{head}/" if head else "") + parts[0] + ".md"
            return self.default, rel
        first, _, rest = rel.partition("/")
        if rest and first in self.languages:
            return first, rest
        return self.default, rel

    def path_in(self, lang: str, key: str) -> str:
        """The inverse of `split`: where the page `key` of language `lang` is."""
        if self.kind == SUFFIX:
            return key if lang == self.default else f"{key[: -len('.md')]}.{lang}.md"
        return f"{lang}/{key}"

    def home(self, lang: str) -> str:
        """The file of a language's home page."""
        return self.path_in(lang, "index.md") if self.kind == SUFFIX else f"{lang}/index.md"


def detect(paths: Iterable[str], known: Collection[str], default: str, *, languages: Sequence[str] | None = None,
           kind: str = AUTO) -> Layout:
    """The layout of a docs tree from its Markdown paths (relative, POSIX).

    `known` are the language codes the theme knows (Material's partials/languages/*); `default` is the
    theme's language. Given `languages`, only the kind is detected; given both, nothing is.
    """
    paths = list(paths)
    folded = {code.lower(): code for code in known}
    if kind == AUTO:
        suffixes = _suffix_languages(paths, folded)
        folders = _folder_languages(paths, folded, default)
        candidates = set(languages[1:]) if languages else None
        if candidates is not None:
            kind = SUFFIX if candidates & suffixes and not candidates & folders else FOLDER
        else:
            kind = SUFFIX if suffixes and not folders else FOLDER
    if languages:
        return Layout(tuple(languages), kind)
    found = _suffix_languages(paths, folded) if kind == SUFFIX else _folder_languages(paths, folded, default)
    rest = sorted(code for code in found if code != default)
    return Layout((default, *rest), kind)


def _suffix_languages(paths: list[str], known: dict[str, str]) -> set[str]:
    found = set()
    for rel in paths:
        parts = rel.rsplit("/", 1)[-1][: -len(".md")].rsplit(".", 1)
        if len(parts) == 2 and parts[1].lower() in known:
            found.add(parts[1])
    return found


def _folder_languages(paths: list[str], known: dict[str, str], default: str) -> set[str]:
    # A lone folder named like a language ('id/', 'it/') may be anything: it counts only when it is
    # the theme's language or has company.
    folders = {rel.split("/", 1)[0] for rel in paths if "/" in rel}
    found = {name for name in folders if name.lower() in known}
    return found if len(found) > 1 or found == {default} else set()
