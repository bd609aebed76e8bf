"""Full builds of a small bilingual site: languages, ids, alternates, pages per language, listing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("built")


def without_english_only(project: Path) -> None:
    (project / "docs/en/wallet/english-only.md").unlink()  # strict: a lone article would warn


@pytest.fixture(scope="module")
def built(built_site) -> Path:
    return built_site("basic", edit=without_english_only)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_article_pages_carry_language_and_id(built: Path) -> None:
    en = read(built, "en/wallet/create-wallet/index.html")
    zh = read(built, "zh/wallet/create-wallet/index.html")
    assert '<html lang="en"' in en
    assert '<html lang="zh"' in zh
    assert '<meta name="helpcenter:id" content="create-wallet">' in en
    assert '<meta name="helpcenter:id" content="create-wallet">' in zh


def test_alternates_point_at_the_same_article(built: Path) -> None:
    zh = read(built, "zh/wallet/create-wallet/index.html")
    # Material fetches <href>sitemap.xml for each <link rel="alternate" hreflang> of the head (a 404 on
    # every page when they are pages, not language roots): the switch carries them, the head does not.
    assert not re.findall(r'<link rel="alternate" href="[^"]*" hreflang=', zh)
    switch = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', zh)
    assert ("../../../en/wallet/create-wallet/", "en") in switch


def test_material_ui_speaks_chinese_on_zh_pages(built: Path) -> None:
    zh = read(built, "zh/wallet/create-wallet/index.html")
    en = read(built, "en/wallet/create-wallet/index.html")
    assert 'placeholder="搜索"' in zh
    assert 'placeholder="Search"' in en
    assert "<title>创建新钱包 - 测试帮助中心</title>" in zh


def test_nav_holds_only_that_languages_home_and_categories(built: Path) -> None:
    zh = read(built, "zh/wallet/create-wallet/index.html")
    nav_links = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>)?\s*([^<\s][^<]*)', zh)
    assert "钱包基础" in " ".join(nav_links)
    assert "Wallet basics" not in zh
    assert 'rel="prev"' not in zh
    assert 'rel="next"' not in zh


def test_home_lists_categories_with_counts(built: Path) -> None:
    home = read(built, "zh/index.html")
    assert re.search(r'<a class="hc-card" href="wallet/">\s*<span class="hc-card__title">钱包基础</span>', home)
    assert 'data-count="2"' in home


def test_category_page_lists_articles_with_summaries(built: Path) -> None:
    page = read(built, "en/wallet/index.html")
    assert '<a class="hc-article-list__link" href="create-wallet/">Create a new wallet</a>' in page
    assert "Generate a recovery phrase, back it up and set a passcode." in page


def test_related_articles_at_the_foot(built: Path) -> None:
    page = read(built, "en/wallet/create-wallet/index.html")
    assert '<a href="../backup-recovery-phrase/">Back up your recovery phrase</a>' in page


def test_short_link_pages_and_root(built: Path) -> None:
    page = read(built, "a/create-wallet/index.html")
    assert '<link rel="canonical" href="https://help.example.test/en/wallet/create-wallet/">' in page
    assert '<li><a href="../../zh/wallet/create-wallet/" hreflang="zh">创建新钱包</a></li>' in page
    assert '"targets":{"en":"../../en/wallet/create-wallet/","zh":"../../zh/wallet/create-wallet/"}' in page
    assert '"targets":{"en":"en/","zh":"zh/"}' in read(built, "index.html")


def test_articles_json_lists_every_article_and_language(built: Path) -> None:
    rows = json.loads(read(built, "articles.json"))
    assert [(r["id"], r["lang"]) for r in rows] == [
        ("backup-recovery-phrase", "en"), ("backup-recovery-phrase", "zh"),
        ("create-wallet", "en"), ("create-wallet", "zh")]
    updated = rows[3].pop("updated")  # the file's last commit (or its modification date outside git)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", updated)
    assert rows[3] == {
        "id": "create-wallet", "lang": "zh", "title": "创建新钱包", "summary": "生成助记词、备份并设置密码。",
        "url": "https://help.example.test/zh/wallet/create-wallet/",
        "short_url": "https://help.example.test/a/create-wallet/?lang=zh", "category": "wallet",
        "tags": ["wallet", "setup"], "reviewed": "2026-11-20", "flowchart": None,
        "error_codes": [], "sections": [{"id": "backup", "title": "备份助记词"}]}


def test_page_size_stays_flat_as_articles_grow(tmp_path: Path) -> None:
    """The nav lists categories, not articles: 200 more articles must not grow an article page."""
    import shutil

    from tests.conftest import SITES, build_into

    def size_with(extra: int) -> int:
        project = tmp_path / f"grow{extra}"
        shutil.copytree(SITES / "basic", project)
        (project / "docs/en/wallet/english-only.md").unlink()
        for i in range(extra):
            for lang in ("en", "zh"):
                (project / f"docs/{lang}/wallet/extra-{i}.md").write_text(
                    f"---\nid: extra-{i}\ntitle: Extra article number {i}\nsummary: Filler {i}.\n---\n\nText.\n",
                    encoding="utf-8")
        site = build_into(project)
        return len((site / "en/wallet/create-wallet/index.html").read_bytes())

    assert size_with(200) - size_with(0) < 200  # only the build's own numbers may differ


def test_article_shows_when_it_was_last_reviewed(built: Path) -> None:
    assert '<time datetime="2026-11-20">最后审核:2026-11-20</time>' in read(built, "zh/wallet/create-wallet/index.html")
    en = read(built, "en/wallet/create-wallet/index.html")
    assert '<time datetime="2026-11-20">Last reviewed: 2026-11-20</time>' in en


def test_sidebar_marks_the_articles_category(built: Path) -> None:
    page = read(built, "zh/wallet/create-wallet/index.html")
    assert re.search(r'<li class="md-nav__item md-nav__item--active">\s*<a href="../" class="md-nav__link">\s*'
                     r'<span class="md-ellipsis">\s*钱包基础', page)
