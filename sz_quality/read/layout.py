"""The layout of a table, from its header: long or wide, and where each field sits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from .cells import (
    FIELD_OF,
    LABEL_HEADERS,
    closest_header,
    header_key,
    header_year,
    header_year_note,
)
from .findings import Findings, SourceFile
from .messages import did_you_mean, template

__all__ = ["Layout", "check_has_rows", "missing_column", "read_layout", "reads_as_header"]


class Layout:
    """Where each field sits, from the header. `ncols` 0: no usable header."""

    __slots__ = ("kind", "ncols", "headers", "columns", "years", "year_notes")

    def __init__(
        self,
        kind: Literal["long", "wide"],
        ncols: int,
        headers: list[str],
        columns: dict[str, int],  # field -> 0-based column
        years: list[tuple[int, int]] | None = None,  # (0-based column, year)
    ) -> None:
        self.kind = kind
        self.ncols = ncols
        self.headers = headers
        self.columns = columns
        self.years = years or []
        # a year column's qualifier (2015（初步）: 初步), the note of its values
        self.year_notes: dict[int, str] = {}
        for index, _ in self.years:
            note = header_year_note(headers[index]) if index < len(headers) else None
            if note:
                self.year_notes[index] = note

    def field_at(self, column: int) -> str:
        for name, index in self.columns.items():
            if index == column:
                return name
        for index, year in self.years:
            if index == column:
                return str(year)
        return self.headers[column] if column < len(self.headers) else ""


UNUSABLE = Layout("long", 0, [], {})


def reads_as_header(cells: Sequence[str]) -> bool:
    """Whether a row reads as a table's header: an indicator column and either year and
    value columns (long) or a year column (wide). A yearbook's title row does not."""
    fields: set[str] = set()
    has_year_column = False
    for cell in cells:
        key = header_key(cell)
        if not key:
            continue
        name = FIELD_OF.get(key)
        if name is not None:
            fields.add(name)
        elif header_year(key) is not None:
            has_year_column = True
    if "indicator" not in fields:
        return False
    return {"year", "value"} <= fields or has_year_column


def read_layout(
    findings: Findings, file: SourceFile, header: Sequence[str], line: int = 1
) -> Layout:
    """The layout a header gives, with a diagnostic for each column it cannot use."""
    columns: dict[str, int] = {}
    years: dict[int, int] = {}
    unknown: list[int] = []
    for index, cell in enumerate(header):
        key = header_key(cell)
        if not key or key in LABEL_HEADERS:
            continue  # an unnamed column (a trailing delimiter), or names for people
        name = FIELD_OF.get(key)
        if name is None:
            year = header_year(key)
            if year is None:
                unknown.append(index)
                continue
            if year in years:
                _duplicate_column(findings, file, header, line, index, years[year], str(year))
                continue
            years[year] = index
            continue
        if name in columns:
            _duplicate_column(findings, file, header, line, index, columns[name], name)
            continue
        columns[name] = index
    kind: Literal["long", "wide"] = (
        "wide" if years and "year" not in columns and "value" not in columns else "long"
    )
    if kind == "long":
        unknown.extend(years.values())
        years = {}
    for index in sorted(unknown):
        cell = header[index].strip()
        guess = closest_header(header_key(cell))
        findings.emit(
            file,
            "unknown-column",
            line=line,
            column=index + 1,
            text=template("unknown-column", header=cell),
            hint=did_you_mean(guess),
        )
    required = ("indicator", "year", "value") if kind == "long" else ("indicator",)
    missing = [name for name in required if name not in columns]
    if missing or (kind == "wide" and not years):
        for name in missing:
            missing_column(findings, file, name, line)
        return Layout(kind, 0, list(header), columns)
    return Layout(
        kind,
        len(header),
        list(header),
        columns,
        sorted(((index, year) for year, index in years.items()), key=lambda item: item[0]),
    )


def missing_column(findings: Findings, file: SourceFile, name: str | None, line: int = 1) -> None:
    """missing-column; `name` None: no header on line 1 at all."""
    findings.emit(
        file,
        "missing-column",
        line=line,
        field=name,
        text=template("missing-column", name=name or "indicator"),
        hint=template("missing-column.hint"),
    )


def _duplicate_column(
    findings: Findings,
    file: SourceFile,
    header: Sequence[str],
    line: int,
    index: int,
    first: int,
    name: str,
) -> None:
    findings.emit(
        file,
        "duplicate-column",
        line=line,
        column=index + 1,
        field=name,
        text=template(
            "duplicate-column",
            header=header[index].strip(),
            first=first + 1,
            first_header=header[first].strip(),
            name=name,
        ),
    )


def check_has_rows(findings: Findings, file: SourceFile, layout: Layout | None) -> None:
    """empty-file when a table holds no header (`layout` None), or a usable header over
    no rows or blank rows only: the one rule of both drivers, CSV and .xlsx."""
    if layout is None:
        findings.emit(file, "empty-file", line=None, text=template("empty-file"))
    elif (
        layout.ncols
        and file.rows == file.rejected
        and (file.rows == 0 or file.blank_rows() == file.rows)
    ):
        findings.emit(file, "empty-file", line=None, text=template("no-rows"))
