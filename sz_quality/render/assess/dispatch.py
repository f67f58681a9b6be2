"""`szq assess`'s output formats, each mapped to its renderer (as check/dispatch.py).

The table lists the agencies and the districts in rank order with each component's
points, then, per unit, how the points were earned (table.py); JSON is
AssessmentReport.to_dict and CSV a row per item (records.py); the workbook has a sheet of
scores and a sheet of items (workbook.py). Each format names its renderer (a Format of
render/dispatch.py), imported on use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, cast, overload

from ...plan.lang import Lang
from ..dispatch import Format

if TYPE_CHECKING:
    from ...check.assess import AssessmentReport

__all__ = ["AssessFormat", "BinaryRenderer", "TextRenderer", "renderer_for", "workbook"]

TextRenderer = Callable[["AssessmentReport", Lang], str]
BinaryRenderer = Callable[["AssessmentReport", Lang], bytes]


class AssessFormat(Format):
    table = "table", ".table:render_table"
    json = "json", ".records:render_json"
    csv = "csv", ".records:render_csv"
    xlsx = "xlsx", ".workbook:render_workbook"


@overload
def renderer_for(output_format: Literal[AssessFormat.xlsx]) -> BinaryRenderer: ...
@overload
def renderer_for(
    output_format: Literal[AssessFormat.table, AssessFormat.json, AssessFormat.csv],
) -> TextRenderer: ...
@overload
def renderer_for(output_format: AssessFormat) -> TextRenderer | BinaryRenderer: ...
def renderer_for(output_format: AssessFormat) -> TextRenderer | BinaryRenderer:
    """The function that renders `szq assess`'s result in `output_format`."""
    return cast("TextRenderer | BinaryRenderer", output_format.renderer())


def workbook(report: AssessmentReport, lang: Lang) -> bytes:
    """The workbook: a sheet of scores, a sheet of items."""
    return renderer_for(AssessFormat.xlsx)(report, lang)
