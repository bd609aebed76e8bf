"""The report support leads read: search gaps, article helpfulness, flowchart exits, the ticket funnel.

`build(db)` returns exactly the JSON the issue fixes:

    {"search": {"queries", "sensitive", "zero_result": [{"query", "lang", "count"}], "no_click": [...]},
     "articles": [{"id", "lang", "views", "helpful_yes", "helpful_no", "reasons": {"<reason>": N}}],
     "flowcharts": [{"id", "lang", "started", "resolved", "escalated", "abandoned", "exits": [{"node", "count"}]}],
     "tickets": {"opened", "suggestion_clicked", "sent", "by_source": {"<source>": {"opened", "sent"}}}}

- `queries` counts searches that kept their query, `sensitive` those the firewall withheld;
  `zero_result` lists queries that found nothing, `no_click` queries with results where the reader
  opened none; each by language, most frequent first, at most `TOP`.
- `articles`: every article with a view or a vote, least helpful first (most "no", then fewest
  "yes", then most views); `reasons` counts the reasons given with "no" (only those given).
- `flowcharts`: a session sends one `step` when the reader takes the first step, so `started`
  counts `step` events; `resolved`, `escalated`, `abandoned` count the events that end sessions, and
  `exits` the nodes where sessions ended (a leaf for resolved and escalated, the node showing when
  the reader left for abandoned), most frequent first. Started minus ended is sessions still open
  or lost (a reader whose browser never sent the end).
- `tickets`: the funnel opened → a suggested article clicked → sent; `by_source` for each source
  that opened or sent a ticket.

`render(report, style)` writes it as `json`, `table` (plain text), `csv` (one row per figure) or
`html` (one self-contained file: inline CSS and SVG charts, no script, readable offline). `table`
and `html` also list the newest comments readers left with "not helpful" (`comments`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from helpcenter import render as templates
from helpcenter.insights.events import OUTCOMES, REASONS, SOURCES
from helpcenter.insights.store import DAY, connect_readonly, now_hour

TOP = 50  # rows in each query list
COMMENTS = 100  # newest comments in the table and HTML reports
ENDINGS = OUTCOMES[1:]  # resolved, escalated, abandoned
Query = Callable[..., list[tuple[Any, ...]]]  # runs SQL with the report's filters bound
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run a cell starting so


def build(db: Path, *, since_days: int | None = None, lang: str | None = None, now: float | None = None,
          top: int = TOP) -> dict[str, Any]:
    """The report over the events in `db`, optionally only the last `since_days` days and one language."""
    with _reader(db, since_days, lang, now) as query:
        return {"search": _search(query, top), "articles": _articles(query), "flowcharts": _flowcharts(query),
                "tickets": _tickets(query)}


def comments(db: Path, *, since_days: int | None = None, lang: str | None = None, now: float | None = None,
             top: int = COMMENTS) -> list[dict[str, Any]]:
    """The comments readers left with "not helpful", newest first (not in the JSON: its shape is fixed)."""
    with _reader(db, since_days, lang, now) as query:
        rows = query("SELECT article, lang, reason, comment FROM events WHERE type = 'feedback' "
                     "AND comment IS NOT NULL AND {where} ORDER BY id DESC LIMIT ?", top)
    return [{"article": article, "lang": lang, "reason": reason, "comment": comment}
            for article, lang, reason, comment in rows]


@contextlib.contextmanager
def _reader(db: Path, since_days: int | None, lang: str | None, now: float | None) -> Iterator[Query]:
    """A read-only connection's query function with the filters in `{where}`."""
    conditions: list[str] = ["1 = 1"]
    params: list[int | str] = []
    if since_days is not None:
        conditions.append("hour >= ?")
        params.append(now_hour((time.time() if now is None else now) - since_days * DAY))
    if lang is not None:
        conditions.append("lang = ?")
        params.append(lang)
    where = " AND ".join(conditions)
    db_conn = connect_readonly(db)

    def query(sql: str, *extra: Any) -> list[tuple[Any, ...]]:
        # Only our own WHERE clause is formatted in; every value is a bound parameter.
        return db_conn.execute(sql.replace("{where}", where), (*params, *extra)).fetchall()

    try:
        yield query
    finally:
        db_conn.close()


def _search(query: Query, top: int) -> dict[str, Any]:
    (queries, sensitive), = query("SELECT COUNT(query), COUNT(sensitive) FROM events WHERE type = 'search' AND {where}")
    lists = {}
    for name, condition in (("zero_result", "results = 0"), ("no_click", "results > 0 AND clicked IS NULL")):
        rows = query(f"SELECT query, lang, COUNT(*) AS n FROM events WHERE type = 'search' AND query IS NOT NULL "
                     f"AND {condition} AND {{where}} GROUP BY query, lang ORDER BY n DESC, query, lang LIMIT ?", top)
        lists[name] = [{"query": q, "lang": lang, "count": n} for q, lang, n in rows]
    return {"queries": queries, "sensitive": sensitive, **lists}


