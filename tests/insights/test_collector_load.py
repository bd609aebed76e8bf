"""The collector under load, under a flood, holding a secret, and stopped: it loses nothing it accepted."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from helpcenter.insights import collector, store
from tests.insights.test_collector import GOOD, _with
from tests.insights.wire import post, rows

KEY = "4c0883a69102937d6231471b5dbb6204fe512961708279f2e3e8a5d4b8e3a1f0"
PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"
CLIENTS, PER_CLIENT = 20, 100


def test_2000_events_from_20_concurrent_clients_are_all_counted(insights_server_factory) -> None:
    base, db_path = insights_server_factory(rate=collector.RATE)  # the default limit: each client is one reader

    def client(number: int) -> list[int]:
        source = f"127.0.0.{10 + number}"  # each client its own address, as readers are
        sent, statuses = 0, []
        while sent < PER_CLIENT:
            size = min(1 + (sent + number) % 7, PER_CLIENT - sent)  # single events and small batches
            batch = [_with("view", article=f"article-{number}-{sent + i}") for i in range(size)]
            statuses.append(post(base, batch if size > 1 else batch[0], source=source)[0])
            sent += size
        return statuses

    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = [s for result in pool.map(client, range(CLIENTS)) for s in result]
    assert set(statuses) == {204}
    stored = rows(db_path, "SELECT article FROM events")
    assert len(stored) == CLIENTS * PER_CLIENT
    assert {r["article"] for r in stored} == {f"article-{c}-{i}" for c in range(CLIENTS) for i in range(PER_CLIENT)}


def test_a_flooding_client_gets_429_and_others_do_not(insights_server_factory) -> None:
    base, db_path = insights_server_factory(rate=1.0)  # a bucket of 3 requests, 1 more each second
    flood = [post(base, GOOD["view"], source="127.0.0.2")[0] for _ in range(60)]
    assert flood.count(429) >= 30  # holds unless the 60 requests took half a minute
    assert set(flood) == {204, 429}
    assert flood[:3] == [204] * 3
    assert post(base, GOOD["view"], source="127.0.0.3")[0] == 204
    assert len(rows(db_path)) == flood.count(204) + 1


def test_a_recovery_phrase_never_reaches_the_database_file(insights_server_factory, tmp_path: Path) -> None:
    db_path = tmp_path / "phrase.sqlite"
    base, _ = insights_server_factory(db_path)
    sent = [
        _with("search", query=f"restore {PHRASE}", results=0, clicked=None, rank=None),
        _with("search", query=PHRASE.upper(), results=0, clicked=None, rank=None),
        _with("feedback", comment=f"it did not take my words: {PHRASE}"),
        _with("view", article=PHRASE.replace(" ", "-")),
        _with("search", query=f"my private key is 0x{KEY}",
              results=0, clicked=None, rank=None),
    ]
    for event in sent:
        assert post(base, event)[0] == 204
    stored = rows(db_path)
    assert [(r["type"], r["sensitive"], r["query"], r["comment"]) for r in stored] == [
        ("search", 1, None, None), ("search", 1, None, None), ("feedback", None, None, None),
        ("search", 1, None, None)]
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("phrase.sqlite*"))
    assert Path(f"{db_path}-wal").exists()  # the write-ahead log is read too: rows sit there first
    for needle in ("sausage", "SAUSAGE", "winner thank", "winner-thank", "4c0883a6"):
        assert needle.encode() not in raw, f"{needle} reached the database"


def test_the_cli_serves_and_loses_nothing_on_interrupt(tmp_path: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    db_path = tmp_path / "cli.sqlite"
    command = [sys.executable, "-m", "helpcenter.cli", "insights", "serve", "--db", str(db_path), "--port", str(port),
               "--rate-limit", "100000"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if post(base, GOOD["view"])[0] == 204:
                    break
            except ConnectionRefusedError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline
                time.sleep(0.1)
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(lambda i: post(base, [GOOD["search"]] * 5)[0], range(40)))
        for garbage in (b"GARBAGE\r\n\r\n", b"POST /events HTTP/1.1\r\nContent-Length: x\r\n\r\n", b"\x16\x03\x01"):
            with socket.create_connection(("127.0.0.1", port)) as raw:  # uvicorn warns about these: without an address
                raw.sendall(garbage)
                raw.shutdown(socket.SHUT_WR)
                raw.recv(1024)
        assert post(base, GOOD["view"])[0] == 204
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            os.kill(server.pid, signal.SIGKILL)
    assert statuses == [204] * 40
    assert out == f"collecting events into {db_path} at http://127.0.0.1:{port}/events (Ctrl+C stops)\n"
    assert "127.0.0.1:" not in err.replace(f"http://127.0.0.1:{port}", "")  # no client address is logged
    assert len(rows(db_path)) == 2 + 40 * 5


def test_retention_deletes_old_rows(tmp_path: Path) -> None:
    db_path = tmp_path / "old.sqlite"
    db = store.connect(db_path)
    now = time.time()
    store.insert(db, [store.row(GOOD["view"], store.now_hour(now - days * store.DAY)) for days in (0, 5, 29, 31, 400)])
    db.close()
    writer = store.Writer(db_path, retention_days=30)
    writer.submit([GOOD["ticket"]]).result(timeout=30)
    writer.close()
    assert sorted(now - r["hour"] < 30 * store.DAY for r in rows(db_path)) == [True] * 4


def test_a_failing_database_answers_503_and_the_collector_recovers(insights_server: tuple[str, Path]) -> None:
    base, db_path = insights_server
    assert post(base, GOOD["view"])[0] == 204
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("ALTER TABLE events RENAME TO moved_away")
    status, _, answer = post(base, GOOD["ticket"])
    assert (status, json.loads(answer)["error"]) == (503, "store-failed")
    db.execute("ALTER TABLE moved_away RENAME TO events")
    db.close()
    assert post(base, GOOD["ticket"])[0] == 204
    assert [r["type"] for r in rows(db_path)] == ["view", "ticket"]
