"""The collector over real HTTP: what it accepts, what it refuses and why, and that it keeps serving."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from helpcenter.insights import events
from tests.insights.wire import post, rows

GOOD: dict[str, dict[str, Any]] = {
    "view": {"type": "view", "lang": "en", "article": "tron-energy"},
    "feedback": {"type": "feedback", "lang": "en", "article": "tron-energy", "helpful": False,
                 "reason": "more-info", "comment": "Which fee applies to USDT?"},
    "search": {"type": "search", "lang": "zh", "query": "能量不足", "results": 3, "clicked": "tron-energy", "rank": 1},
    "flowchart": {"type": "flowchart", "lang": "en", "flowchart": "tx-pending", "node": "q-confirmed",
                  "outcome": "abandoned"},
    "ticket": {"type": "ticket", "lang": "zh", "stage": "opened", "source": "article", "article": "tron-energy"},
}
WRONG_VALUES: list[Any] = [None, 1, 1.5, True, "x", [], {}]


def _with(kind: str, **changes: Any) -> dict[str, Any]:
    event = dict(GOOD[kind])
    for name, value in changes.items():
        if value is _ABSENT:
            event.pop(name, None)
        else:
            event[name] = value
    return event


_ABSENT = object()


def _type_ok(kind: str, name: str, value: Any) -> bool:
    """Whether `value` is a well-typed (if perhaps bad) value for the field, so it is not a wrong-type case."""
    spec = {"type": ("str", False), "lang": ("str", False), **events.SCHEMA[kind]}[name]
    base, nullable = spec[0].removesuffix("|null"), spec[0].endswith("|null")
    if value is None:
        return nullable
    if base == "bool":
        return isinstance(value, bool)
    if base in ("count", "rank"):
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


def malformed() -> list[tuple[str, bytes, str | None, int, str]]:
    """(name, body, content type, status, error code) for every body the collector must refuse."""
    cases: list[tuple[str, bytes, str | None, int, str]] = []

    def add(name: str, body: Any, status: int = 400, code: str = "", content_type: str | None = "application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
        cases.append((name, data, content_type, status, code))

    for text in ["", " ", "{", "}", "[", "[{]", "nul", "{'type': 'view'}", '{"type":"view",}', "{}x", "[]]",
                 "NaN", "Infinity", "-Infinity", '{"type":"view","type":"view","lang":"en","article":"a"}',
                 '"\\ud800', "\x00", "1 2", "\ufeff{}", "[" * 2 + "]" * 2, "9" * 5000]:
        add(f"bad json {text[:20]!r}", text.encode("utf-8"), 400, "")
    for name, data in [("latin-1", '{"type":"search","lang":"en","query":"café","results":1,'
                                   '"clicked":null,"rank":null}'.encode("latin-1")),
                       ("utf-16", json.dumps(GOOD["view"]).encode("utf-16")), ("bare 0xff", b"\xff\xfe\xfd"),
                       ("truncated utf-8", json.dumps(GOOD["view"]).encode("utf-8")[:-1] + b"\xe8\x83")]:
        add(f"not utf-8: {name}", data, 400, "bad-json")
    for value in [1, "view", True, None, [1], [[GOOD["view"]]], [None], [GOOD["view"], "x"], []]:
        add(f"top level {json.dumps(value)[:30]}", value, 400, "")
    for depth in (5, 50, 1000, 4000):
        add(f"nested arrays x{depth}", ("[" * depth + "]" * depth).encode(), 400, "bad-json")
        add(f"nested objects x{depth}", ('{"a":' * depth + "1" + "}" * depth).encode()[:8000], 400, "bad-json")
    add("51 events", [GOOD["view"]] * 51, 400, "too-many")
    add("10,000 events", [GOOD["view"]] * 10_000, 413, "too-large")
    add("10,000 tiny items", [0] * 10_000, 413, "too-large")
    add("9 KiB of spaces", b" " * 9216 + json.dumps(GOOD["view"]).encode(), 413, "too-large")
    for kind, good in GOOD.items():
        add(f"{kind}: unknown field", {**good, "session": "abc"}, 400, "unknown-field")
        add(f"{kind}: unknown field ip", {**good, "ip": "203.0.113.9"}, 400, "unknown-field")
        for name in good:
            if name in ("type", "lang") or events.SCHEMA[kind][name][1]:  # optional fields may be left out
                add(f"{kind}: missing {name}", _with(kind, **{name: _ABSENT}), 400, "missing-field")
            for value in WRONG_VALUES:
                if not _type_ok(kind, name, value):
                    add(f"{kind}: {name}={json.dumps(value)}", _with(kind, **{name: value}), 400, "wrong-type")
    for name, event, code in [
        ("query too long", _with("search", query="q" * 101), "too-long"),
        ("query 7 KiB", _with("search", query="q" * 7000), "too-long"),
        ("comment too long", _with("feedback", comment="c" * 1001), "too-long"),
        ("id too long", _with("view", article="a" * 101), "too-long"),
        ("lang too long", _with("view", lang="en-" + "-".join(["abcdefgh"] * 5)), "too-long"),
        ("unknown type", _with("view", type="click"), "bad-value"),
        ("bad reason", _with("feedback", reason="spam"), "bad-value"),
        ("reason with yes", _with("feedback", helpful=True), "bad-value"),
        ("bad outcome", _with("flowchart", outcome="done"), "bad-value"),
        ("bad stage", _with("ticket", stage="suggestion_clicked"), "bad-value"),
        ("bad source", _with("ticket", source="email"), "bad-value"),
        ("bad lang", _with("view", lang="english language"), "bad-value"),
        ("empty lang", _with("view", lang=""), "bad-value"),
        ("id with spaces", _with("view", article="Tron Energy"), "bad-value"),
        ("id path", _with("view", article="../../etc/passwd"), "bad-value"),
        ("id markup", _with("view", article="<script>"), "bad-value"),
        ("rank 0", _with("search", rank=0), "bad-value"),
        ("results negative", _with("search", results=-1), "bad-value"),
        ("results huge", _with("search", results=10**12), "bad-value"),
        ("rank without click", _with("search", clicked=None), "bad-value"),
        ("empty query", _with("search", query="   "), "bad-value"),
        ("sensitive false", {"type": "search", "lang": "en", "sensitive": False}, "bad-value"),
        ("sensitive with query", {"type": "search", "lang": "en", "sensitive": True, "query": "x"}, "unknown-field"),
        ("lone surrogate", '{"type":"view","lang":"en","article":"a"}'.replace('"a"', '"\\udc00"'), "bad-value"),
        ("lone surrogate comment", json.dumps(_with("feedback", comment="x")).replace('"x"', '"\\ud83d"'),
         "bad-value"),
    ]:
        add(name, event.encode() if isinstance(event, str) else event, 400, code)
    for content_type in [None, "text/html", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                         "application/json; charset=latin-1", "text/plain; charset=utf-16", "application/xml",
                         "application/jsonx", "json"]:
        add(f"content type {content_type}", GOOD["view"], 415, "unsupported-media-type", content_type=content_type)
    return cases


MALFORMED = malformed()


def test_there_are_over_a_hundred_malformed_bodies() -> None:
    assert len(MALFORMED) >= 100
    assert len({name for name, *_ in MALFORMED}) == len(MALFORMED)


def test_every_malformed_body_is_refused_and_the_server_keeps_serving(insights_server: tuple[str, Path]) -> None:
    base, db_path = insights_server
    wrong = []
    for name, body, content_type, status, code in MALFORMED:
        got, _, answer = post(base, body, content_type=content_type)
        error = json.loads(answer).get("error") if answer.startswith(b"{") else None
        if got != status or (code and error != code):
            wrong.append(f"{name}: {got} {answer[:160]!r}, expected {status} {code}")
    assert not wrong, "\n".join(wrong)
    assert rows(db_path) == []
    assert post(base, GOOD["view"])[0] == 204
    assert [r["article"] for r in rows(db_path)] == ["tron-energy"]


def test_a_body_streamed_past_the_limit_is_refused(insights_server: tuple[str, Path]) -> None:
    base, db_path = insights_server
    body = json.dumps([GOOD["view"]] * 500).encode()
    status, _, answer = post(base, body, chunked=True)
    assert (status, json.loads(answer)["error"]) == (413, "too-large")
    small = post(base, json.dumps([GOOD["view"]] * 3).encode(), chunked=True)
    assert small[0] == 204
    assert len(rows(db_path)) == 3


@pytest.mark.parametrize(("event", "message"), [
    ({"type": "view", "lang": "en", "article": "a", "x": 1},
     {"error": "unknown-field", "at": "$.x", "message": "unknown field 'x' in a view event: allowed are type, lang, "
                                                          "article"}),
    ([GOOD["view"], {"type": "feedback", "lang": "en", "article": "a", "helpful": "no"}],
     {"error": "wrong-type", "at": "$[1].helpful", "message": "expected true or false but received a string"}),
    ({"type": "search", "lang": "en", "results": 0, "clicked": None, "rank": None},
     {"error": "missing-field", "at": "$.query", "message": "missing field 'query' in a search event"}),
    (_with("feedback", comment="c" * 1001),
     {"error": "too-long", "at": "$.comment", "message": "too long: 1001 characters, at most 1000"}),
    (_with("feedback", reason="spam"),
     {"error": "bad-value", "at": "$.reason", "message": "bad value 'spam': expected one of more-info, inaccurate, "
                                                         "hard-to-understand, broken-link, other"}),
])
def test_a_refusal_says_where_and_why(insights_server: tuple[str, Path], event: Any, message: dict[str, str]) -> None:
    status, _, answer = post(insights_server[0], event)
    assert (status, json.loads(answer)) == (400, message)


def test_every_event_type_is_stored_as_sent(insights_server: tuple[str, Path]) -> None:
    base, db_path = insights_server
    assert post(base, list(GOOD.values()), content_type="text/plain;charset=UTF-8")[0] == 204
    assert post(base, {"type": "search", "lang": "en", "sensitive": True})[0] == 204
    stored = rows(db_path)
    assert [r["type"] for r in stored] == [*GOOD, "search"]
    assert stored[1]["comment"] == "Which fee applies to USDT?"
    assert (stored[1]["helpful"], stored[1]["reason"]) == (0, "more-info")
    assert (stored[2]["query"], stored[2]["results"], stored[2]["clicked"], stored[2]["rank"]) == (
        "能量不足", 3, "tron-energy", 1)
    assert (stored[5]["query"], stored[5]["sensitive"]) == (None, 1)
    assert all(r["hour"] % 3600 == 0 for r in stored)


def test_the_collector_normalises_what_a_raw_client_sends(insights_server: tuple[str, Path]) -> None:
    base, db_path = insights_server
    query = "  Send  ＵＳＤＴ to TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC failed "
    assert post(base, _with("search", query=query, results=0, clicked=None, rank=None))[0] == 204
    assert [r["query"] for r in rows(db_path)] == ["send usdt to <address> failed"]


def test_other_paths_and_methods(insights_server: tuple[str, Path]) -> None:
    base, _ = insights_server
    assert post(base, b"", method="GET")[0] == 405
    assert post(base, b"", method="PUT")[0] == 405
    assert post(base, GOOD["view"], path="/")[0] == 404
    assert post(base, GOOD["view"], path="/events/x")[0] == 404


def test_cors_only_for_the_allowed_origin(insights_server_factory) -> None:
    site = "https://help.example.com"
    base, db_path = insights_server_factory(allow_origin=site)
    preflight = {"Origin": site, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    status, headers, _ = post(base, b"", method="OPTIONS", headers=preflight, content_type=None)
    assert status == 204
    assert (headers["access-control-allow-origin"], headers["access-control-allow-methods"],
            headers["access-control-allow-headers"]) == (site, "POST", "Content-Type")
    assert post(base, b"", method="OPTIONS", headers={**preflight, "Origin": "https://evil.example"},
                content_type=None)[0] == 403
    status, headers, _ = post(base, GOOD["view"], headers={"Origin": site})
    assert (status, headers["access-control-allow-origin"]) == (204, site)
    assert post(base, GOOD["view"], headers={"Origin": "https://evil.example"}, content_type="text/plain")[0] == 403
    assert len(rows(db_path)) == 1


@pytest.mark.parametrize(("value", "message"), [
    ("help.example.com", "expected an origin such as https://help.example.com but received 'help.example.com'"),
    ("https://help.example.com/en/", "an origin is scheme, host and port only: 'https://help.example.com', "
                                     "not 'https://help.example.com/en/'"),
])
def test_allow_origin_must_be_an_origin(value: str, message: str) -> None:
    result = CliRunner().invoke(cli, ["insights", "serve", "--allow-origin", value])
    assert result.exit_code == 2
    assert f"Invalid value for '--allow-origin': {message}" in " ".join(result.output.split())


def test_without_allow_origin_only_the_same_origin(insights_server: tuple[str, Path]) -> None:
    base, db_path = insights_server
    assert post(base, GOOD["view"], headers={"Origin": base})[0] == 204
    assert post(base, GOOD["view"], headers={"Origin": "http://127.0.0.1:1"})[0] == 403
    preflight = {"Origin": "http://127.0.0.1:1", "Access-Control-Request-Method": "POST"}
    assert post(base, b"", method="OPTIONS", headers=preflight, content_type=None)[0] == 403
    assert len(rows(db_path)) == 1