def _articles(query: Query) -> list[dict[str, Any]]:
    rows = query("SELECT article, lang, SUM(type = 'view'), SUM(helpful IS 1), SUM(helpful IS 0) FROM events "
                 "WHERE type IN ('view', 'feedback') AND {where} GROUP BY article, lang")
    reasons: dict[tuple[str, str], dict[str, int]] = {}
    for article, lang, reason, n in query("SELECT article, lang, reason, COUNT(*) FROM events WHERE type = 'feedback' "
                                          "AND reason IS NOT NULL AND {where} GROUP BY article, lang, reason"):
        reasons.setdefault((article, lang), {})[reason] = n
    articles = [{"id": article, "lang": lang, "views": views, "helpful_yes": yes, "helpful_no": no,
                 "reasons": {r: reasons[(article, lang)][r] for r in REASONS if r in reasons.get((article, lang), {})}}
                for article, lang, views, yes, no in rows]
    return sorted(articles, key=lambda a: (-a["helpful_no"], a["helpful_yes"], -a["views"], a["id"], a["lang"]))


def _flowcharts(query: Query) -> list[dict[str, Any]]:
    rows = query("SELECT flowchart, lang, outcome, COUNT(*) FROM events WHERE type = 'flowchart' AND {where} "
                 "GROUP BY flowchart, lang, outcome")
    exits = query("SELECT flowchart, lang, node, COUNT(*) AS n FROM events WHERE type = 'flowchart' "
                  "AND outcome != 'step' AND {where} GROUP BY flowchart, lang, node ORDER BY n DESC, node")
    charts: dict[tuple[str, str], dict[str, Any]] = {}
    for flowchart, lang, outcome, n in rows:
        chart = charts.setdefault((flowchart, lang), {"id": flowchart, "lang": lang, "started": 0,
                                                      **dict.fromkeys(ENDINGS, 0), "exits": []})
        chart["started" if outcome == "step" else outcome] += n
    for flowchart, lang, node, n in exits:
        charts[(flowchart, lang)]["exits"].append({"node": node, "count": n})
    return [charts[key] for key in sorted(charts)]


def _tickets(query: Query) -> dict[str, Any]:
    counts = {(stage, source): n for stage, source, n in query(
        "SELECT stage, source, COUNT(*) FROM events WHERE type = 'ticket' AND {where} GROUP BY stage, source")}

    def total(stage: str) -> int:
        return sum(n for (s, _), n in counts.items() if s == stage)

    by_source = {source: {"opened": counts.get(("opened", source), 0), "sent": counts.get(("sent", source), 0)}
                 for source in SOURCES if counts.get(("opened", source)) or counts.get(("sent", source))}
    return {"opened": total("opened"), "suggestion_clicked": total("suggestion-clicked"), "sent": total("sent"),
            "by_source": by_source}


def write(db: Path, style: str, *, since_days: int | None = None, lang: str | None = None) -> str:
    """`build` then `render`, the scope named in the table and HTML headings."""
    scope = ", ".join([f"last {since_days} days" if since_days else "all time", f"lang {lang}" if lang else
                       "all languages"])
    notes = comments(db, since_days=since_days, lang=lang) if style in ("table", "html") else []
    return render(build(db, since_days=since_days, lang=lang), style, scope=scope, comments=notes)


def render(report: dict[str, Any], style: str, *, scope: str = "", title: str = "Help center insights",
           comments: list[dict[str, Any]] | None = None) -> str:
    """The report as `json`, `table`, `csv` or `html` text; `comments` (see `comments`) in table and HTML."""
    if style == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if style == "csv":
        return _csv(report)
    if style == "html":
        return templates.render("helpcenter/insights-report.html", title=title, scope=scope, report=report,
                                charts=_charts(report), comments=comments or [])
    return _table(report, f"{title} ({scope})" if scope else title, comments or [])


