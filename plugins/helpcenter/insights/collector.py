"""The collector: `POST /events` on Starlette, served by uvicorn, stored by `store.Writer`.

Answers: 204 accepted (after the commit), 400 malformed (the body says which field and why),
403 a foreign `Origin`, 413 a body over 8 KiB (by `Content-Length` and while streaming), 415 a
content type other than `application/json` or `text/plain` (what `navigator.sendBeacon` sends for a
string; both must be UTF-8), 429 a client over its request rate, 503 the database failed.
`OPTIONS /events` answers the CORS preflight for `allow_origin` only; without it the collector
serves its own origin only (put it behind the site's reverse proxy). The rate limiter keys a token
bucket by the client address in memory; the address is never stored or logged, and uvicorn's
access log is off.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from helpcenter.insights import events
from helpcenter.insights.store import Writer

CONTENT_TYPES = ("application/json", "text/plain")
RATE = 20.0  # requests a second one client may keep up (a reader sends a handful per page)
BURST_SECONDS = 3.0  # a bucket holds this many seconds' worth of requests
MAX_CLIENTS = 10_000  # buckets kept before full (idle) ones are forgotten
PREFLIGHT_MAX_AGE = "86400"


class Bucket:
    """Token buckets by client address: `take(key)` is False once a client is over its rate."""

    def __init__(self, rate: float) -> None:
        self.rate, self.size = rate, max(1.0, rate * BURST_SECONDS)
        self._levels: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> bool:
        """Spend one token of `key`'s bucket."""
        now = time.monotonic()
        level, then = self._levels.get(key, (self.size, now))
        level = min(self.size, level + (now - then) * self.rate)
        if len(self._levels) >= MAX_CLIENTS and key not in self._levels:
            self._forget(now)
        if level < 1:
            self._levels[key] = (level, now)
            return False
        self._levels[key] = (level - 1, now)
        return True

    def _forget(self, now: float) -> None:
        """Drop the buckets that have refilled: forgetting them changes nothing."""
        self._levels = {key: (level, then) for key, (level, then) in self._levels.items()
                        if now - then < (self.size - level) / self.rate}


def create_app(db: Path, *, allow_origin: str | None = None, retention_days: int | None = None,
               rate: float = RATE) -> Starlette:
    """The collector as an ASGI app; the writer thread runs for the app's lifespan."""
    state: dict[str, Any] = {}
    bucket = Bucket(rate)
    allowed = _origin(allow_origin) if allow_origin else None

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["writer"] = Writer(db, retention_days)
        try:
            yield
        finally:
            state.pop("writer").close()  # commits what is queued before the process ends

    async def post(request: Request) -> Response:
        if not bucket.take(request.client.host if request.client else ""):
            return _error(429, "too-many-requests", "this client sends too fast: wait a second", {"Retry-After": "1"})
        cors = _cors(request, allowed)
        if cors is None:
            return _error(403, "foreign-origin", "this collector does not take events from that origin")
        problem = _content_type(request.headers.get("content-type", ""))
        if problem:
            return _error(415, "unsupported-media-type", problem, cors)
        body = await _body(request)
        if body is None:
            return _error(413, "too-large", f"a request body holds at most {events.MAX_BODY} bytes", cors)
        checked = events.parse(body)
        if checked.problem:
            return JSONResponse(checked.problem.as_dict(), status_code=400, headers=cors)
        if checked.events:
            try:
                await asyncio.wrap_future(state["writer"].submit(checked.events))
            except sqlite3.Error:
                return _error(503, "store-failed", "the events could not be stored: try again later", cors)
        return Response(status_code=204, headers=cors)

    async def preflight(request: Request) -> Response:
        cors = _cors(request, allowed)
        if not cors or request.headers.get("access-control-request-method", "POST") != "POST":
            return _error(403, "foreign-origin", "this collector does not take events from that origin")
        return Response(status_code=204, headers={
            **cors, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type",
            "Access-Control-Max-Age": PREFLIGHT_MAX_AGE})

    async def route(request: Request) -> Response:
        return await (preflight(request) if request.method == "OPTIONS" else post(request))

    return Starlette(routes=[Route("/events", route, methods=["POST", "OPTIONS"])], lifespan=lifespan)


def serve(db: Path, *, host: str, port: int, allow_origin: str | None = None, retention_days: int | None = None,
          rate: float = RATE) -> None:
    """Run the collector until interrupted (uvicorn's access log off: it would print addresses)."""
    import uvicorn

    app = create_app(db, allow_origin=allow_origin, retention_days=retention_days, rate=rate)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning", server_header=False,
                date_header=False)


def _cors(request: Request, allowed: str | None) -> dict[str, str] | None:
    """Headers for a request from an origin we serve, {} when none is named, None for a foreign one."""
    origin = request.headers.get("origin")
    if origin is None:
        return {}  # not a browser's cross-origin request (curl, a server-side relay)
    if allowed is not None and _origin(origin) == allowed:
        return {"Access-Control-Allow-Origin": allowed, "Vary": "Origin"}
    same = urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
    return {"Vary": "Origin"} if same else None


def origin_error(url: str) -> str:
    """'' when `url` is an origin a browser sends (`https://help.example.com`, a port allowed), else why not."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"expected an origin such as https://help.example.com but received '{url}'"
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        return f"an origin is scheme, host and port only: '{_origin(url)}', not '{url}'"
    return ""


def _origin(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _content_type(value: str) -> str:
    """'' when the content type is one we read, else why not."""
    kind, *params = [part.strip() for part in value.split(";")]
    if kind.lower() not in CONTENT_TYPES:
        return f"send application/json or text/plain, not '{kind[:60]}'"
    for param in params:
        name, _, charset = param.partition("=")
        if name.strip().lower() == "charset" and charset.strip().strip('"').lower() not in ("utf-8", "utf8"):
            return f"send UTF-8, not '{charset.strip()[:40]}'"
    return ""


async def _body(request: Request) -> bytes | None:
    """The body, or None past the limit (declared or streamed: a client may lie or send chunks)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > events.MAX_BODY:
        return None
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > events.MAX_BODY:
                return None
            chunks.append(chunk)
    except ClientDisconnect:
        return b""
    return b"".join(chunks)


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"error": code, "at": "", "message": message}, status_code=status, headers=headers)
