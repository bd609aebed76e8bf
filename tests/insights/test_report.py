"""`helpcenter insights report`: the exact JSON shape over events sent to a real collector, and every format."""

from __future__ import annotations

import csv
import io
import json
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from helpcenter.insights import report, store
from tests.insights.wire import post

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"'


def _search(query: str, lang: str, results: int, clicked: str | None = None) -> dict[str, Any]:
    return {"type": "search", "lang": lang, "query": query, "results": results, "clicked": clicked,
            "rank": 2 if clicked else None}


def _feedback(article: str, helpful: bool, reason: str | None = None) -> dict[str, Any]:
    event = {"type": "feedback", "lang": "en", "article": article, "helpful": helpful}
    return {**event, "reason": reason} if reason else event


def _flow(node: str, outcome: str, lang: str = "en") -> dict[str, Any]:
    return {"type": "flowchart", "lang": lang, "flowchart": "tx-pending", "node": node, "outcome": outcome}


def _ticket(stage: str, source: str) -> dict[str, Any]:
    return {"type": "ticket", "lang": "en", "stage": stage, "source": source}


SENT: list[dict[str, Any]] = [
    *[{"type": "view", "lang": "en", "article": "tron-energy"}] * 4,
    {"type": "view", "lang": "zh", "article": "tron-energy"},
    {"type": "view", "lang": "en", "article": "backup-phrase"},
    _feedback("tron-energy", False, "more-info"), _feedback("tron-energy", False, "more-info"),
    _feedback("tron-energy", False, "broken-link"), _feedback("tron-energy", True),
    _feedback("backup-phrase", True), _feedback("backup-phrase", False),
    _search("usdt stuck", "en", 0), _search("USDT  stuck", "en", 0), _search("能量租赁", "zh", 0),
    _search("energy", "en", 5), _search("energy", "en", 5, "tron-energy"), _search("fees", "en", 3),
    {"type": "search", "lang": "en", "sensitive": True},
    _flow("q-start", "step"), _flow("q-start", "step"), _flow("q-start", "step"),
    _flow("r-wait", "resolved"), _flow("e-support", "escalated"), _flow("q-confirmed", "abandoned"),
    _flow("q-start", "step", "zh"), _flow("e-support", "escalated", "zh"),
    _ticket("opened", "article"), _ticket("opened", "article"), _ticket("opened", "flowchart"),
    _ticket("suggestion-clicked", "article"), _ticket("sent", "flowchart"),
]
EXPECTED = {
    "search": {"queries": 6, "sensitive": 1,
               "zero_result": [{"query": "usdt stuck", "lang": "en", "count": 2},
                               {"query": "能量租赁", "lang": "zh", "count": 1}],
               "no_click": [{"query": "energy", "lang": "en", "count": 1},
                            {"query": "fees", "lang": "en", "count": 1}]},
    "articles": [
        {"id": "tron-energy", "lang": "en", "views": 4, "helpful_yes": 1, "helpful_no": 3,
         "reasons": {"more-info": 2, "broken-link": 1}},
        {"id": "backup-phrase", "lang": "en", "views": 1, "helpful_yes": 1, "helpful_no": 1, "reasons": {}},
        {"id": "tron-energy", "lang": "zh", "views": 1, "helpful_yes": 0, "helpful_no": 0, "reasons": {}},
    ],
    "flowcharts": [
        {"id": "tx-pending", "lang": "en", "started": 3, "resolved": 1, "escalated": 1, "abandoned": 1,
         "exits": [{"node": "e-support", "count": 1}, {"node": "q-confirmed", "count": 1},
                   {"node": "r-wait", "count": 1}]},
        {"id": "tx-pending", "lang": "zh", "started": 1, "resolved": 0, "escalated": 1, "abandoned": 0,
         "exits": [{"node": "e-support", "count": 1}]},
    ],
    "tickets": {"opened": 3, "suggestion_clicked": 1, "sent": 1,
                "by_source": {"article": {"opened": 2, "sent": 0}, "flowchart": {"opened": 1, "sent": 1}}},
}


