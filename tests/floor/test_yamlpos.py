"""yamlpos reads with ruamel's C composer where it gives ruamel's own tree, and with ruamel elsewhere."""

from __future__ import annotations

import pytest
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from helpcenter.floor import yamlpos
from tests.builds import ROOT

CODES = yamlpos.Codes(syntax="yaml-syntax", too_deep="yaml-too-deep")


def _texts() -> list[tuple[str, str]]:
    """Every YAML text of the repository: the front matter of each Markdown file and each .yml file."""
    found = []
    for path in sorted(ROOT.glob("**/*.md")) + sorted(ROOT.glob("**/*.yml")):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".md":
            lines = text.split("\n")
            close = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), None)
            if lines[0].rstrip() != "---" or close is None:
                continue
            text = "\n".join(lines[1:close]) + "\n"
        found.append((str(path.relative_to(ROOT)), text))
    return found


def _tree(node: Node | None, inside: frozenset[int] = frozenset()) -> object:
    """What callers read of a node: kind, resolved tag, position, text, children (aliases by position)."""
    if node is None:
        return None
    if id(node) in inside:
        return ("alias", node.start_mark.line, node.start_mark.column)
    head = (type(node).__name__, yamlpos.tag(node), node.start_mark.line, node.start_mark.column)
    if isinstance(node, ScalarNode):
        return (*head, yamlpos.scalar_text(node), node.style in (None, ""))
    inside = inside | {id(node)}
    if isinstance(node, MappingNode):
        return (*head, [(_tree(k, inside), _tree(v, inside)) for k, v in node.value])
    assert isinstance(node, SequenceNode)
    return (*head, [_tree(item, inside) for item in node.value])


def _ruamel(text: str) -> tuple[object, str | None]:
    try:
        return _tree(yamlpos._YAML.compose(text)), None
    except Exception as err:  # noqa: BLE001 - the comparison is of what each way says
        return None, type(err).__name__


def test_the_c_composer_is_there_and_reads_front_matter() -> None:
    assert yamlpos._FAST is not None, "ruamel.yaml.clib is a dependency: without it front matter is read 6x slower"
    fast = yamlpos._fast_compose("id: tron-energy\ntitle: TRON energy\ntags: [tron, fees]\nreviewed: 2026-11-20\n")
    assert fast is not yamlpos._MISSING


def test_every_yaml_text_of_the_repository_composes_as_ruamel_composes_it() -> None:
    texts = _texts()
    fast_ones = differ = 0
    for name, text in texts:
        want, error = _ruamel(text)
        got, problem = yamlpos.compose(text, name, CODES)
        if error is not None:
            assert problem is not None, f"{name}: ruamel refuses it ({error}), compose read it"
            continue
        assert problem is None, f"{name}: {problem}"
        if _tree(got) != want:
            differ += 1
        fast_ones += yamlpos._fast_compose(text) is not yamlpos._MISSING
    assert differ == 0
    assert len(texts) > 300
    assert fast_ones > 0.8 * len(texts), "the C composer should read most files, else it buys nothing"


@pytest.mark.parametrize("text", [
    "next:\nlater: 1\n",  # an empty value: libyaml places it after its key, ruamel at the next token
    "a: [" * 60 + "]" * 60 + "\n",  # nested deeper than the C composer is trusted with
    "title: 'unclosed\n",  # an error: ruamel words it
    "a: &loop [*loop]\n",  # an alias: messages name its anchor, which libyaml does not keep
])
def test_texts_the_c_composer_does_not_read_go_to_ruamel(text: str) -> None:
    assert yamlpos._fast_compose(text) is yamlpos._MISSING
    want, error = _ruamel(text)
    got, problem = yamlpos.compose(text, "x.yml", CODES)
    assert (_tree(got), problem is not None) == (want, error is not None)


def test_a_very_deep_text_is_still_a_diagnostic() -> None:
    node, problem = yamlpos.compose("[" * 5000 + "]" * 5000 + "\n", "deep.yml", CODES)
    assert node is None
    assert problem is not None
    assert (problem.path, problem.code) == ("deep.yml", "yaml-too-deep")
