"""Debian's Chromium and a local web server: the one launcher the tests and tools/search_*.py share.

Playwright drives /usr/bin/chromium; it never downloads a browser of its own (that fails here, and a
second browser would be a second thing to trust).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# axe-core, vendored: every accessibility check injects this file.
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
# The strict policy a site should send (script-src 'self'), and an init script that records what it blocks
# (an init script runs before the page's own and is not subject to the policy).
STRICT_CSP = {"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                         "img-src 'self' data:; object-src 'none'; base-uri 'none'"}
WATCH_CSP = """document.addEventListener("securitypolicyviolation",
  (e) => (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI));"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, from a running `sync_playwright()`; the caller closes it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files quietly, adding the given response headers (a Content-Security-Policy, say)."""

    def __init__(self, *args: Any, extra_headers: Mapping[str, str], **kwargs: Any) -> None:
        self.extra_headers = extra_headers  # set first: the base class answers the request in __init__
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(http.server.ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: a page and its search worker opening a dozen
    # connections at once overflowed it, and each dropped SYN cost a 1 s retransmit (timings of 1.1 s
    # instead of 0.3 s in tools/search_bench.py; the kernel's ListenOverflows counter rose with them).
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes mid-response (a page left, a test ended) is not an error; its thread may
        # outlive the test and print a traceback into the next test's captured output (a CLI test's).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site_dir: Path, headers: Mapping[str, str] | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a built site on 127.0.0.1 (a free port); returns the server (shut it down) and its base URL."""
    handler = functools.partial(_Handler, directory=str(site_dir), extra_headers=dict(headers or {}))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
