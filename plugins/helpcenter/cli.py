"""The `helpcenter` command: check content, start articles, print short links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

STRICT_HELP = "Exit non-zero on warnings too (same meaning as mkdocs build --strict)."
CONFIG_HELP = "The site's mkdocs.yml (languages, docs_dir, site_url are read from it)."


class ProjectError(click.ClickException):
    """A problem with the project setup itself (no mkdocs.yml, unreadable config)."""


def config_option(func):
    """The --config-file option shared by every command."""
    return click.option("-f", "--config-file", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                        default=Path("mkdocs.yml"), show_default=True, help=CONFIG_HELP)(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="helpcenter")
def cli() -> None:
    """Build, check and maintain the help center."""


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help=STRICT_HELP)
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text", show_default=True)
@config_option
def check_command(paths: tuple[Path, ...], strict: bool, style: str, config_file: Path) -> None:
    """Validate articles, flowcharts and settings without building the site."""
    from helpcenter import checks
    from helpcenter.diagnostics import has_errors

    project = _load_project(config_file)
    problems = checks.run_project(project, paths)
    for problem in problems:
        click.echo(problem.format(style))
    if has_errors(problems, strict=strict):
        raise SystemExit(1)


@cli.command("new")
@click.argument("category")
@click.argument("title")
@click.option("--id", "article_id", help="The article's id (kebab-case), instead of one made from the title.")
@config_option
def new_command(category: str, title: str, article_id: str | None, config_file: Path) -> None:
    """Write an article skeleton with a fresh id in every language."""
    from helpcenter.content import catalog, skeleton
    from helpcenter.floor import strings

    if skeleton.category_error(category):
        raise click.BadParameter(skeleton.category_error(category), param_hint="CATEGORY")
    project = _load_project(config_file)
    loaded = catalog.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                          layout=project.layout, skip=project.skipped)
    written = lambda candidate: any((project.docs_dir / lang / category / f"{candidate}.md").exists()  # noqa: E731 - one use
                                    for lang in project.languages)
    if article_id and skeleton.id_error(loaded.catalog, article_id, written):
        raise click.BadParameter(skeleton.id_error(loaded.catalog, article_id, written), param_hint="'--id'")
    try:
        files = skeleton.skeletons(loaded.catalog, category, title, dt.date.today(), project.docs_dir,
                                   article_id or "", skeleton.needs_attr_list(project.markdown_extensions),
                                   strings.for_site(project.config_file or project.root / "mkdocs.yml",
                                                    project.plugins))
    except skeleton.NoIdError as err:
        raise click.UsageError(str(err)) from err
    for rel, text in files.items():
        target = project.docs_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        click.echo(f"created {project.prefix}{rel}")
    _record_new_paths(project)


@cli.command("urls")
@click.option("--write", is_flag=True, help="Record every article's current path in the history file.")
@config_option
def urls_command(write: bool, config_file: Path) -> None:
    """List article paths the URL history lacks (moved or new articles); --write records them."""
    from helpcenter.content import catalog
    from helpcenter.links import history

    project = _load_project(config_file)
    name = (project.plugins.get("helpcenter-links") or {}).get("url_history")
    if not name:
        raise click.ClickException("no URL history is kept: set 'url_history: url-history.yml' under "
                                   "helpcenter-links in mkdocs.yml")
    recorded, problems = history.load(project.root / name, name)
    if [p for p in problems if p.is_error]:
        for problem in problems:
            click.echo(problem.format())
        raise SystemExit(1)
    loaded = catalog.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                          layout=project.layout, skip=project.skipped)
    updated, added = history.record(recorded, loaded.catalog)
    for line in added:
        click.echo(("recorded " if write else "not recorded: ") + project.prefix + line)
    if write and (added or not (project.root / name).exists()):
        (project.root / name).write_text(history.dump(updated), encoding="utf-8")
    elif added:
        click.echo(f"run 'helpcenter urls --write' and commit {name}")
        raise SystemExit(1)


@cli.command("link")
@click.argument("article_id", required=False)
@click.option("--lang", help="Open in this language instead of the reader's own.")
@click.option("--section", help="Heading id to jump to, e.g. 'why'.")
@click.option("--step", help="Flowchart step (node id) to open.")
@click.option("--error", "error_code", metavar="CODE", help="The link of an error code the app shows (/errors/CODE/).")
@config_option
def link_command(article_id: str | None, lang: str | None, section: str | None, step: str | None,
                 error_code: str | None, config_file: Path) -> None:
    """Print the short link to an article, a section or a flowchart step, or the link of an error code."""
    from helpcenter.flowcharts import trees
    from helpcenter.links import resolve

    if bool(article_id) == bool(error_code) or (error_code and (section or step)):
        raise click.UsageError("give an ARTICLE_ID (with --section or --step if you like), or --error CODE alone")
    project = _load_project(config_file)
    result = resolve.error_link(project, error_code, lang=lang) if error_code else resolve.short_link(
        project, article_id, lang=lang, section=section, step=step,
        step_error=lambda tree_ids, node: trees.step_error(project, tree_ids, node))
    if result.error:
        raise click.ClickException(result.error)
    click.echo(result.url)


@cli.command("find")
@click.argument("words", nargs=-1, required=True)
@click.option("--lang", help="Search the articles of this language first (default: the site's first language).")
@click.option("--limit", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--format", "style", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="markdown: a reply snippet per result, '[title](short link): summary'.")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True,
              help="The built site whose search index is read (built first when it has none).")
@config_option
def find_command(words: tuple[str, ...], lang: str | None, limit: int, style: str, site_dir: Path,
                 config_file: Path) -> None:
    """The articles (and sections) that answer WORDS, ranked as the site's search ranks them."""
    from helpcenter.search import find

    finder = find.Finder(site_dir / "search")
    if not finder.languages:
        _build_site(config_file, site_dir)
        finder = find.Finder(site_dir / "search")
    if lang is not None and lang not in finder.languages:
        raise click.BadParameter(f"'{lang}' is not a language of the site ({', '.join(finder.languages)})",
                                 param_hint="'--lang'")
    results = finder.find(" ".join(words), lang or finder.languages[0], limit)
    click.echo(find.render(results, style, find.short_links(site_dir)) or "no articles found")


