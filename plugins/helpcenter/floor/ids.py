"""Ids and slugs: what an article, category, tree or node id may look like, and how one is made."""

from __future__ import annotations

import re

from helpcenter.floor.text import has_han

# kebab-case: ids appear in URLs, links and tickets, the same in every language.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_id(text: str) -> bool:
    """Whether `text` is a valid kebab-case id."""
    return ID_PATTERN.match(text) is not None


def slugify(text: str) -> str:
    """A kebab-case id from a title, ASCII only; '' when the title has no Latin letters or digits."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")


def readable_slug(title: str) -> str:
    """A kebab-case id from a title in any script; '' when nothing in it can be spelled in ASCII.

    Chinese becomes pinyin by word (pypinyin: '代理菜单空白' → 'dai-li-cai-dan-kong-bai'); everything else,
    Japanese included (kana say it is not Chinese), is transliterated by anyascii, whose capitals mark
    where a syllable starts ('송금' → 'SongGeum' → 'song-geum'); accents go ('recibí' → 'recibi').
    """
    # Imported here: pypinyin's dictionaries take ~55 MiB, which a build (that names no new article) never needs.
    from anyascii import anyascii  # noqa: PLC0415
    from pypinyin import lazy_pinyin  # noqa: PLC0415

    if has_han(title) and not KANA.search(title):
        title = " ".join(lazy_pinyin(title, errors=lambda text: text))
    spelled = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", anyascii(title))
    return slugify(spelled)
