"""Is this link, address, handle or number one of the site's official channels, or a look-alike of one?

The Python twin of `assets/helpcenter/verify/checker.js` (both run tests/fixtures/verify/cases.yml):
`check(text, channels)` says what the reader pasted is (`kind`), whether it is official, which official
channel it matches or imitates (`matched`), and why (`reasons`, stable codes the page explains).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from helpcenter.verify import hosts, skeleton
from helpcenter.verify.channels import Channel, Channels, normalise_handle

# The order reasons are listed in, most telling first (the browser twin uses the same list).
REASONS = ("punycode", "mixed-script", "confusable", "digit-for-letter", "edit-distance", "other-tld",
           "brand-in-domain", "brand-in-subdomain", "brand-in-path", "userinfo", "subdomain",
           "subdomain-not-listed", "unlisted-address", "brand-in-address", "other-platform",
           "one-character-off", "brand-in-handle", "other-format", "national-format", "one-digit-off")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
LOOKS_LIKE_HOST = re.compile(r"^[^\s/?#@]+\.[^\s/?#.@:]{2,}(?::[0-9]+)?(?:[/?#]|$)")
PHONE = re.compile(r"^(?:\+|00)?[0-9(][0-9 ().\-/]*$")
IPV4 = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$")
EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")
PREFIXED = re.compile(r"^([a-z_]+)\s*:\s*@?(\S+)$", re.IGNORECASE)
BARE = re.compile(r"^@?[\w-]{2,64}$")
# Where each platform keeps its names in a link: host → (platform, path pattern of the name).
PLATFORM_HOSTS = {
    "t.me": "telegram", "telegram.me": "telegram", "telegram.dog": "telegram",
    "x.com": "x", "twitter.com": "x", "mobile.twitter.com": "x",
    "discord.gg": "discord", "discord.com": "discord", "discordapp.com": "discord",
    "weibo.com": "weibo", "m.weibo.cn": "weibo", "youtube.com": "youtube", "m.youtube.com": "youtube",
    "instagram.com": "instagram", "facebook.com": "facebook", "tiktok.com": "tiktok",
    "reddit.com": "reddit", "github.com": "github", "linkedin.com": "linkedin", "medium.com": "medium",
    "apps.apple.com": "app_store", "play.google.com": "google_play",
}
SKIPPED_SEGMENTS = frozenset({"s", "invite", "c", "user", "u", "r", "company", "in", "channel"})
APP_STORE_ID = re.compile(r"/id([0-9]{6,12})(?:$|[/?])")


@dataclass(frozen=True)
class Result:
    """What `verify(text)` resolves to (see the README's checker section)."""

    verdict: str  # official | not-official | lookalike | unrecognised
    kind: str | None  # url | email | handle | phone | None
    matched: Channel | None = None
    reasons: tuple[str, ...] = ()
    shown: dict[str, str] = field(default_factory=dict)  # e.g. {"unicode": …, "ascii": …} of a host

    def to_json(self) -> dict[str, Any]:
        """The result as `window.helpcenter.verify` gives it."""
        return {"verdict": self.verdict, "kind": self.kind,
                "matched": self.matched.to_json() if self.matched else None,
                "reasons": list(self.reasons), "shown": self.shown}


def ordered(reasons: list[str] | set[str]) -> tuple[str, ...]:
    """Reasons without repeats, in the REASONS order."""
    return tuple(r for r in REASONS if r in reasons)


def check(text: str, channels: Channels) -> Result:
    """The verdict on one pasted link, e-mail address, handle or phone number."""
    text = text.strip()
    lowered = text.lower()
    if not text:
        return Result("unrecognised", None)
    if lowered.startswith("tel:") or (PHONE.match(text) and not IPV4.match(text)):
        return _phone(text[4:] if lowered.startswith("tel:") else text, channels)
    if lowered.startswith("mailto:"):
        text = text[7:].split("?")[0]
    if EMAIL.match(text) and "/" not in text and ":" not in text:  # not https://brand.com@evil.example/
        return _email(text, channels)
    prefixed = PREFIXED.match(text)
    if prefixed and prefixed.group(1).lower() in _platforms() and "//" not in text:
        return _handle(prefixed.group(1).lower(), prefixed.group(2), channels)
    if text.startswith("@") and BARE.match(text):
        return _handle("", text, channels)
    if SCHEME.match(text) and "://" in text:
        return _url(text, channels)
    if LOOKS_LIKE_HOST.match(text):
        return _url("http://" + text, channels)
    if BARE.match(text):
        return _handle("", text, channels)
    return Result("unrecognised", None)


def _platforms() -> set[str]:
    return set(PLATFORM_HOSTS.values()) | {"wechat"}


def _url(text: str, channels: Channels) -> Result:
    try:
        parts = urlsplit(text)
        name = parts.hostname or ""
    except ValueError:
        return Result("unrecognised", None)
    if parts.scheme.lower() not in ("http", "https"):
        return Result("unrecognised", None)
    host = hosts.parse(name)
    if host is None:
        return Result("unrecognised", None)
    shown = {"unicode": host.unicode, "ascii": host.ascii}
    bare = host.ascii.removeprefix("www.")
    platform = PLATFORM_HOSTS.get(bare)
    if platform:
        name_there = _platform_name(platform, parts.path, parts.query)
        if name_there:
            return _handle(platform, name_there, channels, kind="handle")
    base = ["punycode"] if host.punycode else []
    userinfo = parts.username is not None
    for channel in channels.domains:
        official = channel.value
        if not userinfo and (bare == official or (channel.subdomains and host.ascii.endswith("." + official))):
            return Result("official", "url", channel, ordered(base + (["subdomain"] if bare != official else [])),
                          shown)
    rest = " ".join(p for p in (parts.path, parts.query, parts.fragment) if p)
    if userinfo:
        rest = f"{parts.username or ''} {rest}"
    for channel in channels.domains:
        if host.ascii.endswith("." + channel.value):  # ours, but this part of it is not an official channel
            return Result("not-official", "url", channel, ordered([*base, "subdomain-not-listed"]), shown)
    for channel in channels.domains:
        found = hosts.reasons(host, channel.value, rest)
        if found:
            if userinfo and "brand-in-path" in found:
                found = [r for r in found if r != "brand-in-path"] + ["userinfo"]
            return Result("lookalike", "url", channel, ordered(base + found), shown)
    return Result("not-official", "url", None, ordered(base), shown)


def _platform_name(platform: str, path: str, query: str) -> str:
    if platform == "app_store":
        found = APP_STORE_ID.search(path)
        return found.group(1) if found else ""
    if platform == "google_play":
        return (parse_qs(query).get("id") or [""])[0]
    segments = [s for s in path.split("/") if s]
    while segments and segments[0].lower() in SKIPPED_SEGMENTS:
        segments = segments[1:]
    return segments[0] if segments else ""


def _email(text: str, channels: Channels) -> Result:
    local, _, name = text.rpartition("@")
    host = hosts.parse(name)
    if host is None:
        return Result("unrecognised", None)
    shown = {"unicode": f"{local}@{host.unicode}", "ascii": f"{local}@{host.ascii}"}
    base = ["punycode"] if host.punycode else []
    address = f"{local.lower()}@{host.ascii}"
    for channel in channels.emails:
        if channel.value in (address, host.ascii):
            return Result("official", "email", channel, ordered(base), shown)
    # An official address with the same mailbox first (support@examp1e… imitates support@example…).
    lower = local.lower()
    addresses = [c for c in channels.emails if "@" in c.value]
    domains = [(c, c.value) for c in channels.domains]
    candidates = [(c, c.value.rpartition("@")[2]) for c in addresses if c.value.rpartition("@")[0] == lower]
    candidates += domains + [(c, c.value) for c in channels.emails if "@" not in c.value]
    candidates += [(c, c.value.rpartition("@")[2]) for c in addresses if c.value.rpartition("@")[0] != lower]
    for channel, domain in candidates:
        if host.ascii == domain:
            return Result("not-official", "email", channel, ordered([*base, "unlisted-address"]), shown)
    for channel, domain in candidates:
        found = hosts.reasons(host, domain)
        if found:
            return Result("lookalike", "email", channel, ordered(base + found), shown)
    squashed = hosts.squash(skeleton.fold_digits(skeleton.fold(local)))
    for channel, domain in domains + candidates:
        brand = hosts.squash(hosts.split(domain)[1])
        if len(brand) >= 4 and brand in squashed:
            return Result("lookalike", "email", channel, ordered([*base, "brand-in-address"]), shown)
    return Result("not-official", "email", None, ordered(base), shown)


def _handle(platform: str, text: str, channels: Channels, kind: str = "handle") -> Result:
    name = normalise_handle(text).rstrip("/")
    if platform in ("app_store", "google_play"):
        return _app(platform, name, channels)
    shown = {"handle": name, "platform": platform}
    same = [c for c in channels.handles if not platform or c.platform == platform]
    for channel in same:
        if channel.value == name:
            return Result("official", kind, channel, (), shown)
    others = [c for c in channels.handles if c not in same]
    for channel in [*same, *others]:
        found = _handle_reasons(name, channel.value)
        if channel in others and (found or channel.value == name):
            found = [*found, "other-platform"]
        if found:
            return Result("lookalike", kind, channel, ordered(found), shown)
    return Result("not-official", kind, None, (), shown)


def _handle_reasons(name: str, official: str) -> list[str]:
    folded = skeleton.fold(name)
    read = skeleton.fold_digits(folded)
    target = skeleton.fold_digits(official)
    found = []
    if read == target and name != official:
        found.append("same-reading")
    gap = skeleton.distance(read, target)
    if 0 < gap <= min(1, skeleton.allowed_distance(len(target))):
        found.append("one-character-off")
    if gap and len(target) >= 4 and hosts.squash(target) in hosts.squash(read):
        found.append("brand-in-handle")
    if not found:
        return []
    if folded != name:
        found.append("confusable")
    if read != folded:
        found.append("digit-for-letter")
    if skeleton.is_mixed_script(name):
        found.append("mixed-script")
    return [r for r in found if r != "same-reading"]


def _app(platform: str, name: str, channels: Channels) -> Result:
    name = name.removeprefix("id")
    shown = {"handle": name, "platform": platform}
    for channel in channels.apps:
        if channel.platform == platform and channel.value == name:
            return Result("official", "url", channel, (), shown)
    for channel in channels.apps:
        if channel.platform == platform and skeleton.distance(name, channel.value) == 1:
            return Result("lookalike", "url", channel, ("one-character-off",), shown)
    return Result("not-official", "url", None, (), shown)


def _phone(text: str, channels: Channels) -> Result:
    digits = re.sub(r"[^0-9]", "", text)
    international = text.startswith(("+", "00"))
    if text.startswith("00"):
        digits = digits[2:]
    if not 7 <= len(digits) <= 15:
        return Result("unrecognised", None)
    # Without a country code, a number is compared by its end, without the trunk prefix 0 (020 … → 20 …).
    national = digits[1:] if not international and digits.startswith("0") else digits
    shown = {"number": "+" + digits if international else digits}
    reformatted = [] if text == "+" + digits else ["other-format"]
    for channel in channels.phones:
        official = channel.value[1:]
        if digits == official:
            return Result("official", "phone", channel, ordered(reformatted), shown)
        if not international and official.endswith(national):
            return Result("official", "phone", channel, ("national-format",), shown)
    for channel in channels.phones:
        official = channel.value[1:]
        target = official if international else official[-len(national):]
        if len(target) == len(national) and skeleton.distance(national, target) == 1:
            return Result("lookalike", "phone", channel, ordered([*reformatted, "one-digit-off"]), shown)
    return Result("not-official", "phone", None, (), shown)
