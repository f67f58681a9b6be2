"""The JSON Schema of a long-format data row as `szq schema` prints it.

The schema is the copy shipped in sz_quality/data/row.schema.json, made from the
pydantic model of read/row_model.py (which a test holds it equal to); reading it needs no
pydantic, so `szq schema` starts as fast as every other command. `--lang` keeps the
descriptions of one language.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["SHIPPED", "row_json_schema"]

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "row.schema.json"

# The descriptions in one language (`szq schema --lang`); the default schema holds both.
_ONE_LANGUAGE: dict[str, dict[str, str]] = {
    "en": {
        "": "One observation of a data submission in long layout (one row per value).",
        "indicator": "An indicator id, a Chinese or English name or alias of one, or a target "
        "id (a value reported for the target itself, such as a cumulative decline).",
        "year": "The year, 1900-2100: 2015 or 2015年.",
        "value": "A finite number in `unit` (thousands separators allowed in a quoted "
        "cell: \"1,234.5\"); blank, '-', '—' or '…' mean no value (a warning).",
        "unit": "Any unit szq's unit system reads (亿元, 万人, %, 吨标准煤/万元, km²); "
        "blank means the indicator's own unit.",
        "region": "The region (blank: the whole city).",
        "source": "Where the figure comes from.",
        "note": "Free text.",
    },
    "zh": {
        "": "长表格式的一条报送数据(每行一个数值)。",
        "indicator": "指标编号、中英文名称或别名,或目标编号(为目标本身报送的数值,如累计下降率)。",
        "year": "年份,1900–2100:2015 或 2015年。",
        "value": '以 unit 为单位的有限数值(带引号的单元格可用千位分隔符:"1,234.5");'
        "空白、-、—、… 表示无数值(警告)。",
        "unit": "szq 单位系统可读的任何单位(亿元、万人、%、吨标准煤/万元、km²);留空即指标的单位。",
        "region": "地区;留空为全市。",
        "source": "数据来源。",
        "note": "备注。",
    },
}
_TITLE = {"en": "szq long-format data row", "zh": "szq 长表数据行"}
_FIELD_TITLES_ZH = {
    "indicator": "指标",
    "year": "年份",
    "value": "数值",
    "unit": "单位",
    "region": "地区",
    "source": "来源",
    "note": "备注",
}


def row_json_schema(lang: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a long-format row; its descriptions in `lang`
    ("zh" or "en"), or in both (None)."""
    schema: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    if lang is not None:
        words = _ONE_LANGUAGE[lang]
        schema["title"] = _TITLE[lang]
        schema["description"] = words[""]
        for name, prop in schema["properties"].items():
            prop["description"] = words[name]
            if lang == "zh":
                prop["title"] = _FIELD_TITLES_ZH[name]
    return schema
