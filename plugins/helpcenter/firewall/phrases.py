"""Find seed phrases (whole, partial, numbered, spaced or not, one word misspelled) in text.

Every list of `wordlists` is searched: BIP-39 (and Electrum 2.0+ seeds, which use its lists), Monero's
25-word seeds in all their languages, Electrum's pre-2.0 list and SLIP-39 shares.

This is the Python twin of the phrase half of `assets/helpcenter/firewall/secrets.js`: the same tokens, the
same runs and the same rules, pinned by tests/fixtures/firewall/secret-vectors.yml. Indices here are
Python string indices (code points); the browser's are UTF-16 indices of the same substrings.

How a run becomes a finding, per word list:
- tokens are letter runs (letters and combining marks) or single Han characters, compared after
  `wordlists.normalize`; a token is *exact* (in the list) or *near* (one edit from a list word);
- consecutive exact/near tokens joined only by spaces, commas, dots, brackets or a one- or
  two-digit number form a run; a run is cut into segments holding at most one near token;
- a segment is a phrase when it holds a whole seed of its list's scheme (a window its wallet
  would accept: see `checksums`; a near token in it is read as each list word one edit from it
  when the window holds two uncommon words and repeats at most two, so a seed of everyday words
  with one misspelled is still found), at least five distinct uncommon list words, at least three
  in a numbered list of four or more, or at least two right after a label such as "seed phrase"
  or 助记词 ("uncommon": not in common_words.json, the list words our own articles use; see
  tools/firewall_common_words.py);
- Chinese is judged by 12-character windows (seven distinct uncommon characters, or a whole seed
  with five, or with two after a label) because ordinary Chinese uses list characters all the
  time, unless a space or separator stands between nearly every character: then six characters
  are a phrase.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from helpcenter.firewall import checksums
from helpcenter.firewall.wordlists import WordList, load, normalize
from helpcenter.floor.text import CJK, JS_SPACE, is_han

PHRASE_LENGTHS = checksums.BIP39_LENGTHS
checksum_ok = checksums.bip39
MIN_RARE = 5  # distinct uncommon words: ordinary English text reached 3 in 6 MB of README files
# Electrum's pre-2.0 list is a frequency list of English poetry: "black, red, green, yellow, blue" is five
# of its words. A part of such a seed needs more of them (a whole one is twelve in a row).
MIN_RARE_BY_SCHEME = {"electrum-old": 8}
MIN_RARE_LIST = 3  # in a numbered list (1. … 2. …) of at least MIN_LIST_WORDS
MIN_LIST_WORDS = 4
MIN_RARE_LABELLED = 2  # right after "seed phrase", "助记词", …
LABEL_REACH = 40  # characters between a label and the words it introduces
MIN_SPACED_HAN = 6
HAN_WINDOW = 12
MIN_RARE_HAN = 7  # of 12 unspaced characters; our Chinese articles reach 4
MIN_RARE_HAN_CHECKSUM = 5
MAX_GAP = 12
# A window read through a near token's corrections: at most two repeated words, at least two uncommon ones.
MAX_REPEATS_NEAR = 2
MIN_RARE_NEAR = 2

_SEP = JS_SPACE + r",，、;；.。·:：'\"‘’“”`()\[\]（）|/\\\-–—_*•#"
JOIN_GAP = re.compile(f"^[{_SEP}]*(?:[0-9０-９]{{1,2}}[{_SEP}]*)?$")
DIGIT = re.compile("[0-9０-９]")
LABEL = re.compile(
    r"(?:recovery|seed|secret|backup|mnemonic)[ \t]*(?:phrase|words?)|mnemonic|"
    r"助记词|助記詞|恢复短语|恢復短語|种子短语|種子短語|备份短语|備份短語|シードフレーズ|復元フレーズ",
    re.IGNORECASE,
)
ALNUM = re.compile("[0-9A-Za-z]")
# Scripts whose words Electrum joins without spaces: Han, kana and Hangul.
CJK_WORD = re.compile(f"^[{CJK}\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
MIN_CODE = 16
EXACT, NEAR = 2, 1


@dataclass(frozen=True)
class Token:
    """A word of the text: its span and its normalised form."""

    start: int
    end: int
    norm: str
    han: bool


def tokens(text: str) -> list[Token]:
    """Letter runs (letters and combining marks) and single Han characters, in order.

    Letters glued to digits inside a long code (an address, a hash, a key) are not words: "Ray" in
    TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7 must not count as the list word "ray".
    """
    found: list[Token] = []
    start = -1
    for i, ch in enumerate([*text, " "]):
        # U+FFFD counts as a letter: mnemonic's Russian list ships a word spelt with two of them ('сно��а').
        letter = unicodedata.category(ch)[0] in "LM" or ch == "\ufffd"
        if letter and not is_han(ch):
            if start < 0:
                start = i
            continue
        if start >= 0 and not _in_code(text, start, i):
            found.append(Token(start, i, normalize(text[start:i]), False))
        start = -1
        if letter:
            found.append(Token(i, i + 1, normalize(ch), True))
    return found


def _in_code(text: str, start: int, end: int) -> bool:
    left, right = start, end
    while left > 0 and ALNUM.match(text[left - 1]):
        left -= 1
    while right < len(text) and ALNUM.match(text[right]):
        right += 1
    return right - left > end - start and right - left >= MIN_CODE


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class _NearIndex:
    """List words one edit from a token (insert, delete, substitute; swaps count as one), by symmetric deletes."""

    def __init__(self, wordlist: WordList) -> None:
        self.index = wordlist.index
        self.deleted: dict[str, list[str]] = {}  # a word of four letters or more, one letter deleted → the words
        for word in wordlist.words:
            if len(word) >= 4:
                for d in _deletes(word):
                    self.deleted.setdefault(d, []).append(word)

    def near(self, token: str) -> bool:
        """Whether a list word is one edit from `token` (a token not in the list)."""
        if len(token) < 4:
            return False
        if token in self.deleted:
            return True
        return any(d in self.index or d in self.deleted for d in _deletes(token))

    def candidates(self, token: str) -> list[str]:
        """The list words one edit from `token` (itself excluded), in list order."""
        if len(token) < 4:
            return []
        found = set(self.deleted.get(token, ()))  # a letter missing
        for d in _deletes(token):
            if d in self.index:  # a letter too many
                found.add(d)
            found.update(self.deleted.get(d, ()))  # a letter changed, or two swapped
        found.discard(token)
        return sorted(found, key=self.index.__getitem__)


_NEAR: dict[str, _NearIndex] = {}


def _near(wordlist: WordList) -> _NearIndex:
    return _NEAR.get(wordlist.language) or _NEAR.setdefault(wordlist.language, _NearIndex(wordlist))


def _status(wordlist: WordList, token: Token) -> int:
    if token.han != wordlist.is_han:
        return 0
    if token.norm in wordlist.index:
        return EXACT
    if wordlist.is_han:
        return 0
    return NEAR if _near(wordlist).near(token.norm) else 0


def is_seed(wordlist: WordList, words: list[str]) -> bool:
    """Whether normalised list words are a whole seed its wallet would accept (see `checksums`)."""
    indices = [wordlist.index[w] for w in words]
    if wordlist.scheme == "bip39":
        # Electrum makes its seeds in English (it reads other BIP-39 lists too); not Chinese characters, where
        # a one-in-230 hash on any twelve characters next to 助记词 would be found in ordinary sentences.
        return checksums.bip39(indices) or (not wordlist.is_han and
                                            checksums.electrum(words, CJK_WORD.match(wordlist.words[0]) is not None))
    if wordlist.scheme == "monero":
        spelt = wordlist.spelt or wordlist.words
        return checksums.monero([spelt[i] for i in indices], wordlist.prefix)
    if wordlist.scheme == "slip39":
        return checksums.slip39(indices)
    return True  # electrum-old: Electrum takes any run of 12 or 24 of its words (its own is_old_seed)


def _seeds(wordlist: WordList, segment: list[tuple[Token, int]], least: int) -> Iterator[tuple[int, int]]:
    """Spans of the windows of a segment that are whole seeds holding at least `least` uncommon words.

    A window holding the segment's near token is a seed when one of the list words one edit from it, in its
    place, makes one (the seed the reader meant to type), unless it reads as ordinary text (`_may_correct`).
    """
    choices = [[t.norm] if status == EXACT else _near(wordlist).candidates(t.norm) for t, status in segment]
    for length in (*checksums.LENGTHS[wordlist.scheme], *checksums.EXTRA_LENGTHS.get(wordlist.language, ())):
        for i in range(len(choices) - length + 1):
            window = segment[i:i + length]
            if _rare(wordlist, window) < least or not _may_correct(wordlist, window):
                continue
            if any(is_seed(wordlist, list(words)) for words in product(*choices[i:i + length])):
                yield segment[i][0].start, segment[i + length - 1][0].end


def _may_correct(wordlist: WordList, window: list[tuple[Token, int]]) -> bool:
    # Each word one edit from a near token is another chance for a checksum to hold by luck. Text that repeats its
    # list words ("team arena size define team arena start define team arena free define" in a changelog) offers
    # many windows, and a ticket's list words are mostly everyday ones. A seed's words nearly always differ (three
    # repeats in twelve: 1 in 390,000), and eleven of them hold fewer than two uncommon ones 1 in 5 million times.
    if all(status == EXACT for _, status in window):
        return True
    repeats = len(window) - len({t.norm for t, _ in window})
    return repeats <= MAX_REPEATS_NEAR and _rare(wordlist, window) >= MIN_RARE_NEAR


def _runs(text: str, toks: list[Token], wordlist: WordList) -> Iterator[list[tuple[Token, int]]]:
    run: list[tuple[Token, int]] = []
    for token in toks:
        status = _status(wordlist, token)
        joined = bool(run) and len(text[run[-1][0].end:token.start]) <= MAX_GAP and \
            JOIN_GAP.match(text[run[-1][0].end:token.start]) is not None
        if run and (not status or not joined):
            yield run
            run = []
        if status:
            run.append((token, status))
    if run:
        yield run


def _segments(run: list[tuple[Token, int]]) -> Iterator[list[tuple[Token, int]]]:
    near = [i for i, (_, status) in enumerate(run) if status == NEAR]
    if not near:
        yield run
        return
    bounds = [-1, *near, len(run)]
    for k in range(1, len(bounds) - 1):
        yield run[bounds[k - 1] + 1:bounds[k + 1]]


def _rare(wordlist: WordList, segment: list[tuple[Token, int]]) -> int:
    return len({t.norm for t, status in segment if status == EXACT and t.norm not in wordlist.common})


def _share(gaps: list[str], pattern: re.Pattern[str]) -> bool:
    return bool(gaps) and 2 * sum(1 for g in gaps if pattern.search(g)) >= len(gaps)


def _judge(text: str, wordlist: WordList, segment: list[tuple[Token, int]],
           labels: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of this segment that are a phrase (empty when it reads as ordinary text)."""
    start, end = segment[0][0].start, segment[-1][0].end
    gaps = [text[a.end:b.start] for (a, _), (b, _) in zip(segment, segment[1:], strict=False)]
    labelled = any(start - LABEL_REACH <= label_end <= end for _, label_end in labels)
    rare = _rare(wordlist, segment)
    if not gaps:
        return []
    if wordlist.is_han and 4 * sum(1 for g in gaps if g) < 3 * len(gaps):
        return _judge_han(wordlist, segment, labelled)
    phrase = (
        rare >= MIN_RARE_BY_SCHEME.get(wordlist.scheme, MIN_RARE)
        or (_share(gaps, DIGIT) and len(segment) >= MIN_LIST_WORDS and rare >= MIN_RARE_LIST)
        or (labelled and _rare(wordlist, _outside(segment, labels)) >= MIN_RARE_LABELLED)
        or (wordlist.is_han and len(segment) >= MIN_SPACED_HAN)
        or next(_seeds(wordlist, segment, 0), None) is not None
    )
    return [(start, end)] if phrase else []


