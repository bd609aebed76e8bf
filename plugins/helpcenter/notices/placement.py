"""Where the notices go in a built page: first thing in Material's article, else first in <body>."""

from __future__ import annotations

import re

# Material's content column; a theme without it gets the notices at the top of <body>.
ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
BODY = re.compile(r"<body\b[^>]*>")


def insert(html: str, fragment: str) -> str:
    """The page with `fragment` (our rendered partial) placed at the top of its content."""
    found = ARTICLE.search(html) or BODY.search(html)
    if found is None:
        return fragment + html
    return html[: found.end()] + fragment + html[found.end():]
