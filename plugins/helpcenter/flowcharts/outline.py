"""A troubleshooter as a Markdown outline, for the Markdown copy of its article (llms.txt readers).

Every node once, in reading order, under its id; each answer names the node it leads to, so a
reader (or a model) can follow any path: the shape of the "Show all steps" list, in Markdown.
"""

from __future__ import annotations

from collections.abc import Callable

from helpcenter.firewall import fields
from helpcenter.flowcharts.model import ESCALATE, QUESTION, RESOLVE, STEP, Tree


def outline(tree: Tree, lang: str, fallback: str, heading: str,
            article_link: Callable[[str], tuple[str, str] | None]) -> str:
    """`## <heading>` and a list item per node; `article_link(id)` gives (title, url) of a resolve leaf."""
    lines = [f"## {heading}", ""]
    vocabulary = fields.collect_fields()
    for node in tree.ordered():
        text = " ".join((node.text.text(lang, fallback) if node.text else "").split())
        if node.kind == QUESTION:
            lines.append(f"- `{node.id}`: {text}")
            lines += [f"    - {' '.join(o.label.text(lang, fallback).split())} → `{o.next}`" for o in node.options]
        elif node.kind == STEP:
            lines.append(f"- `{node.id}`: {text} → `{node.next}`")
        elif node.kind == RESOLVE:
            found = article_link(node.article or "")
            target = f" → [{found[0]}]({found[1]})" if found else ""
            lines.append(f"- `{node.id}`: {text}{target}")
        elif node.kind == ESCALATE:
            wanted = ", ".join(vocabulary[name].label_in(lang, fallback) if name in vocabulary else name
                               for name in node.collect)
            lines.append(f"- `{node.id}`: {text}" + (f" ({wanted})" if wanted else ""))
    return "\n".join(lines) + "\n"
