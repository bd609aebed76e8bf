"""The shared floor: what several features need, owned once, below them.

`adapter` is the kit every plugin uses (assets, generated files, reporting, the articles guard);
`yamlpos` reads YAML with line and column; `ids` holds article and node ids and slugs; `text` the
facts about text (CJK ranges, whitespace, reading files); `strings` the one UI-strings loader.
Nothing here imports a feature.
"""
