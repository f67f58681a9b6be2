"""The annual report as JSON: its data (what `-o report.json` writes); no charts in it.

The results keep the contract of `szq check --format json` (the same keys and figures),
with the name, chapter, history and chart id of each target added.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...check.evidence import row_dict
from ...check.outlook import outlook_fields
from ...check.results import number
from ...plan.lang import Lang
from ...report.evaluation import Evaluation, IndicatorRow
from ...report.model import AgencySection, AnnualReport, ChapterSection, MeasureRow, TargetRow
from ..jsonout import dumps
from ..validate.as_json import diagnostic_dict
from ..verdict_words import reason_words
from .templating import report_title

__all__ = ["evaluation_dict", "report_dict", "report_json"]


def _target(row: TargetRow, lang: Lang, yearly: bool = False) -> dict[str, Any]:
    data = row.result.to_dict(reason_words(lang), yearly=yearly)
    data["name"] = row.name
    data["chapter"] = row.result.spec.chapter
    data["history"] = [[year, number(value)] for year, value in row.history]
    data["chart"] = row.chart
    return data


def _measure(row: MeasureRow) -> dict[str, Any]:
    """The measure's row, its text aside (the registry words it)."""
    measure = row.measure
    return {
        "id": measure.id,
        "table": measure.table,
        "targets": measure.targets,
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


# the result's fields in a line of the indicator table (主要指标完成情况), in its order
_INDICATOR_FIELDS = (
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_min",
    "target_max",
    "tolerance",
    "target_year",
    "actual",
    "actual_year",
    "gap",
    "progress",
)


def _indicator(line: IndicatorRow) -> dict[str, Any]:
    result = line.result
    rates = outlook_fields(result.outlook)
    return {
        "number": line.number,
        "target": result.target,
        "completion": line.completion,
        "nominal": line.nominal,
        **result.json_fields(*_INDICATOR_FIELDS),
        "observed_rate": rates["observed_rate"],
        "required_rate": rates["required_rate"],
        "leads": list(line.leads),
    }


def _ids(lines: Sequence[IndicatorRow]) -> list[str]:
    return [line.result.target for line in lines]


def evaluation_dict(found: Evaluation) -> dict[str, Any]:
    """The evaluation report's facts, each figure its prose states (render/evaluation_text.py)."""
    return {
        "final": found.final,
        "time_share": number(found.time_share),
        "total": found.total,
        "checked": found.checked,
        "completion_rate": number(found.completion_rate),
        "counts": dict(found.counts),
        "completions": dict(found.completions),
        "indicators": [_indicator(line) for line in found.indicators],
        "chapters": [
            {
                "chapter": int(c.key) if c.key.isdigit() else c.key,
                "total": c.total,
                "checked": c.checked,
                "met": _ids(c.met),
                "on_track": _ids(c.on_track),
                "lagging": _ids(c.lagging),
                "without_data": c.without_data,
            }
            for c in found.chapters
        ],
        "problems": _ids(found.problems),
        "beyond_reach": _ids(found.beyond_reach),
        # the counts the prose states: agencies lacking data, those whose only task is data
        "agencies_without_data": len(found.missing_by_agency),
        "agencies_with_data_only_to_submit": sum(1 for task in found.tasks if not task.lagging),
        "missing_by_agency": [
            {"agency": agency, "count": count} for agency, count in found.missing_by_agency
        ],
        "tasks": [
            {"agency": task.key, "lagging": _ids(task.lagging), "without_data": task.without_data}
            for task in found.tasks
        ],
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
    if annual.evaluation is not None:
        data["evaluation"] = evaluation_dict(annual.evaluation)
    if annual.stamp is not None:
        data["generated"] = annual.stamp
    return data


def report_json(annual: AnnualReport) -> str:
    return dumps(report_dict(annual))
