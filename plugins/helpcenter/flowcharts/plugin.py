"""Adapt MkDocs events to the trees: load and check them, and put the troubleshooter into articles."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.content import views
from helpcenter.floor.adapter import add_assets, articles_plugin, docs_prefix, include_assets, report
from helpcenter.flowcharts import outline as flow_outline
from helpcenter.flowcharts import render, trees
from helpcenter.flowcharts import view as flow_view
from helpcenter.flowcharts.config import FlowchartsConfig

STYLESHEET = "assets/helpcenter/flowcharts/flowchart.css"
SCRIPTS = ("assets/helpcenter/flowcharts/flowchart.js",)


class FlowchartsPlugin(BasePlugin[FlowchartsConfig]):
    """Validate `docs/flowcharts/<id>.yml` and show each tree in the articles that name it."""

    def on_config(self, config):
        articles = articles_plugin(config, "helpcenter-flowcharts")
        # Built here, not in __init__, so that `mkdocs serve` rebuilds start clean.
        self.articles = articles
        self.trees = trees.Trees()
        self.env = None
        add_assets(config, STYLESHEET, SCRIPTS)
        return config

    @event_priority(-50)  # late: helpcenter-articles loads the catalog in its own on_files
    def on_files(self, files: Files, *, config):
        include_assets(files)
        catalog = self.articles.catalog
        languages = catalog.languages
        prefix = docs_prefix(config)
        folder = self.config.trees_dir.strip("/")
        loaded = trees.load(Path(config.docs_dir) / folder, languages, display_prefix=f"{prefix}{folder}/")
        report(loaded.diagnostics + trees.check(loaded, catalog, languages)
               + trees.article_references(loaded, catalog, prefix=prefix))
        self.trees = loaded
        # The YAML sources are neither pages nor assets: keep them out of site/ even without exclude_docs.
        for file in [f for f in files if f.src_uri.startswith(folder + "/")]:
            files.remove(file)
        return files

    def on_page_content(self, html: str, *, page: Page, config, files):
        catalog = self.articles.catalog
        where = views.locate(catalog, page.file.src_uri)
        if where is None or where[0] != "article":
            return html
        article = catalog.article(where[2], where[1])
        tree = self.trees.trees.get(article.flowchart or "") if article else None
        if article is None or tree is None:
            return html
        if self.env is None:
            # The theme's environment, so that a custom_dir can override partials/helpcenter/flowchart.html
            # (MkDocs only hands it to on_env after the pages' content is built).
            self.env = config.theme.get_env()
            self.env.globals["t"] = self.articles.strings.t  # as in every other template of ours
        lang = article.lang
        widget = flow_view.flow_view(
            tree, lang, catalog, page_url=page.url, directory_urls=config.use_directory_urls,
            article={"id": article.id, "title": article.title, "url": page.canonical_url or "/" + page.url},
            strings=self.articles.strings.section(lang, "flowcharts"), site_strings=self.articles.strings,
            # As the site's ticket box says it (asked by name: features never import each other); a site
            # without helpcenter-tickets keeps the notice.
            never_ask=getattr(config.plugins.get("helpcenter-tickets"), "never_ask", True))
        return render.render(widget, self.env) + html

    def outline(self, tree_id: str, lang: str, article_link) -> str:
        """A tree as a Markdown outline ('' when there is none): helpcenter-links asks for it by name."""
        tree = self.trees.trees.get(tree_id)
        if tree is None:
            return ""
        return flow_outline.outline(tree, lang, self.articles.catalog.default_language,
                                    self.articles.strings.t(lang, "flowcharts.heading"), article_link)
