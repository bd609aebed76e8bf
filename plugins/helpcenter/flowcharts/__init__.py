"""Guided troubleshooting trees: YAML model, parser with positions, validator, renderer and MkDocs adapter."""
