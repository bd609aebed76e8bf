"""The kit every plugin adapter shares: assets, generated files, reporting and the site's content.

The one floor module that touches MkDocs (like a `plugin.py`): features call these from their
own `plugin.py` instead of importing each other's adapters. It may read content's core (the
catalog and its layouts), never content's plugin: `site_content` gives every feature the site's
catalog whether or not helpcenter-articles is configured.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, get_files

from helpcenter import render
from helpcenter.content import catalog as catalog_loader
from helpcenter.content import checks as content_checks
from helpcenter.content import layout as layouts
from helpcenter.content import views
from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import strings
from helpcenter.floor.paths import display_path, folder_prefix

log = get_plugin_logger("helpcenter")

ARTICLES = "helpcenter-articles"
ASSETS = "assets/helpcenter/"


BLOG_PLUGINS = ("material/blog", "blog")
STATIC_I18N = ("i18n", "mkdocs-static-i18n")
LANGUAGE_TEMPLATES = "partials/languages/"
TEMPLATE_ARTICLE = "helpcenter/article.html"  # Material's translations: the language codes a theme knows


def site_content(config, needed_by: str) -> Any:
    """What every feature reads of the site: `.catalog`, `.strings` and `.navs` (language → nav).

    The helpcenter-articles plugin when it is configured (it loads the catalog in its `on_files`);
    else one `StandaloneContent` per build, shared by the features, which loads the catalog itself
    the first time it is read, with the layout and languages detected from the docs.
    """
    refuse_static_i18n(config)
    articles = config.plugins.get(ARTICLES)
    if articles is not None:
        return articles
    # Kept on the build's config, so the features of one build share it and a rebuild starts clean.
    shared = vars(config).get("_helpcenter_content")
    if shared is None:
        shared = StandaloneContent(config)
        vars(config)["_helpcenter_content"] = shared
    return shared


articles_plugin = site_content  # the name features used when helpcenter-articles was required


class StandaloneContent:
    """The site's catalog and UI strings for features configured without helpcenter-articles."""

    def __init__(self, config) -> None:
        self.config = config
        self.navs: dict[str, Any] = {}
        config_file = Path(config.config_file_path or "mkdocs.yml")
        self.strings = strings.for_site(config_file, {
            name: dict(plugin.config) for name, plugin in config.plugins.items() if hasattr(plugin, "config")})
        self._catalog: catalog_loader.Catalog | None = None

    @property
    def catalog(self) -> catalog_loader.Catalog:
        """The site's pages by id and language, loaded (and its problems reported) on first use."""
        if self._catalog is None:
            files = get_files(self.config)
            loaded = load_site(self.config, files)
            report(loaded.diagnostics + content_checks.check(loaded.catalog, prefix=docs_prefix(self.config)))
            self._catalog = loaded.catalog
        return self._catalog


def standalone_page(content: Any, page, config, context: dict[str, Any]) -> Any:
    """The view of an article page (None for any other page), for a feature that shows something on it.

    helpcenter-articles puts it in `context["helpcenter"]`; without it, the standalone content makes it
    and puts it there too, for the article template's partials.
    """
    view = context.get("helpcenter")
    if view is not None or not isinstance(content, StandaloneContent):
        return view
    view = views.page_view(content.catalog, page.file.src_uri, config.use_directory_urls, content.strings)
    if view is None or view.kind != "article":
        return None
    context["helpcenter"] = view
    return view


def standalone_template(content: Any, page=None, env=None) -> None:
    """Without helpcenter-articles, articles render through our article template and its partials have
    `t(lang, key)`; with it, nothing to do (it sets both)."""
    if not isinstance(content, StandaloneContent):
        return
    if env is not None:
        env.globals.setdefault("t", content.strings.t)
    if page is not None:
        where = views.locate(content.catalog, page.file.src_uri)
        if where is not None and where[0] == "article":
            page.meta.setdefault("template", TEMPLATE_ARTICLE)


def theme_templates(config) -> frozenset[str]:
    """Every template name of the theme and the site's overrides: listed once per build (walking
    Material's folders took 0.08 s, and two plugins ask)."""
    key = (id(config), tuple(config.theme.dirs))  # a `mkdocs serve` rebuild has a new config: listed anew
    if _TEMPLATES.get("key") != key:
        _TEMPLATES.update(key=key, names=frozenset(config.theme.get_env().list_templates()))
    return _TEMPLATES["names"]


_TEMPLATES: dict[str, Any] = {}


def known_languages(config) -> set[str]:
    """The language codes the theme has translations for (Material: partials/languages/<code>.html)."""
    names = theme_templates(config)
    found = {name[len(LANGUAGE_TEMPLATES): -len(".html")] for name in names
             if name.startswith(LANGUAGE_TEMPLATES) and name.endswith(".html")}
    return found or {"en"}


def skipped_folders(config) -> tuple[str, ...]:
    """Docs folders another plugin owns: Material's blog (its posts and the pages it generates)."""
    folders = []
    for name in BLOG_PLUGINS:
        blog = config.plugins.get(name)
        if blog is not None and hasattr(blog, "config"):
            folders.append(str(blog.config.get("blog_dir", "blog")).strip("./") + "/")
    return tuple(folders)


