"""What `helpcenter check` and `helpcenter notices` read: the project's notices file, checked as the build checks it."""

from __future__ import annotations

import datetime as dt

from helpcenter.content.catalog import Catalog
from helpcenter.diagnostics import Diagnostic
from helpcenter.notices import model, schedule
from helpcenter.project import Project

PLUGIN = "helpcenter-notices"


def load_project(project: Project) -> model.Loaded:
    """The notices of a project whose mkdocs.yml enables helpcenter-notices (none otherwise)."""
    options = project.plugins.get(PLUGIN)
    if options is None:
        return model.Loaded()
    name = str(options.get("notices_file") or "notices.yml")
    return model.load(project.root / name, name, project.languages)


def check_project(project: Project, catalog: Catalog, now: dt.datetime | None = None) -> list[Diagnostic]:
    """`helpcenter check`'s part: the same problems the build reports about notices.yml."""
    loaded = load_project(project)
    return loaded.diagnostics + schedule.check(loaded.notices, catalog, loaded.path,
                                               now or schedule.build_time())
