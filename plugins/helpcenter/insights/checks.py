"""What `helpcenter check` and the build both verify of the `helpcenter-insights` options.

The options are plain values (from mkdocs.yml) with the positions of their keys, so every problem
names `mkdocs.yml:line:col`. Also the one place that says what the browser is told: the endpoint
and its format (`client_settings`), and the origin a Content-Security-Policy must allow.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor import yamlpos
from helpcenter.project import Project

PLUGIN = "helpcenter-insights"
FORMATS = ("helpcenter", "plausible")
DEFAULT_FORMAT = "helpcenter"
# Hosts a reader's browser reaches without crossing a network: http:// is fine for them (a preview).
LOCAL_NAMES = ("localhost", "localhost.")


def is_local(host: str) -> bool:
    """Whether `host` is this machine: localhost, *.localhost, 127.0.0.0/8 or ::1."""
    host = host.lower().strip("[]")
    if host in LOCAL_NAMES or host.endswith((".localhost", ".localhost.")):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_problem(value: object) -> tuple[str, str, str] | None:
    """(code, message, hint) of what is wrong with an endpoint, or None when it may be used."""
    text = str(value)
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parts, host = None, ""
    if not isinstance(value, str) or parts is None or parts.scheme not in ("http", "https") or not host:
        return ("insights-endpoint-invalid", f"'endpoint' must be an https:// URL but is '{text}'",
                "write the collector's full address, e.g. https://insights.example.com/events")
    if parts.username is not None or parts.password is not None:
        return ("insights-endpoint-invalid", f"'endpoint' holds a user name or password: '{parts.hostname}'",
                "remove them: every reader's browser sees the endpoint")
    if parts.fragment:
        return ("insights-endpoint-invalid", f"'endpoint' has a fragment '#{parts.fragment}'",
                "remove it: a fragment is never sent to the collector")
    if parts.scheme == "http" and not is_local(host):
        return ("insights-endpoint-not-https", f"'endpoint' must be https:// on a host that is not this "
                f"machine but is '{text}'",
                "use https://: events cross the reader's network; http:// only for 127.0.0.1 or localhost")
    return None


def check(options: Mapping[str, Any], path: str = "mkdocs.yml",
          positions: Mapping[str, tuple[int, int]] | None = None) -> list[Diagnostic]:
    """Problems of the options (`endpoint`, `format`), each at its key in `path` (1-based positions)."""
    where = dict(positions or {})

    def at(key: str) -> tuple[int, int]:
        return where.get(key, where.get("", (0, 0)))

    problems = []
    endpoint = options.get("endpoint")
    if endpoint is not None:
        found = endpoint_problem(endpoint)
        if found:
            problems.append(Diagnostic(path, *at("endpoint"), *found))
    fmt = options.get("format", DEFAULT_FORMAT)
    if fmt not in FORMATS:
        problems.append(Diagnostic(path, *at("format"), "insights-unknown-format",
                                   f"'format' is '{fmt}', not one of {', '.join(FORMATS)}",
                                   f"{did_you_mean(str(fmt), FORMATS)}helpcenter sends to our collector "
                                   "(helpcenter insights serve), plausible to a Plausible-compatible /api/event"))
    return problems


def client_settings(options: Mapping[str, Any]) -> dict[str, str]:
    """What the browser is told: endpoint ("" = send nothing), format and, for Plausible, the site's domain."""
    endpoint = options.get("endpoint") or ""
    if endpoint and endpoint_problem(endpoint):
        endpoint = ""  # never hand a refused endpoint to readers' browsers (the build stops on it anyway)
    return {"endpoint": endpoint, "format": str(options.get("format") or DEFAULT_FORMAT),
            "domain": str(options.get("plausible_domain") or "")}


def origin(endpoint: str) -> str:
    """The origin a Content-Security-Policy's connect-src must allow for the endpoint ("" for none)."""
    if not endpoint:
        return ""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


def check_project(project: Project) -> list[Diagnostic]:
    """`helpcenter check`'s part: the options as the build checks them, at their mkdocs.yml positions."""
    config_file = project.config_file or project.root / "mkdocs.yml"
    return check(project.plugins.get(PLUGIN) or {}, config_file.name, yamlpos.option_positions(config_file, PLUGIN))
