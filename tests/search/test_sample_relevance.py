"""The sample help center answers the kinds of questions users keep asking (issue 14), in both languages.

Each query is written in the style of a kind from ../shared/search-eval (a long post, slang, a token
standard named as a network, a product name), never copied from the evaluation set; the answer must
be in the top 3, as the runner's success@3 counts it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.search import synonyms, tokenize
from tests.conftest import ROOT

SYNONYMS = synonyms.load(ROOT / "search" / "synonyms.yml", "search/synonyms.yml")


def _targets(query: str) -> set[tuple[str, ...]]:
    """Index terms of every phrase the synonyms add to `query` (a source phrase's keys in a row)."""
    keys = tokenize.keys(query)
    found: set[tuple[str, ...]] = set()
    for expansion in SYNONYMS.expansions:
        for source in expansion.sources:
            n = len(source.keys)
            if any(tuple(keys[i:i + n]) == source.keys for i in range(len(keys) - n + 1)):
                found.update(target.terms for target in expansion.targets)
    return found


BLACKLIST = {tuple(tokenize.terms("blacklist")), tuple(tokenize.terms("黑名单"))}


@pytest.mark.parametrize("query", ["usdt被冻结了", "my usdt is frozen", "地址被拉黑", "address frozen by tether"])
def test_a_frozen_address_means_the_issuers_blacklist(query: str) -> None:
    assert _targets(query) >= BLACKLIST


@pytest.mark.parametrize("query", ["冻结TRX获取能量", "freeze trx for energy", "解冻 trx"])
def test_freezing_trx_stays_staking(query: str) -> None:
    assert not BLACKLIST & _targets(query)


@pytest.mark.parametrize(("query", "network"), [("sent on BEP 20", "bsc"), ("ERC-20 usdt", "ethereum"),
                                                ("trc20 地址", "tron")])
def test_a_token_standard_finds_its_network(query: str, network: str) -> None:
    assert tuple(tokenize.terms(network)) in _targets(query)


KINDS = [
    # (query, search language, acceptable answers)
    ("bridged usdt from tron to ethereum 5 hours ago still nothing in my wallet", "en",
     ["bridge-transfer-not-arrived"]),
    ("跨链桥转账三个小时了还没到，急死了", "zh", ["bridge-transfer-not-arrived"]),
    ("cross chain transfer stuck pending", "en", ["bridge-transfer-not-arrived"]),
    ("my usdt address got blacklisted by tether what can i do", "en", ["usdt-address-frozen"]),
    ("U被冻结了怎么办", "zh", ["usdt-address-frozen"]),
    ("usdc frozen cant send", "en", ["usdt-address-frozen"]),
    ("地址被拉黑 USDT转不出去", "zh", ["usdt-address-frozen"]),
    ("swapped trx for usdt on sunswap but the usdt never showed up", "en", ["swap-not-credited"]),
    ("闪兑之后币没到账", "zh", ["swap-not-credited"]),
    ("dex trade not credited", "en", ["swap-not-credited"]),
    ("why cant i send wbtc to my bitcoin address", "en", ["wrapped-and-bridged-tokens"]),
    ("WTRX是什么 能转回TRX吗", "zh", ["wrapped-and-bridged-tokens"]),
    ("binance-peg usdt exchange won't accept", "en", ["wrapped-and-bridged-tokens"]),
    ("sent usdt on BEP 20 instead of ERC 20", "en", ["wrong-network-sent"]),
    ("冻结TRX获取能量", "zh", ["tron-stake-for-resources", "tron-energy"]),
]


@pytest.fixture(scope="module")
def base(sample_site: Path, serve) -> str:
    return serve(sample_site)


@pytest.mark.browser
@pytest.mark.parametrize(("query", "lang", "expected"), KINDS, ids=[q for q, _, _ in KINDS])
def test_the_answer_is_in_the_top_three(page, base: str, query: str, lang: str, expected: list[str]) -> None:
    page.goto(base + f"{lang}/")
    page.wait_for_function("() => window.helpcenter && window.helpcenter.search")
    ids = [r["id"] for r in page.evaluate("([q, lang]) => window.helpcenter.search(q, {lang})", [query, lang])]
    assert set(ids[:3]) & set(expected), f"{query!r}: top 3 {ids[:3]}, expected one of {expected}"
