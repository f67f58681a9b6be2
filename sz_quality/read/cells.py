"""What a cell says: header keys, years, values, spreadsheet cells as text.

Pure functions on text, shared by every stage of the reader (and by `szq schema`, which
documents HEADER_ALIASES and NO_VALUE).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Final, Literal

from ..plan.years import YEAR_MAX, YEAR_MIN

__all__ = [
    "ABSURD",
    "TINY",
    "FIELDS",
    "HEADER_ALIASES",
    "LABEL_HEADERS",
    "NO_VALUE",
    "PLAIN_NUMBER",
    "cell_text",
    "closest_header",
    "header_key",
    "header_year",
    "header_year_note",
    "parse_value",
    "parse_year",
    "same_value",
    "source_text",
    "suspect_window",
]

FIELDS = ("indicator", "year", "value", "unit", "region", "source", "note")

# Header spellings of each field, compared after NFKC, trimming and case folding.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "指标", "指标名称", "指标编号", "indicator id", "indicator_id"),
    "year": ("year", "年份", "年度", "年"),
    "value": ("value", "数值", "值", "数据"),
    "unit": ("unit", "单位", "计量单位"),
    "region": (
        "region",
        "地区",
        "区域",
        "行政区",
        "辖区",
        "区",
        "区县",
        "行政区划",
        "地区名称",
        "district",
        "region_name",
        "region name",
    ),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "notes", "备注", "说明"),
}
FIELD_OF = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
# Columns for people beside the data (szq template's names of each indicator): known,
# read by no one, never an unknown-column warning.
# `szq_form` holds a template's identity (plan/form_identity.py), read by --expect-agency.
LABEL_HEADERS = frozenset(
    {"name_zh", "name_en", "targets", "中文名称", "英文名称", "相关目标", "szq_form"}
)

# Cells that mean "no value": a warning, never a number.
NO_VALUE = frozenset({"", "-", "--", "—", "——", "–", "－", "…", "……", "...", "．．．"})

# 2015, 2015年, and with a qualifier: 2015（初步）, 2015年（快报）, 2015 (preliminary)
_YEAR_HEADER = re.compile(r"(\d{4})(?:\.0)?\s*年?(?:\s*[(\[]\s*([^()\[\]]*?)\s*[)\]])?")
_YEAR_CELL = re.compile(r"(\d{4})(?:\.0*)?\s*年?")
# What a statistics table writes as a number (after NFKC and trimming): a sign, digits
# (thousands separated by commas, or not), decimals, an exponent. Python's float() also
# takes "1_000", "inf", "nan", "0x10"-like spellings and non-ASCII digits: none of them.
# PLAIN_NUMBER is the same without thousands separators (the column-wise path's float()).
_SIGN, _EXPONENT = r"[+-]?", r"(?:[eE][+-]?[0-9]+)?"
_PLAIN_DIGITS = r"[0-9]+\.?[0-9]*|\.[0-9]+"
_GROUPED_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?"
PLAIN_NUMBER: Final = f"{_SIGN}(?:{_PLAIN_DIGITS}){_EXPONENT}"
NUMBER = re.compile(f"{_SIGN}(?:{_GROUPED_DIGITS}|{_PLAIN_DIGITS}){_EXPONENT}")
_NOT_FINITE_WORDS = re.compile(r"[+-]?(?:inf|infinity|nan)", re.IGNORECASE)

# No figure of a statistics table reaches a quadrillion of its indicator's unit (GDP in 元
# is about 1e12): a value as large, after conversion, is a mistake of unit or of digits.
ABSURD: Final = 1e15
# ... nor a figure other than 0 as small as a trillionth of it (1e-300 亿元 is a typo)
TINY: Final = 1e-12

# A % value is a suspect fraction (0.415 written for 41.5%) when it is at most 1 and
# 20 to 500 times smaller than the figure the series' targets set: "about 100 times".
# A small share that is plausible (unemployment 2.3% against a target of 3%) is not.
FRACTION_RATIOS: Final = (20.0, 500.0)


def suspect_window(reference: float | None) -> tuple[float, float] | None:
    """The values of a % series with this reference that look like fractions, or None."""
    if reference is None:
        return None
    low, high = FRACTION_RATIOS
    return reference / high, min(reference / low, 1.0)


NOT_A_NUMBER: Final = "bad"
NOT_FINITE: Final = "not-finite"


def header_key(cell: str) -> str:
    """A header cell as compared with HEADER_ALIASES."""
    text = unicodedata.normalize("NFKC", cell).replace("\ufeff", "")
    return " ".join(text.split()).casefold()


def header_year(key: str) -> int | None:
    """The year a header key names (a wide table's column), or None."""
    match = _YEAR_HEADER.fullmatch(key)
    if match is None:
        return None
    year = int(match.group(1))
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def header_year_note(cell: str) -> str | None:
    """The qualifier of a year header, as written (2015（初步） -> 初步), or None."""
    match = _YEAR_HEADER.fullmatch(header_key(cell))
    if match is None or not match.group(2):
        return None
    text = " ".join(cell.split())
    for opening, closing in (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")):
        start, end = text.find(opening), text.rfind(closing)
        if 0 <= start < end:
            return text[start + 1 : end].strip() or None
    return match.group(2)


def closest_header(key: str) -> str | None:
    """The field whose spelling is closest to an unknown header key, if any is close."""
    from ..plan.names import suggest

    match = suggest(key, FIELD_OF)
    return FIELD_OF[match] if match is not None else None


def parse_year(text: str) -> int | None:
    """A year cell: 2015, 2015年, 2015.0 (from a spreadsheet); None if it is not one."""
    stripped = text.strip()
    if not stripped.isascii():
        stripped = unicodedata.normalize("NFKC", stripped)
    match = _YEAR_CELL.fullmatch(stripped)
    if match is None:
        return None
    year = int(match.group(1))
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def parse_value(text: str) -> float | None | Literal["bad", "not-finite"]:
    """A value cell: a float, None for "no value", or why it is not a number.

    The grammar is NUMBER's, and only it: what float() takes beyond it is "bad", and
    NaN or infinity (written out, or a number too large for a float) "not-finite".
    """
    stripped = text.strip()
    if stripped in NO_VALUE:
        return None
    normal = stripped if stripped.isascii() else unicodedata.normalize("NFKC", stripped)
    if normal in NO_VALUE:
        return None
    if NUMBER.fullmatch(normal) is None:
        return NOT_FINITE if _NOT_FINITE_WORDS.fullmatch(normal) else NOT_A_NUMBER
    value = float(normal.replace(",", "") if "," in normal else normal)
    if value - value != 0:  # too large for a float: infinity
        return NOT_FINITE
    return value


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def source_text(text: str) -> str | None:
    """A source cell: trimmed, None when blank."""
    return text.strip() or None


def same_value(old: float, new: float) -> bool:
    """Two values equal to 12 significant digits (a duplicate, not a revision)."""
    return old == new or math.isclose(old, new, rel_tol=1e-12, abs_tol=0.0)
