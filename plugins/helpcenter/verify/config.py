"""Options of `helpcenter-verify` (mkdocs.yml → plugins → helpcenter-verify)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class VerifyConfig(base.Config):
    """The site's official channels and the checker page that tells readers whether something is one."""

    # The official channels (their entries are checked by verify/channels.py, at their mkdocs.yml line)
    official_domains = c.ListOfItems(c.Type((str, dict)), default=[])
    """Web domains: `example.com`, or `{domain: example.com, subdomains: true}` when every subdomain is yours."""
    official_emails = c.ListOfItems(c.Type(str), default=[])
    """E-mail addresses (`support@example.com`), or a domain whose every address is yours (`example.com`)."""
    # Numbers are accepted here so that an unquoted +1415… or app id is reported with its line, not by type.
    official_phones = c.ListOfItems(c.Type((str, int)), default=[])
    """Phone numbers in E.164 (`+14155550100`); readers may type them in any format."""
    official_handles = c.DictOfItems(c.ListOfItems(c.Type((str, int))), default={})
    """Handles per platform: telegram, x, discord, wechat, weibo, youtube, instagram, facebook, tiktok, …"""
    official_apps = c.DictOfItems(c.ListOfItems(c.Type((str, int))), default={})
    """App-store ids: `app_store` (the number after /id) and `google_play` (the package name)."""

    # The checker's page
    page_path = c.Type(str, default="verify")
    """Where the page is in every language: /<lang>/<page_path>/."""
