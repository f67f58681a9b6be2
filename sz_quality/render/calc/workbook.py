"""`szq calc -o derived.xlsx`: the derived series as a workbook, the values of `--format json`.

Sheets: the series (one row per derived value, as `calc --format json`'s "series"), the
inputs read and their diagnostics.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...check.derive import DerivedValue
from ...plan.lang import Lang
from ...read.observations import ReadResult
from ..check.workbook import DIAGNOSTIC_COLUMNS, INPUT_COLUMNS
from ..validate.as_json import diagnostic_dict
from ..verdict_words import word
from ..xlsx_book import Book, Column, field

__all__ = ["SERIES_COLUMNS", "calc_xlsx"]

# each column takes its value from DerivedValue.to_dict (calc's JSON)
SERIES_COLUMNS: tuple[Column, ...] = (
    field("indicator", width=24),
    field("region"),
    field("year", "integer", width=8),
    field("value", "number", width=14),
    field("unit"),
    field("formula", width=40),
    field("own_value", "number", width=14),
)


def calc_xlsx(data: ReadResult, derived: Sequence[DerivedValue], lang: Lang) -> bytes:
    book = Book()
    book.table(
        book.sheet(word("series", lang)),
        SERIES_COLUMNS,
        [value.to_dict() for value in derived],
        lang,
    )
    book.table(
        book.sheet(word("inputs", lang)),
        INPUT_COLUMNS,
        [summary.to_dict() for summary in data.inputs],
        lang,
    )
    book.table(
        book.sheet(word("diagnostics", lang)),
        DIAGNOSTIC_COLUMNS,
        [diagnostic_dict(diagnostic, lang) for diagnostic in data.diagnostics],
        lang,
    )
    return book.data()
