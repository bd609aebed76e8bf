"""Client-side search: tokenizers (en, zh), synonyms, a tiered lunr index per language."""
