"""The synonyms file: phrases readers use for the same thing, and what a pasted identifier means.

```yaml
groups:                      # any phrase of a group also finds articles that use the others
  - [recovery phrase, seed phrase, mnemonic, 助记词, 恢复短语]
  - {from: [binance, okx], to: [exchange, 交易所]}   # one way: binance → exchange, not back
pasted:                      # a pasted address or TxID searches for these phrases
  address: [verify address, 核对地址]
  txid: [transaction hash, 交易哈希]
```

Each phrase is turned here, with the shared tokenizer, into the keys a query must hold in a row
for it to match (stop words kept, so "sign up" is not "sign") and the index terms an article
must hold to count as having it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.floor import yamlpos
from helpcenter.floor.yamlpos import scalar_text
from helpcenter.search import tokenize

TOP_KEYS = ("groups", "pasted")
CODES = yamlpos.Codes(syntax="search-synonyms-yaml")
PASTED_CLASSES = {"address": "@address", "txid": "@txid", "url": "@url"}
SHAPE_HINT = "write 'groups:' as a list of phrase lists, e.g. '- [seed phrase, mnemonic, 助记词]'"

@dataclass(frozen=True)
class Phrase:
    """One phrase: the query keys that spot it and the index terms that find it."""

    keys: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Expansion:
    """When a query holds one of `sources`, it also looks for each of `targets`."""

    sources: tuple[Phrase, ...]
    targets: tuple[Phrase, ...]


@dataclass
class Synonyms:
    """Every expansion of one synonyms file, with the problems found in it."""

    expansions: list[Expansion] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> list[list[Any]]:
        """`[[[[keys], [terms]] per source], [[terms] per target]], …]`: what the browser reads."""
        return [[[[list(p.keys), list(p.terms)] for p in e.sources], [list(p.terms) for p in e.targets]]
                for e in self.expansions]


def load(path: Path, display: str) -> Synonyms:
    """Read a synonyms file; `display` names it in messages (relative to the project)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return Synonyms(diagnostics=[Diagnostic(display, 0, 0, "search-synonyms-unreadable",
                                                f"cannot read the synonyms file: {err}",
                                                "save it as UTF-8 text")])
    return parse(text, display)


def parse(text: str, display: str) -> Synonyms:
    """Parse the text of a synonyms file."""
    result = Synonyms()
    root = yamlpos.compose_into(text, display, CODES, result.diagnostics)
    if root is None:
        return result
    if not isinstance(root, MappingNode):
        result.diagnostics.append(_problem(root, display, "search-synonyms-shape",
                                           "the synonyms file must have 'groups:' and/or 'pasted:'", SHAPE_HINT))
        return result
    for key_node, value in root.value:
        key = str(key_node.value)
        if key == "groups":
            _groups(value, display, result)
        elif key == "pasted":
            _pasted(value, display, result)
        else:
            result.diagnostics.append(_problem(
                key_node, display, "search-synonyms-unknown-key", f"unknown key '{key}'",
                f"{did_you_mean(key, TOP_KEYS)}known keys: {', '.join(TOP_KEYS)}", severity="warning"))
    return result


def _groups(node: Node, display: str, result: Synonyms) -> None:
    if not isinstance(node, SequenceNode):
        result.diagnostics.append(_problem(node, display, "search-synonyms-shape",
                                           "'groups' must be a list", SHAPE_HINT))
        return
    for item in node.value:
        if isinstance(item, SequenceNode):
            phrases = _phrases(item, display, result)
            if len(phrases) < 2:
                result.diagnostics.append(_problem(
                    item, display, "search-synonyms-single", "a group needs at least two different phrases",
                    "add the other words readers use, or delete the group", severity="warning"))
                continue
            result.expansions.append(Expansion(phrases, phrases))
        elif isinstance(item, MappingNode) and {str(k.value) for k, _ in item.value} == {"from", "to"}:
            parts = {str(k.value): v for k, v in item.value}
            sources, targets = (_phrases(parts["from"], display, result),
                                _phrases(parts["to"], display, result))
            if sources and targets:
                result.expansions.append(Expansion(sources, targets))
        else:
            result.diagnostics.append(_problem(
                item, display, "search-synonyms-shape",
                "a group must be a list of phrases or '{from: [...], to: [...]}'", SHAPE_HINT))


def _pasted(node: Node, display: str, result: Synonyms) -> None:
    if not isinstance(node, MappingNode):
        result.diagnostics.append(_problem(node, display, "search-synonyms-shape",
                                           "'pasted' must map 'address', 'txid' or 'url' to phrase lists",
                                           "write 'pasted: {address: [verify address]}'"))
        return
    for key_node, value in node.value:
        kind = str(key_node.value)
        if kind not in PASTED_CLASSES:
            result.diagnostics.append(_problem(
                key_node, display, "search-synonyms-unknown-class", f"unknown pasted kind '{kind}'",
                f"{did_you_mean(kind, PASTED_CLASSES)}known kinds: {', '.join(PASTED_CLASSES)}"))
            continue
        targets = _phrases(value, display, result)
        if targets:
            token = PASTED_CLASSES[kind]
            result.expansions.append(Expansion((Phrase((token,), (token,)),), targets))


def _phrases(node: Node, display: str, result: Synonyms) -> tuple[Phrase, ...]:
    if not isinstance(node, SequenceNode):
        result.diagnostics.append(_problem(node, display, "search-synonyms-shape",
                                           "expected a list of phrases", SHAPE_HINT))
        return ()
    phrases: list[Phrase] = []
    for item in node.value:
        if not isinstance(item, ScalarNode) or not str(item.value).strip():
            result.diagnostics.append(_problem(item, display, "search-synonyms-shape",
                                               "a phrase must be a non-empty text", SHAPE_HINT))
            continue
        text = scalar_text(item)
        terms = tuple(tokenize.terms(text))
        if not terms:
            result.diagnostics.append(_problem(
                item, display, "search-synonyms-no-terms",
                f"phrase '{item.value}' has no searchable words (only stop words or punctuation)",
                "use words that appear in articles, or delete the phrase", severity="warning"))
        else:
            phrase = Phrase(tuple(tokenize.keys(text)), terms)
            if all(p.keys != phrase.keys for p in phrases):
                phrases.append(phrase)
    return tuple(phrases)


def _problem(node: Node, display: str, code: str, message: str, hint: str,
             severity: str = "error") -> Diagnostic:
    return Diagnostic(display, *yamlpos.pos(node), code, message, hint,
                      severity)
