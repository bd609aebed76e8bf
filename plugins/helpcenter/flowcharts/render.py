"""Render the troubleshooter of one page from its template file (the one HTML-producing core function)."""

from __future__ import annotations

import jinja2

from helpcenter import htmljson
from helpcenter import render as own_templates
from helpcenter.flowcharts.view import FlowView

TEMPLATE = "partials/helpcenter/flowchart.html"


def render(view: FlowView, env: jinja2.Environment | None = None) -> str:
    """The widget's HTML; `env` is the theme's Jinja environment (so a custom_dir can override the partial)."""
    context = {"flow": view, "data": htmljson.dumps(view.data())}
    if env is None:
        return own_templates.render(TEMPLATE, **context)
    return env.get_template(TEMPLATE).render(**context)
