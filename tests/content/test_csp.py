"""In Chromium: the sample help center served with a strict Content-Security-Policy still works.

`script-src 'self'` forbids inline scripts and event handlers: a site that needs them breaks for every
owner who sends that header. The JSON blocks (`type="application/json"`) are data, not scripts.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpcenter import render

CSP = "script-src 'self'; object-src 'none'; base-uri 'none'"
ARTICLE = "en/account-security/wallet-drained/"  # a flowchart with an escalate leaf, and Still stuck?
ESCALATE_STEP = "e-theft"
# Collects every CSP violation of the page, before any of the page's own scripts run.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


class _CspHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def csp_url(sample_site: Path) -> Iterator[str]:
    handler = functools.partial(_CspHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def csp_page(page):
    """The shared `page` (it fails on JavaScript errors), listening for CSP violations and console errors."""
    console: list[str] = []
    page.on("console", lambda msg: console.append(msg.text) if msg.type == "error" else None)
    page.add_init_script(LISTEN)
    yield page
    assert page.evaluate("window.__csp") == []
    assert [line for line in console if "Content Security Policy" in line] == []


def test_no_inline_scripts_or_handlers_in_any_page(sample_site: Path) -> None:
    offenders = []
    for html in sorted(sample_site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        for attrs in re.findall(r"<script\b([^>]*)>", text):
            if "src=" not in attrs and 'type="application/json"' not in attrs:
                offenders.append(f"{html.relative_to(sample_site)}: <script{attrs}>")
        offenders += [f"{html.relative_to(sample_site)}: {m}" for m in re.findall(r"<[a-z]+\s[^>]*\son[a-z]+=", text)]
    assert offenders[:5] == []


@pytest.mark.browser
def test_csp_header_is_sent(csp_url: str, csp_page) -> None:
    response = csp_page.goto(csp_url + ARTICLE)
    assert response.headers["content-security-policy"] == CSP


@pytest.mark.browser
def test_article_with_flowchart_and_still_stuck_under_strict_csp(csp_url: str, csp_page) -> None:
    csp_page.goto(csp_url + ARTICLE)
    flow = csp_page.locator(".hc-flow__app")
    flow.wait_for(state="visible")  # flowchart.js ran
    csp_page.locator(".hc-flow__option").first.click()
    assert "step=" in csp_page.url
    csp_page.click(".hc-still-stuck__link")  # tickets.js opens its form instead of the helpdesk
    dialog = csp_page.locator("dialog.hc-ticket")
    dialog.wait_for(state="visible")
    dialog.locator("#hc-ticket-what").fill("my USDT did not arrive")
    dialog.locator(".hc-ticket__cancel").click()
    csp_page.wait_for_timeout(400)  # deflection search and any lazy module have had their turn


@pytest.mark.browser
def test_escalate_leaf_under_strict_csp(csp_url: str, csp_page) -> None:
    csp_page.goto(f"{csp_url}{ARTICLE}?step={ESCALATE_STEP}")
    csp_page.locator(".hc-flow__view .hc-flow__ticket").click()
    csp_page.locator("dialog.hc-ticket").wait_for(state="visible")


@pytest.mark.browser
def test_material_still_works_under_strict_csp(csp_url: str, csp_page) -> None:
    csp_page.goto(csp_url + ARTICLE)
    # Material's bundle reads globals its inline bootstrap used to define; it must have run.
    assert csp_page.evaluate("typeof __md_get") == "function"
    assert csp_page.evaluate("__md_scope.href") == csp_url
    csp_page.goto(csp_url + "zh/")
    assert csp_page.evaluate("document.documentElement.lang") in ("zh", "zh-Hans")


@pytest.mark.browser
def test_stored_palette_applies_under_strict_csp(csp_url: str, csp_page) -> None:
    csp_page.goto(csp_url + ARTICLE)
    csp_page.evaluate("""__md_set("__palette", {index: 0, color: {scheme: "slate", primary: "red", accent: "red"}})""")
    # Without Material's bundle, which re-applies the palette form's choice after load, only the
    # restore script that runs while the page is parsed can have set these.
    csp_page.route("**/bundle.*.min.js", lambda route: route.abort())
    csp_page.reload()
    assert csp_page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert csp_page.evaluate("document.body.dataset.mdColorPrimary") == "red"


@pytest.mark.parametrize(("dirs", "custom_dir", "expected"), [
    (["/site/overrides", "/material", "/mkdocs"], "/site/overrides",
     ["/site/overrides", str(render.OVERRIDES_DIR), "/material", "/mkdocs"]),
    (["/material", "/mkdocs"], None, [str(render.OVERRIDES_DIR), "/material", "/mkdocs"]),
    ([str(render.OVERRIDES_DIR), "/material"], None, [str(render.OVERRIDES_DIR), "/material"]),
])
def test_csp_partials_go_after_a_sites_custom_dir(dirs: list[str], custom_dir: str | None,
                                                  expected: list[str]) -> None:
    render.add_override_dir(dirs, custom_dir)
    assert dirs == expected
