"""`szq check --format csv` and `--format json`: the report as records for a program.

JSON: the report's dict (issue 5's contract), stable and UTF-8; of the options only the
language changes it (the reasons' words).

CSV: one row per (group, target), safe to open in a spreadsheet. UTF-8 without a
byte-order mark (as every szq output), "\n" line ends, RFC 4180 quoting. Text cells that
a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
are prefixed with a single quote; numbers are written as numbers (a negative gap stays
-0.5). Status and trend are codes, not translated words;
names follow --lang.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ...check.results import Report
from ..jsonout import dumps
from ..result_row import CSV_COLUMNS, csv_cells, csv_columns, safe_text
from ..verdict_words import reason_words

if TYPE_CHECKING:
    from .dispatch import RenderOptions

__all__ = ["COLUMNS", "render", "render_json", "safe_text"]

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


def render_json(report: Report, options: RenderOptions) -> str:
    """The JSON text; of `options` only the language changes it (the reasons' words)."""
    data = report.to_dict(reason_words(options.lang))
    return dumps(data)
