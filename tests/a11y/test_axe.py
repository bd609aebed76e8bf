"""axe-core on every page template, language, reader state, viewport and colour scheme (issue 13).

The sample help center (en, zh), the Spanish test site (a third language) and a moved article's
redirect stub, in Debian's Chromium at 1280x800 and 390x844, light and dark. Each test loads one
page once, injects axe once, runs it on the page, then walks the states a reader reaches there (the
search box with results, none and a secret; the ticket form empty, with a field error, a live warning
and a blocked secret; every troubleshooter step kind and "show all steps"; the feedback question and
its reasons; a checker verdict) and runs axe on the part that changed. A serious or critical
violation fails the test, named with its target and contrast figures; the session ends with the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from mnemonic import Mnemonic

from tests.a11y import axe

pytestmark = pytest.mark.browser

# A valid 12-word BIP-39 phrase of the entropy bytes 0..15: synthetic, controls nothing.
PHRASE = Mnemonic("english").to_mnemonic(bytes(range(16)))
QUERIES = {"en": ("energy", "zzqxv"), "zh": ("能量", "zzqxv"), "es": ("actualizar", "zzqxv")}
NOTICE_TIME = "2027-02-06T02:00:00Z"  # inside the sample's scheduled TRON maintenance notice
INSIGHTS = "http://127.0.0.1:8300/**"  # the sample's collector: never reached from these tests

State = Callable[[Any, str], str | None]  # does what a reader does; returns what to check (None = page)


# --- what a reader does ---------------------------------------------------------------------------

def _search(query: str, expected: str) -> State:
    def state(page: Any, lang: str) -> str:
        page.evaluate("document.activeElement && document.activeElement.blur()")
        if not page.is_checked("#__search"):
            page.keyboard.press("/")
        page.fill("[data-hc-search-input]", query.replace("{phrase}", PHRASE).replace("{q}", QUERIES[lang][0]))
        page.wait_for_function("(s) => document.querySelector('.hc-search').dataset.hcState === s", arg=expected)
        return ".hc-search"
    return state


def _ticket_open(page: Any, lang: str) -> str:
    page.locator(".hc-still-stuck__link").click()
    page.locator("dialog.hc-ticket[open]").wait_for()
    return "dialog.hc-ticket"


def _ticket_field_error(page: Any, lang: str) -> str:
    page.locator(".hc-ticket__send").click()
    page.locator("#hc-ticket-what-error:not([hidden])").wait_for()
    return "dialog.hc-ticket"


def _ticket_live_warning(page: Any, lang: str) -> str:
    page.fill("#hc-ticket-what", f"It crashes, my words are {PHRASE}")
    page.locator("#hc-ticket-what-live .hc-ticket__live-item").first.wait_for()
    return "dialog.hc-ticket"


def _ticket_blocked(page: Any, lang: str) -> str:
    page.locator(".hc-ticket__send").click()
    page.locator(".hc-ticket__secrets:not([hidden])").wait_for()
    return "dialog.hc-ticket"


def _feedback_question(page: Any, lang: str) -> str:
    page.locator("[data-hc-feedback]:not([hidden])").wait_for()
    return "#hc-feedback"


def _feedback_reasons(page: Any, lang: str) -> str:
    page.locator("[data-hc-feedback] button[data-hc-vote][value=no]").click()
    page.locator("[data-hc-feedback-why]:not([hidden])").wait_for()
    return "#hc-feedback"


def _flow_to(option: int, node: str, back: bool = False) -> State:
    def state(page: Any, lang: str) -> str:
        if back:
            page.locator(".hc-flow__app .hc-flow__control").first.click()
        page.locator(".hc-flow__app .hc-flow__option").nth(option).click()
        page.wait_for_url(re.compile(rf"[?&]step={node}(&|$)"))
        return ".hc-flow"
    return state


def _flow_all(page: Any, lang: str) -> str:
    page.locator(".hc-flow__app .hc-flow__toggle").click()
    page.locator(".hc-flow__steps[data-all]").wait_for()
    return ".hc-flow"


def _verify(text: str) -> State:
    def state(page: Any, lang: str) -> str:
        page.fill("#hc-verify-input", text)
        page.locator(".hc-verify__submit").click()
        page.locator(".hc-verify__result:not(:empty)").wait_for()
        return "#hc-verify"
    return state


def _notice(page: Any, lang: str) -> None:
    page.locator(".hc-notice:not([hidden])").first.wait_for()


def _untranslated(page: Any, lang: str) -> None:
    page.locator("[data-hc-untranslated]:not([hidden])").wait_for()


SEARCH = {"search: results": _search("{q}", "results"), "search: no results": _search("zzqxv", "none"),
          "search: secret warning": _search("{phrase}", "secret")}
TICKET = {"ticket: empty": _ticket_open, "ticket: field error": _ticket_field_error,
          "ticket: live warning": _ticket_live_warning, "ticket: blocked secret": _ticket_blocked}
FEEDBACK = {"feedback: question": _feedback_question, "feedback: reasons": _feedback_reasons}
# wallet-drained: q-what-seen (question) -> s-new-wallet (step) -> q-report -> e-theft (escalate);
# back to q-report -> r-guidance (resolve).
FLOW = {"flow: step": _flow_to(0, "s-new-wallet"), "flow: question": _flow_to(0, "q-report"),
        "flow: escalate": _flow_to(0, "e-theft"), "flow: resolve": _flow_to(1, "r-guidance", back=True),
        "flow: show all steps": _flow_all}


# --- the pages ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One page (path with {lang}) of one site, the states to walk on it, how to load it."""

    name: str
    site: str
    path: str
    langs: tuple[str, ...] = ("en", "zh")
    states: tuple[tuple[str, State], ...] = ()
    script: bool = True  # False: the page as a reader without JavaScript gets it (it redirects with it)
    clock: str | None = None
    ready: State | None = None

    @property
    def schemes(self) -> tuple[str, ...]:
        """Light and dark where the site offers both (the sample's toggle); else its one scheme."""
        return axe.SCHEMES if self.site == "sample" else ("light",)


