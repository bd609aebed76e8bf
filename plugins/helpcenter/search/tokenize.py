"""The tokenizer both sides share: text → tokens → terms, the same for the index and for queries.

The rules are mirrored line for line in `templates/assets/helpcenter/search/tokenize.js`, and one
file of test vectors (`tests/fixtures/search/tokenize-vectors.json`) pins both implementations:

- Each code point is NFKC-normalized on its own (full-width letters become ASCII); identifier
  classes are recognized on that text, then each word is lower-cased.
- Runs of CJK characters (Han, kana) become overlapping bigrams, so any 2+ character substring of
  a Chinese text matches; a lone CJK character stays a unigram.
- Runs of other letters and digits are words; `-` and `_` join words into one compound
  (`OUT_OF_ENERGY`, `TRC-20`), which yields its parts and the parts run together (`outofenergy`).
  A short word mixing letters and digits also yields its pieces (`trc20` → `trc`, `20`).
- Pasted identifiers (addresses, transaction hashes) become class tokens `@address` / `@txid`,
  so "is this address right T…" finds the article about addresses, never a random string; a link
  (with `http(s)://`, `www.` or a path after its domain) becomes `@url`, so "is https://… real?"
  finds the phishing and checker pages, never the words of a look-alike domain.
- Queries weigh their chunks (`query_weight`): noise (greetings, pleas, emotions: "urgent",
  "救命") counts for nothing, fillers ("someone", "怎么") for a third, everything else fully.
- Terms are tokens after lunr's English pipeline (stop-word filter, Porter stemmer) for words;
  CJK and class tokens pass through unchanged, the same in both languages' indexes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from lunr.stemmer import PorterStemmer  # type: ignore[import-untyped]  # lunr.py ships no type hints
from lunr.stop_word_filter import WORDS as STOP_WORDS  # type: ignore[import-untyped]

from helpcenter.floor.text import CJK

MIXED_MAX = 10  # longer letter-digit words are hashes or codes, not "trc20"-style names


class _LunrJsStemmer(PorterStemmer):  # type: ignore[misc]  # an untyped base
    """lunr.py's Porter stemmer with lunr.js's step 1c, which the browser runs on every query.

    lunr.js turns a final y into i only after a consonant that is not the word's first letter
    (cry → cri, try → tri; buy, key, day and pay stay); lunr.py after any vowel in the stem (key →
    kei, day → dai): an index stemmed the lunr.py way never matched what readers typed.
    """

    def step1c(self) -> None:
        if self.ends("y") and self.k >= 2 and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


porter_stemmer = _LunrJsStemmer()

# A letter or digit that is not CJK (Python's \w is exactly str.isalnum() plus "_").
_W = rf"[^\W_{CJK}]"
_WORD = rf"{_W}+(?:['\u2019]{_W}+)*"
# A link: a scheme or www., or a domain followed by a path; it ends at a space, a quote or bracket, or CJK.
_URL_CHARS = rf"[^\s<>\"'()\[\]{{}}{CJK}，。、！？：；]"
_URL = (rf"(?:(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.){_URL_CHARS}+"
        rf"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,}}/{_URL_CHARS}*)")
_SCAN = re.compile(rf"(?P<url>{_URL})|(?P<cjk>[{CJK}]+)|(?P<word>{_WORD}(?:[-_]{_WORD})*)")
_URLS = re.compile(_URL)
URL_CLASS = "@url"
_CONNECTOR = re.compile(r"[-_]")
_APOSTROPHE = re.compile("['\u2019]")
_PIECES = re.compile(r"[^\W\d_]+|\d+")
_CLASSES = (
    ("@txid", re.compile(r"(?:0x)?[0-9a-f]{64}", re.IGNORECASE)),
    ("@address", re.compile(r"0x[0-9a-f]{40}", re.IGNORECASE)),
    ("@address", re.compile(r"T[1-9A-HJ-NP-Za-km-z]{33}")),
    ("@address", re.compile(r"(?:bc1|tb1)[02-9ac-hj-np-z]{8,87}", re.IGNORECASE)),
    ("@address", re.compile(r"[13](?=[1-9A-HJ-NP-Za-km-z]*[A-HJ-NP-Za-km-z])[1-9A-HJ-NP-Za-km-z]{25,34}")),
)
_CJK_CHAR = re.compile(rf"[{CJK}]")
_RUNS = re.compile(rf"[{CJK}]+")
_WORDS = re.compile(rf"{_WORD}(?:[-_]{_WORD})*")  # the `word` group of _SCAN on its own


def is_cjk(ch: str) -> bool:
    """Whether a character is written without spaces between words (Han, hiragana, katakana)."""
    return _CJK_CHAR.match(ch) is not None


class _Fold(dict[int, str | int]):
    """`str.translate` table: NFKC of each code point, computed once per distinct character."""

    def __missing__(self, code: int) -> str | int:
        folded = unicodedata.normalize("NFKC", chr(code))
        value: str | int = code if folded == chr(code) else folded
        self[code] = value
        return value


_FOLD = _Fold()


def fold(text: str) -> str:
    """NFKC per code point (full-width letters become ASCII); case is kept for identifier classes."""
    return text if text.isascii() else text.translate(_FOLD)


def tokens(text: str) -> list[str]:
    """Every token the index stores for `text`, in order."""
    result: list[str] = []
    for match in _SCAN.finditer(fold(text)):
        run = match.group("cjk")
        if match.group("url") is not None:
            result.append(URL_CLASS)
        elif run is None:
            result.extend(_word_tokens(match.group("word")))
        elif len(run) == 1:
            result.append(run)
        else:
            result.extend([run[k : k + 2] for k in range(len(run) - 1)])
    return result


def _word_tokens(original: str) -> tuple[str, ...]:
    """Tokens of a word or compound: a class token, or the parts (with pieces) and the parts joined."""
    for name, pattern in _CLASSES:
        if pattern.fullmatch(original):
            return (name,)
    parts = _CONNECTOR.split(_APOSTROPHE.sub("", original).lower())
    if len(parts) == 1:
        return _expand(parts[0])
    return (*(t for part in parts for t in _expand(part)), "".join(parts))


def _expand(word: str) -> tuple[str, ...]:
    """A word, then its letter and digit pieces when it mixes both (`trc20` → trc20, trc, 20)."""
    if len(word) > MIXED_MAX:
        return (word,)
    pieces = _PIECES.findall(word)
    if len(pieces) > 1 and "".join(pieces) == word and all(len(p) > 1 for p in pieces):
        return (word, *pieces)
    return (word,)


@lru_cache(maxsize=1 << 12)  # the index build caches whole words in _word_terms instead
def term(token: str) -> str:
    """A word token after lunr's English pipeline ('' for a stop word); other tokens unchanged."""
    if not token or token[0] == "@" or is_cjk(token[0]):
        return token
    if token in STOP_WORDS:
        return ""
    return str(porter_stemmer.stem(token))


