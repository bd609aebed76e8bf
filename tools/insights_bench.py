"""Collector throughput: events/s accepted and request latency (p50, p99), on 127.0.0.1 only.

Starts `helpcenter insights serve` on a free local port with a fresh database (rate limit raised:
every client here shares one address), runs a fixed number of requests per scenario from client
threads that keep their connection open, then checks the database holds every accepted event.

    .venv/bin/python tools/insights_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

EVENTS = [
    {"type": "view", "lang": "en", "article": "tron-energy"},
    {"type": "search", "lang": "zh", "query": "能量不足 转账失败", "results": 3, "clicked": "tron-energy", "rank": 1},
    {"type": "feedback", "lang": "en", "article": "tron-energy", "helpful": False, "reason": "more-info",
     "comment": "I still do not know how much energy a USDT transfer needs when the receiver has none."},
    {"type": "flowchart", "lang": "en", "flowchart": "tx-pending", "node": "q-confirmed", "outcome": "abandoned"},
    {"type": "ticket", "lang": "en", "stage": "opened", "source": "flowchart"},
    {"type": "search", "lang": "en", "query": "usdt transfer failed out of energy", "results": 0, "clicked": None,
     "rank": None},
]
# (name, events per request, client threads, requests in all)
SCENARIOS = [
    ("1 event/request, 1 client", 1, 1, 1500),
    ("1 event/request, 16 clients", 1, 16, 3000),
    ("10 events/request, 16 clients", 10, 16, 1000),
    ("50 events/request, 8 clients", 50, 8, 200),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fifth of the requests (a smoke run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.sqlite"
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "helpcenter.cli", "insights", "serve", "--db", str(db_path),
                                   "--port", str(port), "--rate-limit", "1000000"], stdout=subprocess.DEVNULL)
        try:
            _wait(port)
            print(f"{'scenario':32} {'requests':>8} {'events':>7} {'events/s':>9} {'p50 ms':>7} {'p99 ms':>7}")
            accepted = 0
            for name, size, clients, requests in SCENARIOS:
                requests = requests // 5 if args.quick else requests
                events, seconds, latencies = _run(port, size, clients, requests)
                accepted += events
                cuts = statistics.quantiles(latencies, n=100)
                p50, p99 = cuts[49] * 1000, cuts[98] * 1000
                print(f"{name:32} {requests:8d} {events:7d} {events / seconds:9.0f} {p50:7.1f} {p99:7.1f}")
        finally:
            server.terminate()
            server.wait(timeout=30)
        stored = sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM events").fetchone()[0]
        print(f"accepted {accepted} events, stored {stored}" + ("" if stored == accepted else "  MISMATCH"))
        if stored != accepted:
            raise SystemExit(1)


def _run(port: int, size: int, clients: int, requests: int) -> tuple[int, float, list[float]]:
    """Send `requests` requests of `size` events from `clients` threads; returns (accepted, seconds, latencies)."""
    latencies: list[float] = []
    accepted = [0]
    lock = threading.Lock()
    bodies = [json.dumps([EVENTS[(i + j) % len(EVENTS)] for j in range(size)] if size > 1 else EVENTS[i % len(EVENTS)])
              .encode() for i in range(len(EVENTS))]

    def client(share: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, ok = [], 0
        for i in range(share):
            started = time.perf_counter()
            conn.request("POST", "/events", body=bodies[i % len(bodies)], headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            ok += size if response.status == 204 else 0
        conn.close()
        with lock:
            latencies.extend(mine)
            accepted[0] += ok

    shares = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    threads = [threading.Thread(target=client, args=(share,)) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return accepted[0], time.perf_counter() - started, latencies


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the collector did not start")


if __name__ == "__main__":
    main()
