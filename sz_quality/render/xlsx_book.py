"""Workbooks for spreadsheet users, written by XlsxWriter (the `xlsx` extra).

What every szq workbook shares: a deterministic file (a fixed creation date, so the same
input gives the same bytes), tables with a frozen header, an autofilter and sensible
widths, numbers written as numbers, and text written as text: `write_string`, never
`write`, so that a cell starting with = + - @ is never read as a formula. A table is a
sequence of Columns: a header key (sz_quality/words.py), how to get the cell's value from a
row, and how to show it; adding a field to a table is adding one Column.
"""

from __future__ import annotations

import io
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from ..plan.lang import Lang
from .verdict_words import word

__all__ = [
    "INSTALL_HINT",
    "Book",
    "CellKind",
    "Column",
    "XlsxExtraMissing",
    "field",
]

INSTALL_HINT = "pip install 'sz-quality[xlsx]'"
# a fixed creation date (the epoch of the plan's year): byte-identical workbooks
_CREATED = datetime(2012, 1, 1)

CellKind = Literal["text", "number", "integer", "percent", "boolean"]
_NUMBER_FORMATS: dict[CellKind, str] = {
    "number": "#,##0.####",
    "integer": "0",
    "percent": "0.00%",
}
# a whole number in a "number" column: "#,##0.####" would show 60 as "60."
_WHOLE = "#,##0"


class XlsxExtraMissing(ImportError):
    """XlsxWriter is not installed: writing .xlsx needs the `xlsx` extra."""

    def __init__(self) -> None:
        super().__init__(f"writing .xlsx needs XlsxWriter: {INSTALL_HINT}")


@dataclass(frozen=True)
class Column:
    """A column of a table: its header (a words.py key, or the text itself when
    `literal`), its cell's value from a row, how the cell is written, its width."""

    header: str
    value: Callable[[Any], object]
    kind: CellKind = "text"
    width: float = 12
    literal: bool = False
    fill: Callable[[Any], str | None] | None = None  # a row's fill style (status colours)
    wrap: bool = False  # long text (notes, reasons): wrapped in its cell

    def label(self, lang: Lang) -> str:
        return self.header if self.literal else word(self.header, lang)


def field(key: str, kind: CellKind = "text", width: float = 12) -> Column:
    """A column of a JSON dict's field, headed by the field's name (a words.py key)."""
    return Column(key, operator.itemgetter(key), kind, width)


class Book:
    """An in-memory workbook; `data()` closes it and returns its bytes. `lang`: the
    book's language (a yes/no cell is 是/否 in Chinese, TRUE/FALSE otherwise)."""

    def __init__(self, lang: Lang | None = None) -> None:
        self.lang = lang
        try:
            import xlsxwriter
        except ModuleNotFoundError as error:
            raise XlsxExtraMissing() from error
        self._buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self._buffer,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )
        self.workbook.set_properties({"created": _CREATED})
        self._formats: dict[tuple[object, ...], Any] = {}

    def style(self, **properties: object) -> Any:
        """A cell format, made once per distinct set of properties."""
        key = tuple(sorted(properties.items()))
        found = self._formats.get(key)
        if found is None:
            found = self.workbook.add_format(dict(properties))
            self._formats[key] = found
        return found

    def sheet(self, name: str) -> Any:
        """A new worksheet; Excel allows 31 characters and no []:*?/\\ in a name."""
        cleaned = "".join("_" if char in "[]:*?/\\" else char for char in name)[:31]
        return self.workbook.add_worksheet(cleaned)

    def write(
        self,
        sheet: Any,
        row: int,
        column: int,
        value: object,
        kind: CellKind,
        **style: object,
    ) -> None:
        """One cell: a number as a number (a whole one without a decimal point), text as
        text (never a formula), None blank; a yes/no is 是/否 in a Chinese book."""
        if kind in _NUMBER_FORMATS:
            whole = kind == "number" and isinstance(value, int | float) and value == int(value)
            style = {"num_format": _WHOLE if whole else _NUMBER_FORMATS[kind], **style}
        cell_format = self.style(**style) if style else None
        if value is None or value == "":
            if cell_format is not None:
                sheet.write_blank(row, column, None, cell_format)
        elif isinstance(value, bool) and self.lang == "zh":
            yes_no = word("xlsx.yes" if value else "xlsx.no", "zh")
            sheet.write_string(row, column, yes_no, cell_format)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value, cell_format)
        elif isinstance(value, int | float) and kind != "text":
            sheet.write_number(row, column, value, cell_format)
        else:
            sheet.write_string(row, column, str(value), cell_format)

    def table(
        self,
        sheet: Any,
        columns: Sequence[Column],
        rows: Iterable[Any],
        lang: Lang,
        *,
        first_row: int = 0,
        fills: dict[str, dict[str, object]] | None = None,
    ) -> int:
        """The header at `first_row` (frozen, with an autofilter, repeated on every printed
        page), then one line per row; printed on A4 landscape, fitted to the page's width.
        Returns the number of rows written."""
        header = self.style(bold=True, bg_color="#DDEBF7", border=1, text_wrap=True, valign="top")
        for index, column in enumerate(columns):
            sheet.write_string(first_row, index, column.label(lang), header)
            sheet.set_column(index, index, column.width)
        count = 0
        for count, row in enumerate(rows, start=1):
            for index, column in enumerate(columns):
                fill = column.fill(row) if column.fill is not None else None
                style = dict((fills or {}).get(fill, {})) if fill else {}
                if column.wrap:
                    style.update(text_wrap=True, valign="top")
                value = column.value(row)
                self.write(sheet, first_row + count, index, value, column.kind, **style)
        sheet.freeze_panes(first_row + 1, 0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)  # one page wide, as many long as needed
        sheet.repeat_rows(first_row)
        sheet.autofilter(first_row, 0, first_row + max(count, 1), len(columns) - 1)
        return count

    def data(self) -> bytes:
        self.workbook.close()
        return self._buffer.getvalue()
