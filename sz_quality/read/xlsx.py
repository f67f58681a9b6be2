"""The spreadsheet driver: .xlsx, .xls (Excel 97-2003) and .ods, read by python-calamine.

The chosen sheet's rows are read as a CSV's would be: a line is the sheet's row number
and a column its 1-based number, whatever empty rows and columns the sheet starts with.
calamine reads the values the file stores (what Excel shows, before number formats) and
evaluates no formula. It read a 100,000-row sheet 10 to 13 times as fast as openpyxl's
read-only mode (bench/bench_xlsx_read.py).

Yearbook sheets put a title above the table and notes below it. The header is the
first row that reads as one (sz_quality.read.layout.reads_as_header); the rows above it
are reported once (`skipped-rows`, a warning). Below the table, a row whose only cell
starts with 注 / 说明 / 资料来源 / Note / Source, and the one-cell rows that follow it,
are notes: neither data nor diagnostics.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from .cells import cell_text
from .district_column import SAMPLE_ROWS
from .findings import SourceFile
from .layout import Layout, check_has_rows, read_layout, reads_as_header
from .messages import template
from .sheet_marks import FORMULA, PERCENT, SheetMarks

if TYPE_CHECKING:
    from .session import Progress, Session

__all__ = ["HEADER_LOOKAHEAD", "NOTE", "TableReader", "is_note", "read_xlsx"]

HEADER_LOOKAHEAD = 30  # non-blank rows searched for the header before taking the first
# after NFKC (：-> :) and case folding: 注：… 注1. … 资料来源: … Note: … Sources: …
NOTE = re.compile(r"(注|说明|资料来源|数据来源|备注)\s*\d*\s*[:.、]|(notes?|sources?)\s*:")


def is_note(cells: list[str]) -> bool:
    """A note under a table: one cell, starting 注：… / 资料来源：… / Note: …"""
    filled = [cell for cell in cells if cell.strip()]
    if len(filled) != 1:
        return False
    text = unicodedata.normalize("NFKC", filled[0]).strip().casefold()
    return NOTE.match(text) is not None


def read_xlsx(
    session: Session,
    file: SourceFile,
    sheet: str | None,
    progress: Progress | None,
    content: BinaryIO | None = None,
) -> None:
    """Read a workbook from its path, or from `content` (one read from a pipe)."""
    file.sheet = True
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        _unreadable(session, file, "xlsx-missing")
        return
    # a workbook read whole from a pipe, or the file itself
    with content if content is not None else open(file.path, "rb") as handle:
        try:
            workbook = CalamineWorkbook.from_filelike(handle)
        except Exception as error:  # calamine raises several types for a damaged file
            if _encrypted(handle, error):
                _unreadable(session, file, "encrypted")
            else:
                _bad_file(session, file, error, with_hint=True)
            return
        marks = SheetMarks.open(handle)  # what calamine does not tell (.xlsx, .ods)
        try:
            _read_sheet(session, file, workbook, marks, sheet, progress)
        except Exception as error:  # a damaged sheet inside a readable file
            _bad_file(session, file, error, with_hint=False)
        finally:
            workbook.close()


# an encrypted .xlsx is an OLE file holding this stream (its name in UTF-16)
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _encrypted(handle: BinaryIO, error: Exception) -> bool:
    """A password-protected workbook: calamine's PasswordError (.xls), or an OLE file
    with an EncryptedPackage stream (.xlsx, .xlsm encrypted by Excel)."""
    if type(error).__name__ == "PasswordError":
        return True
    try:
        handle.seek(0)
        data = handle.read()
    except (OSError, ValueError):
        return False
    return data.startswith(b"\xd0\xcf\x11\xe0") and _ENCRYPTED_PACKAGE in data


def _unreadable(session: Session, file: SourceFile, key: str) -> None:
    """bad-file about the whole workbook: the message `key` and its hint."""
    session.findings.emit(
        file, "bad-file", line=None, text=template(key), hint=template(f"{key}.hint")
    )


def _bad_file(session: Session, file: SourceFile, error: Exception, *, with_hint: bool) -> None:
    session.findings.emit(
        file,
        "bad-file",
        line=None,
        text=template("bad-xlsx", error=f"{type(error).__name__}: {error}"),
        hint=template("binary.hint") if with_hint else None,
    )


def _worksheets(workbook: Any) -> list[tuple[str, bool]]:
    """The workbook's worksheets (not chart sheets) in order, each with whether it is
    visible (calamine tells hidden and very hidden sheets for .xlsx and .xls; .ods's
    hidden tables it reads as visible: sz_quality.read.sheet_marks finds those)."""
    found: list[tuple[str, bool]] = []
    for meta in workbook.sheets_metadata:
        if "WorkSheet" in str(meta.typ):
            found.append((meta.name, str(meta.visible).endswith("Visible")))
    return found or [(name, True) for name in workbook.sheet_names]


def _read_sheet(
    session: Session,
    file: SourceFile,
    workbook: Any,
    marks: SheetMarks,
    sheet: str | None,
    progress: Progress | None,
) -> None:
    findings = session.findings
    sheets = _worksheets(workbook)
    names = [name for name, _ in sheets]
    hidden = {name for name, visible in sheets if not visible} | marks.hidden_tables()
    # the first visible sheet: a hidden one is an old copy, or a lookup table
    visible = [name for name in names if name not in hidden]
    chosen: str | None = (visible or names)[0] if names else None
    if sheet is not None:
        if sheet in names:
            chosen = sheet
        elif sheet.isdigit() and 1 <= int(sheet) <= len(names):
            chosen = names[int(sheet) - 1]
        else:
            chosen = None
    if chosen is None:
        findings.emit(
            file,
            "bad-file",
            line=None,
            text=template("no-sheet", sheet=sheet or ""),
            hint=template("no-sheet.hint", sheets=", ".join(names)),
        )
        return
    if chosen in hidden:
        findings.emit(file, "hidden-sheet", line=None, text=template("hidden-sheet", sheet=chosen))
    worksheet = workbook.get_sheet_by_name(chosen)
    if sheet is None and not _has_header(worksheet):  # a cover page, a table of contents
        tables = [
            name
            for name in visible
            if name != chosen and _has_header(workbook.get_sheet_by_name(name))
        ]
        if tables:
            findings.emit(
                file,
                "cover-sheet",
                line=None,
                text=template("cover-sheet", sheet=chosen, sheets=", ".join(map(repr, tables))),
                hint=template("cover-sheet.hint", sheet=tables[0]),
            )
            return
    start = worksheet.start
    total = worksheet.total_height or 0
    rows = _sheet_rows(worksheet.iter_rows(), start, marks.marks(chosen))
    TableReader(session, file).read(rows, total, progress)


def _has_header(worksheet: Any) -> bool:
    """Whether one of the sheet's first HEADER_LOOKAHEAD non-blank rows reads as a header."""
    seen = 0
    for values in worksheet.iter_rows():
        cells = [cell_text(value) for value in values]
        if not any(cell.strip() for cell in cells):
            continue
        if reads_as_header(cells):
            return True
        seen += 1
        if seen >= HEADER_LOOKAHEAD:
            return False
    return False