@cli.command("translations")
@click.option("--mark", nargs=2, metavar="ID LANG", help="Record that the LANG translation of ID matches its source.")
@config_option
def translations_command(mark: tuple[str, str] | None, config_file: Path) -> None:
    """List per language the translations that are missing or out of date, and since when; --mark one as current."""
    from helpcenter.content import catalog, translations

    project = _load_project(config_file)
    loaded = catalog.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                          layout=project.layout, skip=project.skipped).catalog
    if mark:
        try:
            path, text, digest = translations.mark_file(loaded, *mark, lambda rel: (project.docs_dir / rel).read_text(
                encoding="utf-8"))
        except ValueError as err:
            raise click.ClickException(str(err)) from err
        (project.docs_dir / path).write_text(text, encoding="utf-8")
        click.echo(f"{project.prefix}{path}: translated_from: {digest}")
        return
    today = dt.datetime.now(dt.UTC).date()
    when = lambda s: translations.when(s, project.docs_dir, today)  # noqa: E731 - one line, read once
    for line in translations.report(translations.statuses(loaded), project.prefix, when):
        click.echo(line)


@cli.command("review")
@click.option("--within", "within_days", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also list articles that fall due within this many days.")
@config_option
def review_command(within_days: int, config_file: Path) -> None:
    """List articles due for a fact check (reviewed + review_every days)."""
    from helpcenter.content import catalog, review

    project = _load_project(config_file)
    loaded = catalog.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                          layout=project.layout, skip=project.skipped)
    for item in review.due_articles(loaded.catalog, dt.date.today(), within_days):
        when = f"due {item.due.isoformat()}" if item.due else "never reviewed"
        click.echo(f"{project.prefix}{item.path}: {when} ({item.article_id})")


@cli.group("insights")
def insights_group() -> None:
    """Collect what readers do (votes, searches, flowchart exits, tickets) and report on it."""


@insights_group.command("serve")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("insights.sqlite"),
              show_default=True, help="SQLite file the events go to (created when missing).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8300, show_default=True)
@click.option("--allow-origin", callback=lambda ctx, param, value: _checked_origin(value),
              help="The one other origin (the site's, e.g. https://help.example.com) whose pages may send events; "
              "none: same origin only.")
@click.option("--retention-days", type=click.IntRange(min=1), help="Delete events older than this many days.")
@click.option("--rate-limit", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              help="Requests a second one client may keep up (bursts of three seconds' worth).")
def insights_serve_command(db: Path, host: str, port: int, allow_origin: str | None, retention_days: int | None,
                           rate_limit: float) -> None:
    """Run the event collector: POST /events, stored in SQLite; no address is ever stored or logged."""
    from helpcenter.insights import collector

    click.echo(f"collecting events into {db} at http://{host}:{port}/events (Ctrl+C stops)")
    collector.serve(db, host=host, port=port, allow_origin=allow_origin, retention_days=retention_days,
                    rate=rate_limit)


