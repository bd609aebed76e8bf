"""Adapt MkDocs events to the article catalog: pages per language, nav, alternates and escaping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcenter import render
from helpcenter.content import checks, pages, views
from helpcenter.content.catalog import Catalog
from helpcenter.content.config import ArticlesConfig
from helpcenter.floor import strings
from helpcenter.floor.adapter import (
    add_assets,
    docs_prefix,
    include_assets,
    load_site,
    refuse_static_i18n,
    report,
    theme_templates,
)

log = get_plugin_logger(__name__)

STYLESHEET = "assets/helpcenter/content/helpcenter.css"
SCRIPTS = ("assets/helpcenter/content/untranslated.js",)


class ArticlesPlugin(BasePlugin[ArticlesConfig]):
    """Load articles by id and language and give each language its own pages, nav and UI language."""

    catalog: Catalog

    def on_config(self, config):
        refuse_static_i18n(config)
        # Built here, not in __init__, so that `mkdocs serve` rebuilds start clean.
        self.catalog = Catalog(tuple(self.config.languages or [config.theme["language"]]))
        self.navs: dict[str, Navigation] = {}
        self.own_nav = config.nav is not None  # the site's `nav:` stays; ours is for sites without one
        # A site's own `extra.alternate` (Material's selector of language sites) stays on one-language sites.
        self.site_alternate = config.extra.get("alternate")
        self.active: Page | None = None
        self.default_language = config.theme["language"]
        self.default_site_name = config.site_name
        self.site_palette = config.theme.get("palette")
        # Every plugin's UI text comes from here (templates through `t`, scripts as JSON): plugin options
        # that hold strings (flowcharts' widget_strings) are read from their config, whatever the order.
        self.config_file = Path(config.config_file_path or "mkdocs.yml")
        self.strings = strings.for_site(self.config_file, {
            name: dict(plugin.config) for name, plugin in config.plugins.items() if hasattr(plugin, "config")})
        add_assets(config, STYLESHEET, SCRIPTS)
        render.add_override_dir(config.theme.dirs, config.theme.custom_dir)
        return config

    def on_files(self, files: Files, *, config):
        include_assets(files)
        # The theme's template names: front matter `template` and `icon` must name one (else a traceback).
        templates = theme_templates(config)
        loaded = load_site(config, files, self.config.languages, self.config.languages_layout, templates)
        problems = loaded.diagnostics + checks.check(loaded.catalog, prefix=docs_prefix(config))
        problems += strings.check_site(self.strings, self.config_file, list(loaded.catalog.languages))
        report(problems)
        self.catalog = loaded.catalog
        self.files = files
        for src_uri, content in pages.generated_pages(self.catalog):
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=content))
        return files

    def on_serve(self, server, *, config, builder):
        # The site's strings files are not docs: without this, editing one would not rebuild.
        if self.strings.site_dir is not None:
            server.watch(str(self.strings.site_dir))
        return server

    def on_env(self, env, *, config, files):
        # Our templates and partials (and a site's overrides of them) say `t(lang, "content.related")`.
        env.globals["t"] = self.strings.t
        # helpcenter/page.html keeps the head's alternate links when they are the site's own (language roots).
        env.globals["helpcenter_site_alternate"] = self.site_alternate
        return env

    def on_nav(self, nav, *, config, files):
        # Articles follow the site's own nav where `order:` does not say otherwise (MkDocs's nav of a site
        # without one is alphabetical by file name: titles order better).
        if self.own_nav:
            self.catalog.set_nav_order([page.file.src_uri for page in nav.pages])
        self.navs = {}
        if self.own_nav or not pages.is_ours(self.catalog):
            return nav  # the site's own nav (or MkDocs's of the site's own pages), as it is
        # One small nav per language (home + categories), so a page never carries the whole site.
        for lang in self.catalog.languages:
            items = [files.get_file_from_path(uri) for uri in pages.nav_uris(self.catalog, lang)]
            nav_pages = [f.page for f in items if f is not None and f.page is not None]
            self.navs[lang] = Navigation(list(nav_pages), list(nav_pages))
        for page in nav.pages:
            page.previous_page = page.next_page = None  # MkDocs would link across languages
        return self.navs.get(self.catalog.default_language, nav)

    def on_page_markdown(self, markdown, *, page: Page, config, files):
        view = views.locate(self.catalog, page.file.src_uri)
        if view is None:
            return markdown
        # Material prints front matter raw on every page (no autoescape): store it escaped once, here.
        title = views.title_of(self.catalog, *view) if "title" in page.meta else None
        page.meta.update(pages.escaped_meta(page.meta, title))
        # Articles (the site's own pages too) get Still stuck? and the rest; a home or category page our
        # cards and lists only when our nav is in use: a site's own index pages stay as written.
        ours = view[0] == "article" or self.navs
        page.meta.setdefault("template", pages.TEMPLATES[view[0]] if ours else pages.PAGE_TEMPLATE)
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config, nav):
        view = views.page_view(self.catalog, page.file.src_uri, config.use_directory_urls, self.strings)
        lang = view.lang if view else self.catalog.default_language
        self.set_page_language(config, lang)
        # The language switch, on sites with more than one language (a one-language site shows none, or
        # the site's own).
        if len(self.catalog.languages) > 1:
            alternates = view.alternates if view else []
            config.extra["alternate"] = [{"name": a.name, "link": a.link, "lang": a.lang} for a in alternates]
        else:
            self._restore_alternate(config)
        if lang in self.navs:
            context["nav"] = self.navs[lang]
        context["helpcenter"] = view
        # Articles are not in the nav: mark their category as active so the sidebar shows where we are.
        self.active = None
        if view and view.kind == "article" and view.article and self.navs:
            category = self.files.get_file_from_path(f"{lang}/{view.article.category}/index.md")
            if category is not None and category.page is not None:
                category.page.active = True
                self.active = category.page
        return context

    def set_page_language(self, config, lang: str) -> None:
        """What Material reads at render time in the page's language: its UI strings and <html lang>,
        the site name, the palette toggles' names (the switcher and hreflang links are the caller's)."""
        config.theme["language"] = lang
        config.site_name = self.config.languages_site_name.get(lang, self.default_site_name)
        config.theme["palette"] = pages.localized_palette(self.site_palette, lang, self.default_language,
                                                          self.strings.t)

    def on_post_page(self, output, *, page, config):
        if self.active is not None:
            self.active.active = False
            self.active = None
        return output

    def on_post_build(self, *, config):
        self.set_page_language(config, self.default_language)
        self._restore_alternate(config)

    def _restore_alternate(self, config) -> None:
        if self.site_alternate is None:
            config.extra.pop("alternate", None)
        else:
            config.extra["alternate"] = self.site_alternate
