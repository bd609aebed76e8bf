"""For agents and machines: error codes, errors.json, llms.txt and the Markdown copies, the CLI's link --error."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import cli
from helpcenter.content import catalog
from helpcenter.links import errors, machines
from tests.builds import ROOT


def article(rel: str, article_id: str, title: str, extra: str = "", body: str = "") -> tuple[str, bytes]:
    return rel, f"---\nid: {article_id}\ntitle: {title}\nsummary: About {article_id}.\n{extra}---\n{body}".encode()


def load(*files: tuple[str, bytes]) -> catalog.Catalog:
    loaded = catalog.load_sources([*files, ("en/fees/index.md", b"---\ntitle: Fees\n---\n"),
                                   ("zh/fees/index.md", "---\ntitle: 手续费\n---\n".encode())], ["en", "zh"])
    return loaded.catalog


def test_codes_map_to_articles_in_upper_case() -> None:
    found = load(article("en/fees/tron-energy.md", "tron-energy", "Energy", "error_codes: [OUT_OF_ENERGY]\n"),
                 article("zh/fees/tron-energy.md", "tron-energy", "能量", "error_codes: [OUT_OF_ENERGY]\n"))
    assert errors.claims(found) == {"OUT_OF_ENERGY": errors.Claim("OUT_OF_ENERGY", "tron-energy")}
    assert errors.find(found, " out_of_energy ") == errors.Claim("OUT_OF_ENERGY", "tron-energy")
    assert errors.check(found, "docs/") == []
    pages = {link.src_uri: link for link in errors.pages(found)}
    assert sorted(pages) == ["errors/OUT_OF_ENERGY/index.html", "errors/out_of_energy/index.html"]
    assert pages["errors/out_of_energy/index.html"].relative_targets() == {
        "en": "../../en/fees/tron-energy/", "zh": "../../zh/fees/tron-energy/"}
    assert errors.listing(found, "https://help.example.test") == {"OUT_OF_ENERGY": {
        "id": "tron-energy", "url": "https://help.example.test/errors/OUT_OF_ENERGY/",
        "articles": {"en": "https://help.example.test/en/fees/tron-energy/",
                     "zh": "https://help.example.test/zh/fees/tron-energy/"}}}


def test_a_code_claimed_by_two_articles_is_an_error_at_the_second() -> None:
    found = load(article("en/fees/a.md", "a", "A", "error_codes: [OUT_OF_ENERGY]\n"),
                 article("en/fees/b.md", "b", "B", "error_codes:\n  - NONCE_EXPIRED\n  - out_of_energy\n"))
    (problem,) = errors.check(found, "docs/")
    assert problem.format() == (
        "docs/en/fees/b.md:7:5: error[error-code-duplicate]: error code 'out_of_energy' is already claimed by "
        "'a' (docs/en/fees/a.md)\n  = hint: /errors/OUT_OF_ENERGY/ opens one article: keep the code on the "
        "article that fixes it and link the other from there")


def test_llms_txt_follows_the_llmstxt_structure(sample_site: Path) -> None:
    text = (sample_site / "llms.txt").read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    assert blocks[0] == "# Wallet Help Center"  # H1: the site's name, first
    assert re.fullmatch(r"> [^\n]+", blocks[1])  # a blockquote summary
    assert not blocks[2].startswith("#")  # then prose, no heading, before the sections
    sections = re.findall(r"^## (.+)$", text, re.M)
    rows = json.loads((sample_site / "articles.json").read_text(encoding="utf-8"))
    categories = {(r["lang"], r["category"]) for r in rows}
    assert len(sections) == len(categories)  # one section per category and language
    assert "Fees and network resources" in sections
    assert "手续费与网络资源" in sections
    items = re.findall(r"^- \[([^\]]+)\]\((https://[^)\s]+)\): (.+)$", text, re.M)
    assert len(items) == len(rows) == len(re.findall(r"^- ", text, re.M))
    for line in text.splitlines():  # nothing but the H1, the summary, prose, H2s and list items
        assert line == "" or line.startswith(("# ", "> ", "## ", "- ", "Each link below"))
    copies = {url for _, url, _ in items}
    for row in rows:
        assert row["url"] + "index.html.md" in copies
        local = sample_site / (row["url"].split("example-wallet.com/", 1)[1] + "index.html.md")
        assert local.read_text(encoding="utf-8").startswith(f"# {row['title']}\n\n> {row['summary']}\n")


def test_markdown_copy_strips_front_matter_and_outlines_the_troubleshooter(sample_site: Path) -> None:
    page = (sample_site / "zh/troubleshooting/tx-pending/index.html").read_text(encoding="utf-8")
    assert '<meta name="helpcenter:markdown" content="../../../zh/troubleshooting/tx-pending/index.html.md">' in page
    assert 'rel="alternate" type="text/markdown"' not in page  # Material would fetch a sitemap.xml beside it
    copy = (sample_site / "zh/troubleshooting/tx-pending/index.html.md").read_text(encoding="utf-8")
    assert "---\nid:" not in copy
    assert "translated_from" not in copy
    assert "{#" not in copy
    assert ("## 一步步找到解决办法\n\n- `q-network`: 这笔交易在哪个网络上？\n"
            "    - 波场（TRX、TRC-20） → `q-tron-status`") in copy
    # Links between articles lead to the other copies, not to the source files.
    assert "](https://help.example-wallet.com/zh/" in copy
    assert ".md)" not in copy.replace("index.html.md)", "")
    full = (sample_site / "zh/llms-full.txt").read_text(encoding="utf-8")
    assert full.startswith("# 钱包帮助中心\n")
    assert copy.rstrip("\n") in full
    assert full.count("\n---\n") == len([a for a in json.loads((sample_site / "articles.json").read_text())
                                          if a["lang"] == "zh"])


def test_articles_json_has_codes_sections_and_dates(sample_site: Path) -> None:
    rows = {(r["id"], r["lang"]): r for r in json.loads((sample_site / "articles.json").read_text(encoding="utf-8"))}
    energy = rows[("trc20-out-of-energy", "zh")]
    assert energy["error_codes"] == ["OUT_OF_ENERGY"]
    assert len(energy["sections"]) >= 3
    assert all(set(s) == {"id", "title"} for s in energy["sections"])
    assert all(re.fullmatch(r"[a-z0-9-]+", s["id"]) for s in energy["sections"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", energy["updated"])
    codes = json.loads((sample_site / "errors.json").read_text(encoding="utf-8"))
    assert codes["OUT_OF_ENERGY"]["id"] == "trc20-out-of-energy"
    assert {code: c["id"] for code, c in codes.items() if c["id"] == "eth-speed-up-cancel"} == {
        "NONCE_EXPIRED": "eth-speed-up-cancel", "REPLACEMENT_UNDERPRICED": "eth-speed-up-cancel"}


@pytest.mark.parametrize(("args", "code", "output"), [
    (["--error", "out_of_energy"], 0, "https://help.example-wallet.com/errors/OUT_OF_ENERGY/\n"),
    (["--error", "NONCE_EXPIRED", "--lang", "zh"], 0,
     "https://help.example-wallet.com/errors/NONCE_EXPIRED/?lang=zh\n"),
    (["--error", "OUT_OF_ENERGI"], 1,
     "Error: no article claims the error code 'OUT_OF_ENERGI'; did you mean 'OUT_OF_ENERGY'? "
     "add it to an article's 'error_codes'\n"),
    (["tron-energy", "--error", "REVERT"], 2, None),
    ([], 2, None),
])
def test_link_error(args: list[str], code: int, output: str | None) -> None:
    result = CliRunner().invoke(cli, ["link", *args, "-f", str(ROOT / "mkdocs.yml")])
    assert result.exit_code == code, result.output
    if output is not None:
        assert result.output == output
    else:
        assert "give an ARTICLE_ID (with --section or --step if you like), or --error CODE alone" in result.output


def test_check_reports_a_code_claimed_twice(tmp_path: Path) -> None:
    from tests.builds import copy_site

    project = copy_site("basic", tmp_path)
    for rel in ("en/wallet/create-wallet.md", "en/wallet/backup-recovery-phrase.md"):
        path = project / "docs" / rel
        path.write_text(path.read_text(encoding="utf-8").replace("tags:", "error_codes: [WALLET_LOCKED]\ntags:", 1),
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-f", str(project / "mkdocs.yml")])
    assert result.exit_code == 1
    assert ("docs/en/wallet/create-wallet.md:5:15: error[error-code-duplicate]: error code 'WALLET_LOCKED' is "
            "already claimed by 'backup-recovery-phrase' (docs/en/wallet/backup-recovery-phrase.md)") in result.output


def test_site_files_for_the_copies() -> None:
    found = load(article("en/fees/tron-energy.md", "tron-energy", "Energy [TRX]", "",
                         "See [bandwidth](tron-bandwidth.md#why).\n\n## Why {#why}\n"),
                 article("en/fees/tron-bandwidth.md", "tron-bandwidth", "Bandwidth"))
    site = machines.Site({"en": "Help"}, "Answers.", "https://h.test/")
    energy = found.article("tron-energy", "en")
    copy = machines.markdown_copy(energy, "See [bandwidth](tron-bandwidth.md#why).\n\n## Why {#why}\n", found, site)
    assert copy == ("# Energy [TRX]\n\n> About tron-energy.\n\n"
                    "See [bandwidth](https://h.test/en/fees/tron-bandwidth/index.html.md#why).\n\n## Why\n")
    assert "- [Energy (TRX)](https://h.test/en/fees/tron-energy/index.html.md): About tron-energy." in \
        machines.llms_txt(found, site)
