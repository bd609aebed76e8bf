"""Stable links: /a/<id>/ short links in the reader's language, and the articles.json listing."""
