"""Facts about text that several features share: CJK ranges, whitespace, reading a file as UTF-8."""

from __future__ import annotations

import re

from helpcenter.diagnostics import Diagnostic

# Han ideographs: the unified block, extension A, compatibility ideographs and the supplementary planes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# CJK as search sees it: Han plus Japanese kana (each run is cut into bigrams).
CJK = "\u3040-\u30ff" + HAN
HAN_CHAR = re.compile(f"[{HAN}]")
WHITESPACE = re.compile(r"\s+")
# JavaScript's \s, as a character-class body: the browser twins (secrets.js, compose.js) trim and split
# with \s, so the Python twins use exactly the same set (Python's \s adds \x1c-\x1f and \x85).
JS_SPACE = " \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def is_han(ch: str) -> bool:
    """Whether a character is a CJK ideograph."""
    return HAN_CHAR.match(ch) is not None


def has_han(text: str) -> bool:
    """Whether a text holds any CJK ideograph."""
    return HAN_CHAR.search(text) is not None


def squash(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, ends trimmed."""
    return WHITESPACE.sub(" ", text).strip()


def read_text(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode a file as UTF-8, reporting a byte-order mark and undecodable bytes by position."""
    problems: list[Diagnostic] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Diagnostic(path, 1, 1, "file-bom", "file starts with a UTF-8 byte-order mark",
                                   "save the file as UTF-8 without BOM (the mark hides the opening '---')"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        col = len(raw[line_start:err.start].decode("utf-8", errors="replace")) + 1
        problems.append(Diagnostic(path, line, col, "file-not-utf8",
                                   f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                                   "save the file as UTF-8 (your editor's 'save with encoding' menu)"))
        return None, problems
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems
