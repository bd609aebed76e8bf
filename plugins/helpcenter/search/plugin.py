"""Adapt MkDocs events to the search index: collect article pages, write per-language sharded indexes."""

from __future__ import annotations

from pathlib import Path

import mkdocs.contrib.search
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from helpcenter.floor.adapter import (
    add_assets,
    add_module_scripts,
    articles_plugin,
    display_name,
    include_assets,
    report,
)
from helpcenter.search import synonyms as synonyms_loader
from helpcenter.search.config import SearchConfig
from helpcenter.search.index import Weights
from helpcenter.search.site import Options, SiteIndex
from helpcenter.search.synonyms import Synonyms

log = get_plugin_logger(__name__)

SCRIPTS = ("assets/helpcenter/search/search.js",)
# An async module: it starts the search worker while the page is parsed, not once search.js and its
# imports are all here (`search ready` after the load event: tools/search_bench.py).
STARTER = "assets/helpcenter/search/start.js"
STYLESHEET = "assets/helpcenter/search/search.css"
LUNR_URI = "assets/helpcenter/search/lunr.js"
INDEX_DIR = "search"  # search.js looks for it next to the site root
# lunr.js 2.3.9 exactly as MkDocs ships it; copied into each site, never fetched from a CDN.
LUNR_SOURCE = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"


class SearchPlugin(BasePlugin[SearchConfig]):
    """Build a sharded lunr index per language and ship the search box that reads it."""

    def on_config(self, config):
        articles = articles_plugin(config, "helpcenter-search")
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning("Material's 'search' plugin is enabled too, so pages get two search boxes: "
                        "remove '- search' from 'plugins' in mkdocs.yml (helpcenter-search replaces it)")
        # Built here, not in __init__, so that `mkdocs serve` rebuilds start clean.
        self.articles = articles
        self.site: SiteIndex | None = None
        self.pages: list[tuple[str, str, str, dict]] = []  # (src_uri, url, html, meta) of each page built
        self.synonyms = self._synonyms(config)
        add_module_scripts(config, (STARTER,), run_early=True)
        add_assets(config, STYLESHEET, SCRIPTS)
        return config

    @event_priority(-50)  # late: helpcenter-articles loads the catalog in its own on_files
    def on_files(self, files: Files, *, config):
        self.site = SiteIndex(self.articles.catalog, self.synonyms, Options(
            weights=Weights(self.config.boost_title, self.config.boost_tags, self.config.boost_headings,
                            self.config.boost_summary, self.config.boost_body),
            text_chars=self.config.index_text_chars, secret_article=self.config.secret_article,
            directory_urls=config.use_directory_urls, config_path=display_name(config, None),
            strings=self.articles.strings), Path(config.site_dir) / INDEX_DIR)
        report(self.site.diagnostics())
        if files.get_file_from_path(LUNR_URI) is None:
            files.append(File.generated(config, LUNR_URI, abs_src_path=str(LUNR_SOURCE)))
        include_assets(files)  # the search box checks queries with firewall/secrets.js and its word lists
        return files

    def on_page_content(self, html: str, *, page: Page, config, files):
        # Indexed after the build, a language at a time (SiteIndex.build): MkDocs keeps every page's
        # HTML until then anyway, so holding it costs nothing, and no vocabulary is in memory while
        # pages are rendered.
        if self.site is not None:
            self.pages.append((page.file.src_uri, page.url, html, page.meta))
        return html

    def on_post_build(self, *, config):
        if self.site is not None:
            self.site.build(self.pages)
            self.pages = []

    def _synonyms(self, config) -> Synonyms:
        path = self.config.synonyms_file
        if not path:
            return Synonyms()
        loaded = synonyms_loader.load(Path(path), display_name(config, path))
        report(loaded.diagnostics)
        return loaded

