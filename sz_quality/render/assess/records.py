"""`szq assess` as records: JSON (AssessmentReport.to_dict) and CSV, a row per item (a
unit's component's target, row to submit, measure or sub-target) with its unit's score
and rank and its component's share and points beside it; the workbook's items sheet
takes the same rows."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from ...plan.lang import Lang
from ..jsonout import dumps
from ..result_row import safe_text

if TYPE_CHECKING:
    from ...check.assess import AssessmentReport

__all__ = ["ITEM_COLUMNS", "item_rows", "render_csv", "render_json"]


def render_json(report: AssessmentReport, lang: Lang) -> str:
    return dumps(report.to_dict())


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


def render_csv(report: AssessmentReport, lang: Lang) -> str:
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
