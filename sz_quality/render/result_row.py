"""A checked result's row, specified once: its columns, their words, their texts.

Every renderer that shows a result as a row reads it here: `szq check`'s table,
Markdown, CSV and workbook, and the Word report. ROW maps each column of the people's
row to its text (the header is the key's word in words.py); a renderer picks the
columns it shows, in its order, and `details` gives the lines under a target's name
(why, what is still needed, the data's caveats) for those that fold them into it.
CSV_COLUMNS is the same row for a spreadsheet: codes and numbers rather than words.
A check with a yearly plan (szq check --plan) adds the YEARLY columns to both (the
sub-target for the year and the verdict against it): `columns(report)` and
`csv_columns(report)` are a report's columns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..check.results import Report, Result, number
from ..plan.lang import Lang
from ..report.evaluation import IndicatorRow, completion_of
from .evidence_text import note_lines
from .format import (
    MISSING,
    actual_text,
    format_quantity,
    gap_text,
    outlook_text,
    progress_text,
    rate_text,
    target_figure,
    target_label,
    target_text,
    trend_text,
    unit_name,
    value_in_year,
)
from .verdict_words import reason_text, status_word, word

__all__ = [
    "COLUMNS",
    "EVALUATION_COLUMNS",
    "CSV_COLUMNS",
    "ROW",
    "YEARLY",
    "YEARLY_CSV",
    "column_labels",
    "columns",
    "csv_cells",
    "csv_columns",
    "details",
    "common_years",
    "indicator_cells",
    "indicator_headers",
    "reason_cell",
    "row_cells",
    "safe_text",
    "target_name",
]


def target_name(result: Result, lang: Lang) -> str:
    """The target's name, marked (力争) when aspirational and * when its lead is inferred."""
    name = target_label(result.spec, lang)
    if result.lead_agencies_inferred:
        name += " *"
    return name


def reason_cell(result: Result, lang: Lang) -> str:
    """Why the result is what it is, then the data's caveats (render/evidence_text.py)."""
    reason = [reason_text(result.reason, lang)] if result.reason is not None else []
    return "; ".join(reason + note_lines(result.evidence, lang))


Text = Callable[[Result, Lang], str]


def yearly_target_text(result: Result, lang: Lang) -> str:
    """The sub-target for the year: 1.48 万亿元 (2013); blank without one."""
    verdict = result.yearly
    if verdict is None:
        return ""
    return f"{format_quantity(verdict.value, verdict.unit)} ({verdict.year})"


def yearly_status_text(result: Result, lang: Lang) -> str:
    """met / not met against the sub-target (no data: —); blank without one."""
    verdict = result.yearly
    if verdict is None:
        return ""
    return MISSING if verdict.status == "no_data" else status_word(verdict.status, lang)


def yearly_cell(result: Result, lang: Lang) -> str:
    """年度目标 in the report's main table: the sub-target and the verdict against it."""
    texts = (yearly_target_text(result, lang), yearly_status_text(result, lang))
    return word("list.comma", lang).join(text for text in texts if text)


# column key (its header: words.py) -> the cell's text
ROW: dict[str, Text] = {
    "target": target_name,
    "target_value": target_text,
    "actual": actual_text,
    "status": lambda result, lang: status_word(result.status, lang),
    "gap": gap_text,
    "progress": lambda result, lang: progress_text(result),
    "trend": trend_text,
    "reason": reason_cell,
    "outlook": outlook_text,
}
# every column of the check's row, in the order of a row that shows them all
COLUMNS = tuple(ROW)
# a check with a yearly plan: the sub-target for the year (年度目标) and the verdict
YEARLY: dict[str, Text] = {
    "yearly_target": yearly_target_text,
    "yearly_status": yearly_status_text,
}
ROW.update(YEARLY)


def columns(report: Report) -> tuple[str, ...]:
    """The columns of the report's rows: every column, and the yearly plan's with one."""
    return (*COLUMNS, *YEARLY) if report.yearly_plan else COLUMNS


def _target_cell(result: Result, lang: Lang) -> str:
    """The target's figure without its unit (the unit has its column), and its year."""
    figure = target_figure(result.spec, lang, suffix="")
    if not figure:
        return f"{word('kind.' + result.spec.kind, lang)} ({result.spec.target_year})"
    return f"{figure} ({result.spec.target_year})"