def terms(text: str) -> list[str]:
    """The index terms of `text`: tokens through the pipeline, stop words dropped."""
    result: list[str] = []
    for url, run, word in _SCAN.findall(fold(text)):
        if url:
            result.append(URL_CLASS)
        elif word:
            result.extend(_word_terms(word))
        elif len(run) == 1:
            result.append(run)
        else:
            result.extend([run[k : k + 2] for k in range(len(run) - 1)])
    return result


def bag(text: str) -> Iterator[str]:
    """The terms of `text` in no particular order: what an index counts, computed without a Python loop.

    The same multiset as `terms(text)` (a test holds them equal): words first, then CJK bigrams, then
    lone CJK characters. `terms` keeps reading order for the vectors the JavaScript twin is checked on.
    """
    folded = fold(text)
    links: list[str] = []
    if "/" in folded or "www." in folded.lower():  # links are rare: look for them only where one may be
        folded, count = _URLS.subn(" ", folded)
        links = [URL_CLASS] * count
    if not _CJK_CHAR.search(folded):
        return chain(links, chain.from_iterable(map(_word_terms, _WORDS.findall(folded))))
    runs = _RUNS.findall(folded)
    return chain(links, chain.from_iterable(map(_word_terms, _WORDS.findall(folded))),
                 chain.from_iterable(map(_bigrams, runs)),
                 (run for run in runs if len(run) == 1))


def _bigrams(run: str) -> map[str]:
    return map(str.__add__, run[:-1], run[1:])


@lru_cache(maxsize=1 << 13)  # the index build spends most of its time here: words repeat (Zipf)
def _word_terms(original: str) -> tuple[str, ...]:
    return tuple(t for t in map(term, _word_tokens(original)) if t)


