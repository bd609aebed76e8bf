"""Shared fixtures: real MkDocs builds in tmp_path, a local HTTP server, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).parent / "sites"
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-fixtures", action="store_true",
                     help="rewrite expected fixture outputs (review the diff before committing)")


@pytest.fixture
def update_fixtures(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-fixtures"))


def build_into(project: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build a MkDocs project folder with MkDocs's own build; returns the site directory."""
    site_dir = site_dir or project / "site"
    config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Path]:
    """Copy tests/sites/<name> (or any folder) to tmp_path, build it strictly, return the site dir."""

    def _build(name: str | Path, *, strict: bool = True, edit: Callable[[Path], None] | None = None) -> Path:
        source = Path(name) if Path(name).is_absolute() else SITES / str(name)
        project = tmp_path / source.name
        shutil.copytree(source, project, ignore=shutil.ignore_patterns("site"))
        if edit:
            edit(project)
        return build_into(project, strict=strict)

    return _build


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve a built site on 127.0.0.1 (a free port); returns its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def _serve(site_dir: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield _serve
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (never a Playwright-downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (the test script does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own sample help center, built once per test session."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    return build_into(ROOT, site_dir=site_dir)


def assert_check_matches_fixture(project: Path, expected: Path, update_fixtures: bool) -> None:
    """`helpcenter check --strict` in `project` prints exactly `expected` and exits 1, without a traceback.

    Shared by the malformed-content and malformed-flowchart fixtures. Run with the project as the
    working directory (monkeypatch.chdir).
    """
    from click.testing import CliRunner

    from helpcenter.cli import cli

    result = CliRunner().invoke(cli, ["check", "--strict"])
    if update_fixtures:  # rewritten files must be reviewed in the diff
        expected.write_text(result.output, encoding="utf-8")
    assert result.output == expected.read_text(encoding="utf-8")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def assert_strict_build_fails_with(project: Path, expected: Path, site_dir: Path, log_text: Callable[[], str]) -> None:
    """A strict build of `project` aborts cleanly, logging every line of `expected`, and writes no site."""
    from mkdocs.exceptions import Abort

    # MkDocs logs a PluginError's text and aborts cleanly (no traceback); warnings abort under --strict.
    with pytest.raises(Abort, match="BuildError|warnings in strict mode"):
        build_into(project, site_dir)
    for line in expected.read_text(encoding="utf-8").splitlines():
        assert line in log_text()
    assert "Traceback" not in log_text()
    assert not (site_dir / "index.html").exists()
