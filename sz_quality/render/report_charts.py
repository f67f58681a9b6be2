"""The annual report's charts as SVG, drawn by report/charts.py with the words of words.py."""

from __future__ import annotations

from dataclasses import replace

from ..report.charts import (
    BULLET_LEGEND,
    TARGET_LEGEND,
    AgencyChart,
    StatusChart,
    agency_bullet_svg,
    statuses_svg,
    target_svg,
)
from ..report.model import AnnualReport
from .format import format_number
from .verdict_words import status_word, word

__all__ = ["chart_svgs"]


def chart_svgs(annual: AnnualReport) -> dict[str, str]:
    """Chart id -> SVG, for every chart of the report (none when it was built without)."""
    lang = annual.lang
    labels = tuple(word(key, lang) for key in TARGET_LEGEND)
    bullet_labels = tuple(word(key, lang) for key in BULLET_LEGEND)
    svgs: dict[str, str] = {}
    for chart_id, spec in annual.charts.items():
        if isinstance(spec, AgencyChart):
            svgs[chart_id] = agency_bullet_svg(spec.chart_id, spec.title, spec.rows, bullet_labels)
        elif isinstance(spec, StatusChart):
            words = tuple(status_word(status, lang) for status, _ in spec.rows[0][1])
            svgs[chart_id] = statuses_svg(replace(spec, labels=words))
        else:
            svgs[chart_id] = target_svg(replace(spec, labels=labels), _axis_number)
    return svgs


def _axis_number(value: float) -> str:
    return format_number(value)
