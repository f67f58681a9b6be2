"""Renderers: one module per output format; only these (and cli/) import rich."""
