"""The synonyms file: phrases to query keys and index terms, and every problem with its position."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpcenter.search import synonyms

ROOT = Path(__file__).resolve().parent.parent.parent


def _parse(text: str) -> synonyms.Synonyms:
    return synonyms.parse(textwrap.dedent(text), "search/synonyms.yml")


def test_groups_one_way_rules_and_pasted_kinds() -> None:
    found = _parse("""\
        groups:
          - [seed phrase, mnemonic, 助记词]
          - {from: [binance], to: [exchange, 交易所]}
        pasted:
          txid: [transaction hash]
        """)
    assert found.diagnostics == []
    assert found.to_json() == [
        [[[["seed", "phrase"], ["seed", "phrase"]], [["mnemon"], ["mnemon"]], [["助记", "记词"], ["助记", "记词"]]],
         [["seed", "phrase"], ["mnemon"], ["助记", "记词"]]],
        [[[["binanc"], ["binanc"]]], [["exchang"], ["交易", "易所"]]],
        [[[["@txid"], ["@txid"]]], [["transact", "hash"]]],
    ]


def test_phrase_keys_keep_stop_words_but_terms_do_not() -> None:
    found = _parse("groups:\n  - [sign up, register]\n")
    assert found.expansions[0].sources[0] == synonyms.Phrase(("sign", "up"), ("sign", "up"))
    found = _parse("groups:\n  - [have my keys, custody]\n")
    assert found.expansions[0].sources[0] == synonyms.Phrase(("have", "my", "key"), ("key",))  # lunr.js stems


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("groups:\n  - [a, b\n", [
        "search/synonyms.yml:3:1: error[search-synonyms-yaml]: invalid YAML: "
        "expected ',' or ']', but got '<stream end>' (while parsing a flow sequence)\n"
        "  = hint: check the quoting and indentation on this line; "
        "quote values that contain ': ' or start with [ { & * ! | > ' \" % @ `"], id="yaml"),
    pytest.param("group:\n  - [a, b]\n", [
        "search/synonyms.yml:1:1: warning[search-synonyms-unknown-key]: unknown key 'group'"
        "\n  = hint: did you mean 'groups'? known keys: groups, pasted"], id="unknown-key"),
    pytest.param("groups:\n  - [mnemonic]\n", [
        "search/synonyms.yml:2:5: warning[search-synonyms-single]: a group needs at least two different phrases"
        "\n  = hint: add the other words readers use, or delete the group"], id="single"),
    pytest.param("groups:\n  - [the, mnemonic, seed]\n", [
        "search/synonyms.yml:2:6: warning[search-synonyms-no-terms]: phrase 'the' has no searchable words "
        "(only stop words or punctuation)\n  = hint: use words that appear in articles, or delete the phrase"],
        id="stop-words-only"),
    pytest.param("pasted:\n  adress: [verify address]\n", [
        "search/synonyms.yml:2:3: error[search-synonyms-unknown-class]: unknown pasted kind 'adress'"
        "\n  = hint: did you mean 'address'? known kinds: address, txid, url"], id="pasted-kind"),
    pytest.param("groups:\n  - seed phrase\n", [
        "search/synonyms.yml:2:5: error[search-synonyms-shape]: a group must be a list of phrases or "
        "'{from: [...], to: [...]}'\n  = hint: write 'groups:' as a list of phrase lists, "
        "e.g. '- [seed phrase, mnemonic, 助记词]'"], id="shape"),
])
def test_problems_name_the_line_and_column(text: str, expected: list[str]) -> None:
    assert [d.format() for d in _parse(text).diagnostics] == expected


def test_the_sample_sites_synonyms_are_clean() -> None:
    found = synonyms.load(ROOT / "search" / "synonyms.yml", "search/synonyms.yml")
    assert [d.format() for d in found.diagnostics] == []
    assert len(found.expansions) > 50
