"""`szq check --format csv`: one row per (group, target), safe to open in a spreadsheet.

UTF-8 without a byte-order mark (as every szq output), "\n" line ends, RFC 4180
quoting. Text cells that a spreadsheet would read as a formula (starting with = + - @,
a tab or a carriage return) are prefixed with a single quote; numbers are written as
numbers (a negative gap stays -0.5). Status and trend are codes, not translated words;
names follow --lang.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..check.results import Report, Result, number
from .evidence_text import note_lines
from .words import reason_text

if TYPE_CHECKING:
    from .check import RenderOptions

__all__ = ["COLUMNS", "render", "safe_text"]

OUTLOOK_COLUMNS = (
    "observed_rate",
    "required_rate",
    "rate_basis",
    "rate_unit",
    "projected_value",
    "projected_year",
    "projected_status",
)
COLUMNS = (
    "group",
    "target",
    "name",
    "indicator",
    "status",
    "actual",
    "actual_year",
    "comparator",
    "target_value",
    "target_min",
    "target_max",
    "unit",
    "gap",
    "gap_pct",
    "progress",
    "trend_ratio",
    "trend_category",
    "lead_agencies",
    "lead_agencies_inferred",
    "reason",
    # progress analysis (sz_quality.check.outlook)
    *OUTLOOK_COLUMNS,
    "region",
    # the data's caveats, one line each (render/evidence_text.py)
    "notes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """A text cell that no spreadsheet evaluates as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float | None) -> str:
    rounded = number(value)
    return "" if rounded is None else repr(rounded)


def _outlook_cells(result: Result) -> list[str]:
    found = result.outlook
    if found is None:
        return [""] * len(OUTLOOK_COLUMNS)
    return [
        _number(found.observed_rate),
        _number(found.required_rate),
        found.basis,
        safe_text(found.rate_unit),
        _number(found.projected_value),
        "" if found.projected_year is None else str(found.projected_year),
        found.projected_status or "",
    ]


def render(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for group in report.groups(options.by):
        for result in group.results:
            trend = result.trend
            writer.writerow(
                [
                    safe_text(group.label(options.lang)),
                    safe_text(result.target),
                    safe_text(result.name(options.lang)),
                    safe_text(result.indicator),
                    result.status,
                    _number(result.actual),
                    "" if result.actual_year is None else str(result.actual_year),
                    safe_text(result.spec.comparator or ""),
                    _number(result.target_value),
                    _number(result.spec.min),
                    _number(result.spec.max),
                    safe_text(result.unit),
                    _number(result.gap),
                    _number(result.gap_pct),
                    _number(result.progress),
                    _number(trend.ratio if trend else None),
                    (trend.category or "") if trend else "",
                    safe_text("、".join(result.lead_agencies)),
                    "true" if result.lead_agencies_inferred else "false",
                    safe_text(reason_text(result.reason, options.lang) if result.reason else ""),
                    *_outlook_cells(result),
                    safe_text(result.region),
                    safe_text("\n".join(note_lines(result.evidence, options.lang))),
                ]
            )
    return buffer.getvalue()
