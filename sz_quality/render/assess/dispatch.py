"""`szq assess`'s output formats, each mapped to its renderer (as check/dispatch.py).

The table lists the agencies and the districts in rank order with each component's
points, then, per unit, how the points were earned (table.py); JSON is
AssessmentReport.to_dict and CSV a row per item (records.py); the workbook has a sheet of
scores and a sheet of items (workbook.py). Renderers are imported on use.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, assert_never

from ...plan.lang import Lang

if TYPE_CHECKING:
    from ...check.assess import AssessmentReport

__all__ = ["AssessFormat", "TextRenderer", "renderer_for", "workbook"]

TextRenderer = Callable[["AssessmentReport", Lang], str]


class AssessFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def renderer_for(output_format: AssessFormat) -> TextRenderer:
    """The function that renders `szq assess`'s result as text (xlsx: `workbook`)."""
    if output_format is AssessFormat.table:
        from .table import render_table

        return render_table
    if output_format is AssessFormat.json:
        from .records import render_json

        return render_json
    if output_format is AssessFormat.csv:
        from .records import render_csv

        return render_csv
    if output_format is AssessFormat.xlsx:
        raise ValueError("a workbook is bytes: use workbook()")
    assert_never(output_format)


def workbook(report: AssessmentReport, lang: Lang) -> bytes:
    """The workbook: a sheet of scores, a sheet of items."""
    from .workbook import render_workbook

    return render_workbook(report, lang)
