"""Adapt MkDocs events to the notices: read and check them, put them at the top of pages, write notices.json."""

from __future__ import annotations

import json

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.content import views
from helpcenter.floor.adapter import add_assets, add_generated, articles_plugin, display_name, project_root, report
from helpcenter.notices import model, placement, schedule
from helpcenter.notices.config import NoticesConfig

PLUGIN = "helpcenter-notices"
STYLESHEET = "assets/helpcenter/notices/notices.css"
SCRIPTS = ("assets/helpcenter/notices/notices.js",)
PARTIAL = "partials/helpcenter/notices.html"


class NoticesPlugin(BasePlugin[NoticesConfig]):
    """Scheduled notices in the reader's language at the top of the pages they concern."""

    def on_config(self, config):
        self.articles = articles_plugin(config, PLUGIN)
        # Built here, not in __init__, so that `mkdocs serve` rebuilds start clean.
        self.now = schedule.build_time()  # one build time for every page (SOURCE_DATE_EPOCH pins it)
        self.loaded = model.Loaded()
        self.env = None
        add_assets(config, STYLESHEET, SCRIPTS)
        return config

    @event_priority(-50)  # late: helpcenter-articles loads the catalog (and its languages) in its own on_files
    def on_files(self, files: Files, *, config):
        catalog = self.articles.catalog
        name = self.config.notices_file
        self.loaded = model.load(project_root(config) / name, display_name(config, str(project_root(config) / name)),
                                 catalog.languages)
        report(self.loaded.diagnostics + schedule.check(self.loaded.notices, catalog, self.loaded.path, self.now))
        rows = schedule.to_json(self.loaded.notices, catalog, config.site_url or "", config.use_directory_urls)
        add_generated(files, config, {self.config.notices_json: json.dumps(rows, ensure_ascii=False, indent=1)})
        return files

    def on_env(self, env, *, config, files):
        self.env = env  # the theme's: a custom_dir may override the partial
        return env

    @event_priority(-100)  # last: after every plugin has finished the page, so none indexes our notices
    def on_post_page(self, output: str, *, page: Page, config):
        if not self.loaded.notices or self.env is None:
            return output
        catalog = self.articles.catalog
        lang, category, article_id = self._where(page, config)
        shown = schedule.for_page(self.loaded.notices, catalog, lang, category, article_id, self.now,
                                  config.use_directory_urls)
        if not shown:
            return output
        fragment = self.env.get_template(PARTIAL).render(notices=shown, lang=lang, base_url=_base(page))
        return placement.insert(output, fragment)

    def _where(self, page: Page, config) -> tuple[str, str | None, str | None]:
        catalog = self.articles.catalog
        found = views.locate(catalog, page.file.src_uri)
        if found is None:  # a page that is no view of the catalog (the checker's): its folder names the language
            head = page.file.src_uri.split("/")[0]
            return (head if head in catalog.languages else catalog.default_language), None, None
        kind, lang, key = found
        if kind == "article":
            article = catalog.article(key, lang)
            return lang, article.category if article else None, key
        return lang, key if kind == "category" else None, None


def _base(page: Page) -> str:
    # The site root as seen from the page (MkDocs's own rule for relative links).
    depth = page.url.count("/") if page.url else 0
    return "../" * depth or "./"
