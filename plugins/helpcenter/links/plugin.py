"""Adapt MkDocs events to short links: a page per article id, the site root, and articles.json."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from helpcenter import htmljson, render
from helpcenter.floor.adapter import articles_plugin, docs_prefix, report
from helpcenter.links import history, listing, shortlinks
from helpcenter.links.config import LinksConfig

SCRIPT = "assets/helpcenter/links/shortlink.js"


class LinksPlugin(BasePlugin[LinksConfig]):
    """Write `/a/<id>/` pages that open the article in the reader's language, and the listing."""

    def on_config(self, config):
        articles = articles_plugin(config, "helpcenter-links")
        self.articles = articles
        render.add_theme_dir(config.theme.dirs)
        return config

    @event_priority(-50)  # late: helpcenter-articles loads the catalog in its own on_files
    def on_files(self, files: Files, *, config):
        catalog = self.articles.catalog
        pages = [*shortlinks.short_links(catalog, config.use_directory_urls),
                 shortlinks.root_link(catalog, config.use_directory_urls),
                 *self._redirects(config)]
        for link in pages:
            html = render.render("helpcenter/shortlink.html", link=link, data=htmljson.dumps({
                "default": link.default_lang, "targets": link.relative_targets(),
            }), script=link.up + SCRIPT, site_name=config.site_name, canonical=_canonical(config.site_url, link))
            if files.get_file_from_path(link.src_uri) is None:
                files.append(File.generated(config, link.src_uri, content=html))
        return files

    def _redirects(self, config) -> list[shortlinks.ShortLink]:
        # Pages at the recorded old paths of moved articles, checked like the rest of the content.
        if not self.config.url_history:
            return []
        catalog = self.articles.catalog
        root = Path(config.config_file_path or "mkdocs.yml").parent
        found, problems = history.load(root / self.config.url_history, self.config.url_history)
        report(problems + history.check(found, catalog, docs_prefix(config)))
        return [history.redirect_link(r, catalog, config.use_directory_urls) for r in history.redirects(found, catalog)]

    def on_post_build(self, *, config):
        rows = listing.rows(self.articles.catalog, config.site_url or "", config.use_directory_urls)
        target = Path(config.site_dir) / self.config.listing_file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(htmljson.dumps(rows) + "\n", encoding="utf-8")


def _canonical(site_url: str | None, link: shortlinks.ShortLink) -> str:
    # The default-language article is the canonical page of its short link.
    if site_url:
        return site_url.rstrip("/") + "/" + link.targets[link.default_lang]
    return link.relative_targets()[link.default_lang]