def _states(*groups: dict[str, State]) -> tuple[tuple[str, State], ...]:
    return tuple(item for group in groups for item in group.items())


CASES = [
    Case("home", "sample", "{lang}/", states=_states(SEARCH)),
    Case("home, untranslated-article notice", "sample", "{lang}/?untranslated", ready=_untranslated),
    Case("category", "sample", "{lang}/troubleshooting/"),
    Case("article", "sample", "{lang}/account-security/address-poisoning/", states=_states(FEEDBACK, TICKET)),
    Case("article with a flowchart", "sample", "{lang}/account-security/wallet-drained/", states=_states(FLOW)),
    Case("page with a notice", "sample", "{lang}/troubleshooting/tx-pending/", clock=NOTICE_TIME, ready=_notice),
    Case("verify page", "sample", "{lang}/verify/",
         states=(("verify: look-alike", _verify("examp1e-wallet.com")),
                 ("verify: official", _verify("support@example-wallet.com")))),
    Case("404", "sample", "404.html", langs=("en",), states=_states({"search: results": SEARCH["search: results"]})),
    Case("short link", "sample", "a/wallet-drained/", langs=("-",), script=False),
    Case("error code link", "sample", "errors/OUT_OF_ENERGY/", langs=("-",), script=False),
    Case("redirect stub of a moved article", "moved", "en/old-wallet/create-wallet/", langs=("-",), script=False),
    Case("home", "spanish", "{lang}/", langs=("es",), states=_states(SEARCH)),
    Case("article with a flowchart", "spanish", "{lang}/app/app-trouble/", langs=("es",),
         states=(("ticket: empty", _ticket_open),)),
]

PARAMS = [pytest.param(case, lang, viewport, scheme, id=f"{case.site}:{case.name}:{lang}:{viewport}:{scheme}")
          for case in CASES for lang in case.langs for viewport in axe.VIEWPORTS for scheme in case.schemes]


