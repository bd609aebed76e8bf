"""Adapt MkDocs events to stable links: short links, error-code links, the listings and the files for machines."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from helpcenter import htmljson, render
from helpcenter.content import revisions, views
from helpcenter.firewall import fields
from helpcenter.floor.adapter import add_assets, add_generated, articles_plugin, docs_prefix, report
from helpcenter.links import context, errors, history, listing, machines, shortlinks
from helpcenter.links.config import LinksConfig

SCRIPT = "assets/helpcenter/links/shortlink.js"
ERRORS_SCRIPT = "assets/helpcenter/links/errors.js"
STYLESHEET = "assets/helpcenter/links/links.css"
SCRIPTS = ("assets/helpcenter/links/page.js",)
CONTEXT = "assets/helpcenter/links/context.json"
STRINGS = "assets/helpcenter/links/links.json"  # the `links` UI strings per language, for page.js


class LinksPlugin(BasePlugin[LinksConfig]):
    """Write `/a/<id>/` and `/errors/<CODE>/` pages, the listings and the files for assistants."""

    def on_config(self, config):
        articles = articles_plugin(config, "helpcenter-links")
        self.articles = articles
        self.sections: dict[tuple[str, str], list[tuple[str, str]]] = {}
        add_assets(config, STYLESHEET, SCRIPTS)
        return config

    @event_priority(-50)  # late: helpcenter-articles loads the catalog in its own on_files
    def on_files(self, files: Files, *, config):
        catalog = self.articles.catalog
        report(errors.check(catalog, docs_prefix(config)))
        root = shortlinks.root_link(catalog, config.use_directory_urls)
        pages = [*shortlinks.short_links(catalog, config.use_directory_urls),
                 *([root] if _root_is_free(files, root, config.use_directory_urls) else []),
                 *errors.pages(catalog, config.use_directory_urls),
                 *self._redirects(config)]
        for link in pages:
            html = render.render("helpcenter/shortlink.html", link=link, data=htmljson.dumps({
                "default": link.default_lang, "targets": link.relative_targets(),
            }), script=link.up + SCRIPT, site_name=config.site_name, canonical=_canonical(config.site_url, link))
            if files.get_file_from_path(link.src_uri) is None:
                files.append(File.generated(config, link.src_uri, content=html))
        lookup = errors.lookup_data(catalog, config.use_directory_urls)
        strings = self.articles.strings
        add_generated(files, config, {
            f"{errors.PREFIX}/index.html": render.render(
                "helpcenter/errors.html", lang=catalog.default_language, site_name=config.site_name,
                title=strings.t(catalog.default_language, "links.errors_title"), codes=lookup["codes"],
                data=htmljson.dumps(lookup), script="../" + ERRORS_SCRIPT),
            CONTEXT: htmljson.dumps(context.browser_data(fields.collect_fields())),
            STRINGS: htmljson.dumps({lang: strings.section(lang, "links") for lang in catalog.languages}),
        })
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

    def on_page_content(self, html: str, *, page, config, files):
        # The headings agents can link to, as the page's table of contents has them (articles.json).
        where = views.locate(self.articles.catalog, page.file.src_uri)
        if where is not None and where[0] == "article":
            self.sections[(where[2], where[1])] = [(item.id, item.title) for item in _walk(page.toc)]
        return html

    def on_post_build(self, *, config):
        catalog = self.articles.catalog
        site_dir = Path(config.site_dir)
        docs_dir = Path(config.docs_dir)
        rows = listing.rows(catalog, config.site_url or "", config.use_directory_urls, sections=self.sections,
                            updated=revisions.last_changed(docs_dir))
        outputs = {self.config.listing_file: htmljson.dumps(rows) + "\n",
                   "errors.json": htmljson.dumps(errors.listing(catalog, config.site_url or "",
                                                                 config.use_directory_urls)) + "\n"}
        site = machines.Site(dict(self.articles.config.languages_site_name) or {catalog.default_language:
                                                                               config.site_name},
                             config.site_description or "", config.site_url or "", config.use_directory_urls)
        flowcharts = config.plugins.get("helpcenter-flowcharts")  # asked by name: features never import each other
        written: set[str] = set()

        def copy(article) -> str:
            # Each Markdown copy is written as it is made and not kept: a big help center's copies
            # would otherwise all be in memory at once, twice (as files and in llms-full.txt).
            outline = ""
            if article.flowchart and flowcharts is not None:
                outline = flowcharts.outline(article.flowchart, article.lang, lambda i: _resolve_link(i, article))
            body = machines.body_of((docs_dir / article.path).read_bytes())
            text = machines.markdown_copy(article, body, catalog, site, outline)
            uri = machines.copy_uri(article, config.use_directory_urls)
            if uri not in written:
                _write(site_dir / uri, [text])
                written.add(uri)
            return text

        def _resolve_link(article_id: str, seen_from):
            other = catalog.article(article_id, seen_from.lang) or next(
                iter(catalog.translations(article_id).values()), None)
            return (other.title, site.base + machines.copy_uri(other, site.directory_urls)) if other else None

        outputs["llms.txt"] = machines.llms_txt(catalog, site)
        for name, text in outputs.items():
            _write(site_dir / name, [text])
        for lang in catalog.languages:
            _write(site_dir / lang / machines.FULL_NAME, machines.llms_full_parts(catalog, lang, site, copy))
        for article in catalog.articles:  # the articles of no category are in no llms-full.txt
            if machines.copy_uri(article, config.use_directory_urls) not in written:
                copy(article)


def _write(target: Path, parts: Iterable[str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        out.writelines(parts)


def _walk(toc):
    for item in toc:
        yield item
        yield from _walk(item.children)


def _root_is_free(files: Files, root: shortlinks.ShortLink, directory_urls: bool) -> bool:
    # The language-choosing root only where the site has no home page of its own and each language's
    # home exists (a site adopted with docs/index.md keeps it; one without language homes gets none).
    dests = {file.dest_uri for file in files}
    homes = [url + "index.html" if directory_urls else url for url in root.targets.values()]
    return root.src_uri not in dests and all(home in dests for home in homes)


def _canonical(site_url: str | None, link: shortlinks.ShortLink) -> str:
    # The default-language article is the canonical page of its short link.
    if site_url:
        return site_url.rstrip("/") + "/" + link.targets[link.default_lang]
    return link.relative_targets()[link.default_lang]
