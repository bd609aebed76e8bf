"""The sample knowledge base: every planned topic exists in both languages; no hard-coded TRX fees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from helpcenter.content import catalog as catalog_loader

ROOT = Path(__file__).resolve().parents[2]
PLAN = YAML(typ="safe", pure=True).load((ROOT / "kb" / "topics.yml").read_text(encoding="utf-8"))
TOPICS = {topic["id"]: topic for topic in PLAN["topics"]}
LOADED = catalog_loader.load(ROOT / "docs", ["en", "zh"], display_prefix="docs/")
CATALOG = LOADED.catalog

# An amount of TRX or sun stated as a fee or price …
AMOUNT = re.compile(r"\d[\d,.]*\s*(?:TRX|sun)\b", re.IGNORECASE)
FEE_WORDS = re.compile(r"fee|cost|burn|charge|price|pay|手续费|费用|燃烧|扣|价格|支付|花费|消耗", re.IGNORECASE)
# … must be qualified, in the same paragraph, as a live value to check.
LIVE_VALUE = re.compile(r"at the time of writing|check the live|live value|撰写本文时|实时", re.IGNORECASE)


def test_plan_has_61_topics() -> None:
    assert len(TOPICS) == 61


@pytest.mark.parametrize("topic_id", sorted(TOPICS))
def test_topic_has_an_article_in_both_languages(topic_id: str) -> None:
    topic = TOPICS[topic_id]
    for lang in ("en", "zh"):
        article = CATALOG.article(topic_id, lang)
        assert article is not None, f"no {lang} article for {topic_id}"
        assert article.category == topic["category"]
        assert article.path == f"{lang}/{topic['category']}/{topic_id}.md"
        assert article.summary
        assert article.reviewed is not None
        assert article.sources
        assert (article.flowchart == topic_id) == bool(topic.get("flowchart"))


def test_no_article_outside_the_plan() -> None:
    assert set(CATALOG.ids()) == set(TOPICS)


def fee_paragraphs_without_live_wording(text: str) -> list[str]:
    paragraphs = re.split(r"\n\s*\n", text)
    return [p.strip() for p in paragraphs if AMOUNT.search(p) and FEE_WORDS.search(p) and not LIVE_VALUE.search(p)]


def test_the_fee_check_can_fail() -> None:
    assert fee_paragraphs_without_live_wording("Sending costs 27 TRX.\n\nOther.") == ["Sending costs 27 TRX."]
    assert fee_paragraphs_without_live_wording("At the time of writing it costs 27 TRX; check the live value.") == []
    assert fee_paragraphs_without_live_wording("转账扣了 27 TRX 手续费。") == ["转账扣了 27 TRX 手续费。"]


@pytest.mark.parametrize("article", CATALOG.articles, ids=lambda a: a.path)
def test_no_hard_coded_trx_fee(article) -> None:
    body = (ROOT / "docs" / article.path).read_text(encoding="utf-8")
    assert fee_paragraphs_without_live_wording(body) == []


def test_sample_content_is_clean() -> None:
    from helpcenter import checks

    assert [p.format() for p in checks.run(ROOT / "docs", ["en", "zh"])] == []
