"""Check one parsed tree: links between nodes, reachability, dead-end loops, labels, articles, fields."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.firewall import fields
from helpcenter.floor.ids import ID_PATTERN, slugify
from helpcenter.flowcharts.model import ESCALATE, MAX_OPTIONS, MIN_OPTIONS, QUESTION, RESOLVE, Label, Tree

NEVER_COLLECT_HINT = ("remove it: support never asks for a recovery phrase, private key, passcode, passphrase or "
                      "2FA code, and every escalate leaf tells the reader so")


def validate(tree: Tree, languages: Sequence[str], article_ids: Collection[str] | None, *,
             links: bool = True) -> list[Diagnostic]:
    """Every problem of a tree that parsing alone can't see.

    `article_ids` None skips the article check; `links` False skips reachability and loops (for a tree
    whose file had errors, where they would only repeat those errors).
    """
    problems: list[Diagnostic] = []
    problems += _node_ids(tree)
    problems += _links(tree)
    if links:
        problems += _graph(tree)
    problems += _questions(tree)
    problems += _labels(tree, languages)
    if article_ids is not None:
        problems += _articles(tree, article_ids)
    problems += _collect(tree)
    return problems


def _node_ids(tree: Tree) -> list[Diagnostic]:
    return [Diagnostic(tree.path, *node.pos, "flow-bad-node-id", f"node id '{node.id}' is not a valid URL fragment",
                       f"use lower-case letters, digits and single hyphens, e.g. '{slugify(node.id) or 'q-start'}' "
                       "(links to a step use ?step=<node id>)")
            for node in tree.nodes.values() if not ID_PATTERN.match(node.id)]


def _links(tree: Tree) -> list[Diagnostic]:
    problems = []
    known = list(tree.nodes)
    hint = "'next' takes the id of a node under 'nodes'"
    if tree.start and tree.start not in tree.nodes:
        problems.append(Diagnostic(tree.path, *tree.start_pos, "flow-unknown-start",
                                   f"start node '{tree.start}' does not exist",
                                   f"{did_you_mean(tree.start, known)}'start' takes the id of a node under 'nodes'"))
    for node in tree.nodes.values():
        for number, option in enumerate(node.options, 1):
            if option.next and option.next not in tree.nodes:
                problems.append(Diagnostic(tree.path, *option.next_pos, "flow-unknown-node",
                                           f"option {number} of '{node.id}' leads to unknown node '{option.next}'",
                                           f"{did_you_mean(option.next, known)}{hint}"))
        if node.next and node.next not in tree.nodes:
            problems.append(Diagnostic(tree.path, *node.next_pos, "flow-unknown-node",
                                       f"step '{node.id}' leads to unknown node '{node.next}'",
                                       f"{did_you_mean(node.next, known)}{hint}"))
    return problems


def _graph(tree: Tree) -> list[Diagnostic]:
    if tree.start not in tree.nodes:
        return []  # reported by _links or the parser; reachability means nothing without a start
    edges = {n.id: [t for t, _ in n.targets() if t in tree.nodes] for n in tree.nodes.values()}
    # A misspelt 'next' is reported once; follow it to the node it most likely means, so that the
    # nodes behind it are not all reported as unreachable too.
    meant = {n.id: [_closest(t, tree.nodes) for t, _ in n.targets() if t not in tree.nodes]
             for n in tree.nodes.values()}
    reachable = _closure([tree.start], {k: v + [m for m in meant[k] if m] for k, v in edges.items()})
    problems = [Diagnostic(tree.path, *node.pos, "flow-unreachable",
                           f"node '{node.id}' can't be reached from the start '{tree.start}'",
                           "lead to it from an option or a step's 'next', or delete it", severity="warning")
                for node in tree.nodes.values() if node.id not in reachable]
    # Nodes from which a reader can still finish: leaves, and nodes already reported as broken
    # (unknown kind, unknown or missing 'next'), so that one mistake gives one message.
    exits = [n.id for n in tree.nodes.values()
             if n.is_leaf or not n.kind or not edges[n.id] or len(edges[n.id]) < len(n.targets())]
    reverse: dict[str, list[str]] = {n: [] for n in tree.nodes}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].append(source)
    finishing = _closure(exits, reverse)
    trapped = [n for n in tree.nodes if n in reachable and n not in finishing]
    reported: set[str] = set()
    for node_id in trapped:
        if node_id in reported:
            continue
        loop = [n for n in trapped if n in _closure([node_id], edges) and node_id in _closure([n], edges)]
        if len(loop) == 1 and node_id not in edges[node_id]:
            continue  # not in a loop itself: it only leads into one, which is reported on its own
        reported.update(loop)
        message = (f"node '{node_id}' leads only back to itself, never to a resolve or escalate leaf"
                   if len(loop) == 1 else
                   f"nodes {', '.join(repr(n) for n in loop)} loop with no way out to a resolve or escalate leaf")
        problems.append(Diagnostic(tree.path, *tree.nodes[loop[0]].pos, "flow-no-way-out", message,
                                   "give one of them an option or a 'next' that leads towards a leaf"))
    return problems


def _closest(name: str, known: Collection[str]) -> str:
    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else ""


def _closure(seeds: list[str], edges: dict[str, list[str]]) -> set[str]:
    seen = set(seeds)
    todo = list(seeds)
    while todo:
        for target in edges.get(todo.pop(), []):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _questions(tree: Tree) -> list[Diagnostic]:
    problems = []
    for node in tree.nodes.values():
        if node.kind != QUESTION or node.options_pos == (0, 0):
            continue
        count = len(node.options)
        if not MIN_OPTIONS <= count <= MAX_OPTIONS:
            hint = ("split it into two questions" if count > MAX_OPTIONS
                    else "add another answer, or make it a step with 'say' and 'next'")
            problems.append(Diagnostic(tree.path, *node.options_pos, "flow-option-count",
                                       f"question '{node.id}' has {count} option{'s' * (count != 1)}; "
                                       f"a question has {MIN_OPTIONS} to {MAX_OPTIONS}", hint))
        seen: dict[tuple[str, str], int] = {}
        for number, option in enumerate(node.options, 1):
            for lang, text in option.label.texts.items():
                first = seen.setdefault((lang, text.casefold()), number)
                if first != number:
                    problems.append(Diagnostic(tree.path, *option.label.lang_pos[lang], "flow-duplicate-option",
                                               f"options {first} and {number} of '{node.id}' have the same "
                                               f"{lang} label '{text}'",
                                               "give each answer its own words (or merge the two options)"))
                    break
    return problems


def _labels(tree: Tree, languages: Sequence[str]) -> list[Diagnostic]:
    problems = []
    for node in tree.nodes.values():
        labelled: list[tuple[str, Label | None, bool]] = [
            (f"the '{'ask' if node.kind == QUESTION else 'say'}' of '{node.id}'", node.text, False)]
        labelled += [(f"option {n} of '{node.id}'", o.label, True) for n, o in enumerate(node.options, 1)]
        for what, label, is_option in labelled:
            if label is not None:
                problems += _label_problems(tree.path, what, label, languages, is_option)
    return problems


def _label_problems(path: str, what: str, label: Label, languages: Sequence[str], is_option: bool) -> list[Diagnostic]:
    problems = []
    for key, pos in label.lang_pos.items():
        if key not in languages:
            known = [*languages, "next"] if is_option else list(languages)
            shape = (f"an option has one text per site language ({', '.join(languages)}) and 'next'" if is_option
                     else f"a label has one text per site language: {', '.join(languages)}")
            guess = did_you_mean(key, known) or _did_you_mean_language(key, label, languages)
            problems.append(Diagnostic(path, *pos, "flow-unknown-key", f"unknown key '{key}' in {what}",
                                       f"{guess}{shape}"))
    for lang in languages:
        if not label.texts.get(lang) and not _misspelt_language(lang, label, languages):
            problems.append(Diagnostic(path, *label.lang_pos.get(lang, label.pos), "flow-missing-label",
                                       f"{what} has no '{lang}' text",
                                       f"add '{lang}: …' (every label is written in every site language: "
                                       f"{', '.join(languages)})"))
    return problems


def _did_you_mean_language(key: str, label: Label, languages: Sequence[str]) -> str:
    # Language codes are two letters, too short for the usual cutoff: 'zn' is most likely a missing 'zh'.
    missing = [lang for lang in languages if not label.texts.get(lang)]
    matches = difflib.get_close_matches(key, missing, n=1, cutoff=0.5)
    return f"did you mean '{matches[0]}'? " if matches else ""


def _misspelt_language(lang: str, label: Label, languages: Sequence[str]) -> bool:
    """Whether a missing language is most likely one of the label's unknown keys misspelt."""
    return any(key not in languages and _did_you_mean_language(key, label, languages) == f"did you mean '{lang}'? "
               for key in label.lang_pos)


