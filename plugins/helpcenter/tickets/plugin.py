"""Adapt MkDocs events to tickets: check the helpdesk setup, write the form's data, link each article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter import htmljson
from helpcenter.floor.adapter import (
    add_assets,
    add_generated,
    articles_plugin,
    report,
    standalone_page,
    standalone_template,
)
from helpcenter.tickets import settings
from helpcenter.tickets.compose import Ticket
from helpcenter.tickets.config import TicketsConfig, option_positions
from helpcenter.tickets.options import Options

STYLESHEET = "assets/helpcenter/tickets/tickets.css"
SCRIPTS = ("assets/helpcenter/tickets/tickets.js",)  # imports compose.js, formats.js, firewall/secrets.js
FORM_DATA = "assets/helpcenter/tickets/tickets.json"  # next to tickets.js


class TicketsPlugin(BasePlugin[TicketsConfig]):
    """Prefilled tickets in the site's own helpdesk, behind the secret firewall."""

    def on_config(self, config):
        articles = articles_plugin(config, "helpcenter-tickets")
        # Built here, not in __init__, so that `mkdocs serve` rebuilds start clean.
        self.articles = articles
        config_file = config.config_file_path
        options = Options(dict(self.config), Path(config_file or "mkdocs.yml").name, option_positions(config_file),
                          settings.vocabulary())
        loaded, problems = settings.load(options, Path(config_file or ".").resolve().parent)
        report(problems)
        assert loaded is not None  # report() raised on every error
        self.settings = loaded
        add_assets(config, STYLESHEET, SCRIPTS)
        return config

    @property
    def never_ask(self) -> bool:
        """Whether the site's boxes say "we will never ask for your recovery phrase" (the fields preset or
        `never_ask_notice`): helpcenter-flowcharts asks for it by name for its escalation steps."""
        return self.settings.fields.never_ask

    @event_priority(-50)  # late: helpcenter-articles loads the catalog (and its languages) in its own on_files
    def on_files(self, files: Files, *, config):
        add_generated(files, config, {
            FORM_DATA: htmljson.dumps(settings.client_config(self.settings, self.articles.catalog.languages,
                                                               self.articles.strings)),
        })
        return files

    @event_priority(-50)  # after helpcenter-articles has put the page's view (language, article) in the context
    def on_env(self, env, *, config, files):
        standalone_template(self.articles, env=env)  # without helpcenter-articles: `t` for the box's partial
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config, files):
        standalone_template(self.articles, page)  # without helpcenter-articles: the box comes with our template
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config, nav):
        view = standalone_page(self.articles, page, config, context)
        if view is None or view.kind != "article" or view.article is None:
            return context
        article, lang = view.article, view.lang
        url = page.canonical_url or "/" + page.url
        link = settings.article_link(self.settings, Ticket(lang=lang, article_id=article.id,
                                                           article_title=article.title, article_url=url),
                                     self.articles.strings)
        ui = settings.strings(lang, self.articles.strings)["ui"]
        channel = self.settings.channel_in(lang)
        context["helpcenter_ticket"] = {
            "url": link.url, "lang": lang, "ui": ui, "channel": channel,
            "channel_text": ui["channel"].replace("{channel}", channel),
            "never_ask": self.never_ask,
            "public_text": ui["public"].replace("{channel}", channel) if self.settings.public else "",
            "context": htmljson.dumps({"source": "article", "lang": lang,
                                       "article": {"id": article.id, "title": article.title, "url": url},
                                       "collect": list(self.settings.form_fields)}),
        }
        return context
