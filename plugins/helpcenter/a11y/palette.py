"""Whether a site's Material palette keeps the help center's text at WCAG AA contrast (4.5:1).

Material for MkDocs colours the header (its text on the primary colour), every link and the active
navigation entry from `theme.palette[].primary`; our troubleshooter controls, search topics and
"Still stuck?" links use the same link colour. Several named colours fall below AA: the header of
`teal` is white on #009485 (3.8:1), its links are #009485 on white (3.8:1). `helpcenter check` warns
at the palette's `primary` in mkdocs.yml. `custom` colours are the site's own CSS: not judged here.

The colours are Material's, as its palette stylesheet renders them (hex of its compiled hsl values):
squidfunk/mkdocs-material, src/templates/assets/stylesheets/palette/_primary.scss (the primary
shade of each name; black header text for lime, yellow, amber and orange; darker links for the light
greens, yellow, amber and orange; indigo links for grey, blue-grey, white and black) and
palette/_scheme.scss (the slate scheme's background and its lighter link colours), Material 9.x.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from helpcenter.diagnostics import Diagnostic
from helpcenter.floor import yamlpos

AA = 4.5  # WCAG 2.x 1.4.3: normal-size text
CODE = "a11y-palette-contrast"
WHITE, BLACK_87 = "#ffffff", "#000000de"
LIGHT_BG = WHITE
SLATE_BG = "#1e2129"  # hsla(225deg, 15%, 14%): the slate scheme's --md-default-bg-color
INDIGO, SLATE_INDIGO = "#4051b5", "#5e8bde"


@dataclass(frozen=True)
class Primary:
    """One named primary colour: the header's background and text, and the link colour per scheme."""

    header: str
    header_text: str
    link: str  # on the default (light) scheme's white
    slate_link: str  # on the slate scheme's background


def _named(header: str, *, text: str = WHITE, link: str = "", slate_link: str = "") -> Primary:
    return Primary(header, text, link or header, slate_link or header)


# Material 9.x, palette/_primary.scss and palette/_scheme.scss (see the module docstring).
MATERIAL_PRIMARY: dict[str, Primary] = {
    "red": _named("#ef5552"),
    "pink": _named("#e92063", slate_link="#ed5487"),
    "purple": _named("#ab47bd", slate_link="#c46fd3"),
    "deep-purple": _named("#7e56c2", slate_link="#a47bea"),
    "indigo": _named("#4051b5", slate_link="#5488e8"),
    "blue": _named("#2094f3"),
    "light-blue": _named("#02a6f2"),
    "cyan": _named("#00bdd6"),
    "teal": _named("#009485", slate_link="#00ccb8"),
    "green": _named("#4cae4f", slate_link="#71c174"),
    "light-green": _named("#8bc34b", link="#72ad2e"),
    "lime": _named("#cbdc38", text=BLACK_87, link="#8b990a"),
    "yellow": _named("#ffec3d", text=BLACK_87, link="#b8a500"),
    "amber": _named("#ffc105", text=BLACK_87, link="#d19d00"),
    "orange": _named("#ffa724", text=BLACK_87, link="#e68a00"),
    "deep-orange": _named("#ff6e42", slate_link="#ff764d"),
    "brown": _named("#795649", slate_link="#c1775c"),
    "grey": _named("#757575", link=INDIGO, slate_link=SLATE_INDIGO),
    "blue-grey": _named("#546d78", link=INDIGO, slate_link=SLATE_INDIGO),
    "black": _named("#14151a", link=INDIGO, slate_link=SLATE_INDIGO),
    "white": _named(WHITE, text=BLACK_87, link=INDIGO, slate_link=SLATE_INDIGO),
}
DEFAULT_PRIMARY = "indigo"  # Material's when a palette names none


def _rgba(color: str) -> tuple[float, float, float, float]:
    value = color.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in range(0, len(value), 2)]
    return (channels[0], channels[1], channels[2], channels[3] if len(channels) > 3 else 1.0)


def _over(color: str, background: str) -> tuple[float, float, float]:
    """A (translucent) colour as it shows on an opaque background."""
    r, g, b, a = _rgba(color)
    br, bg, bb, _ = _rgba(background)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def _luminance(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio of a colour (#rrggbb or #rrggbbaa) on an opaque background."""
    lighter, darker = sorted((_luminance(_over(foreground, background)),
                              _luminance(_over(background, background))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def shortfalls(primary: str, scheme: str) -> list[str]:
    """What falls below AA with a named primary colour in a scheme, as message parts ([] = all AA)."""
    colours = MATERIAL_PRIMARY.get(primary)
    if colours is None:
        return []
    background, link = (SLATE_BG, colours.slate_link) if scheme == "slate" else (LIGHT_BG, colours.link)
    found = []
    header = contrast(colours.header_text, colours.header)
    if header < AA:
        found.append(f"the header's text on {colours.header} is {header:.2f}:1")
    ratio = contrast(link, background)
    if ratio < AA:
        found.append(f"links and the active navigation entry ({link} on {background}) are {ratio:.2f}:1")
    return found


def check(config_file: Path, display: str = "mkdocs.yml") -> list[Diagnostic]:
    """A warning at each `primary` of mkdocs.yml's `theme.palette` that puts text below WCAG AA."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        return []
    root, problem = yamlpos.compose(text, display, yamlpos.Codes(syntax="config-yaml-syntax"))
    if root is None or problem is not None:
        return []  # MkDocs reports a broken mkdocs.yml itself
    palette = yamlpos.get(yamlpos.get(root, "theme"), "palette")
    entries = palette.value if isinstance(palette, SequenceNode) else [palette] if palette is not None else []
    found = []
    for entry in entries:
        if not isinstance(entry, MappingNode):
            continue
        primary_node = yamlpos.get(entry, "primary")
        scheme_node = yamlpos.get(entry, "scheme")
        primary = _scalar(primary_node) or DEFAULT_PRIMARY
        scheme = _scalar(scheme_node) or "default"
        parts = shortfalls(primary.replace(" ", "-"), scheme)
        if not parts:
            continue
        line, col = yamlpos.pos(primary_node if primary_node is not None else entry)
        found.append(Diagnostic(
            display, line, col, CODE,
            f"primary colour '{primary}' ({scheme} scheme) is below WCAG AA contrast (4.5:1): " + "; ".join(parts),
            "choose a darker primary (indigo, deep purple, brown, …), or set 'primary: custom' and the "
            "colours in extra_css (README: Accessibility)", severity="warning"))
    return found


def _scalar(node: Node | None) -> str:
    return str(node.value).strip().lower() if isinstance(node, ScalarNode) and node.value is not None else ""
