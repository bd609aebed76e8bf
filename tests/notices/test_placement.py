"""Where the rendered notices go in a built page."""

from __future__ import annotations

import pytest

from helpcenter.notices import placement

FRAGMENT = '<section class="hc-notices"></section>'


@pytest.mark.parametrize(("page", "expected"), [
    ('<body><div><article class="md-content__inner md-typeset"><h1>T</h1></article></body>',
     f'<body><div><article class="md-content__inner md-typeset">{FRAGMENT}<h1>T</h1></article></body>'),
    ('<body class="x"><main><h1>T</h1></main></body>', f'<body class="x">{FRAGMENT}<main><h1>T</h1></main></body>'),
    ("<h1>T</h1>", f"{FRAGMENT}<h1>T</h1>"),
])
def test_notices_go_first_in_the_content(page: str, expected: str) -> None:
    assert placement.insert(page, FRAGMENT) == expected
