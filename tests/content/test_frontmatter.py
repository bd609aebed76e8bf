"""Front matter values read as the writer wrote them, at the line and column where they stand."""

from __future__ import annotations

from helpcenter.content import frontmatter


def test_a_folded_summary_has_no_fold_marks_and_a_literal_one_keeps_its_lines() -> None:
    fm, problems = frontmatter.parse("---\nid: a\nsummary: >\n  Two folded\n  lines.\nnote: |\n  one\n  two\n---\n",
                                     "a.md")
    assert problems == []
    assert fm is not None
    assert fm.data["summary"] == "Two folded lines.\n"  # ruamel's round-trip composer marks the fold with '\a'
    assert fm.data["note"] == "one\ntwo\n"
    assert fm.pos("summary") == (3, 10)


def test_one_parser_serves_every_file_and_an_error_does_not_leak_into_the_next() -> None:
    _, problems = frontmatter.parse("---\ntitle: [unclosed\n---\n", "bad.md")
    assert [p.code for p in problems] == ["fm-yaml-syntax"]
    fm, problems = frontmatter.parse("---\ntitle: Fine\n---\nbody\n", "good.md")
    assert problems == []
    assert fm is not None
    assert fm.data == {"title": "Fine"}
    assert fm.pos("title") == (2, 8)
