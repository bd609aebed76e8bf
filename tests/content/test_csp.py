"""In Chromium: the sample help center served with a strict Content-Security-Policy still works.

`script-src 'self'` forbids inline scripts and event handlers: a site that needs them breaks for every
owner who sends that header. The JSON blocks (`type="application/json"`) are data, not scripts.
"""

from __future__ import annotations

import re
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


@pytest.fixture(scope="module")
def csp_url(sample_site: Path, serve) -> str:
    return serve(sample_site, {"Content-Security-Policy": CSP})


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


def with_banners(project: Path) -> None:
    """Material's cookie consent, a dismissible announcement bar and a version warning."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"
                                                 "  features: [announce.dismiss]\n")
                      + "extra:\n  version: {provider: mike}\n  consent:\n    title: Cookie consent\n"
                      "    description: We count visits.\n")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Maintenance on Sunday{% endblock %}\n'
        '{% block outdated %}You are reading an old version.{% endblock %}\n')


@pytest.fixture(scope="module")
def banners_site(built_site) -> Path:
    """tests/sites/basic with Material's cookie consent and a dismissible announcement bar."""
    return built_site("basic", edit=with_banners, strict=False)


def test_banners_have_no_inline_scripts(banners_site: Path) -> None:
    page = (banners_site / "en/wallet/create-wallet/index.html").read_text(encoding="utf-8")
    assert 'data-md-banner="announce"' in page
    assert 'data-md-banner="consent"' in page
    assert 'data-md-banner="outdated" data-md-base="../../.."' in page
    assert [a for a in re.findall(r"<script\b([^>]*)>", page) if "src=" not in a and "application/json" not in a] == []


@pytest.mark.browser
def test_consent_and_announcement_work_under_strict_csp(banners_site: Path, serve, csp_page) -> None:
    csp_page.goto(serve(banners_site, {"Content-Security-Policy": CSP}) + "en/wallet/create-wallet/")
    accept = csp_page.locator("[data-md-component=consent]").get_by_role("button", name="Accept")
    accept.wait_for(state="visible")  # shown after 250 ms until the reader answers
    accept.click()
    csp_page.wait_for_load_state("load")
    csp_page.wait_for_timeout(400)
    assert accept.is_hidden()
    assert csp_page.evaluate("__md_get('__consent')") is not None
    announce = csp_page.locator("[data-md-component=announce] .md-banner")
    assert announce.inner_text().strip() == "Maintenance on Sunday"
    csp_page.locator(".md-banner__button").click()
    csp_page.reload()
    assert csp_page.locator("[data-md-component=announce]").is_hidden()  # the dismissal is remembered
