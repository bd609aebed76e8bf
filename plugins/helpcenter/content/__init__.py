"""Articles: front matter, the catalog of articles by id and language, and their checks."""