def _sheet_rows(
    rows: Iterable[list[object]],
    start: tuple[int, int] | None,
    marks: dict[tuple[int, int], str],
) -> Iterator[list[str]]:
    """Each row's cells as text, from column A (calamine starts at the first used column),
    without the empty cells after the last one. A number in a percent-formatted cell is
    the percentage it shows (0.0405 -> "4.05"); a formula's error is its text (#DIV/0!),
    a formula without a cached value "=" (both: no value, said so by the row checker)."""
    pad = [""] * (start[1] if start else 0)
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (row, column), mark in marks.items():
        by_row.setdefault(row, []).append((column, mark))
    for offset, values in enumerate(rows):
        cells = pad + [cell_text(value) for value in values]
        for column, mark in by_row.get(offset + 1, ()):
            if column > len(cells):
                cells.extend([""] * (column - len(cells)))
            index = column - 1
            if mark == PERCENT:
                at = index - len(pad)
                value = values[at] if 0 <= at < len(values) else None
                if isinstance(value, int | float) and not isinstance(value, bool):
                    cells[index] = cell_text(float(f"{value * 100:.12g}"))
            elif not cells[index].strip():  # calamine read the error as an empty cell
                cells[index] = "=" if mark == FORMULA else mark
        while cells and not cells[-1].strip():
            cells.pop()
        yield cells


