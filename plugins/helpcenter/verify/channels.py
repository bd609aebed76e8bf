"""The site's official channels, read from helpcenter-verify's options and checked at their mkdocs.yml lines.

Web domains (with or without their subdomains), e-mail addresses or whole mail domains, phone numbers
in E.164, handles per platform and app-store ids. `helpcenter check` and the build report the same
problems; a channel with a problem is left out, so the checker never calls a malformed entry official.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor import yamlpos
from helpcenter.project import Project

PLUGIN = "helpcenter-verify"
DOMAIN = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")
LOCAL_PART = re.compile(r"^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$")
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
# What each platform's names may hold (its own sign-up rules, a little wider where they changed).
PLATFORMS = {
    "telegram": r"[a-z0-9_]{4,32}",
    "x": r"[a-z0-9_]{1,15}",
    "discord": r"[a-z0-9-]{2,32}",  # an invite code or a server's vanity address
    "wechat": r"[a-z][a-z0-9_-]{5,19}|gh_[a-f0-9]{12}",  # WeChat ID or the official account's original id
    "weibo": r"[\w-]{2,30}",  # user names may be Chinese
    "youtube": r"[a-z0-9._-]{3,30}",
    "instagram": r"[a-z0-9._]{1,30}",
    "facebook": r"[a-z0-9.]{5,50}",
    "tiktok": r"[a-z0-9._]{2,24}",
    "reddit": r"[a-z0-9_]{3,21}",
    "github": r"[a-z0-9-]{1,39}",
    "linkedin": r"[a-z0-9-]{3,100}",
    "medium": r"[a-z0-9._-]{1,30}",
}
APP_STORES = {"app_store": r"(?:id)?[0-9]{6,12}", "google_play": r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+"}


@dataclass(frozen=True)
class Channel:
    """One official channel: kind is domain, email, phone, handle or app; platform names the network."""

    kind: str
    value: str
    platform: str = ""
    subdomains: bool = False

    def to_json(self) -> dict[str, Any]:
        """The channel as the browser's checker and `verify()`'s `matched` show it."""
        data: dict[str, Any] = {"kind": self.kind, "value": self.value}
        if self.platform:
            data["platform"] = self.platform
        if self.kind == "domain":
            data["subdomains"] = self.subdomains
        return data


@dataclass
class Channels:
    """Every official channel of the site, by kind, in the order the configuration lists them."""

    domains: list[Channel] = field(default_factory=list)
    emails: list[Channel] = field(default_factory=list)  # an address, or a domain: any address there
    phones: list[Channel] = field(default_factory=list)
    handles: list[Channel] = field(default_factory=list)
    apps: list[Channel] = field(default_factory=list)

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """All channels as plain data (the browser's copy)."""
        return {name: [c.to_json() for c in getattr(self, name)]
                for name in ("domains", "emails", "phones", "handles", "apps")}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Channels:
        """Channels from `to_json`'s shape (test vectors state their channels this way)."""
        return cls(**{name: [Channel(c["kind"], c["value"], c.get("platform", ""), bool(c.get("subdomains")))
                             for c in data.get(name, [])]
                      for name in ("domains", "emails", "phones", "handles", "apps")})


def load(options: Mapping[str, Any], config_path: str,
         positions: Mapping[str, yamlpos.Pos]) -> tuple[Channels, list[Diagnostic]]:
    """The channels of helpcenter-verify's `official_*` options, and what is wrong with them."""
    reader = _Reader(config_path, positions)
    channels = Channels()
    for item in options.get("official_domains") or []:
        reader.domain(item, channels)
    for item in options.get("official_emails") or []:
        reader.email(item, channels)
    for item in options.get("official_phones") or []:
        reader.phone(item, channels)
    reader.named(options.get("official_handles") or {}, "official_handles", PLATFORMS, "handle", channels.handles)
    reader.named(options.get("official_apps") or {}, "official_apps", APP_STORES, "app", channels.apps)
    return channels, reader.problems


def normalise_handle(text: str) -> str:
    """A handle as compared: no leading @, lower case (platforms treat names case-insensitively)."""
    return text.strip().removeprefix("@").lower()


class _Reader:
    """Turns option values into channels, collecting one Diagnostic per malformed entry."""

    def __init__(self, config_path: str, positions: Mapping[str, yamlpos.Pos]) -> None:
        self.config_path = config_path
        self.positions = positions
        self.problems: list[Diagnostic] = []

    def where(self, option: str, item: object = None) -> tuple[str, int, int]:
        found = self.positions.get(f"{option}.{item}") or self.positions.get(option) or self.positions.get("")
        return (self.config_path, *(found or (0, 0)))

    def problem(self, option: str, item: object, code: str, message: str, hint: str) -> None:
        self.problems.append(Diagnostic(*self.where(option, item), code, message, hint))

    def domain(self, item: object, channels: Channels) -> None:
        subdomains = False
        name = item
        if isinstance(item, Mapping):
            unknown = sorted(set(item) - {"domain", "subdomains"})
            if unknown:
                self.problem("official_domains", None, "verify-unknown-key", f"official_domains: unknown key "
                             f"'{unknown[0]}'", f"{did_you_mean(unknown[0], ['domain', 'subdomains'])}"
                             "an entry is a domain, or {domain: …, subdomains: true}")
                return
            name, subdomains = item.get("domain"), item.get("subdomains", False)
            if not isinstance(subdomains, bool):
                self.problem("official_domains", None, "verify-bad-domain", f"'subdomains' of '{name}' must be "
                             f"true or false but is '{subdomains}'", "write subdomains: true or subdomains: false")
                return
        text = str(name or "").strip().lower().rstrip(".")
        if not isinstance(name, str) or not DOMAIN.match(text):
            self.problem("official_domains", name, "verify-bad-domain", f"'{name}' is not a domain name",
                         "write the bare domain, e.g. example.com (no https://, path or port); "
                         "an international domain in its xn-- form")
            return
        channels.domains.append(Channel("domain", text, subdomains=subdomains))

    def email(self, item: object, channels: Channels) -> None:
        text = str(item or "").strip().lower()
        local, at, domain = text.rpartition("@")
        ok = isinstance(item, str) and DOMAIN.match(domain) and (not at or not local or LOCAL_PART.match(local))
        if not ok:
            self.problem("official_emails", item, "verify-bad-email", f"'{item}' is not an e-mail address or "
                         "mail domain", "write an address (support@example.com) or a domain whose every "
                         "address is yours (example.com)")
            return
        channels.emails.append(Channel("email", f"{local}@{domain}" if local else domain))

    def phone(self, item: object, channels: Channels) -> None:
        text = str(item or "")
        if isinstance(item, int):  # YAML read +14155550100 as a number and dropped the +
            self.problem("official_phones", item, "verify-bad-phone", f"'{item}' is a number, not a phone "
                         "number in E.164 form", f"quote it: '+{item}'")
            return
        if not isinstance(item, str) or not E164.match(text):
            digits = re.sub(r"[^0-9+]", "", text)
            self.problem("official_phones", item, "verify-bad-phone", f"'{item}' is not a phone number in "
                         "E.164 form", f"write '+', the country code and the number, no spaces: e.g. "
                         f"'{digits if digits.startswith('+') else '+' + digits.lstrip('0')}'")
            return
        channels.phones.append(Channel("phone", text))

    def named(self, groups: object, option: str, rules: Mapping[str, str], kind: str, into: list[Channel]) -> None:
        if not isinstance(groups, Mapping):
            self.problem(option, None, "verify-bad-handle", f"'{option}' must map platforms to lists of names",
                         f"e.g. {option}: {{{next(iter(rules))}: [name]}}")
            return
        for platform, names in groups.items():
            if platform not in rules:
                self.problem(option, platform, "verify-unknown-platform", f"'{platform}' is not a platform the "
                             "checker knows", f"{did_you_mean(str(platform), rules)}known: {', '.join(rules)}")
                continue
            for name in names if isinstance(names, list) else [names]:
                text = normalise_handle(str(name))
                if not isinstance(name, str | int) or not re.fullmatch(rules[platform], text):
                    self.problem(option, platform, "verify-bad-handle", f"'{name}' is not a valid {platform} "
                                 f"{'name' if kind == 'handle' else 'app id'}",
                                 "write the name as it appears in the channel's address, without the site")
                    continue
                into.append(Channel(kind, text.removeprefix("id") if platform == "app_store" else text, platform))


def check_project(project: Project) -> list[Diagnostic]:
    """`helpcenter check`'s part: the channel lists as the build checks them, at their mkdocs.yml lines."""
    options = project.plugins.get(PLUGIN)
    if options is None:
        return []
    config_file = project.config_file or project.root / "mkdocs.yml"
    return load(options, config_file.name, yamlpos.option_positions(config_file, PLUGIN))[1]