def figures(report: dict[str, Any]) -> list[tuple[str, str, str, str, int]]:
    """Every figure as (section, name, lang, metric, value): the rows of the CSV."""
    search, tickets = report["search"], report["tickets"]
    rows = [("search", "", "", "queries", search["queries"]), ("search", "", "", "sensitive", search["sensitive"])]
    for name in ("zero_result", "no_click"):
        rows += [(name, q["query"], q["lang"], "count", q["count"]) for q in search[name]]
    for a in report["articles"]:
        rows += [("article", a["id"], a["lang"], m, a[m]) for m in ("views", "helpful_yes", "helpful_no")]
        rows += [("article", a["id"], a["lang"], f"reason:{reason}", n) for reason, n in a["reasons"].items()]
    for f in report["flowcharts"]:
        rows += [("flowchart", f["id"], f["lang"], metric, f[metric]) for metric in ("started", *ENDINGS)]
        rows += [("flowchart", f["id"], f["lang"], f"exit:{e['node']}", e["count"]) for e in f["exits"]]
    rows += [("tickets", "", "", metric, tickets[metric]) for metric in ("opened", "suggestion_clicked", "sent")]
    for source, counts in tickets["by_source"].items():
        rows += [("tickets", source, "", metric, n) for metric, n in counts.items()]
    return rows


def _csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "name", "lang", "metric", "value"])
    for section, name, lang, metric, value in figures(report):
        # A reader typed the query: a leading = + - @ must not become a formula when the file is opened.
        safe = "'" + name if name.startswith(FORMULA_START) else name
        writer.writerow([section, safe, lang, metric, value])
    return out.getvalue()


def _table(report: dict[str, Any], heading: str, notes: list[dict[str, Any]]) -> str:
    search, tickets = report["search"], report["tickets"]
    parts = [heading, f"Search: {search['queries']} queries, {search['sensitive']} withheld as sensitive"]
    for name, heading in (("zero_result", "no results"), ("no_click", "results but no click")):
        parts.append(_columns([f"query ({heading})", "lang", "count"],
                              [[q["query"], q["lang"], q["count"]] for q in search[name]]))
    parts.append("Articles, least helpful first")
    parts.append(_columns(["article", "lang", "views", "yes", "no", "reasons"], [
        [a["id"], a["lang"], a["views"], a["helpful_yes"], a["helpful_no"],
         ", ".join(f"{r} {n}" for r, n in a["reasons"].items())] for a in report["articles"]]))
    parts.append("Flowcharts")
    parts.append(_columns(["flowchart", "lang", "started", "resolved", "escalated", "abandoned", "exits"], [
        [f["id"], f["lang"], f["started"], f["resolved"], f["escalated"], f["abandoned"],
         ", ".join(f"{e['node']} {e['count']}" for e in f["exits"])] for f in report["flowcharts"]]))
    parts.append(f"Tickets: {tickets['opened']} opened, {tickets['suggestion_clicked']} suggested articles clicked, "
                 f"{tickets['sent']} sent")
    parts.append(_columns(["source", "opened", "sent"],
                          [[source, c["opened"], c["sent"]] for source, c in tickets["by_source"].items()]))
    if notes:
        parts.append("Comments, newest first\n\n" + "\n".join(
            f"  {n['article']} ({n['lang']}{', ' + n['reason'] if n['reason'] else ''}): "
            + _printable(" ".join(n["comment"].split())) for n in notes))
    return "\n\n".join(p for p in parts if p) + "\n"


def _columns(header: list[str], rows: list[list[Any]]) -> str:
    """Aligned plain-text columns (wide CJK characters count two), numbers to the right; '' when no rows."""
    if not rows:
        return ""
    cells = [[_printable(str(c)) for c in row] for row in [header, *rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(isinstance(row[i], int) for row in rows) for i in range(len(header))]
    lines = []
    for row in cells:
        padded = [(" " * (w - _width(c)) + c) if num else (c + " " * (w - _width(c)))
                  for c, w, num in zip(row, widths, numeric, strict=True)]
        lines.append("  " + "  ".join(padded).rstrip())
    return "\n".join(lines)


def _printable(text: str) -> str:
    """A terminal must not run escape sequences a reader typed: control characters are shown escaped."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _charts(report: dict[str, Any]) -> dict[str, Any]:
    """Bar geometry for the HTML charts (fractions of the widest bar), so the template only draws."""
    def bars(items: list[tuple[str, str, int]]) -> list[dict[str, Any]]:
        largest = max((n for _, _, n in items), default=0) or 1
        return [{"label": label, "lang": lang, "value": n, "share": n / largest} for label, lang, n in items]

    search, tickets = report["search"], report["tickets"]
    return {
        "zero_result": bars([(q["query"], q["lang"], q["count"]) for q in search["zero_result"]]),
        "no_click": bars([(q["query"], q["lang"], q["count"]) for q in search["no_click"]]),
        "funnel": bars([("opened", "", tickets["opened"]), ("suggested article clicked", "",
                         tickets["suggestion_clicked"]), ("sent", "", tickets["sent"])]),
        "articles": [{**a, "total": (a["helpful_yes"] + a["helpful_no"]) or 1} for a in report["articles"][:20]],
        "flowcharts": [{**f, "total": sum(f[e] for e in ENDINGS) or 1} for f in report["flowcharts"]],
    }

