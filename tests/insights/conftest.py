"""The collector as a real server on 127.0.0.1 (uvicorn in a thread, a free port), a fresh database per test.

`insights_server` gives `(base_url, db_path)`: POST events to `f"{base_url}/events"`. The browser
tests, whose pages come from another origin, start theirs with `insights_server_factory(allow_origin=…)`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn

from helpcenter.insights.collector import create_app

TEST_RATE = 1e6  # requests a second per client: tests that flood start their own server with the default


class RunningCollector:
    """One collector serving on a socket bound here, so the port is known before it starts."""

    def __init__(self, db_path: Path, **options: object) -> None:
        self.db_path = db_path
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        config = uvicorn.Config(create_app(db_path, **options), access_log=False, log_level="warning",  # type: ignore[arg-type]
                                server_header=False, date_header=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the collector did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        """Stop serving; the writer commits what is queued first."""
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture
def insights_server_factory(tmp_path: Path) -> Iterator[Callable[..., tuple[str, Path]]]:
    """Start collectors (options as `create_app`: allow_origin, retention_days, rate); all stop after the test."""
    running: list[RunningCollector] = []

    def _start(db_path: Path | None = None, **options: object) -> tuple[str, Path]:
        options.setdefault("rate", TEST_RATE)
        collector = RunningCollector(db_path or tmp_path / f"insights-{len(running)}.sqlite", **options)
        running.append(collector)
        return collector.base_url, collector.db_path

    yield _start
    for collector in running:
        collector.stop()


@pytest.fixture
def insights_server(insights_server_factory: Callable[..., tuple[str, Path]]) -> tuple[str, Path]:
    """A collector with a fresh database: (base_url, db_path)."""
    return insights_server_factory()
