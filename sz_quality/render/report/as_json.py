"""The annual report as JSON: its data (what `-o report.json` writes); no charts in it.

The results keep the contract of `szq check --format json` (the same keys and figures),
with the name, chapter, history and chart id of each target added.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...check.evidence import row_dict
from ...check.results import number
from ...plan.lang import Lang
from ...report.model import AgencySection, AnnualReport, ChapterSection, MeasureRow, TargetRow
from ..jsonout import dumps
from ..validate.as_json import diagnostic_dict
from ..verdict_words import reason_words
from .templating import report_title

__all__ = ["report_dict", "report_json"]


def _target(row: TargetRow, lang: Lang, yearly: bool = False) -> dict[str, Any]:
    data = row.result.to_dict(reason_words(lang), yearly=yearly)
    data["name"] = row.name
    data["chapter"] = row.result.spec.chapter
    data["history"] = [[year, number(value)] for year, value in row.history]
    data["chart"] = row.chart
    return data


def _measure(row: MeasureRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "table": row.table,
        "targets": list(row.targets),
        "status": row.status,
        "note": row.note,
    }


def _chapter(section: ChapterSection) -> dict[str, Any]:
    return {
        "chapter": int(section.key) if section.key.isdigit() else section.key,
        "label": section.label,
        "counts": dict(section.counts),
        "targets": [row.result.target for row in section.targets],
    }


def _agency(section: AgencySection) -> dict[str, Any]:
    return {
        "agency": section.key,
        "label": section.label,
        "counts": dict(section.counts),
        "open_gaps": section.open_gaps,
        "targets": [row.result.target for row in section.targets],
        "measures": [_measure(row) for row in section.measures],
        "measure_counts": dict(section.measure_counts),
    }


def report_dict(annual: AnnualReport) -> dict[str, Any]:
    """The report's data as plain JSON values, in a stable key order."""
    data: dict[str, Any] = {
        "year": annual.year,
        "lang": annual.lang,
        "title": report_title(annual),
        "registry": {"path": Path(annual.registry_path).name, "sha256": annual.registry_sha256},
        "summary": dict(annual.summary),
        "total": annual.total,
        "summary_by_nature": [
            {"label": label, "counts": dict(counts), "total": total}
            for label, counts, total in annual.natures
        ],
        "chapters": [_chapter(section) for section in annual.chapters],
        "agencies": [_agency(section) for section in annual.agencies],
        "widest_gaps": [section.key for section in annual.widest_gaps],
        "results": [_target(row, annual.lang, bool(annual.yearly_plan)) for row in annual.targets],
        "measures_status": (
            {"path": annual.status_file, "counts": dict(annual.measure_counts or {})}
            if annual.status_file is not None
            else None
        ),
        "inputs": [summary.to_dict() for summary in annual.inputs],
        "diagnostics": [diagnostic_dict(d, annual.lang) for d in annual.diagnostics],
        "revisions": [
            {
                "series": revision.series,
                "region": revision.region,
                "year": revision.year,
                "old": number(revision.old),
                "new": number(revision.new),
                "old_file": revision.old_file,
                "old_line": revision.old_line,
                "new_file": revision.new_file,
                "new_line": revision.new_line,
            }
            for revision in annual.revisions
        ],
        "sources": [{"source": s.source, "series": list(s.series)} for s in annual.sources],
        "notes": [row_dict(row) for row in annual.notes],
    }
    if annual.yearly_plan:
        data["yearly_plan"] = list(annual.yearly_plan)
    if annual.assessment is not None:
        data["assessment"] = annual.assessment.to_dict()
    if annual.stamp is not None:
        data["generated"] = annual.stamp
    return data


def report_json(annual: AnnualReport) -> str:
    return dumps(report_dict(annual))