def _checked_origin(value: str | None) -> str | None:
    from helpcenter.insights.collector import origin_error

    if value and origin_error(value):
        raise click.BadParameter(origin_error(value), param_hint="'--allow-origin'")
    return value


@insights_group.command("report")
@click.option("--db", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=Path("insights.sqlite"),
              show_default=True, help="SQLite file the collector wrote.")
@click.option("--since", "since_days", type=click.IntRange(min=1), help="Only the last DAYS days.")
@click.option("--lang", help="Only events from pages in this language (en, zh, …).")
@click.option("--format", "style", type=click.Choice(["table", "json", "csv", "html"]), default="table",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
def insights_report_command(db: Path, since_days: int | None, lang: str | None, style: str, out: Path | None) -> None:
    """Report search gaps, article helpfulness, flowchart exits and the ticket funnel."""
    import sqlite3

    from helpcenter.insights import report

    try:
        text = report.write(db, style, since_days=since_days, lang=lang)
    except sqlite3.DatabaseError as err:
        raise click.ClickException(f"{db} is not an insights database: {err}") from err
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _record_new_paths(project) -> None:
    """After `new`: add the new files to the URL history, when the site keeps one and it reads cleanly."""
    from helpcenter.content import catalog
    from helpcenter.links import history

    name = (project.plugins.get("helpcenter-links") or {}).get("url_history")
    if not name:
        return
    recorded, problems = history.load(project.root / name, name)
    if problems:
        return  # `helpcenter check` reports the file; never rewrite what could not be read
    loaded = catalog.load(project.docs_dir, project.languages, display_prefix=project.prefix,
                          layout=project.layout, skip=project.skipped)
    updated, added = history.record(recorded, loaded.catalog)
    if added:
        (project.root / name).write_text(history.dump(updated), encoding="utf-8")
        for line in added:
            click.echo(f"recorded {project.prefix}{line} in {name}")


def _build_site(config_file: Path, site_dir: Path) -> None:
    """Build the site (for `find`, when it has no search index yet), saying so on stderr."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if not config_file.exists():
        raise ProjectError(f"no search index in {site_dir} and no {config_file} to build one from")
    click.echo(f"no search index in {site_dir}: building the site first", err=True)
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _load_project(config_file: Path):
    """Read docs_dir, site_url and the plugins' settings from mkdocs.yml, with MkDocs's own loader."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from helpcenter import render
    from helpcenter.floor.adapter import detect_site
    from helpcenter.project import Project

    if not config_file.exists():
        raise ProjectError(f"no {config_file} here: run from the site's folder or pass --config-file")
    try:
        config = load_config(str(config_file))
    except ConfigurationError as err:
        raise ProjectError(f"{config_file}: {err}") from err
    render.add_theme_dir(config.theme.dirs)  # as the plugins' on_config does: our templates are the theme's too
    plugins = {name: dict(plugin.config) for name, plugin in config.plugins.items()
               if name.startswith("helpcenter-") and hasattr(plugin, "config")}
    articles = plugins.get("helpcenter-articles", {})
    found, skipped = detect_site(config, articles.get("languages"), articles.get("languages_layout") or "auto")
    return Project(root=config_file.resolve().parent, docs_dir=Path(config.docs_dir), languages=found.languages,
                   layout=found.kind, skipped=frozenset(skipped),
                   site_url=config.site_url or "", plugins=plugins, config_file=config_file,
                   markdown_extensions=tuple(str(name) for name in config.markdown_extensions),
                   templates=frozenset(config.theme.get_env().list_templates()))



@cli.command("notices")
@click.option("--at", "at", type=click.DateTime(["%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]),
              help="List as of this UTC time instead of now (e.g. 2027-02-06T01:30:00Z).")
@click.option("--lang", help="Show the texts in this language (default: the site's first).")
@config_option
def notices_command(at: dt.datetime | None, lang: str | None, config_file: Path) -> None:
    """List the notices that are active or upcoming (notices.yml), soonest first."""
    from helpcenter.notices import checks, schedule

    project = _load_project(config_file)
    loaded = checks.load_project(project)
    for problem in loaded.diagnostics:
        click.echo(problem.format())
    now = at.replace(tzinfo=dt.UTC) if at else schedule.build_time()
    lines = schedule.listing(loaded.notices, now, lang or project.languages[0])
    click.echo("\n".join(lines) if lines else f"no notice is active or upcoming at {now:%Y-%m-%dT%H:%M:%SZ}")
    if any(p.is_error for p in loaded.diagnostics):
        raise SystemExit(1)


if __name__ == "__main__":
    cli()
