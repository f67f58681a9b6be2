"""`szq assess`'s outputs: a table for people, JSON, CSV and a workbook, each traceable.

AssessFormat maps each `--format` to its renderer (as render/calc.py). The table lists
the agencies and the districts in rank order with each component's points, then, per
unit, how the points were earned (each component's items counted, its weight and
points); JSON is AssessmentReport.to_dict; CSV and the workbook's second sheet have a
row per item (a unit's component's target, row to submit, measure or sub-target), with
its unit's score and rank and its component's share and points beside it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, assert_never

from ..plan.assessment import COMPONENTS
from ..plan.lang import Lang
from .grid import Cell, Column, render_grid
from .jsonout import dumps
from .result_row import safe_text
from .verdict_words import word

if TYPE_CHECKING:
    from ..check.assess import AssessmentReport, ComponentScore, Item, UnitScore

__all__ = ["ITEM_COLUMNS", "AssessFormat", "item_rows", "renderer_for", "workbook"]


class AssessFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


TextRenderer = Callable[["AssessmentReport", Lang], str]
BinaryRenderer = Callable[["AssessmentReport", Lang], bytes]


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _share(value: float) -> str:
    return f"{value:.6g}"


def _status_text(item: Item, lang: Lang) -> str:
    for prefix in ("status", "measure", "assess.item"):
        key = f"{prefix}.{item.status}"
        try:
            return word(key, lang)
        except KeyError:
            continue
    return item.status


def _component_line(component: ComponentScore, lang: Lang) -> str:
    name = word(f"assess.component.{component.component}", lang)
    if not component.used:
        return word("assess.component_unused", lang, component=name)
    counted = component.counted
    line = word(
        "assess.component_line",
        lang,
        component=name,
        earned=_share(sum(i.weight * (i.credit or 0.0) for i in counted)),
        possible=_share(sum(i.weight for i in counted)),
        weight=_share(component.weight),
        points=_figure(component.points),
    )
    items = []
    for item in component.counted:
        text = f"{item.id} {_status_text(item, lang)}"
        if item.weight != 1.0:
            text += f" ×{_share(item.weight)}"
        items.append(text)
    line += word("punct.colon", lang) + word("list.separator", lang).join(items)
    uncounted = len(component.items) - len(component.counted)
    if uncounted:
        line += word("list.comma", lang) + word("assess.uncounted", lang, count=uncounted)
    return line


def _table(report: AssessmentReport, lang: Lang) -> str:
    rules = report.rules
    weights = word("list.separator", lang).join(
        f"{word(f'assess.component.{name}', lang)} {_share(rules.weight(name))}"
        for name in COMPONENTS
    )
    out = [
        word("assess.title", lang, year=report.year),
        word(
            "assess.rules",
            lang,
            weights=weights,
            inferred=word(f"assess.inferred.{rules.inferred_leads}", lang),
            shared=word(f"assess.shared.{rules.shared_targets}", lang),
            credit=_share(rules.in_progress_credit),
        ),
        word("assess.ties", lang),
    ]
    for diagnostic in report.diagnostics:
        out.append(
            f"{diagnostic.file}:{diagnostic.line or ''}: {diagnostic.code}: "
            f"{diagnostic.text_in(lang)}"
        )
    for heading, units in (
        ("assess.agencies", report.agencies),
        ("assess.districts", report.districts),
    ):
        if not units:
            continue
        columns = [
            Column(word("assess.rank", lang), 6, "right"),
            Column(word("assess.unit", lang), 18),
            Column(word("assess.score", lang), 8, "right"),
            *(Column(word(f"assess.component.{name}", lang), 12, "right") for name in COMPONENTS),
        ]
        rows = []
        for unit in units:
            if unit.score is None:
                continue
            cells = [Cell(str(unit.rank)), Cell(unit.name(lang)), Cell(_figure(unit.score))]
            for component in unit.components:
                shown = _figure(component.points) if component.used else "—"
                cells.append(Cell(f"{shown} ({len(component.counted)})"))
            rows.append(cells)
        out.append("")
        out.append(word(heading, lang))
        if rows:
            out.append(render_grid(columns, rows).rstrip("\n"))
        idle = [unit.name(lang) for unit in units if unit.score is None]
        if idle:
            listed = word("list.separator", lang).join(idle)
            out.append(word("assess.not_assessable", lang) + word("punct.colon", lang) + listed)
        out.append("")
        out.append(word("assess.items", lang))
        for unit in units:
            if unit.score is None:
                continue
            colon = word("punct.colon", lang)
            out.append(f"{unit.rank}. {unit.name(lang)}{colon}{_figure(unit.score)}")
            out.extend(f"   {_component_line(c, lang)}" for c in unit.components)
    return "\n".join(out) + "\n"


def _json(report: AssessmentReport, lang: Lang) -> str:
    return dumps(report.to_dict())


# -- a row per item: CSV and the workbook's items sheet ---------------------------------

ITEM_COLUMNS = (
    "kind",
    "unit",
    "name",
    "rank",
    "score",
    "component",
    "component_weight",
    "component_share",
    "component_points",
    "item",
    "item_status",
    "credit",
    "item_weight",
    "note",
)


def item_rows(report: AssessmentReport, lang: Lang) -> list[dict[str, Any]]:
    """A row per item of every unit's components (a unit without any: one row)."""
    rows: list[dict[str, Any]] = []
    for unit in report.units:
        head = {
            "kind": unit.kind,
            "unit": unit.key,
            "name": unit.name(lang),
            "rank": unit.rank,
            "score": None if unit.score is None else round(unit.score, 6),
        }
        before = len(rows)
        for component in unit.components:
            part = {
                "component": component.component,
                "component_weight": component.weight,
                "component_share": None if component.share is None else round(component.share, 6),
                "component_points": None
                if component.points is None
                else round(component.points, 6),
            }
            for item in component.items:
                rows.append(
                    {
                        **head,
                        **part,
                        "item": item.id,
                        "item_status": item.status,
                        "credit": item.credit,
                        "item_weight": round(item.weight, 6),
                        "note": item.note,
                    }
                )
        if len(rows) == before:
            rows.append({**head, **dict.fromkeys(ITEM_COLUMNS[5:])})
    return rows


def _csv(report: AssessmentReport, lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ITEM_COLUMNS)
    for row in item_rows(report, lang):
        writer.writerow(
            [
                ""
                if row[key] is None
                else safe_text(row[key])
                if isinstance(row[key], str)
                else repr(row[key])
                if isinstance(row[key], float)
                else str(row[key])
                for key in ITEM_COLUMNS
            ]
        )
    return buffer.getvalue()


def _xlsx(report: AssessmentReport, lang: Lang) -> bytes:
    from .xlsx_book import Book, CellKind
    from .xlsx_book import Column as Field

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


def renderer_for(output_format: AssessFormat) -> TextRenderer:
    """The function that renders `szq assess`'s result as text (not xlsx: `workbook`)."""
    if output_format is AssessFormat.table:
        return _table
    if output_format is AssessFormat.json:
        return _json
    if output_format is AssessFormat.csv:
        return _csv
    if output_format is AssessFormat.xlsx:
        raise ValueError("a workbook is bytes: use workbook()")
    assert_never(output_format)


def workbook(report: AssessmentReport, lang: Lang) -> bytes:
    """The workbook: the scores, and a row per item."""
    return _xlsx(report, lang)
