"""The JSON Schema of a long-format data row as `szq schema` prints it.

The schema is the copy shipped in sz_quality/data/row.schema.json, made from the
pydantic model of read/row_model.py (which a test holds it equal to); reading it needs no
pydantic, so `szq schema` starts as fast as every other command. `--lang` keeps the
descriptions of one language (their words: sz_quality.words, "schema.*").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..words import word

__all__ = ["SHIPPED", "plan_json_schema", "row_json_schema"]

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "row.schema.json"


def row_json_schema(lang: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a long-format row; its descriptions in `lang`
    ("zh" or "en"), or in both (None)."""
    schema: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    if lang is not None:
        schema["title"] = word("schema.title", lang)
        schema["description"] = word("schema.row", lang)
        for name, prop in schema["properties"].items():
            prop["description"] = word(f"schema.{name}", lang)
            if lang == "zh":
                prop["title"] = word(name, lang)  # the column's name: 指标, 年份, …
    return schema


# what a yearly plan's row says differently from a data row's (words: "plan_schema.*")
_PLAN_FIELDS = ("indicator", "year", "value", "region", "source")


def plan_json_schema(lang: str | None = None) -> dict[str, Any]:
    """The JSON Schema of a yearly plan's row (a sub-target, sz_quality.read.yearly_plan):
    a data row's, whose value is a goal and whose source is required."""
    schema = row_json_schema(lang)

    def text(key: str) -> str:
        if lang is not None:
            return word(key, lang)
        return f"{word(key, 'en')} {word(key, 'zh')}"

    schema["title"] = text("plan_schema.title")
    schema["description"] = text("plan_schema.row")
    for name in _PLAN_FIELDS:
        schema["properties"][name]["description"] = text(f"plan_schema.{name}")
    schema["required"] = [*schema["required"], "source"]
    return schema