def _articles(tree: Tree, article_ids: Collection[str]) -> list[Diagnostic]:
    return [Diagnostic(tree.path, *node.article_pos, "flow-unknown-article",
                       f"resolve '{node.id}' names unknown article '{node.article}'",
                       f"{did_you_mean(node.article, article_ids)}'resolve' takes an article id (see articles.json)")
            for node in tree.nodes.values()
            if node.kind == RESOLVE and node.article and node.article not in article_ids]


def _collect(tree: Tree) -> list[Diagnostic]:
    problems = []
    vocabulary = fields.collect_fields()
    for node in tree.nodes.values():
        if node.kind != ESCALATE:
            continue
        seen: set[str] = set()
        for name, pos in zip(node.collect, node.collect_pos, strict=True):
            secret = fields.never_collect_kind(name)
            if secret is not None:
                problems.append(Diagnostic(tree.path, *pos, "flow-never-collect",
                                           f"escalate '{node.id}' collects '{name}', {secret.label['en']}: "
                                           "support never asks for it", NEVER_COLLECT_HINT))
            elif name not in vocabulary:
                problems.append(Diagnostic(tree.path, *pos, "flow-unknown-field",
                                           f"escalate '{node.id}' collects unknown field '{name}'",
                                           f"{did_you_mean(name, vocabulary)}fields: {', '.join(vocabulary)}"))
            elif name in seen:
                problems.append(Diagnostic(tree.path, *pos, "flow-duplicate-field",
                                           f"escalate '{node.id}' collects '{name}' twice", "keep one",
                                           severity="warning"))
            seen.add(name)
    return problems
