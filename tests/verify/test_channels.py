"""The channel lists as configured (exact messages), the generated look-alike table and the built page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from confusable_homoglyphs import confusables

from helpcenter.verify import channels, skeleton

POSITIONS = {"": (20, 5), "official_domains": (21, 7), "official_emails": (22, 7), "official_handles": (23, 7),
             "official_handles.telegram": (24, 9)}


def problems(options: dict) -> list[str]:
    return [d.format() for d in channels.load(options, "mkdocs.yml", POSITIONS)[1]]


@pytest.mark.parametrize(("options", "expected"), [
    ({"official_domains": [{"domain": "example.com", "subdomain": True}]}, [
        "mkdocs.yml:21:7: error[verify-unknown-key]: official_domains: unknown key 'subdomain'\n"
        "  = hint: did you mean 'subdomains'? an entry is a domain, or {domain: …, subdomains: true}"]),
    ({"official_domains": [{"domain": "example.com", "subdomains": "yes"}]}, [
        "mkdocs.yml:21:7: error[verify-bad-domain]: 'subdomains' of 'example.com' must be true or false but is "
        "'yes'\n  = hint: write subdomains: true or subdomains: false"]),
    ({"official_domains": ["example"]}, [
        "mkdocs.yml:21:7: error[verify-bad-domain]: 'example' is not a domain name\n  = hint: write the bare "
        "domain, e.g. example.com (no https://, path or port); an international domain in its xn-- form"]),
    ({"official_emails": ["support@@example.com", "help@example"]}, [
        "mkdocs.yml:22:7: error[verify-bad-email]: 'support@@example.com' is not an e-mail address or mail domain\n"
        "  = hint: write an address (support@example.com) or a domain whose every address is yours (example.com)",
        "mkdocs.yml:22:7: error[verify-bad-email]: 'help@example' is not an e-mail address or mail domain\n"
        "  = hint: write an address (support@example.com) or a domain whose every address is yours (example.com)"]),
    ({"official_handles": {"telegrm": ["examplewallet"]}}, [
        "mkdocs.yml:23:7: error[verify-unknown-platform]: 'telegrm' is not a platform the checker knows\n"
        "  = hint: did you mean 'telegram'? known: telegram, x, discord, wechat, weibo, youtube, instagram, "
        "facebook, tiktok, reddit, github, linkedin, medium"]),
    ({"official_handles": {"telegram": ["example wallet"]}}, [
        "mkdocs.yml:24:9: error[verify-bad-handle]: 'example wallet' is not a valid telegram name\n"
        "  = hint: write the name as it appears in the channel's address, without the site"]),
    ({"official_phones": [14155550100]}, [
        "mkdocs.yml:20:5: error[verify-bad-phone]: '14155550100' is a number, not a phone number in E.164 form\n"
        "  = hint: quote it: '+14155550100'"]),
    ({"official_apps": {"app_store": ["Example Wallet"]}}, [
        "mkdocs.yml:20:5: error[verify-bad-handle]: 'Example Wallet' is not a valid app_store app id\n"
        "  = hint: write the name as it appears in the channel's address, without the site"]),
])
def test_malformed_channels_are_named_at_their_line(options: dict, expected: list[str]) -> None:
    assert problems(options) == expected


def test_good_channels_are_normalised() -> None:
    found, diagnostics = channels.load({
        "official_domains": ["Example.COM.", {"domain": "example.org", "subdomains": True}],
        "official_emails": ["Support@Example.com", "example.net"], "official_phones": ["+14155550100"],
        "official_handles": {"telegram": ["@ExampleWallet"]}, "official_apps": {"app_store": [1234567890]},
    }, "mkdocs.yml", POSITIONS)
    assert diagnostics == []
    assert found.to_json() == {
        "domains": [{"kind": "domain", "value": "example.com", "subdomains": False},
                    {"kind": "domain", "value": "example.org", "subdomains": True}],
        "emails": [{"kind": "email", "value": "support@example.com"}, {"kind": "email", "value": "example.net"}],
        "phones": [{"kind": "phone", "value": "+14155550100"}],
        "handles": [{"kind": "handle", "value": "examplewallet", "platform": "telegram"}],
        "apps": [{"kind": "app", "value": "1234567890", "platform": "app_store"}]}


def test_the_lookalike_table_comes_from_unicode_data() -> None:
    table = skeleton.table()
    assert table["digits"] == {"0": "o", "1": "l"}
    assert {c: table["chars"][c] for c in "аеорсхіοα"} == {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "і": "i", "ο": "o", "α": "a"}
    for char, reads_as in table["chars"].items():  # every entry is one of the package's confusables
        assert reads_as in {h["c"].lower() for h in confusables.confusables_data[char]}, char
    assert skeleton.fold("ledgёr") == "ledger"  # ё: Cyrillic е with a diaeresis


def test_the_site_ships_the_same_table_and_pages(sample_site: Path) -> None:
    shipped = json.loads((sample_site / "assets/helpcenter/verify/skeleton.json").read_text(encoding="utf-8"))
    assert shipped == skeleton.table()
    for lang in ("en", "zh"):
        html = (sample_site / lang / "verify" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        assert '<label class="hc-verify__label" for="hc-verify-input">' in html
        assert 'id="hc-verify-result" role="status" aria-live="polite"' in html
        inline = [s for s in re.findall(r"<script\b([^>]*)>", html) if "src=" not in s]
        assert all('type="application/json"' in s for s in inline), inline  # data only, no inline code
        assert 'id="hc-verify-strings"' in html  # the page's strings, as data
