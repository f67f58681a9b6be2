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

from ..check.results import Report
from .result_row import CSV_COLUMNS, csv_cells, csv_columns, safe_text

if TYPE_CHECKING:
    from .check import RenderOptions

__all__ = ["COLUMNS", "render", "safe_text"]

# the group the row is listed under, then the result's row (render/result_row.py)
COLUMNS = ("group", *CSV_COLUMNS)


def render(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    cells = csv_columns(report)  # with a yearly plan, its columns too
    writer.writerow(("group", *cells))
    for group in report.groups(options.by):
        label = safe_text(group.label(options.lang))
        for result in group.results:
            writer.writerow([label, *csv_cells(result, options.lang, cells)])
    return buffer.getvalue()
