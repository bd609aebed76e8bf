"""Adapt MkDocs events to insights: check the options, ship the script, tell every page where events go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.floor import yamlpos
from helpcenter.floor.adapter import add_assets, articles_plugin, include_assets, report
from helpcenter.insights import checks
from helpcenter.insights.config import InsightsConfig

PLUGIN = checks.PLUGIN
# feedback.js (on a vote), searches.js with events.js (on a search) and insights.css (with the question,
# hidden until then, so it never holds up the first paint) are loaded by insights.js when needed.
SCRIPTS = ("assets/helpcenter/insights/insights.js",)


class InsightsPlugin(BasePlugin[InsightsConfig]):
    """"Was this helpful?" on every article, and readers' events sent to the site's own collector."""

    def on_config(self, config):
        articles = articles_plugin(config, PLUGIN)
        # Built here, not in __init__, so that `mkdocs serve` rebuilds start clean.
        self.articles = articles
        config_file = config.config_file_path
        options = dict(self.config)
        report(checks.check(options, Path(config_file or "mkdocs.yml").name,
                            yamlpos.option_positions(config_file, PLUGIN)))
        self.client = checks.client_settings(options)
        add_assets(config, None, SCRIPTS)
        return config

    def on_files(self, files: Files, *, config):
        include_assets(files)  # firewall/secrets.js and its word lists, whatever exclude_docs says
        return files

    @event_priority(-50)  # after helpcenter-articles has put the page's view (language, article) in the context
    def on_page_context(self, context: dict[str, Any], *, page: Page, config, nav):
        view = context.get("helpcenter")
        lang = view.lang if view is not None else self.articles.catalog.default_language
        context["helpcenter_insights"] = {**self.client, "lang": lang, "feedback": self.config.feedback}
        return context