class TableReader:
    """Finds the header under any title rows, then checks each row; notes end the table."""

    def __init__(self, session: Session, file: SourceFile) -> None:
        self.session = session
        self.file = file
        self.layout: Layout | None = None
        self.in_notes = False
        self.blank_lines: list[int] = []
        # the first rows under the header, held until the layout is adopted (a column of
        # district names, a form's identity: Session.adopt_layout)
        self.sample: list[tuple[list[str], int]] | None = None
        self.header_line = 1

    def read(self, rows: Iterable[list[str]], total: int, progress: Progress | None) -> None:
        pending: list[tuple[int, list[str]]] = []  # non-blank rows before the header
        for offset, cells in enumerate(rows):
            line = offset + 1  # calamine's rows start at the sheet's first row
            if progress is not None and offset % 1000 == 0:
                progress(self.file.path, offset, total)
            if self.sample is not None:
                self.sample.append((cells, line))
                if len(self.sample) >= SAMPLE_ROWS:
                    self._adopt()
                continue
            if self.layout is not None:
                self._row(cells, line)
                continue
            if not cells:
                continue
            if reads_as_header(cells):
                self._header(pending, cells, line)
            else:
                pending.append((line, cells))
                if len(pending) >= HEADER_LOOKAHEAD:
                    self._first_row_as_header(pending)
                    pending = []
        if self.layout is None and pending:
            self._first_row_as_header(pending)
        if self.sample is not None:
            self._adopt()
        for blank in self.blank_lines:  # blank rows at the end: as everywhere else
            self._check(blank, [])
        check_has_rows(self.session.findings, self.file, self.layout)

    def _header(self, skipped: list[tuple[int, list[str]]], cells: list[str], line: int) -> None:
        if skipped:
            first = next(cell for cell in skipped[0][1] if cell.strip())
            self.session.findings.emit(
                self.file,
                "skipped-rows",
                line=skipped[0][0],
                text=template(
                    "skipped-rows",
                    first=skipped[0][0],
                    last=skipped[-1][0],
                    header=line,
                    text=" ".join(first.split())[:60],
                ),
            )
        self.layout = read_layout(self.session.findings, self.file, cells, line)
        self.sample, self.header_line = [], line

    def _adopt(self) -> None:
        """Adopt the layout with the rows held, then check them."""
        assert self.layout is not None and self.sample is not None
        held, self.sample = self.sample, None
        rows = [cells for cells, _ in held]
        first = held[0][1] if held else self.header_line + 1
        self.session.adopt_layout(self.file, self.layout, rows, self.header_line, first)
        for cells, line in held:
            self._row(cells, line)

    def _first_row_as_header(self, pending: list[tuple[int, list[str]]]) -> None:
        """No row reads as a header: the first one is taken (and its problems reported)."""
        line, cells = pending[0]
        self.layout = read_layout(self.session.findings, self.file, cells, line)
        self.sample, self.header_line = [(later, at) for at, later in pending[1:]], line

    def _row(self, cells: list[str], line: int) -> None:
        if self.in_notes and len([cell for cell in cells if cell.strip()]) <= 1:
            return  # a note's continuation, or a blank line among the notes
        if not cells:
            self.blank_lines.append(line)  # blank rows between the table and its notes
            return  # are neither: decided by the next row
        if is_note(cells):
            self.in_notes = True
            self.blank_lines.clear()
            return
        self.in_notes = False
        for blank in self.blank_lines:
            self._check(blank, [])
        self.blank_lines.clear()
        self._check(line, cells)

    def _check(self, line: int, cells: list[str]) -> None:
        layout = self.layout
        assert layout is not None
        if not layout.ncols:
            self.file.reject()
            return
        if layout.kind == "long":
            self.session.rows.long_row(self.file, layout, cells, line)
        else:
            self.session.rows.wide_row(self.file, layout, cells, line)
