"""The one UI-strings loader: a file per language, keys grouped by feature, one fallback rule, English last.

Built-in texts are `helpcenter/strings/<lang>.yml`; `en.yml` is the reference and holds every key.
A site adds or overrides any language with files of its own (`strings/<lang>.yml` next to mkdocs.yml,
or the folder `strings_dir` of helpcenter-articles names), and a plugin option may add one more layer
(helpcenter-flowcharts' `widget_strings`). Nested keys read as dotted names: `tickets.ui.open`.

One fallback rule for every template, plugin and script (`fallback_chain`): the exact language code,
then shorter codes in the same script (`es-MX` → `es`, `zh-CN` → `zh`, `zh-Hant-TW` → `zh-Hant`),
then English. A code written in another script than its base language never falls back to that base:
`zh-Hant`, `zh-TW` and `zh-HK` are Traditional Chinese and `zh` is Simplified, `sr-Latn` is not the
Cyrillic `sr`; a reader is better served by English than by a script they may not read. English is
never a silent fallback: `Strings.check` lists every key a site language takes from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.nodes import MappingNode, SequenceNode

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor import text as floor_text
from helpcenter.floor import yamlpos
from helpcenter.project import Project

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "strings"
REFERENCE = "en"
ARTICLES = "helpcenter-articles"  # holds the languages and the strings_dir option
SITE_DIR = "strings"  # next to mkdocs.yml, read when present (helpcenter-articles' strings_dir names another)
CODES = yamlpos.Codes("strings-yaml-syntax", "strings-too-deep")
LANGUAGE_FILE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")

# Plugin options that hold strings of one feature ({lang: {key: text}}): read by the build and by
# `helpcenter check` alike, so both see the same texts whatever the order of the plugins.
PLUGIN_OPTIONS = {("helpcenter-flowcharts", "widget_strings"): "flowcharts"}

# The script a base language is written in when its code names none (CLDR likely subtags), for the
# languages one code covers in two scripts; and the regions that imply the other one.
DEFAULT_SCRIPT = {"zh": "hans", "sr": "cyrl", "uz": "latn", "az": "latn", "pa": "guru", "bs": "latn",
                  "mn": "cyrl", "ms": "latn", "ku": "latn", "ha": "latn"}
REGION_SCRIPT = {("zh", "tw"): "hant", ("zh", "hk"): "hant", ("zh", "mo"): "hant"}


class UnknownString(KeyError):
    """A key no language file has, not even English: a typo in a template or a plugin (our bug)."""


@dataclass(frozen=True)
class Layer:
    """The texts of one language file (or one plugin option), by dotted key, with where each key stands."""

    texts: dict[str, str]
    path: str = ""  # "" = built in; else as messages name it, e.g. "strings/es.yml"
    positions: dict[str, yamlpos.Pos] = field(default_factory=dict)


@dataclass(frozen=True)
class Resolved:
    """One language's strings: every reference key, and the keys English had to fill."""

    texts: dict[str, str]
    missing: tuple[str, ...]
    own: bool  # whether any layer of the language's own chain exists (else it is all English)


def fallback_chain(code: str) -> tuple[str, ...]:
    """The lower-case codes whose texts make up `code`'s strings, best first, English last."""
    parts = code.lower().split("-")
    base = parts[0]
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    region = next((p for p in parts[1:] if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())), "")
    chain = ["-".join(parts[:i]) for i in range(len(parts), 0, -1)]
    implied = None if script else REGION_SCRIPT.get((base, region))
    if implied:  # zh-TW: zh-Hant is the next best before anything else
        chain.insert(len(chain) - 1, f"{base}-{implied}")
    written_in = script or implied
    if written_in and base in DEFAULT_SCRIPT and written_in != DEFAULT_SCRIPT[base]:
        chain.remove(base)
    chain.append(REFERENCE)
    return tuple(dict.fromkeys(chain))


