"""Where accepted events live: one SQLite table with a typed column per field, written by one thread.

One `events` table rather than one per type: the report reads every type at once, and each field
means the same thing wherever it appears (`article` in view, feedback and ticket events). What a
row holds is exactly a checked event plus the hour it arrived (UTC, rounded down: nothing finer);
no address, user agent, header or request time is ever written. The database runs in WAL mode with
`secure_delete`, so rows the retention removes are overwritten, not left in free pages.

Writes go through `Writer`: one thread owns the only writing connection and commits whatever
requests queued up meanwhile in one transaction (group commit). A request is answered only after
its events are committed, so an accepted event is never lost when the server stops.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

COLUMNS = ("type", "lang", "article", "helpful", "reason", "comment", "query", "results", "clicked", "rank",
           "sensitive", "flowchart", "node", "outcome", "stage", "source")
SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    hour INTEGER NOT NULL,            -- unix time of the hour it arrived (UTC), rounded down
    type TEXT NOT NULL CHECK (type IN ('view', 'feedback', 'search', 'flowchart', 'ticket')),
    lang TEXT NOT NULL,
    article TEXT,                     -- view, feedback, ticket
    helpful INTEGER,                  -- feedback: 1 yes, 0 no
    reason TEXT,                      -- feedback
    comment TEXT,                     -- feedback, only when the firewall found nothing in it
    query TEXT,                       -- search, normalised
    results INTEGER,                  -- search
    clicked TEXT,                     -- search: the article opened, if any
    rank INTEGER,                     -- search: its 1-based place in the results
    sensitive INTEGER,                -- search: 1 when the query was withheld
    flowchart TEXT, node TEXT, outcome TEXT,
    stage TEXT, source TEXT           -- ticket
);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, hour);
"""
HOUR = 3600
DAY = 86400
RETENTION_EVERY = HOUR  # how often a long-running collector deletes rows past the retention
BATCH_ROWS = 5000  # most rows one transaction takes from the queue


def connect(path: Path) -> sqlite3.Connection:
    """The writing connection: WAL, secure delete, the schema in place."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: durable across a process crash, not a power cut
    db.execute("PRAGMA secure_delete=ON")
    db.executescript(SCHEMA)
    return db


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection for the report; fails when the file does not exist rather than creating it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def row(event: dict[str, Any], hour: int) -> tuple[Any, ...]:
    """The row of one checked event (booleans as 0/1, absent fields NULL)."""
    values = [int(v) if isinstance(v := event.get(name), bool) else v for name in COLUMNS]
    return (hour, *values)


def now_hour(now: float | None = None) -> int:
    """The current hour as stored: unix time rounded down to the hour."""
    return int((time.time() if now is None else now) // HOUR * HOUR)


def insert(db: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert rows in one transaction."""
    marks = ", ".join("?" * (len(COLUMNS) + 1))
    with db:  # `with` commits (or rolls back) even with isolation_level=None once BEGIN ran
        db.execute("BEGIN IMMEDIATE")
        # The column names are our constants; every value is a bound parameter.
        db.executemany(f"INSERT INTO events (hour, {', '.join(COLUMNS)}) VALUES ({marks})", rows)


def delete_older(db: sqlite3.Connection, days: int, now: float | None = None) -> int:
    """Delete rows older than `days` days; returns how many went."""
    cutoff = (time.time() if now is None else now) - days * DAY
    with db:
        db.execute("BEGIN IMMEDIATE")
        return db.execute("DELETE FROM events WHERE hour < ?", (now_hour(cutoff),)).rowcount


class Writer:
    """The one thread that writes: `submit(events)` returns a Future done once they are committed."""

    def __init__(self, path: Path, retention_days: int | None = None) -> None:
        self.path = path
        self.retention_days = retention_days
        self._queue: queue.Queue[tuple[list[tuple[Any, ...]], Future[int]] | None] = queue.Queue()
        self._db = connect(path)
        self._thread = threading.Thread(target=self._run, name="insights-writer", daemon=True)
        self._next_retention = 0.0
        self._thread.start()

    def submit(self, events: list[dict[str, Any]]) -> Future[int]:
        """Queue checked events; the Future resolves to their count once committed (or to the sqlite error)."""
        done: Future[int] = Future()
        hour = now_hour()
        self._queue.put(([row(event, hour) for event in events], done))
        return done

    def close(self) -> None:
        """Commit everything queued, then stop the thread and close the database."""
        self._queue.put(None)
        self._thread.join()
        self._db.close()

    def _run(self) -> None:
        while True:
            self._retention()
            try:
                first = self._queue.get(timeout=60)
            except queue.Empty:
                continue
            pending = [first]
            while pending[-1] is not None and sum(len(p[0]) for p in pending if p) < BATCH_ROWS:
                try:
                    pending.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stop = pending[-1] is None
            self._commit([p for p in pending if p is not None])
            if stop:
                return

    def _commit(self, pending: list[tuple[list[tuple[Any, ...]], Future[int]]]) -> None:
        try:
            insert(self._db, [r for rows, _ in pending for r in rows])
        except sqlite3.Error as err:  # disk full, locked past the timeout: each waiting request answers 503
            for _, done in pending:
                done.set_exception(err)
            return
        for rows, done in pending:
            done.set_result(len(rows))

    def _retention(self) -> None:
        if self.retention_days is None or time.monotonic() < self._next_retention:
            return
        self._next_retention = time.monotonic() + RETENTION_EVERY
        try:
            delete_older(self._db, self.retention_days)
        except sqlite3.Error:  # retried at the next hour; writing events matters more
            self._next_retention = time.monotonic() + 60
