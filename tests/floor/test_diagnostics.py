"""The Diagnostic formatters and helpers."""

from __future__ import annotations

import pytest

from helpcenter import htmljson
from helpcenter.diagnostics import Diagnostic, did_you_mean, has_errors

PROBLEM = Diagnostic("docs/en/a/x.md", 3, 7, "id-unknown-related", "related id 'tron-enrgy' is not an article",
                     "did you mean 'tron-energy'?")


def test_text_format() -> None:
    assert PROBLEM.format() == (
        "docs/en/a/x.md:3:7: error[id-unknown-related]: related id 'tron-enrgy' is not an article\n"
        "  = hint: did you mean 'tron-energy'?")


def test_unknown_column_is_dropped() -> None:
    assert Diagnostic("docs/en/a", 0, 0, "c", "m", severity="warning").format() == "docs/en/a: warning[c]: m"


def test_github_format_escapes_newlines_and_percent() -> None:
    problem = Diagnostic("docs/x.md", 2, 1, "c", "100% broken\nreally")
    assert problem.format("github") == "::error file=docs/x.md,line=2,col=1,title=c::100%25 broken%0Areally [c]"


@pytest.mark.parametrize(("value", "expected"), [
    ("tron-enrgy", "did you mean 'tron-energy'? "), ("zzz", ""),
])
def test_did_you_mean(value: str, expected: str) -> None:
    assert did_you_mean(value, ["tron-energy", "tron-bandwidth"]) == expected


def test_has_errors() -> None:
    warning = Diagnostic("p", 1, 1, "c", "m", severity="warning")
    assert not has_errors([warning])
    assert has_errors([warning], strict=True)
    assert has_errors([PROBLEM])


def test_json_for_script_blocks_cannot_close_the_block() -> None:
    text = htmljson.dumps({"t": "</script><!-- & \u2028"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert "\u2028" not in text
    assert text == '{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