@pytest.fixture
def filled(insights_server: tuple[str, Path]) -> Path:
    """A database the collector filled with SENT (in batches, as browsers send)."""
    base, db_path = insights_server
    for start in range(0, len(SENT), 7):
        assert post(base, SENT[start:start + 7], content_type="text/plain;charset=UTF-8")[0] == 204
    return db_path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["insights", "report", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_report_has_exactly_the_shape_of_the_issue(filled: Path) -> None:
    assert json.loads(_run("--db", str(filled), "--format", "json")) == EXPECTED


def test_an_empty_database_reports_zeros(tmp_path: Path) -> None:
    store.connect(tmp_path / "empty.sqlite").close()
    assert report.build(tmp_path / "empty.sqlite") == {
        "search": {"queries": 0, "sensitive": 0, "zero_result": [], "no_click": []}, "articles": [],
        "flowcharts": [], "tickets": {"opened": 0, "suggestion_clicked": 0, "sent": 0, "by_source": {}}}


def test_lang_and_since_filter(filled: Path) -> None:
    zh = json.loads(_run("--db", str(filled), "--format", "json", "--lang", "zh"))
    assert zh["search"]["zero_result"] == [{"query": "能量租赁", "lang": "zh", "count": 1}]
    assert [(a["id"], a["lang"]) for a in zh["articles"]] == [("tron-energy", "zh")]
    assert [(f["lang"], f["started"]) for f in zh["flowcharts"]] == [("zh", 1)]
    db = store.connect(filled)
    store.insert(db, [store.row(SENT[0], store.now_hour(time.time() - 10 * store.DAY))])
    db.close()
    assert report.build(filled, since_days=7)["articles"][0]["views"] == 4
    assert report.build(filled)["articles"][0]["views"] == 5


def test_table_report(filled: Path) -> None:
    text = _run("--db", str(filled), "--since", "30")
    assert text.startswith("Help center insights (last 30 days, all languages)\n\nSearch: 6 queries, 1 withheld")
    assert ("  query (no results)  lang  count\n"
            "  usdt stuck          en        2\n"
            "  能量租赁            zh        1\n") in text  # CJK characters are two columns wide
    assert "  tron-energy    en        4    1   3  more-info 2, broken-link 1\n" in text
    assert "Tickets: 3 opened, 1 suggested articles clicked, 1 sent" in text


def test_csv_report_one_row_per_figure(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    assert _run("--db", str(filled), "--format", "csv", "--out", str(out)) == ""
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == ["section", "name", "lang", "metric", "value"]
    assert ["zero_result", "能量租赁", "zh", "count", "1"] in rows
    assert ["article", "tron-energy", "en", "reason:more-info", "2"] in rows
    assert ["flowchart", "tx-pending", "en", "exit:r-wait", "1"] in rows
    assert ["tickets", "flowchart", "", "sent", "1"] in rows
    assert len(rows) == 1 + len(report.figures(EXPECTED))


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_escapes_a_hostile_query(insights_server: tuple[str, Path], tmp_path: Path) -> None:
    base, db_path = insights_server
    assert post(base, [_search(HOSTILE, "en", 0), _search("=HYPERLINK(\"http://x\")", "en", 0)])[0] == 204
    out = tmp_path / "report.html"
    _run("--db", str(db_path), "--format", "html", "--out", str(out))
    html = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    tags = {tag for tag, _ in parser.tags}
    assert "script" not in tags
    assert "img" not in tags
    assert not [(tag, name) for tag, attrs in parser.tags for name in attrs if name.startswith("on")]
    assert HOSTILE.lower() in "".join(parser.text)  # shown as text, exactly as stored
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &#34;quotes&#34;" in html
    csv_text = _run("--db", str(db_path), "--format", "csv")
    assert "zero_result,\"'=hyperlink(\"\"http://x\"\")\",en,count,1" in csv_text  # not a formula in a spreadsheet


def test_html_report_is_self_contained_with_charts(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    _run("--db", str(filled), "--format", "html", "--out", str(out))
    parser = _Tags()
    parser.feed(out.read_text(encoding="utf-8"))
    assert not [attrs for tag, attrs in parser.tags if tag in ("link", "script", "img", "iframe")]
    assert not [value for _, attrs in parser.tags for name, value in attrs.items()
                if name in ("src", "href") and value and not value.startswith("#")]
    bars = [attrs for tag, attrs in parser.tags if tag == "rect"]
    assert {"class": "hc-bar", "x": "0", "y": "0", "height": "10", "width": "100.00"} in bars  # usdt stuck: 2 of 2
    assert {"class": "hc-bar", "x": "0", "y": "0", "height": "10", "width": "50.00"} in bars  # 能量租赁: 1 of 2
    assert {"class": "hc-no", "x": "25.00", "y": "0", "height": "10", "width": "75.00"} in bars  # tron-energy: 3 of 4
    svgs = [attrs for tag, attrs in parser.tags if tag == "svg"]  # the parser lower-cases attribute names
    assert {"role": "img", "aria-label": "1 yes, 3 no", "viewbox": "0 0 100 10", "preserveaspectratio": "none"} in svgs


def test_report_refuses_a_file_that_is_not_an_insights_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(cli, ["insights", "report", "--db", str(junk)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {junk} is not an insights database: ")


def test_comments_show_in_table_and_html_newest_first_never_in_json(insights_server: tuple[str, Path],
                                                                     tmp_path: Path) -> None:
    base, db_path = insights_server
    first = {**_feedback("tron-energy", False, "inaccurate"), "comment": "The fee table is\nout of date."}
    second = {**_feedback("backup-phrase", False), "comment": HOSTILE, "lang": "zh"}
    assert post(base, [first, second])[0] == 204
    table = _run("--db", str(db_path))
    assert table.endswith("Comments, newest first\n\n"
                          f"  backup-phrase (zh): {HOSTILE}\n"
                          "  tron-energy (en, inaccurate): The fee table is out of date.\n")
    _run("--db", str(db_path), "--format", "html", "--out", str(tmp_path / "r.html"))
    parser = _Tags()
    parser.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert "script" not in {tag for tag, _ in parser.tags}
    text = [t for t in parser.text if t.strip()]
    assert text.index(HOSTILE) < text.index("The fee table is\nout of date.")
    assert "comment" not in _run("--db", str(db_path), "--format", "json")