class Strings:
    """Every language's UI strings a site can use: built-in files, the site's files, plugin options."""

    def __init__(self, layers: Mapping[str, Sequence[Layer]], diagnostics: Iterable[Diagnostic] = (),
                 site_display: str = f"{SITE_DIR}/", site_dir: Path | None = None) -> None:
        self.layers = {lang: tuple(found) for lang, found in layers.items()}
        self.diagnostics = list(diagnostics)
        self.site_display = site_display  # how hints name the site's strings folder
        self.site_dir = site_dir  # the folder read, when there is one (`mkdocs serve` watches it)
        reference: dict[str, str] = {}
        for layer in self.layers.get(REFERENCE, ())[:1]:  # the package's en.yml decides which keys exist
            reference.update(layer.texts)
        self.reference = reference
        self._resolved: dict[str, Resolved] = {}

    def resolve(self, lang: str) -> Resolved:
        """The strings of `lang` by the fallback rule, and the keys it takes from English."""
        lang = lang.lower()
        if lang not in self._resolved:
            chain = fallback_chain(lang)
            own_chain = chain if chain[0].split("-")[0] == REFERENCE else chain[:-1]
            texts = dict(self.reference)
            for code in (REFERENCE, *reversed(own_chain)):
                for layer in self.layers.get(code, ()):
                    texts.update((k, v) for k, v in layer.texts.items() if k in texts)
            provided = {k for code in own_chain for layer in self.layers.get(code, ()) for k in layer.texts}
            missing = () if own_chain and own_chain[-1] == REFERENCE else tuple(
                k for k in self.reference if k not in provided)
            own = any(self.layers.get(code) for code in own_chain)
            self._resolved[lang] = Resolved(texts, missing, own)
        return self._resolved[lang]

    def t(self, lang: str, key: str, count: int | None = None, **values: object) -> str:
        """The text of `key` in `lang`, placeholders filled; with `count`, its `one` or `other` form.

        Templates call it as `{{ t(helpcenter.lang, "content.related") }}` (a Jinja global): the text
        is plain, so autoescape escapes it and every value put into it.
        """
        texts = self.resolve(lang).texts
        if count is not None:
            values["count"] = count
            key = f"{key}.one" if count == 1 and f"{key}.one" in texts else f"{key}.other"
        if key not in texts:
            raise UnknownString(f"no UI string '{key}' in {BUILTIN_DIR / 'en.yml'}")
        result = texts[key]
        for name, value in values.items():
            result = result.replace("{" + name + "}", str(value))
        return result

    def section(self, lang: str, feature: str) -> dict[str, Any]:
        """One feature's strings in `lang`, nested as in the files: the JSON its script reads."""
        prefix = feature + "."
        result: dict[str, Any] = {}
        for key, text in self.resolve(lang).texts.items():
            if key.startswith(prefix):
                node = result
                *parents, last = key[len(prefix):].split(".")
                for parent in parents:
                    node = node.setdefault(parent, {})
                node[last] = text
        return result

    def keys(self, feature: str) -> list[str]:
        """The keys of one feature, without its prefix, in the reference file's order."""
        return [k.removeprefix(feature + ".") for k in self.reference if k.startswith(feature + ".")]

    def check(self, languages: Sequence[str], config_path: str,
              positions: Mapping[str, yamlpos.Pos]) -> list[Diagnostic]:
        """Problems of the site's files, and per site language the keys shown in English.

        `positions` are helpcenter-articles' option positions in mkdocs.yml (`languages.<code>`,
        `languages`, ""): a language without a file of its own is reported where it is named.
        """
        problems = list(self.diagnostics)
        for lang in languages:
            resolved = self.resolve(lang)
            if not resolved.missing:
                continue
            site_file = self._site_file(lang)
            if site_file:
                where: tuple[str, int, int] = (site_file, 1, 1)
            else:
                line, col = (positions.get(f"languages.{lang}") or positions.get("languages")
                             or positions.get("") or (0, 0))
                where = (config_path, line, col)
            target = site_file or f"{self.site_display}{lang.lower()}.yml"
            total = len(self.reference)
            if not resolved.own:
                message = f"'{lang}' has no UI strings of its own: all {total} are shown in English"
            else:
                message = (f"{len(resolved.missing)} of {total} UI strings of '{lang}' are shown in English: "
                           + ", ".join(self._grouped(resolved.missing)))
            problems.append(Diagnostic(
                *where, "strings-missing", message,
                f"translate them in {target} (same keys as helpcenter's strings/en.yml; "
                "the README's 'UI strings' says how)", severity="warning"))
        return problems

    def _grouped(self, missing: Sequence[str]) -> list[str]:
        # A group missing as a whole reads as `tickets.ticket.*`: the list stays short enough to act on.
        absent, shown, covered = set(missing), [], set()
        for key in missing:
            if key in covered:
                continue
            parts = key.split(".")
            for depth in range(1, len(parts)):
                prefix = ".".join(parts[:depth]) + "."
                group = [k for k in self.reference if k.startswith(prefix)]
                if len(group) > 1 and absent.issuperset(group):
                    shown.append(prefix + "*")
                    covered.update(group)
                    break
            else:
                shown.append(key)
        return shown

    def _site_file(self, lang: str) -> str:
        for code in fallback_chain(lang)[:-1]:
            for layer in self.layers.get(code, ()):
                if layer.path:
                    return layer.path
        return ""


