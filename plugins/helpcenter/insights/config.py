"""Options of `helpcenter-insights` (mkdocs.yml → plugins → helpcenter-insights)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from helpcenter.insights import checks


class Text(base.BaseConfigOption[str]):
    """A non-empty string; what it must say is checked by insights/checks.py, at its mkdocs.yml line."""

    def __init__(self, what: str, default: str | None = None) -> None:
        super().__init__()
        self.what = what
        self.default = default

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"Expected {self.what} but received {value!r}")
        return value


class InsightsConfig(base.Config):
    """Where readers' events go ("Was this helpful?", searches, troubleshooters, tickets)."""

    # Where events are sent
    endpoint = c.Optional(Text("an https:// URL such as https://insights.example.com/events"))
    """Collector URL (`helpcenter insights serve`, or Plausible's /api/event); unset: nothing is ever sent."""
    format = Text(f"one of {', '.join(checks.FORMATS)}", default=checks.DEFAULT_FORMAT)
    """helpcenter: our event objects, batched; plausible: one Plausible custom event per request."""
    plausible_domain = c.Optional(Text("the site's domain as Plausible knows it, e.g. help.example.com"))
    """The `domain` of Plausible events; default: the host the reader is on."""

    # What readers see
    feedback = c.Type(bool, default=True)
    """Show "Was this helpful?" at the foot of every article (it works, and thanks, without an endpoint)."""