def _moved(project: Path) -> None:
    """tests/sites/basic, keeping a URL history in which create-wallet (en) moved from old-wallet/."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - helpcenter-links\n", "  - helpcenter-links:\n      url_history: url-history.yml\n"), encoding="utf-8")
    (project / "url-history.yml").write_text(
        "create-wallet: [en/old-wallet/create-wallet.md, en/wallet/create-wallet.md, zh/wallet/create-wallet.md]\n"
        "backup-recovery-phrase: [en/wallet/backup-recovery-phrase.md, zh/wallet/backup-recovery-phrase.md]\n"
        "english-only: [en/wallet/english-only.md]\n", encoding="utf-8")


@pytest.fixture(scope="module")
def sites(built_site, serve) -> Callable[[str], str]:
    """Base URL of a site, built when first asked for, once for the session (shared with other tests)."""
    builds = {"sample": lambda: built_site("sample"),
              "spanish": lambda: built_site("spanish", strict=False),  # strict stops at its strings warning
              "moved": lambda: built_site("basic", edit=_moved, strict=False)}
    return lambda name: serve(builds[name]())


@pytest.fixture(scope="module", autouse=True)
def table(request: pytest.FixtureRequest):
    """Print the table of every run when the module ends (the lead quotes it in the issue)."""
    yield axe.TABLE
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not axe.TABLE.cells:
        return
    with capture.global_and_fixture_disabled():  # to the terminal, not into a captured teardown
        reporter.write_line("")
        reporter.write_line("axe-core: serious and critical violations per page, state, viewport and scheme")
        for line in axe.TABLE.lines():
            reporter.write_line(line)


def _without_script(html: str) -> str:
    """The page as a reader without JavaScript sees it: <noscript> shown, scripts and refreshes gone."""
    html = re.sub(r"<script\b[^>]*\bsrc=[^>]*>\s*</script>", "", html)
    html = re.sub(r"<noscript>\s*<meta[^>]*>\s*</noscript>", "", html)
    return html.replace("<noscript>", "").replace("</noscript>", "")


@pytest.mark.parametrize(("case", "lang", "viewport", "scheme"), PARAMS)
def test_no_serious_violations(browser, sites: Callable[[str], str], case: Case, lang: str, viewport: str,
                               scheme: str) -> None:
    context = browser.new_context(viewport=axe.VIEWPORTS[viewport], color_scheme=scheme,
                                  locale="zh-CN" if lang == "zh" else "en-US")
    context.route(INSIGHTS, lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    url = sites(case.site) + case.path.replace("{lang}", lang)
    if not case.script:
        def without_script(route: Any) -> None:
            response = route.fetch()
            route.fulfill(response=response, body=_without_script(response.text()))
        page.route(url, without_script)
    if case.clock:
        page.clock.set_fixed_time(case.clock)
    label = f"{case.name} ({lang})" if lang != "-" else case.name
    column = f"{viewport} {scheme}"
    found: list[str] = []
    try:
        page.goto(url)
        if case.script:
            _settle(page, scheme)
        if case.ready:
            case.ready(page, lang)
        violations = axe.run(page)
        axe.TABLE.add(label, "page", column, sum(len(v["nodes"]) for v in axe.serious(violations)))
        found += [f"page: {line}" for line in axe.describe(violations)]
        for name, state in case.states:
            include = state(page, lang)
            violations = axe.run(page, include)
            axe.TABLE.add(label, name, column, sum(len(v["nodes"]) for v in axe.serious(violations)))
            found += [f"{name}: {line}" for line in axe.describe(violations)]
    finally:
        context.close()
    assert not errors, f"JavaScript errors on {url}: {errors}"
    assert not found, f"{url} at {column}:\n" + "\n".join(found)


def _settle(page: Any, scheme: str) -> None:
    """Wait for our widgets (the search box names itself when its worker is ready) and the scheme."""
    page.wait_for_function("() => !document.querySelector('.hc-search') || "
                           "document.querySelector('.hc-search').hasAttribute('aria-label')")
    want = "slate" if scheme == "dark" else "default"
    got = page.evaluate("document.body.dataset.mdColorScheme || 'default'")
    assert got == want, f"the page shows the {got} scheme, not {want}: the palette toggle did not follow the system"