def load(site_dir: Path | None = None, *, display: str = f"{SITE_DIR}/",
         named_at: tuple[str, int, int] | None = None,
         options: Mapping[str, Mapping[str, Mapping[str, str]]] | None = None) -> Strings:
    """The built-in strings, then the site's `<lang>.yml` files in `site_dir` (when it is a folder).

    `display` names the folder in messages; `named_at` is where the site's configuration names it
    (then a missing folder is an error); `options` are plugin options by feature ({feature: {lang:
    {key: text}}}, e.g. flowcharts' widget_strings), laid over the files.
    """
    layers: dict[str, list[Layer]] = {lang: [layer] for lang, layer in builtin_layers().items()}
    problems: list[Diagnostic] = []
    read = site_dir if site_dir is not None and site_dir.is_dir() else None
    if read is not None:
        for path in sorted(read.glob("*.yml")):
            shown = display + path.name
            code = path.stem.lower()
            if not LANGUAGE_FILE.match(code):
                problems.append(Diagnostic(
                    shown, 1, 1, "strings-not-a-language", f"'{path.name}' is not named after a language code, "
                    "so it is not read", "name it after the language, e.g. es.yml, pt-br.yml or zh-hant.yml",
                    severity="warning"))
                continue
            layer, found = read_file(path.read_bytes(), shown, known=layers[REFERENCE][0].texts)
            problems += found
            if layer is not None:
                layers.setdefault(code, []).append(layer)
    elif site_dir is not None and named_at is not None:
        problems.append(Diagnostic(*named_at, "strings-dir-missing", f"the strings folder '{display}' does not exist",
                                   "create it with one <lang>.yml per language, or remove strings_dir"))
    for feature, by_lang in (options or {}).items():
        for lang, texts in by_lang.items():
            layers.setdefault(lang.lower(), []).append(Layer({f"{feature}.{k}": str(v) for k, v in texts.items()}))
    return Strings(layers, problems, display, read)


def for_site(config_file: Path, plugins: Mapping[str, Mapping[str, Any]]) -> Strings:
    """A site's strings: built in, its strings folder, then the plugin options of PLUGIN_OPTIONS.

    `plugins` are the helpcenter plugins' options by plugin name, as mkdocs.yml sets them.
    """
    option = (plugins.get(ARTICLES) or {}).get("strings_dir")
    folder = str(option or SITE_DIR).strip("/")
    named_at = None
    if option:
        line, col = yamlpos.option_positions(config_file, ARTICLES).get("strings_dir", (0, 0))
        named_at = (config_file.name, line, col)
    options: dict[str, dict[str, Mapping[str, str]]] = {}
    for (plugin, name), feature in PLUGIN_OPTIONS.items():
        options.setdefault(feature, {}).update((plugins.get(plugin) or {}).get(name) or {})
    return load(config_file.resolve().parent / folder, display=f"{folder}/", named_at=named_at, options=options)


