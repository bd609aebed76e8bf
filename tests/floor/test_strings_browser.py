"""In Chromium: a Spanish page's scripts speak Spanish: the package's es.yml, and the site's own words over it."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGE = "es/app/app-trouble/"


@pytest.fixture(scope="module")
def site_url(built_site, serve) -> str:
    return serve(built_site("spanish"))  # strict: Spanish is complete


def test_the_troubleshooter_speaks_spanish(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    assert page.locator("#hc-flow-title").inner_text() == "Encuentra la solución paso a paso"
    assert page.locator("#hc-flow-current").inner_text() == "¿Está la aplicación actualizada?"
    assert page.locator(".hc-flow__progress").inner_text() == "Paso 1"  # the package's es.yml
    page.locator(".hc-flow__app button.hc-flow__option", has_text=re.compile("^Sí$")).click()
    assert page.locator("#hc-flow-current").inner_text() == "Deja que nuestro equipo de soporte lo revise"


def placeholder(page) -> str:
    """The search box's placeholder once search.js has read its language's strings (on first use)."""
    page.keyboard.press("/")
    page.wait_for_function("() => document.querySelector('[data-hc-search-input]')?.placeholder")
    return page.get_attribute("[data-hc-search-input]", "placeholder")


def test_the_search_box_and_the_ticket_box_read_their_json(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    assert page.locator("#hc-still-stuck-title").inner_text() == "¿Sigues con el problema?"
    assert page.locator(".hc-still-stuck__link").inner_text() == "Contactar con soporte"
    assert placeholder(page) == "Buscar en la ayuda"  # the site's strings/es.yml over the package's "Buscar"
    assert page.get_attribute("[data-hc-search-input]", "aria-label") == "Buscar en la ayuda"
    page.goto(site_url + "en/app/app-trouble/")
    assert placeholder(page) == "Search"
