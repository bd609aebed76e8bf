"""Real builds: the Still stuck? box with its server-built link, the form's data and the word lists."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpcenter.firewall import wordlists

BOX = re.compile(r'<aside class="hc-still-stuck".*?</aside>', re.S)


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    return built_site("tickets")


def box(site: Path, page: str) -> str:
    match = BOX.search((site / page / "index.html").read_text(encoding="utf-8"))
    assert match is not None
    return match.group(0)


def test_still_stuck_box_links_to_the_prefilled_helpdesk(site: Path) -> None:
    html = box(site, "en/app/update-app")
    assert html.startswith('<aside class="hc-still-stuck" id="hc-still-stuck" aria-labelledby="hc-still-stuck-title">')
    href = unescape(re.search(r'href="([^"]+)"', html).group(1))
    assert href == (
        "https://support.example-wallet.com/hc/en-us/requests/new?ticket_form_id=360001234567"
        "&tf_subject=Update%20the%20app&tf_description=%3Cp%3E%E2%80%94%20From%20the%20help%20center%20%E2%80%94"
        "%3C%2Fp%3E%3Cp%3EArticle%3A%20Update%20the%20app%3C%2Fp%3E%3Cp%3Ehttps%3A%2F%2Fhelp.example.test%2Fen"
        "%2Fapp%2Fupdate-app%2F%3C%2Fp%3E&tf_360012345605=update-app")
    assert 'target="_blank" rel="noopener noreferrer" data-hc-ticket data-hc-ticket-context=' in html
    context = json.loads(unescape(re.search(r'data-hc-ticket-context="([^"]+)"', html).group(1)))
    assert context == {"source": "article", "lang": "en", "collect": [
        "network", "asset", "amount", "tx_hash", "time_utc", "error_text", "app_version", "device_os"],
        "article": {"id": "update-app", "title": "Update the app", "url": "https://help.example.test/en/app/update-app/"}}
    assert "We will never ask for your recovery phrase, private key" in html
    assert "You will continue on Example Wallet Support, our official support channel." in html


def test_the_chinese_page_links_in_chinese(site: Path) -> None:
    html = box(site, "zh/app/update-app")
    assert "<h2 id=\"hc-still-stuck-title\">仍未解决？</h2>" in html
    assert "接下来将前往 Example Wallet 官方客服，这是我们的官方客服渠道" in html
    href = unquote(unescape(re.search(r'href="([^"]+)"', html).group(1)))
    assert href.startswith("https://support.example-wallet.com/hc/zh-cn/requests/new?")
    assert "<p>— 来自帮助中心 —</p><p>文章: " in href


def test_only_articles_get_the_box(site: Path) -> None:
    assert "hc-still-stuck" not in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "hc-still-stuck" not in (site / "en" / "app" / "index.html").read_text(encoding="utf-8")


def test_form_data_and_word_lists_are_written_next_to_the_scripts(site: Path) -> None:
    assets = site / "assets" / "helpcenter"
    data = json.loads((assets / "tickets" / "tickets.json").read_text(encoding="utf-8"))
    assert sorted(data["languages"]) == ["en", "zh"]
    assert data["recipe"]["pairs"][:3] == [["ticket_form_id", "360001234567"], ["tf_subject", "{subject}"],
                                           ["tf_description", "{description}"]]
    assert data["languages"]["zh"]["labels"]["tx_hash"] == "交易哈希（TxID）"
    assert data["languages"]["zh"]["channel"] == "Example Wallet 官方客服"
    assert data["formats"]["fields"]["to_address"] == "address"
    lists = json.loads((assets / "firewall" / "bip39-wordlists.json").read_text(encoding="utf-8"))
    assert lists == json.loads(json.dumps(wordlists.asset()))
    for name in ("firewall/secrets.js", "shared/sha256.js", "tickets/compose.js", "tickets/formats.js",
                 "tickets/tickets.js", "tickets/tickets.css"):
        assert (assets / name).is_file()


def test_only_tickets_js_is_a_page_script(site: Path) -> None:
    # One entry module per feature (links' page.js: copy-link and app context); tickets.js imports the rest.
    html = (site / "en" / "app" / "update-app" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<script src="[^"]*assets/helpcenter/\w+/(\w+)\.js" type="module">', html) == [
        "untranslated", "page", "flowchart", "tickets"]
    assert 'assets/helpcenter/tickets/tickets.css' in html
