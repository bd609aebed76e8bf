"""Options of `helpcenter-flowcharts` (mkdocs.yml → plugins → helpcenter-flowcharts)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from helpcenter.floor import strings


class WidgetStrings(c.DictOfItems):
    """Language code → {string key: text}; keys must be the `flowcharts` keys of helpcenter/strings/en.yml."""

    def __init__(self) -> None:
        super().__init__(c.DictOfItems(c.Type(str)), default={})

    def run_validation(self, value: object) -> dict[str, dict[str, str]]:
        result = super().run_validation(value)
        known = strings.builtin().keys("flowcharts")
        for lang, texts in result.items():
            for key in texts:
                if key not in known:
                    raise c.ValidationError(f"Expected one of {', '.join(known)} under '{lang}' but received '{key}'")
        return result


class FlowchartsConfig(base.Config):
    """Where the troubleshooting trees live and what the widget says around them."""

    # Trees
    trees_dir = c.Type(str, default="flowcharts")
    """Folder of the trees, relative to docs_dir: one `<tree id>.yml` per tree (kept out of the site)."""

    # Widget
    widget_strings = WidgetStrings()
    """Language code → string key → text, over the site's and the package's `flowcharts` strings.

    The same loader and fallback as every UI string: a site's `strings/<lang>.yml` can say the same.
    """