def growth_cell(result: Result, lang: Lang) -> str:
    """年均增长: the yearly rate observed so far, 名义 (nominal) for money amounts."""
    found = result.outlook
    if found is None or found.observed_rate is None:
        return MISSING
    unit = found.rate_unit if found.rate_unit == "%" else unit_name(found.rate_unit, lang)
    text = rate_text(found.observed_rate, unit)
    return text + word("eval.nominal", lang) if result.nominal else text


def completion_word(result: Result, lang: Lang) -> str:
    """完成情况: the status in the words plan reviews use (report/evaluation.py)."""
    completion = completion_of(result)
    return word(f"completion.{completion}", lang) if completion is not None else MISSING


# the evaluation report's 主要指标完成情况: column key (its header: words.py) -> the cell
ROW.update(
    {
        "col.indicator": lambda result, lang: target_name(result, lang),
        "col.unit": lambda result, lang: unit_name(result.unit, lang),
        "col.baseline": lambda result, lang: value_in_year(
            result.baseline_value, result.spec.baseline_year
        ),
        "col.target": _target_cell,
        "col.current": lambda result, lang: value_in_year(result.actual, result.actual_year),
        "col.growth": growth_cell,
        "col.completion": completion_word,
    }
)
EVALUATION_COLUMNS = (
    "col.indicator",
    "col.unit",
    "col.baseline",
    "col.target",
    "col.current",
    "col.growth",
    "col.completion",
)


# the columns whose year the header gives when every line shares it: column -> its year
_YEARS: dict[str, Callable[[Result], int | None]] = {
    "col.baseline": lambda result: result.spec.baseline_year,
    "col.target": lambda result: result.spec.target_year,
    "col.current": lambda result: result.actual_year,
}
_VALUES: dict[str, Text] = {
    "col.baseline": lambda result, lang: value_in_year(result.baseline_value, None),
    "col.target": lambda result, lang: (
        target_figure(result.spec, lang, suffix="") or word("kind." + result.spec.kind, lang)
    ),
    "col.current": lambda result, lang: value_in_year(result.actual, None),
}


def common_years(lines: Sequence[IndicatorRow]) -> dict[str, int]:
    """The columns whose every line has the same year (the header gives it)."""
    found: dict[str, int] = {}
    for key, year_of in _YEARS.items():
        years = {year_of(line.result) for line in lines}
        year = years.pop() if len(years) == 1 else None
        if year is not None:
            found[key] = year
    return found


def indicator_cells(
    line: IndicatorRow, lang: Lang, years: Mapping[str, int] | None = None
) -> list[str]:
    """A line of 主要指标完成情况: its number, the result's EVALUATION_COLUMNS (without the
    year where `years`, common_years', puts it in the header), its leads (in `lang`)."""
    years = years or {}
    result = line.result
    cells = [
        _VALUES[key](result, lang) if key in years else ROW[key](result, lang)
        for key in EVALUATION_COLUMNS
    ]
    leads = word("list.names", lang).join(line.leads) or MISSING
    return [str(line.number), *cells, leads]


def indicator_headers(lang: Lang, years: Mapping[str, int] | None = None) -> list[str]:
    """The headers of 主要指标完成情况, the year under the header where every line shares it."""
    years = years or {}
    headers = []
    for key in ("col.number", *EVALUATION_COLUMNS, "col.lead"):
        header = word(key, lang)
        if key in years:
            header = word("eval.header_year", lang, header=header, year=years[key])
        headers.append(header)
    return headers


def column_labels(lang: Lang) -> dict[str, str]:
    return {key: word(key, lang) for key in ROW}


def row_cells(result: Result, lang: Lang, keys: tuple[str, ...] = COLUMNS) -> list[str]:
    """The texts of `keys`' cells of a result's row."""
    return [ROW[key](result, lang) for key in keys]


def details(result: Result, lang: Lang, *, reason_mark: str = "") -> list[str]:
    """The lines under a target's name: the reason (after `reason_mark`), what is still
    needed and where it is heading (→), the data's caveats."""
    lines = []
    if result.reason is not None:
        lines.append(reason_mark + reason_text(result.reason, lang))
    outlook = outlook_text(result, lang)
    if outlook:
        lines.append(f"→ {outlook}")
    lines.extend(note_lines(result.evidence, lang))
    return lines


