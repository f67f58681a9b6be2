"""The JSON Schema of one long-format data row, from a pydantic model.

The model is the schema's source; `szq schema` prints the copy shipped in
sz_quality/data/row.schema.json (read/row_schema.py), so that it starts without
pydantic (100+ ms). tests/cli/test_help_lang.py checks that the copy is what the model
gives: after a change here, `python -m sz_quality.read.row_model` rewrites it. The schema
documents what the reader accepts: header spellings (English or Chinese) are listed
under `x-headers`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..plan.years import YEAR_MAX, YEAR_MIN
from ..words import word
from .cells import HEADER_ALIASES, NO_VALUE

# the years YEAR_MIN to YEAR_MAX as a year cell writes them (a test holds it to them)
YEAR_PATTERN = r"^\s*(19\d\d|20\d\d|2100)(\.0*)?\s*年?\s*$"

__all__ = ["LongRow", "build_row_json_schema"]

_SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def _no_value() -> list[Any]:
    return sorted(NO_VALUE)


def _described(field: str) -> str:
    """A field's description in both languages: the words of `szq schema --lang en`, then
    those of `--lang zh` (sz_quality.words, "schema.<field>")."""
    return f"{word(f'schema.{field}', 'en')} {word(f'schema.{field}', 'zh')}"


def _headers(field: str) -> dict[str, Any]:
    return {"x-headers": list(HEADER_ALIASES[field])}


class LongRow(BaseModel):
    """One observation of a data submission in long layout (one row per value)."""

    model_config = ConfigDict(title=word("schema.title", "en"), extra="forbid")

    indicator: str = Field(
        min_length=1,
        description=_described("indicator"),
        examples=["gdp", "本市生产总值", "gdp_2015"],
        json_schema_extra=_headers("indicator"),
    )
    year: int | str = Field(
        description=_described("year"),
        examples=[2015, "2015年"],
        json_schema_extra={
            **_headers("year"),
            "anyOf": [
                {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
                {"type": "string", "pattern": YEAR_PATTERN},
            ],
        },
    )
    value: float | str | None = Field(
        description=_described("value"),
        examples=[14500.2, "1,234.5", "-"],
        json_schema_extra={
            **_headers("value"),
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^\s*[+-]?\d{1,3}(,\d{3})+(\.\d*)?\s*$"},
                {"type": "string", "enum": _no_value()},
                {"type": "null"},
            ],
        },
    )
    unit: str | None = Field(
        default=None,
        description=_described("unit"),
        examples=["亿元", "万亿元", "%"],
        json_schema_extra=_headers("unit"),
    )
    region: str | None = Field(
        default=None,
        description=_described("region"),
        json_schema_extra=_headers("region"),
    )
    source: str | None = Field(
        default=None,
        description=_described("source"),
        json_schema_extra=_headers("source"),
    )
    note: str | None = Field(
        default=None, description=_described("note"), json_schema_extra=_headers("note")
    )


def build_row_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a long-format row, descriptions in both languages."""
    schema = LongRow.model_json_schema()
    for name in ("year", "value"):
        prop = schema["properties"][name]
        for key in ("type",):
            prop.pop(key, None)
    return {"$schema": _SCHEMA_URI, **schema}


if __name__ == "__main__":  # rewrite the shipped copy
    import json

    from .row_schema import SHIPPED

    text = json.dumps(build_row_json_schema(), ensure_ascii=False, indent=2) + "\n"
    SHIPPED.write_text(text, encoding="utf-8")
