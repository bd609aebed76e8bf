"""An escalation step says "we will never ask for your recovery phrase" only where the site's ticket box does.

The notice follows helpcenter-tickets (its fields preset, or `never_ask_notice`); a site without the
tickets plugin keeps it (tests/flowcharts/test_browser.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE = "en/app/app-trouble/"


def _without_notice(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      fields: crypto-wallet" in text
    config.write_text(text.replace("      fields: crypto-wallet", "      fields: crypto-wallet\n"
                                   "      never_ask_notice: false", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def quiet_site(tmp_path_factory) -> Path:
    from tests.builds import build_into, copy_site

    return build_into(copy_site("tickets", tmp_path_factory.mktemp("never-ask"), _without_notice))


def _flow(html: str) -> str:
    return html[html.index('<section class="hc-flow"'):html.index("</section>", html.index('<section class="hc-flow"'))]


def test_the_wallet_preset_keeps_the_notice_in_the_markup(built_site) -> None:
    html = (built_site("tickets") / PAGE / "index.html").read_text(encoding="utf-8")
    assert '<p class="hc-flow__notice" role="note">' in _flow(html)
    assert '"neverAsk":true' in _flow(html)


def test_a_site_that_turns_the_notice_off_has_none_in_its_flowcharts(quiet_site: Path) -> None:
    html = (quiet_site / PAGE / "index.html").read_text(encoding="utf-8")
    flow = _flow(html)
    assert "hc-flow__notice" not in flow
    assert '"neverAsk":false' in flow
    assert "hc-still-stuck__notice" not in html  # as its ticket box
    assert 'class="md-button md-button--primary hc-flow__ticket"' in flow  # the escalation is still there


def test_the_widget_shows_no_notice_either(page, serve, quiet_site: Path) -> None:
    url = serve(quiet_site)
    page.goto(f"{url}{PAGE}?step=e-crash&path=q-symptom.q-updated")
    page.locator(".hc-flow__app [data-hc-ticket]").wait_for()
    assert page.locator(".hc-flow__app .hc-flow__notice").count() == 0
    assert page.locator(".hc-verify-link").count() == 0
