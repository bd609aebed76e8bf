"""Adapt MkDocs events to the checker: check the channels, add the page per language and its data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.content.views import language_name
from helpcenter.floor import yamlpos
from helpcenter.floor.adapter import add_assets, add_generated, articles_plugin, report
from helpcenter.verify import channels as channel_loader
from helpcenter.verify import page as verify_page
from helpcenter.verify.config import VerifyConfig

PLUGIN = channel_loader.PLUGIN
STYLESHEET = "assets/helpcenter/verify/verify.css"
# On every page: window.helpcenter.verify, and the checker's link in the "we will never ask" boxes.
SCRIPTS = ("assets/helpcenter/verify/verify.js",)


class VerifyPlugin(BasePlugin[VerifyConfig]):
    """Official channels in config; a page per language where readers check a link, address, handle or number."""

    def on_config(self, config):
        self.articles = articles_plugin(config, PLUGIN)
        # Built here, not in __init__, so that `mkdocs serve` rebuilds start clean.
        config_file = config.config_file_path
        self.channels, problems = channel_loader.load(dict(self.config), Path(config_file or "mkdocs.yml").name,
                                                      yamlpos.option_positions(config_file, PLUGIN))
        report(problems)
        self.pages: dict[str, str] = {}
        add_assets(config, STYLESHEET, SCRIPTS)
        return config

    @event_priority(-50)  # late: helpcenter-articles loads the catalog (and its languages) in its own on_files
    def on_files(self, files: Files, *, config):
        languages = self.articles.catalog.languages
        strings, path = self.articles.strings, self.config.page_path
        self.pages = {verify_page.src_uri(lang, path): lang for lang in languages}
        add_generated(files, config, {uri: verify_page.source(lang, strings) for uri, lang in self.pages.items()})
        add_generated(files, config, verify_page.assets(self.channels, languages, path, strings,
                                                        config.use_directory_urls))
        return files

    @event_priority(-50)  # after helpcenter-articles: our page is not one of its views, so we set the language
    def on_page_context(self, context: dict[str, Any], *, page: Page, config, nav):
        strings, path = self.articles.strings, self.config.page_path
        lang = self.pages.get(page.file.src_uri)
        if lang is None:  # another page: its "we will never ask" boxes link to the checker in its language
            view = context.get("helpcenter")
            reader = view.lang if view is not None else self.articles.catalog.default_language
            context["helpcenter_verify_link"] = {"text": strings.t(reader, "verify.link"),
                                                 "url": verify_page.page_url(reader, path, config.use_directory_urls)}
            return context
        self.articles.set_page_language(config, lang)  # <html lang>, Material's own texts, the palette's names
        if lang in self.articles.navs:
            context["nav"] = self.articles.navs[lang]
        config.extra["alternate"] = [
            {"name": language_name(other, strings), "lang": other,
             "link": verify_page.page_url(other, path, config.use_directory_urls)}
            for other in self.articles.catalog.languages]
        context["helpcenter_verify"] = {"lang": lang, "groups": verify_page.groups(self.channels, lang, strings),
                                        "strings": strings.section(lang, "verify")}
        return context
