"""The test server that every browser test shares: a reader who leaves mid-download is not an error."""

from __future__ import annotations

import socket
import struct
import threading
import time
from pathlib import Path

import pytest

from tests.browser import serve


def test_a_closed_connection_prints_nothing(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "big.bin").write_bytes(b"x" * (16 << 20))  # far more than the socket buffers hold
    server, url = serve(tmp_path)
    before = set(threading.enumerate())
    try:
        with socket.create_connection(server.server_address) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            assert client.recv(64).startswith(b"HTTP/1.0 200")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with RST
        deadline = time.monotonic() + 10
        while set(threading.enumerate()) - before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not set(threading.enumerate()) - before, "the request's thread is still running"
    finally:
        server.shutdown()
    assert capfd.readouterr().err == ""