def _outside(segment: list[tuple[Token, int]], labels: list[tuple[int, int]]) -> list[tuple[Token, int]]:
    # A label's own words ("recovery phrase": SLIP-39 has "phrase") are not words it introduces.
    return [(t, s) for t, s in segment if not any(a <= t.start < b for a, b in labels)]


def _judge_han(wordlist: WordList, segment: list[tuple[Token, int]], labelled: bool) -> list[tuple[int, int]]:
    spans = []
    least = MIN_RARE_LABELLED if labelled else MIN_RARE_HAN_CHECKSUM
    for i in range(len(segment) - HAN_WINDOW + 1):
        if _rare(wordlist, segment[i:i + HAN_WINDOW]) >= MIN_RARE_HAN:
            spans.append((segment[i][0].start, segment[i + HAN_WINDOW - 1][0].end))
    spans.extend(_seeds(wordlist, segment, least))
    return spans


def could_hold_phrase(text: str, toks: list[Token]) -> bool:
    """Whether any rule of `_judge` could find a phrase in `text`, decided without the word lists.

    The fewest tokens each rule needs: a labelled phrase 2 besides its label, a numbered list 4 (and so five rare
    words, spaced Chinese and every whole seed), unspaced Chinese 12. The browser fetches the word lists
    (171 KiB gzipped) only when this holds, so short searches never download them; a property test holds
    it true for every text in which the rules find something.
    """
    if len(toks) < MIN_RARE_LABELLED:
        return False
    # A label counts when it introduces words: the labelled rule counts only those outside the label
    # (the search "recovery phrase" or "助记词" alone downloads nothing).
    labels = [m.span() for m in LABEL.finditer(text)]
    if labels and sum(1 for t in toks if not any(a <= t.start < b for a, b in labels)) >= MIN_RARE_LABELLED:
        return True
    han = [t for t in toks if t.han]
    if len(toks) - len(han) >= MIN_LIST_WORDS or len(han) >= HAN_WINDOW:
        return True
    # Fewer Han characters than a window are judged as spaced words, which takes a segment of at least
    # MIN_LIST_WORDS with three quarters of its gaps not empty: at least 3 separated neighbours.
    spaced = sum(b.start > a.end for a, b in zip(han, han[1:], strict=False))
    return len(han) >= MIN_LIST_WORDS and spaced >= 3


def find_phrases(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of recovery phrases or parts of one, merged, in text order."""
    toks = tokens(text)
    if not could_hold_phrase(text, toks):
        return []
    return _find_phrases(text, toks)


def _find_phrases(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    labels = [m.span() for m in LABEL.finditer(text)]
    spans: list[tuple[int, int]] = []
    for wordlist in load():
        for run in _runs(text, toks, wordlist):
            for segment in _segments(run):
                spans.extend(_judge(text, wordlist, segment, labels))
    return merge(spans)


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
