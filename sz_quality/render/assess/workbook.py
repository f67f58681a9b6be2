"""`szq assess` as a workbook: a sheet of scores (a row per unit) and a sheet of items."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...plan.assessment import COMPONENTS
from ...plan.lang import Lang
from ..verdict_words import word
from .records import ITEM_COLUMNS, item_rows

if TYPE_CHECKING:
    from ...check.assess import AssessmentReport, UnitScore

__all__ = ["render_workbook"]


def render_workbook(report: AssessmentReport, lang: Lang) -> bytes:
    from ..xlsx_book import Book, CellKind
    from ..xlsx_book import Column as Field

    def points(name: str) -> Callable[[UnitScore], object]:
        return lambda unit: unit.component(name).points  # type: ignore[arg-type]

    book = Book()
    scores = book.sheet(word("assess.score", lang))
    columns = [
        Field("assess.rank", lambda u: u.rank, "integer", width=6),
        Field("assess.unit", lambda u: u.name(lang), width=24),
        Field("assess.score", lambda u: u.score, "number", width=10),
        *(
            Field(f"assess.component.{name}", points(name), "number", width=12)
            for name in COMPONENTS
        ),
    ]
    book.table(scores, columns, report.units, lang)
    items = book.sheet(word("assess.items", lang))
    kinds: dict[str, CellKind] = {"rank": "integer", "score": "number", "credit": "number"}

    def cell(key: str) -> Callable[[dict[str, Any]], object]:
        return lambda row: row[key]

    book.table(
        items,
        [Field(key, cell(key), kinds.get(key, "text"), literal=True) for key in ITEM_COLUMNS],
        item_rows(report, lang),
        lang,
    )
    return book.data()