def forget() -> None:
    """Empty the word caches (an index build calls it when the last article is added: the room goes to
    the postings)."""
    term.cache_clear()
    _word_terms.cache_clear()


def keys(text: str) -> list[str]:
    """One key per chunk, stop words kept: what synonym phrases are matched against in a query.

    A word's key is its term (a stop word stays as it is), a compound's is its parts joined, a CJK
    bigram and a class token are themselves: "sign up" → ['sign', 'up'], "two-factor" → ['twofactor'].
    """
    result: list[str] = []
    for match in _SCAN.finditer(fold(text)):
        run = match.group("cjk")
        if match.group("url") is not None:
            result.append(URL_CLASS)
        elif run is None:
            found = _word_tokens(match.group("word"))
            token = found[-1] if _is_compound(match.group("word"), found) else found[0]
            result.append(term(token) or token)
        elif len(run) == 1:
            result.append(run)
        else:
            result.extend(run[k : k + 2] for k in range(len(run) - 1))
    return result


def _is_compound(original: str, found: tuple[str, ...]) -> bool:
    return found[0][0] != "@" and _CONNECTOR.search(original) is not None


def title_key(text: str) -> list[str]:
    """A title's terms as engine.js `titleKey` takes them: one per chunk, stop words dropped.

    The browser puts an article first when the query's keys are exactly these; the sharded index
    ships their count per article so that only titles of that length are fetched to compare.
    """
    found = (term(token) for match in _SCAN.finditer(fold(text)) for token in _chunk_tokens(match))
    return [t for t in found if t]


def _chunk_tokens(match: re.Match[str]) -> list[str]:
    run = match.group("cjk")
    if match.group("url") is not None:
        return [URL_CLASS]
    if run is None:
        found = _word_tokens(match.group("word"))
        return [found[-1] if _is_compound(match.group("word"), found) else found[0]]
    return [run] if len(run) == 1 else [run[k : k + 2] for k in range(len(run) - 1)]


# Words of a query that say nothing of its topic. Noise (greetings, pleas, feelings, "urgent") counts
# for nothing, so a long upset post ranks by its problem; fillers ("how do I move it to someone
# else", "怎么办") still count, at a third of their rarity. Chinese as bigrams. Mirrored in tokenize.js.
QUERY_NOISE = (
    "urgent", "urgently", "asap", "pls", "plz", "thx", "sir", "madam", "bro", "dear", "kindly", "omg", "god", "wtf",
    "damn", "seriously", "honestly", "literally", "basically", "crying", "cry", "worried", "worry", "scared",
    "afraid", "panic", "panicking", "desperate", "frustrated", "angry", "upset", "stressed", "ridiculous",
    "terrible", "horrible", "disappointed", "hope", "hoping", "appreciate", "appreciated", "hey", "lol", "idk",
    "guy", "team", "admin", "anybody", "somebody", "sb",
    "急急", "着急", "急死", "求助", "求求", "救命", "救救", "大神", "大佬", "各位", "到底", "崩溃", "谢谢", "感谢",
    "麻烦", "帮帮", "帮忙", "帮我", "哭了", "天哪", "心态", "线等", "拜托", "跪求", "高手", "老哥", "好急", "死了")
QUERY_FILLERS = (
    "someone", "anyone", "something", "anything", "else", "actually", "really", "please", "help", "thing",
    "things", "way", "ago", "hour", "hours", "minute", "minutes", "day", "days", "still", "already", "just", "even",
    "want", "know", "tell", "see", "look", "happen", "happened", "mean", "means", "ok", "okay", "hi", "hello",
    "thanks", "guys", "keep", "keeps", "says", "said", "tried",
    "怎么", "么办", "什么", "为什", "如何", "请问", "一下", "可以", "怎样", "这个", "那个", "一直", "还是", "是不",
    "不是", "我的", "你们", "我们", "为何", "能不", "不能", "有没", "了怎", "么回", "回事")
FILLER_WEIGHT = 0.3
_query_weights: dict[str, float] = {}


def query_weight(key: str) -> float:
    """How much a query chunk with this key counts: 0 for noise, FILLER_WEIGHT for a filler, else 1."""
    if not _query_weights:
        _query_weights.update({t: FILLER_WEIGHT for t in map(term, QUERY_FILLERS) if t})
        _query_weights.update({t: 0.0 for t in map(term, QUERY_NOISE) if t})
    return _query_weights.get(key, 1.0)
