"""Words and number formats shared by the check report's renderers (no rich here)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..check.results import Group, Report, Result, Status, TrendCategory
from ..plan.lang import Lang
from ..read.observations import Diagnostic, InputSummary

__all__ = [
    "RenderOptions",
    "STATUS_LABELS",
    "TREND_LABELS",
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


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    "met": ("已达到", "met"),
    "not_met": ("未达到", "not met"),
    "on_track": ("进度正常", "on track"),
    "off_track": ("进度滞后", "off track"),
    "no_data": ("无数据", "no data"),
    "not_assessable": ("无法评估", "not assessable"),
}
TREND_LABELS: dict[TrendCategory, tuple[str, str]] = {
    "significant": ("显著进展", "significant progress"),
    "moderate": ("一定进展", "moderate progress"),
    "insufficient": ("进展不足", "insufficient progress"),
    "moving_away": ("背离目标", "moving away"),
}
_COLUMNS: dict[str, tuple[str, str]] = {
    "target": ("目标", "Target"),
    "target_value": ("目标值", "Target value"),
    "actual": ("实际值", "Actual"),
    "status": ("状态", "Status"),
    "gap": ("差距", "Gap"),
    "progress": ("进度", "Progress"),
    "trend": ("趋势", "Trend"),
    "note": ("说明", "Note"),
}
_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "zh" else pair[1]


def column_labels(lang: Lang) -> dict[str, str]:
    return {key: _pick(pair, lang) for key, pair in _COLUMNS.items()}


def status_label(status: Status, lang: Lang) -> str:
    return _pick(STATUS_LABELS[status], lang)


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
    prefix = {
        "change": ("累计变化 ", "change "),
        "increment": ("新增 ", "new "),
        "kept": ("每年 ", "every year "),
        "yearly_rate": ("每年 ", "each year "),
    }.get(result.kind)
    text = (_pick(prefix, lang) if prefix else "") + figure
    return f"{text} ({result.target_year})"


def actual_text(result: Result) -> str:
    if result.actual is None:
        return "—"
    return f"{fmt(result.actual)}{_unit(result.unit)} ({result.actual_year})"


def gap_text(result: Result, lang: Lang) -> str:
    if result.gap is None:
        return ""
    sign = "+" if result.gap > 0 else ""
    points = "个百分点" if lang == "zh" else " pp"  # a gap in a share is in points
    unit = points if result.unit == "%" else _unit(result.unit)
    return f"{sign}{fmt(result.gap)}{unit}"


def progress_text(result: Result) -> str:
    if result.progress is None:
        return ""
    return f"{fmt(result.progress * 100)}%"


def trend_text(result: Result, lang: Lang) -> str:
    if result.trend is None or result.trend.category is None:
        return ""
    label = _pick(TREND_LABELS[result.trend.category], lang)
    return f"{label} (R={fmt(result.trend.ratio)})"


def target_name(result: Result, lang: Lang) -> str:
    """The target's name, marked * when its lead is inferred and 力争 when aspirational."""
    name = result.name(lang)
    if result.aspirational:
        name += " (力争)" if lang == "zh" else " (aspirational)"
    if result.lead_agencies_inferred:
        name += " *"
    return name


def summary_text(counts: dict[Status, int], total: int, lang: Lang) -> str:
    """met 3 · not met 1 · on track 0 · off track 0 · no data 2 (of 6)."""
    shown: list[Status] = ["met", "not_met", "on_track", "off_track", "no_data"]
    if counts["not_assessable"]:
        shown.append("not_assessable")
    parts = [f"{status_label(status, lang)} {counts[status]}" for status in shown]
    tail = f"（共{total}项）" if lang == "zh" else f" (of {total})"
    return " · ".join(parts) + tail


def group_heading(group: Group, lang: Lang) -> str:
    label = group.label(lang)
    other = group.label("en" if lang == "zh" else "zh")
    if other and other != label and group.key and not group.key.isdigit():
        return f"{label} ({other})"
    return label


def title(report: Report, lang: Lang) -> str:
    if lang == "zh":
        return f"目标检查：{report.year}年"
    return f"Target check for {report.year}"


def input_line(summary: InputSummary, lang: Lang) -> str:
    if lang == "zh":
        return (
            f"{summary.path}：{summary.rows}行，接受{summary.accepted}行，拒绝{summary.rejected}行"
        )
    return (
        f"{summary.path}: {summary.rows} rows, {summary.accepted} accepted, "
        f"{summary.rejected} rejected"
    )


def diagnostic_line(diagnostic: Diagnostic, lang: str | None = None) -> str:
    """One line for a diagnostic, its text in `lang` (default: the read's)."""
    lang = diagnostic.lang if lang is None else lang
    where = diagnostic.file
    if diagnostic.line is not None:
        where += f":{diagnostic.line}"
        if diagnostic.column is not None:
            where += f":{diagnostic.column}"
    text = f"{where}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message_in(lang)}"
    hint = diagnostic.hint_in(lang)
    if hint:
        text += f" ({hint})"
    return text


def footnote(lang: Lang) -> str:
    if lang == "zh":
        return "* 原文未指定牵头单位，按推定的牵头单位列出。"
    return "* the text names no lead agency: listed under the inferred one."
