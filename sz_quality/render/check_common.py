"""Texts shared by the check report's renderers (no rich here); the words are words.py's."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..check.results import Group, Report, Result, Status
from ..plan.lang import Lang
from ..read.observations import Diagnostic, InputSummary
from .words import kind_prefix, status_word, trend_word, word

__all__ = [
    "RenderOptions",
    "COLUMNS",
    "actual_text",
    "column_labels",
    "diagnostic_line",
    "fmt",
    "gap_text",
    "input_line",
    "progress_text",
    "status_label",
    "summary_text",
    "target_name",
    "target_text",
    "title",
    "trend_text",
]


@dataclass(frozen=True)
class RenderOptions:
    """How a report is shown: language, grouping, colour and width (table only)."""

    lang: Lang = "en"
    by: Literal["agency", "chapter"] = "agency"
    color: bool = False
    width: int = 120


# the columns of a target's row, in order
COLUMNS = ("target", "target_value", "actual", "status", "gap", "progress", "trend", "reason")
_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


def column_labels(lang: Lang) -> dict[str, str]:
    return {key: word(key, lang) for key in COLUMNS}


def status_label(status: Status, lang: Lang) -> str:
    return status_word(status, lang)


def fmt(value: float | None) -> str:
    """A number for people: four significant digits, thousands separated, no exponent."""
    if value is None or not math.isfinite(value):
        return ""
    if value == 0:
        return "0"
    digits = max(0, 3 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _unit(unit: str) -> str:
    return unit if unit == "%" else f" {unit}"


def target_text(result: Result, lang: Lang) -> str:
    """The target as a formula: ≥ 1.5 万亿元, 15 ± 0.75 %, 40–50 家, ..."""
    if result.comparator == "between":
        figure = f"{fmt(result.target_min)}–{fmt(result.target_max)}{_unit(result.unit)}"
    elif result.comparator == "about":
        figure = f"{fmt(result.target_value)} ± {fmt(result.tolerance)}{_unit(result.unit)}"
    else:
        symbol = _SYMBOLS.get(result.comparator, result.comparator)
        figure = f"{symbol} {fmt(result.target_value)}{_unit(result.unit)}"
    return f"{kind_prefix(result.kind, lang)}{figure} ({result.target_year})"


def actual_text(result: Result) -> str:
    if result.actual is None:
        return "—"
    return f"{fmt(result.actual)}{_unit(result.unit)} ({result.actual_year})"


def gap_text(result: Result, lang: Lang) -> str:
    if result.gap is None:
        return ""
    sign = "+" if result.gap > 0 else ""
    points = word("points", lang)  # a gap in a share is in points
    unit = points if result.unit == "%" else _unit(result.unit)
    return f"{sign}{fmt(result.gap)}{unit}"


def progress_text(result: Result) -> str:
    if result.progress is None:
        return ""
    return f"{fmt(result.progress * 100)}%"


def trend_text(result: Result, lang: Lang) -> str:
    if result.trend is None or result.trend.category is None:
        return ""
    label = trend_word(result.trend.category, lang)
    return f"{label} (R={fmt(result.trend.ratio)})"


def target_name(result: Result, lang: Lang) -> str:
    """The target's name, marked * when its lead is inferred and 力争 when aspirational."""
    name = result.name(lang)
    if result.aspirational:
        name += f" ({word('aspirational', lang)})"
    if result.lead_agencies_inferred:
        name += " *"
    return name


def summary_text(counts: dict[Status, int], total: int, lang: Lang) -> str:
    """met 3 · not met 1 · on track 0 · off track 0 · no data 2 (of 6)."""
    shown: list[Status] = ["met", "not_met", "on_track", "off_track", "no_data"]
    if counts["not_assessable"]:
        shown.append("not_assessable")
    parts = [f"{status_label(status, lang)} {counts[status]}" for status in shown]
    return " · ".join(parts) + word("check.of_total", lang, total=total)


def group_heading(group: Group, lang: Lang) -> str:
    label = group.label(lang)
    other = group.label("en" if lang == "zh" else "zh")
    if other and other != label and group.key and not group.key.isdigit():
        return f"{label} ({other})"
    return label


def title(report: Report, lang: Lang) -> str:
    return word("check.title", lang, year=report.year)


def input_line(summary: InputSummary, lang: Lang) -> str:
    return word("check.input", lang, **summary.to_dict())


def diagnostic_line(diagnostic: Diagnostic) -> str:
    where = diagnostic.file
    if diagnostic.line is not None:
        where += f":{diagnostic.line}"
        if diagnostic.column is not None:
            where += f":{diagnostic.column}"
    text = f"{where}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message}"
    if diagnostic.hint:
        text += f" ({diagnostic.hint})"
    return text


def footnote(lang: Lang) -> str:
    return word("check.footnote", lang)
