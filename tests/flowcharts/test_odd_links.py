"""In Chromium: hand-edited links (a malformed #fragment, a step named like an object property) still work."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "en/app/app-trouble/"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("flowcharts"))


@pytest.mark.parametrize("fragment", ["%E0%A4%A", "step-%zz", "step-constructor", "step-__proto__"])
def test_odd_fragment_opens_the_first_step(page, site_url: str, fragment: str) -> None:
    page.goto(f"{site_url}{PAGE}#{fragment}")
    page.locator(".hc-flow__app").wait_for()  # flowchart.js started (the page fixture fails on any error)
    assert page.locator("#hc-flow-current").inner_text() == "What happens?"
    assert "step=" not in page.url