# -- the row for a spreadsheet (szq check --format csv) ------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """A text cell that no spreadsheet evaluates as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float | None) -> str:
    rounded = number(value)
    return "" if rounded is None else repr(rounded)


def _year(value: int | None) -> str:
    return "" if value is None else str(value)


CsvCell = Callable[[Result, Lang], str]

# header -> the cell: numbers as numbers, status and trend as codes, names in --lang
CSV_COLUMNS: dict[str, CsvCell] = {
    "target": lambda r, lang: safe_text(r.target),
    "name": lambda r, lang: safe_text(r.name(lang)),
    "indicator": lambda r, lang: safe_text(r.indicator),
    "nature": lambda r, lang: r.nature or "",
    "status": lambda r, lang: r.status,
    "actual": lambda r, lang: _number(r.actual),
    "actual_year": lambda r, lang: _year(r.actual_year),
    "comparator": lambda r, lang: safe_text(r.spec.comparator or ""),
    "target_value": lambda r, lang: _number(r.target_value),
    "target_min": lambda r, lang: _number(r.spec.min),
    "target_max": lambda r, lang: _number(r.spec.max),
    "unit": lambda r, lang: safe_text(r.unit),
    "gap": lambda r, lang: _number(r.gap),
    "gap_pct": lambda r, lang: _number(r.gap_pct),
    "progress": lambda r, lang: _number(r.progress),
    "nominal": lambda r, lang: "true" if r.nominal else "false",
    "path": lambda r, lang: r.path or "",
    "other_path_status": lambda r, lang: r.other_path_status or "",
    "trend_ratio": lambda r, lang: _number(r.trend.ratio if r.trend else None),
    "trend_category": lambda r, lang: (r.trend.category or "") if r.trend else "",
    # the leads' Chinese names, as the registry keys them, in either language
    "lead_agencies": lambda r, lang: safe_text(word("list.separator", "zh").join(r.lead_agencies)),
    "lead_agencies_inferred": lambda r, lang: "true" if r.lead_agencies_inferred else "false",
    "reason": lambda r, lang: safe_text(reason_text(r.reason, lang) if r.reason else ""),
    # progress analysis (sz_quality.check.outlook)
    "observed_rate": lambda r, lang: _number(r.outlook.observed_rate) if r.outlook else "",
    "required_rate": lambda r, lang: _number(r.outlook.required_rate) if r.outlook else "",
    "rate_basis": lambda r, lang: r.outlook.basis if r.outlook else "",
    "rate_unit": lambda r, lang: safe_text(r.outlook.rate_unit) if r.outlook else "",
    "projected_value": lambda r, lang: _number(r.outlook.projected_value) if r.outlook else "",
    "projected_year": lambda r, lang: _year(r.outlook.projected_year) if r.outlook else "",
    "projected_status": lambda r, lang: (r.outlook.projected_status or "") if r.outlook else "",
    "region": lambda r, lang: safe_text(r.region),
    # the data's caveats, one line each (render/evidence_text.py)
    "notes": lambda r, lang: safe_text("\n".join(note_lines(r.evidence, lang))),
}


# a check with a yearly plan: the sub-target, its unit and source, and the verdict
YEARLY_CSV: dict[str, CsvCell] = {
    "yearly_target": lambda r, lang: _number(r.yearly.value) if r.yearly else "",
    "yearly_unit": lambda r, lang: safe_text(r.yearly.unit) if r.yearly else "",
    "yearly_actual": lambda r, lang: _number(r.yearly.actual) if r.yearly else "",
    "yearly_status": lambda r, lang: r.yearly.status if r.yearly else "",
    "yearly_source": lambda r, lang: safe_text(r.yearly.source or "") if r.yearly else "",
}


def csv_columns(report: Report) -> dict[str, CsvCell]:
    """The CSV's columns of the report's rows (the yearly plan's with one)."""
    return {**CSV_COLUMNS, **YEARLY_CSV} if report.yearly_plan else CSV_COLUMNS


def csv_cells(result: Result, lang: Lang, cells: dict[str, CsvCell] = CSV_COLUMNS) -> list[str]:
    return [cell(result, lang) for cell in cells.values()]
