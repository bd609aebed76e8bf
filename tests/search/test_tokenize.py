"""The shared tokenizer: Python against the test vectors the browser test also checks."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpcenter.search import tokenize
from tests import golden
from tests.builds import FIXTURES as ALL_FIXTURES

FIXTURES = ALL_FIXTURES / "search"
INPUTS = FIXTURES / "tokenize-inputs.txt"
VECTORS = FIXTURES / "tokenize-vectors.json"


def _inputs() -> list[str]:
    # The inputs file spells invisible characters as \\uXXXX escapes, so it stays readable.
    lines = INPUTS.read_text(encoding="utf-8").splitlines()
    return [line.encode("ascii", "backslashreplace").decode("unicode_escape") if "\\u" in line else line
            for line in lines if line]


def vector(text: str) -> dict[str, object]:
    """What Python makes of one input."""
    return {"text": text, "tokens": tokenize.tokens(text), "terms": tokenize.terms(text),
            "keys": tokenize.keys(text), "weights": [tokenize.query_weight(k) for k in tokenize.keys(text)]}


def test_vectors_match_the_python_tokenizer(update_fixtures: bool) -> None:
    actual = [vector(text) for text in _inputs()]
    expected = json.loads(golden.expected_text(VECTORS, json.dumps(actual, ensure_ascii=False, indent=1) + "\n",
                                               update_fixtures))
    assert [v["text"] for v in expected] == [v["text"] for v in actual], "inputs changed: --update-fixtures"
    for want, got in zip(expected, actual, strict=True):
        assert got == want


@pytest.mark.parametrize(("text", "tokens"), [
    ("带宽上限 VPN 连接", ["带宽", "宽上", "上限", "vpn", "连接"]),
    ("OUT_OF_ENERGY", ["out", "of", "energy", "outofenergy"]),
    ("TRC-20 转账", ["trc", "20", "trc20", "转账"]),
    ("trc20 and 2FA", ["trc20", "trc", "20", "and", "2fa"]),
    ("的", ["的"]),
    ("ＵＳＤＴ　转账", ["usdt", "转账"]),
    ("it's the wallet’s", ["its", "the", "wallets"]),
    ("is this address right TCsgkirnXapt6waXAMGqbN8dfNZhAQns16", ["is", "this", "address", "right", "@address"]),
    ("0x52908400098527886E0F7030069857D2E4169EE7", ["@address"]),
    ("931da53f50a0be52d057e0bd04ab3005440698c83998e1705bb7a7af3d2e2425", ["@txid"]),
    ("is https://tronlink-help.top/verify?x=1 real", ["is", "@url", "real"]),
    ("www.binance.com是真的吗", ["@url", "是真", "真的", "的吗"]),
    ("fake.example.io/login and tronscan.org", ["@url", "and", "tronscan", "org"]),
    ("<b>bold</b> & more", ["b", "bold", "b", "more"]),
])
def test_tokens(text: str, tokens: list[str]) -> None:
    assert tokenize.tokens(text) == tokens


@pytest.mark.parametrize(("text", "terms"), [
    ("Why was I charged so much TRX?", ["charg", "much", "trx"]),
    ("staking energies", ["stake", "energi"]),
    ("a I the of and to", []),
    ("助记词", ["助记", "记词"]),
])
def test_terms_run_lunrs_english_pipeline_on_words_only(text: str, terms: list[str]) -> None:
    assert tokenize.terms(text) == terms


def test_any_two_character_substring_of_chinese_text_is_a_term() -> None:
    text = "助记词和带宽限制"
    stored = set(tokenize.terms(text))
    for start in range(len(text) - 1):
        assert set(tokenize.terms(text[start : start + 2])) <= stored


def test_keys_keep_stop_words_so_phrases_stay_phrases() -> None:
    assert tokenize.keys("sign up") == ["sign", "up"]
    assert tokenize.keys("have my keys") == ["have", "my", "key"]  # lunr.js's stem, as the browser's
    assert tokenize.keys("two-factor authentication") == ["twofactor", "authent"]


def test_the_index_bag_holds_exactly_the_terms_of_every_vector_input() -> None:
    for text in _inputs():
        assert Counter(tokenize.bag(text)) == Counter(tokenize.terms(text)), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Zé1_-'’ 助记词带宽ｕＳ。\u3000\U00020bb7T0x"), max_size=40))
def test_the_index_bag_holds_exactly_the_terms_of_any_text(text: str) -> None:
    assert Counter(tokenize.bag(text)) == Counter(tokenize.terms(text))


@pytest.mark.parametrize(("text", "weights"), [
    ("urgent please help my usdt", [0.0, 0.3, 0.3, 1.0, 1.0]),  # "my" is a stop word: kept as a key
    ("急死了 救命 转账失败", [0.0, 0.0, 0.0, 1.0, 1.0, 1.0]),
    ("someone sent usdt", [0.3, 1.0, 1.0]),
])
def test_query_weights_drop_noise_and_lighten_fillers(text: str, weights: list[float]) -> None:
    assert [tokenize.query_weight(k) for k in tokenize.keys(text)] == weights
