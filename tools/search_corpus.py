"""Generate a help center of N articles per language (en, zh) for the search benchmark.

Text is recombined from the sample knowledge base (docs/en, docs/zh) and perturbed with a Zipf-
distributed synthetic vocabulary, so the corpus has the sentence shapes of real articles and the
growing vocabulary of a large one (a 1,000-article help center has many more distinct words than
57 articles recombined). Deterministic for a given seed.

    python tools/search_corpus.py OUT --articles 1000 --flavor helpcenter|material
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["getting-started", "receiving-and-sending", "fees-and-resources", "troubleshooting",
              "account-security", "support-and-policies"]
TAGS = ["tron", "fees", "usdt", "energy", "wallet", "security", "exchange"]
SYLLABLES = ["ka", "lo", "mi", "ren", "to", "vas", "qu", "bel", "dor", "fin", "gra", "hul", "jin", "ker",
             "lum", "nor", "pel", "ros", "sam", "tur", "vin", "wol", "xan", "yor", "zed", "an", "el", "on"]

MKDOCS_HELPCENTER = """\
site_name: Bench Help Center
site_url: https://bench.example.test/
theme:
  name: material
  language: en
  font: false
  features: [navigation.prune]
plugins:
  - helpcenter-articles:
      languages: [en, zh]
  - helpcenter-links
  - helpcenter-search:
      secret_article: gen-0000
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
validation:
  nav:
    omitted_files: ignore
  links:
    not_found: ignore
    anchors: ignore
"""

MKDOCS_MATERIAL = """\
site_name: Bench Help Center
site_url: https://bench.example.test/
theme:
  name: material
  language: en
  font: false
  features: [navigation.prune]
plugins:
  - search
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
validation:
  links:
    not_found: ignore
    anchors: ignore
"""


# Material without its search plugin: Pagefind indexes the built HTML afterwards (tools/search_bench.py).
MKDOCS_PAGEFIND = MKDOCS_MATERIAL.replace("plugins:\n  - search\n", "plugins: []\n")
# Each build without its search (tools/search_bench.py --shares): what search adds to a build, ours and Material's.
MKDOCS_HELPCENTER_BARE = MKDOCS_HELPCENTER.replace("  - helpcenter-search:\n      secret_article: gen-0000\n", "")
MKDOCS = {"helpcenter": MKDOCS_HELPCENTER, "material": MKDOCS_MATERIAL, "pagefind": MKDOCS_PAGEFIND,
          "helpcenter-bare": MKDOCS_HELPCENTER_BARE, "material-bare": MKDOCS_PAGEFIND}


def _pool(lang: str) -> dict[str, list[str]]:
    """Titles, summaries, headings and paragraphs of the sample articles of one language."""
    pool: dict[str, list[str]] = {"title": [], "summary": [], "heading": [], "para": []}
    for path in sorted((ROOT / "docs" / lang).glob("*/*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        head, _, body = text.partition("\n---\n")
        meta = YAML(typ="safe", pure=True).load(head.lstrip("-\n"))
        for key in ("title", "summary"):
            pool[key].append(" ".join(str(meta[key]).split()))
        for block in body.split("\n\n"):
            block = block.strip()
            if block.startswith("## "):
                pool["heading"].append(re.sub(r"\s*\{#.*\}$", "", block[3:]))
            elif block and block[0].isalnum() or block.startswith("**"):
                pool["para"].append(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", block.replace("\n", " ")))
    return pool


class _Perturb:
    """Swap a share of the words (en) or characters (zh) for Zipf-distributed synthetic ones."""

    def __init__(self, rng: random.Random, lang: str, rate: float = 0.15, size: int = 30000) -> None:
        self.rng, self.lang, self.rate = rng, lang, rate
        if lang == "zh":
            # Calibrated so that 1,000 articles hold about as many distinct bigrams as Heaps' law
            # predicts from the 57 sample articles (~10k bigrams → ~70k), not a random-text worst case.
            self.rate = 0.03
            self.vocab = [chr(c) for c in rng.sample(range(0x4E00, 0x9FA6), 3000)]
        else:
            self.vocab = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)]
        # Cumulative once: random.choices(vocab, weights) sums all 30,000 weights on every draw, which
        # made generating 1,000 articles take minutes; the draws are the same either way.
        self.cum_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.vocab))))

    def __call__(self, text: str) -> str:
        if self.lang == "zh":
            return "".join(self._draw() if "\u4e00" <= ch <= "\u9fff" and self.rng.random() < self.rate else ch
                           for ch in text)
        return " ".join(self._draw() if w.isalpha() and self.rng.random() < self.rate else w
                        for w in text.split(" "))

    def _draw(self) -> str:
        return self.rng.choices(self.vocab, cum_weights=self.cum_weights)[0]


def _article(rng: random.Random, pool: dict[str, list[str]], perturb: _Perturb, n: int, lang: str,
             words: int) -> str:
    title = perturb(rng.choice(pool["title"]))
    summary = perturb(rng.choice(pool["summary"]))
    tags = ", ".join(rng.sample(TAGS, 2))
    # JSON strings are YAML strings: any title survives quoting.
    parts = [f"---\nid: gen-{n:04d}\ntitle: {json.dumps(f'{title} {n}', ensure_ascii=False)}\n"
             f"summary: {json.dumps(summary, ensure_ascii=False)}\ntags: [{tags}]\n---\n"]
    size = 0
    for s in range(6):
        parts.append(f"\n## {perturb(rng.choice(pool['heading']))} {{#s{s}}}\n")
        budget = words // 6
        while budget > 0:
            para = perturb(rng.choice(pool["para"]))
            parts.append("\n" + para + "\n")
            length = len(para) // 2 if lang == "zh" else len(para.split())
            budget -= length
            size += length
    return "".join(parts)


def generate(out: Path, articles: int, flavor: str, seed: int = 7, words: int = 600) -> Path:
    """Write a corpus project into `out` (replaced) and return it."""
    if out.exists():
        shutil.rmtree(out)
    for lang in ("en", "zh"):
        rng = random.Random(f"{seed}-{lang}")
        pool = _pool(lang)
        perturb = _Perturb(rng, lang)
        base = out / "docs" / lang
        base.mkdir(parents=True)
        (base / "index.md").write_text(f"---\ntitle: Home {lang}\nsummary: Bench home.\n---\n\nHello.\n",
                                       encoding="utf-8")
        for order, cat in enumerate(CATEGORIES, 1):
            (base / cat).mkdir()
            (base / cat / "index.md").write_text(
                f"---\ntitle: {cat.replace('-', ' ').capitalize()}\nsummary: Articles about {cat}.\n"
                f"order: {order}\n---\n", encoding="utf-8")
        for n in range(articles):
            cat = CATEGORIES[n % len(CATEGORIES)]
            text = _article(rng, pool, perturb, n, lang, words if lang == "en" else words * 2)
            (base / cat / f"gen-{n:04d}.md").write_text(text, encoding="utf-8")
    (out / "mkdocs.yml").write_text(MKDOCS[flavor], encoding="utf-8")
    return out


def flavored(source: Path, out: Path, flavor: str) -> Path:
    """The corpus of project `source` as a project of another flavor (the same Markdown, copied)."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source / "docs", out / "docs")
    (out / "mkdocs.yml").write_text(MKDOCS[flavor], encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--flavor", choices=sorted(MKDOCS), default="helpcenter")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.articles, args.flavor, args.seed)
    print(args.out)


if __name__ == "__main__":
    main()
