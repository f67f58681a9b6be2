"""What the annual report's HTML and Markdown share: the Jinja environment and context.

jinja2 (the `report` extra) is imported on first use; without it ReportExtraMissing
says `pip install 'sz-quality[report]'`. Every word comes from words.py and every cell of
a target's row from result_row.py, so the report prints a target as `szq check` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...check.assess import UnitScore
from ...check.reasons import Reason
from ...check.results import STATUSES, Result
from ...plan.assessment import COMPONENTS
from ...report.colours import MEASURE_BADGES, STATUS_PALETTE
from ...report.evaluation import agency_lines, charted_lines
from ...report.model import AnnualReport
from ..assess.table import component_line, figure, rules_line
from ..evidence_text import note_lines, used_lines
from ..result_row import ROW, common_years, indicator_cells, indicator_headers, yearly_cell
from ..verdict_words import reason_text, word
from .evaluation_text import Prose, data_row, refs_text

__all__ = ["context", "environment", "report_title"]


def environment() -> Any:
    try:
        import jinja2
    except ModuleNotFoundError as error:
        from ...report.charts import ReportExtraMissing

        raise ReportExtraMissing("jinja2") from error
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("sz_quality.render.report", "templates"),
        autoescape=True,  # everything, whatever the template's name
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["STATUSES"] = STATUSES
    # the badges' colours, from the one table of status colours (report/colours.py)
    environment.globals["status_palette"] = STATUS_PALETTE
    environment.globals["measure_badges"] = MEASURE_BADGES
    return environment


def report_title(annual: AnnualReport) -> str:
    return word("report.title", annual.lang, plan=annual.plan, year=annual.year)


def context(annual: AnnualReport) -> dict[str, Any]:
    """The template's names: the report, its words and its figures in its language."""
    lang = annual.lang

    def w(key: str, **fields: object) -> str:
        return word(key, lang, **fields)

    def cell(key: str, result: Result) -> str:
        """A cell of the result's row, as every renderer shows it (render/result_row.py)."""
        return ROW[key](result, lang)

    def reason(found: Reason | None) -> str:
        return reason_text(found, lang) if found is not None else ""

    # the data's caveats and the rows a verdict used (render/evidence_text.py)
    def notes(result: Result) -> list[str]:
        return note_lines(result.evidence, lang)

    def used(result: Result) -> list[str]:
        return used_lines(result.evidence, lang)

    # the assessment's annex (szq report --assessment; render/assess/table.py)
    def assess_lines(unit: UnitScore) -> list[str]:
        if unit.score is None:
            return [word("assess.not_assessable", lang)]
        return [component_line(component, lang) for component in unit.components]

    def assess_groups() -> list[tuple[str, tuple[UnitScore, ...]]]:
        found = annual.assessment
        if found is None:
            return []
        groups = (("assess.agencies", found.agencies), ("assess.districts", found.districts))
        return [(word(key, lang), units) for key, units in groups if units]

    found = annual.evaluation
    assert found is not None
    years = common_years(found.indicators)
    prose = Prose(annual)
    return {
        "r": annual,
        "e": found,
        "eval_title": prose.title,
        # the evaluation report's prose (render/evaluation_text.py) and table (result_row.py)
        "overall": prose.overall,
        "chapter_text": prose.chapter,
        "charted": lambda chapter: charted_lines(chapter, found),
        "problems": prose.problems,
        "next_steps": prose.next_steps,
        # with a yearly plan, its 年度目标 last (render/result_row.py's yearly columns)
        "indicator_headers": [
            *indicator_headers(lang, years),
            *([word("yearly_target", lang)] if annual.yearly_plan else []),
        ],
        "indicator_cells": lambda line: [
            *indicator_cells(line, lang, years),
            *([yearly_cell(line.result, lang)] if annual.yearly_plan else []),
        ],
        "refs": refs_text,
        "sources": prose.sources,
        "data_row": data_row,
        "note_entries": prose.notes,
        "agency_lines": lambda section: agency_lines(section, found),
        "unreported_measures": prose.unreported,
        "w": w,
        "lang": lang,
        "title": report_title(annual),
        "registry_name": Path(annual.registry_path).name,
        "cell": cell,
        "reason": reason,
        "notes": notes,
        "used": used,
        "assess_lines": assess_lines,
        "assess_groups": assess_groups,
        "assess_rules": rules_line(annual.assessment, lang) if annual.assessment else "",
        "assess_components": COMPONENTS,
        "figure": figure,
    }
