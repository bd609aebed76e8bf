"""Plain HTTP for the collector tests: one request on its own connection, from a chosen 127.x address."""

from __future__ import annotations

import http.client
import json
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def post(base_url: str, body: bytes | str | Any, *, content_type: str | None = "application/json",
         headers: dict[str, str] | None = None, source: str | None = None, chunked: bool = False,
         method: str = "POST", path: str = "/events") -> tuple[int, dict[str, str], bytes]:
    """Send one request; `body` that is not bytes or str is sent as JSON. Returns (status, headers, body)."""
    if not isinstance(body, bytes | str):
        body = json.dumps(body)
    data = body.encode("utf-8") if isinstance(body, str) else body
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30,
                                      source_address=(source, 0) if source else None)
    try:
        sent = dict(headers or {})
        if content_type is not None:
            sent["Content-Type"] = content_type
        if chunked:
            conn.request(method, path, body=_chunks(data), headers=sent, encode_chunked=True)
        else:
            conn.request(method, path, body=data if method != "OPTIONS" else None, headers=sent)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _chunks(data: bytes, size: int = 1024):
    for start in range(0, len(data), size):
        yield data[start:start + size]


def rows(db_path: Path, sql: str = "SELECT * FROM events ORDER BY id") -> list[dict[str, Any]]:
    """What the collector stored, as dicts (read through a separate connection, as the report does)."""
    db = sqlite3.connect(db_path)
    try:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute(sql)]
    finally:
        db.close()
