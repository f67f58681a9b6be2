"""What the first rows under a header tell: a column of district names, a form's identity.

A file without a region column whose unknown column holds district names:

Read as it stands, each of its rows would be a city-total figure: 福田区's GDP of 3200亿元
would become Shenzhen's. So the column is an error (`district-column`) and is read as
the region column: a district figure is never taken for the city's.
"""

from __future__ import annotations

import csv
import io
from itertools import islice
from typing import TYPE_CHECKING, Final

from ..plan.form_identity import FORM_HEADER
from .cells import LABEL_HEADERS, header_key
from .messages import template

if TYPE_CHECKING:
    from ..plan.region_names import RegionNames
    from .findings import Findings, SourceFile
    from .layout import Layout

__all__ = ["SAMPLE_ROWS", "adopt_district_column", "form_cell", "sample_rows"]

SAMPLE_ROWS: Final = 200  # rows looked at
_SHARE: Final = 0.5  # of the non-blank values that must look like district names


def adopt_district_column(
    names: RegionNames,
    findings: Findings,
    file: SourceFile,
    layout: Layout,
    rows: list[list[str]],
    header_line: int = 1,
) -> None:
    """Make an unknown column of district names the layout's region column (an error)."""
    if not layout.ncols or "region" in layout.columns:
        return
    used = set(layout.columns.values()) | {index for index, _ in layout.years}
    for index, cell in enumerate(layout.headers):
        key = header_key(cell)
        if not key or key in LABEL_HEADERS or index in used:
            continue
        values = [row[index].strip() for row in rows if index < len(row) and row[index].strip()]
        districts = [value for value in values if names.looks_like_district(value)]
        if not districts or len(districts) < _SHARE * len(values):
            continue
        layout.columns["region"] = index
        _drop_unknown_column(findings, file, index + 1)
        findings.emit(
            file,
            "district-column",
            line=header_line,
            column=index + 1,
            text=template("district-column", header=cell.strip(), example=districts[0]),
            hint=template("district-column.hint"),
        )
        return


def form_cell(
    layout: Layout, rows: list[list[str]], first_line: int
) -> tuple[str, int, int] | None:
    """A template's identity (its szq_form column's first cell), with line and column."""
    for index, cell in enumerate(layout.headers):
        if header_key(cell) == FORM_HEADER:
            for offset, row in enumerate(rows):
                if index < len(row) and row[index].strip():
                    return row[index].strip(), first_line + offset, index + 1
            return None
    return None


def sample_rows(text: str, delimiter: str) -> list[list[str]]:
    """The first rows of a CSV batch, parsed (a bad line ends the sample)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        return list(islice(reader, SAMPLE_ROWS))
    except csv.Error:
        return []


def _drop_unknown_column(findings: Findings, file: SourceFile, column: int) -> None:
    """The column's unknown-column warning gives way to the error."""
    for position in range(len(findings.diagnostics) - 1, file.first_diagnostic - 1, -1):
        made = findings.diagnostics[position]
        if made.code == "unknown-column" and made.column == column and made.file == file.path:
            del findings.diagnostics[position]
            file.listed["unknown-column"] = file.listed.get("unknown-column", 1) - 1
            return