def check_site(strings: Strings, config_file: Path, languages: Sequence[str]) -> list[Diagnostic]:
    """The strings problems of a site: its files, and every language's keys shown in English."""
    return strings.check(languages, config_file.name, yamlpos.option_positions(config_file, ARTICLES))


def check_project(project: Project) -> list[Diagnostic]:
    """`helpcenter check`'s part: what the build reports about the site's UI strings."""
    config_file = project.config_file or project.root / "mkdocs.yml"
    return check_site(for_site(config_file, project.plugins), config_file, project.languages)


def builtin() -> Strings:
    """The package's own strings, without a site's files (for unit use and defaults)."""
    return Strings({lang: [layer] for lang, layer in builtin_layers().items()})


@lru_cache(maxsize=1)
def builtin_layers() -> dict[str, Layer]:
    """The package's language files, read once per process (they are part of the installed package)."""
    layers = {}
    for path in sorted(BUILTIN_DIR.glob("*.yml")):
        layer, _ = read_file(path.read_bytes(), f"helpcenter/strings/{path.name}")
        if layer is not None:
            layers[path.stem.lower()] = layer
    return layers


def builtin_problems() -> list[Diagnostic]:
    """Problems of the package's own files (a test keeps this empty)."""
    known = builtin_layers()[REFERENCE].texts
    problems = []
    for path in sorted(BUILTIN_DIR.glob("*.yml")):
        problems += read_file(path.read_bytes(), f"helpcenter/strings/{path.name}",
                              known=None if path.stem == REFERENCE else known)[1]
    return problems


def read_file(raw: bytes, display: str,
              known: Mapping[str, str] | None = None) -> tuple[Layer | None, list[Diagnostic]]:
    """One language file as a flat layer; `known` (the reference keys) flags keys no template uses."""
    text, problems = floor_text.read_text(raw, display)
    if text is None:
        return None, problems
    root, error = yamlpos.compose(text, display, CODES)
    if error is not None:
        return None, [*problems, error]
    if root is None:
        return Layer({}, display), problems
    if not isinstance(root, MappingNode):
        return None, [*problems, Diagnostic(display, *yamlpos.pos(root), "strings-not-mapping",
                                            f"a strings file holds groups of 'key: text' but this one is "
                                            f"{yamlpos.describe(root)}", "start with a group, e.g. 'content:'")]
    layer = Layer({}, display)
    _flatten(root, "", layer, problems, frozenset({id(root)}))
    if known is not None:
        for key, where in layer.positions.items():
            if key not in known:
                problems.append(Diagnostic(display, *where, "strings-unknown-key", f"'{key}' is not a UI string key",
                                           f"{did_you_mean(key, known)}the keys are those of helpcenter's "
                                           "strings/en.yml", severity="warning"))
        layer = Layer({k: v for k, v in layer.texts.items() if k in known}, display, layer.positions)
    return layer, problems


def _flatten(node: MappingNode, prefix: str, layer: Layer, problems: list[Diagnostic], inside: frozenset[int]) -> None:
    for key_node, value in node.value:
        key = prefix + str(key_node.value)
        if isinstance(value, MappingNode):
            if id(value) in inside:  # an alias of an enclosing group would never end
                continue
            _flatten(value, key + ".", layer, problems, inside | {id(value)})
        elif isinstance(value, SequenceNode):
            problems.append(Diagnostic(layer.path, *yamlpos.pos(value), "strings-not-text",
                                       f"'{key}' is a list but UI strings are texts", "write one text after the key"))
        elif not yamlpos.is_empty(value):  # an empty value is an untranslated key: English, listed by check
            layer.texts[key] = floor_text.squash(yamlpos.scalar_text(value))
            layer.positions[key] = yamlpos.pos(key_node)