def site_pages(config, files: Files) -> list[tuple[str, Callable[[], bytes]]]:
    """(src_uri, a reader of its bytes) of every Markdown page MkDocs builds, minus excluded files and
    other plugins' folders; read when the catalog comes to it, so one file is in memory at a time."""
    skip = skipped_folders(config)
    return [(f.src_uri, lambda f=f: f.content_bytes) for f in files.documentation_pages()
            if f.src_uri.endswith(".md") and not f.src_uri.startswith(skip)]


def load_site(config, files: Files, languages: list[str] | None = None, kind: str = layouts.AUTO,
              templates: frozenset[str] | None = None) -> catalog_loader.LoadResult:
    """The site's catalog from the pages MkDocs builds; languages and layout detected unless given."""
    pages = site_pages(config, files)
    found = _detect(config, [rel for rel, _ in pages], languages, kind)
    existing = {f.src_uri for f in files if f.src_uri.endswith(".md")}
    return catalog_loader.load_sources(pages, found.languages, docs_prefix(config), templates, found.kind, existing)


def detect_site(config, languages: list[str] | None = None,
                kind: str = layouts.AUTO) -> tuple[layouts.Layout, list[str]]:
    """The layout of a site without building it (for the CLI), and the Markdown files the catalog skips.

    MkDocs's own file list decides: what `exclude_docs` leaves out, and the folders another plugin owns.
    """
    files = get_files(config)
    paths = [rel for rel, _ in site_pages(config, files)]
    kept = set(paths)
    skipped = [f.src_uri for f in files if f.src_uri.endswith(".md") and f.src_uri not in kept]
    return _detect(config, paths, languages, kind), skipped


def _detect(config, paths: list[str], languages: list[str] | None, kind: str) -> layouts.Layout:
    return layouts.detect(paths, known_languages(config), str(config.theme["language"]),
                          languages=languages, kind=kind)


def refuse_static_i18n(config) -> None:
    """Stop with a clear message when mkdocs-static-i18n is configured: both would own the languages."""
    for name in STATIC_I18N:
        if name in config.plugins:
            raise PluginError(
                f"{display_name(config, None)}: the '{name}' plugin (mkdocs-static-i18n) and helpcenter both "
                "handle languages: remove '{name}' from 'plugins' and list the languages under helpcenter-articles "
                "instead ('languages: [en, fr]'; 'languages_layout: suffix' for page.fr.md files, 'folder' for "
                "docs/fr/…); every page keeps its file".replace("{name}", name))


def add_assets(config, stylesheet: str | None, scripts: tuple[str, ...]) -> None:
    """Put our templates on the theme path and register a plugin's stylesheet and modules, once each."""
    render.add_theme_dir(config.theme.dirs)
    if stylesheet and stylesheet not in config.extra_css:
        config.extra_css.append(stylesheet)
    add_module_scripts(config, scripts)


def add_module_scripts(config, paths: tuple[str, ...], *, run_early: bool = False) -> None:
    """Register our ES modules once (type=module: deferred, CSP-friendly, no inline code); `run_early`
    makes them async: each runs as soon as it is here, while the page is parsed, in no order."""
    present = {str(script) for script in config.extra_javascript}
    for path in paths:
        if path not in present:
            script = ExtraScriptValue(path)
            script.type = "module"
            script.async_ = run_early
            config.extra_javascript.append(script)


def add_generated(files: Files, config, contents: Mapping[str, str]) -> None:
    """Add generated files by site URI, unless a file (ours, from another plugin, or the site's) is there."""
    for src_uri, content in contents.items():
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.INCLUDED))
    include_assets(files)


def include_assets(files: Files) -> None:
    """Keep our assets whatever the site's `exclude_docs` says.

    MkDocs matches exclude_docs against theme files too, as gitignore patterns: a site excluding its
    own `flowcharts/` or `search/` folder would otherwise drop assets/helpcenter/flowcharts/*.js.
    """
    for file in files:
        if file.src_uri.startswith(ASSETS) and file.inclusion == InclusionLevel.UNDEFINED:
            file.inclusion = InclusionLevel.INCLUDED


def report(problems: list[Diagnostic]) -> None:
    """Log warnings (they fail --strict) and stop the build on errors, all with path:line:col."""
    for problem in problems:
        if problem.severity == "info":
            log.debug(problem.format())  # for `mkdocs build -v`; `helpcenter check` lists them
        elif not problem.is_error:
            log.warning(problem.format())
    errors = [p for p in problems if p.is_error]
    if errors:
        raise PluginError("\n".join(p.format() for p in sorted(errors)))


def docs_prefix(config) -> str:
    """How messages name the docs folder: relative to the project (the folder of mkdocs.yml), e.g. "docs/"."""
    return folder_prefix(project_root(config), Path(config.docs_dir))


def project_root(config) -> Path:
    """The project folder: where mkdocs.yml is."""
    return Path(config.config_file_path or ".").resolve().parent


def display_name(config, path: str | None) -> str:
    """How messages name a file of the project (mkdocs.yml when `path` is None)."""
    return display_path(project_root(config), Path(path or config.config_file_path or "mkdocs.yml"))
