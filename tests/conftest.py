"""Shared fixtures: real MkDocs builds (each test site once per session), a local server, Debian's Chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, launch
from tests.browser import serve as start_server
from tests.builds import BUILDS, FIXTURES, ROOT, SITES, Edit, build_into, copy_site

# The golden runner asserts for the tests that import it: give its failures pytest's diffs too.
pytest.register_assert_rewrite("tests.golden")

# Older tests import these names from here.
__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "FIXTURES", "ROOT", "SITES", "build_into"]

# Builds judge notices at this time (the reproducible-builds variable, which MkDocs reads too), so the
# sample's scheduled maintenance notice stays upcoming whatever day the suite runs: 2026-12-01T00:00:00Z.
BUILD_EPOCH = "1796083200"
os.environ.setdefault("SOURCE_DATE_EPOCH", BUILD_EPOCH)

SAMPLE = "sample"  # built_site's name for the repository's own help center (mkdocs.yml at the root)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-fixtures", action="store_true",
                     help="rewrite expected fixture outputs (review the diff before committing)")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many sites this run built (each test site should be built once; private edited copies add up)."""
    if BUILDS:
        repeated = ", ".join(f"{name} {count}" for name, count in BUILDS.most_common() if count > 1)
        terminalreporter.write_line(f"site builds: {BUILDS.total()}" + (f" ({repeated})" if repeated else ""))


@pytest.fixture
def update_fixtures(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-fixtures"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """tests/sites/<name>, or the sample help center (`SAMPLE`), built once per session; returns the site dir.

    Builds are keyed by name, edit and strictness, so tests asking for the same site share one build
    (an `edit` defined at module level is one key; a closure made per call builds each time). The site
    is shared: a test must not change it. A test that needs its own copy uses `build_site`.
    """
    cache: dict[tuple[str, Edit | None, bool], Path] = {}

    def _built(name: str, *, edit: Edit | None = None, strict: bool = True) -> Path:
        key = (name, edit, strict)
        if key not in cache:
            into = tmp_path_factory.mktemp(name)
            if name == SAMPLE:
                if edit is not None:
                    raise ValueError("the sample help center is built in place: edit a copy with build_site")
                cache[key] = build_into(ROOT, site_dir=into / "site", strict=strict)
            else:
                cache[key] = build_into(copy_site(name, into, edit), strict=strict)
        return cache[key]

    return _built


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Path]:
    """Copy tests/sites/<name> (or any folder) to tmp_path, edit it, build it strictly; returns the site dir."""

    def _build(name: str | Path, *, strict: bool = True, edit: Edit | None = None) -> Path:
        return build_into(copy_site(name, tmp_path, edit), strict=strict)

    return _build


@pytest.fixture(scope="session")
def sample_site(built_site: Callable[..., Path]) -> Path:
    """The repository's own sample help center, built once per test session."""
    return built_site(SAMPLE)


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[..., str]]:
    """Serve a built site on 127.0.0.1 (a free port), with extra response headers if given; returns its URL.

    One server per site and headers for the whole session: the files never change, and every test's
    page has a fresh browser context (no storage carried over).
    """
    servers: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[ThreadingHTTPServer, str]] = {}

    def _serve(site_dir: Path, headers: Mapping[str, str] | None = None) -> str:
        key = (str(site_dir), tuple(sorted((headers or {}).items())))
        if key not in servers:
            servers[key] = start_server(site_dir, headers)
        return servers[key][1]

    yield _serve
    for server, _ in servers.values():
        server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (never a Playwright-downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (the test script does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh browser context and page per test; fails the test on any page error."""
    context = browser.new_context(locale="en-US")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
