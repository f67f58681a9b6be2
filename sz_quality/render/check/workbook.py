"""`szq check --format xlsx`: a workbook an analyst can filter and forward.

Sheets, named in --lang: a summary (targets by status, by chapter, the agencies with the
widest gaps), the results (one row per target, in the order and with the values of
`--format json`: frozen header, autofilter, numbers as numbers, statuses coloured as in
the terminal), and the inputs and diagnostics. The results' columns are RESULT_COLUMNS:
each takes its value from the JSON result (`Result.to_dict`), so a field added to the
JSON is one Column here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...check.results import STATUSES, Report, Result, Status
from ...plan.lang import Lang
from ...read.observations import Observation
from ...report.colours import STATUS_PALETTE
from .. import format as figures
from ..evidence_text import note_lines
from ..verdict_words import status_word, trend_word, word
from ..xlsx_book import Book, Column, field

if TYPE_CHECKING:
    from .dispatch import RenderOptions

__all__ = [
    "DIAGNOSTIC_COLUMNS",
    "INPUT_COLUMNS",
    "RESULT_COLUMNS",
    "ResultRow",
    "render_xlsx",
    "status_fills",
    "value_sources",
]


def status_fills() -> dict[str, dict[str, object]]:
    """status -> cell style (report/colours.py: the colours of `szq check`'s table)."""
    return {
        status: {"bg_color": colour.fill, "font_color": colour.font, "bold": colour.bold}
        for status, colour in STATUS_PALETTE.items()
    }


@dataclass(frozen=True)
class ResultRow:
    """A result with its JSON dict and what the row shows beside it."""

    result: Result
    data: Mapping[str, Any]  # Result.to_dict: the values of --format json
    lang: Lang
    agencies: Mapping[str, tuple[str, str]]
    source: str | None
    chapter: str = ""  # the chapter's name in `lang`
    indicator: str = ""  # the indicator's name in `lang`

    def agency_names(self) -> str:
        names = self.agencies
        index = 0 if self.lang == "zh" else 1
        return word("list.names", self.lang).join(
            names.get(name, (name, name))[index] for name in self.data["lead_agencies"]
        )


def _nature(row: ResultRow) -> str:
    nature = row.data["nature"]
    return word(f"nature.{nature}", row.lang) if nature else ""


def _name(names: tuple[str, str] | None, lang: Lang) -> str:
    return "" if names is None else names[0 if lang == "zh" else 1]


def _fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100


def _status(row: ResultRow) -> str:
    return str(row.data["status"])


RESULT_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda r: r.data["target"], width=24),
    Column("target_name", lambda r: r.result.name(r.lang), width=40),
    Column("chapter", lambda r: r.result.spec.chapter, "integer", width=6),
    Column("xlsx.chapter_name", lambda r: r.chapter, width=24),
    Column("indicator", lambda r: r.data["indicator"], width=22),
    Column("xlsx.indicator_name", lambda r: r.indicator, width=30),
    Column("status", lambda r: status_word(r.data["status"], r.lang), width=12, fill=_status),
    Column("actual", lambda r: r.data["actual"], "number"),
    Column("actual_year", lambda r: r.data["actual_year"], "integer", width=8),
    Column("target_figure", lambda r: figures.target_text(r.result, r.lang), width=22),
    Column("target_value", lambda r: r.data["target_value"], "number"),
    Column("unit", lambda r: r.data["unit"], width=10),
    Column("gap", lambda r: r.data["gap"], "number"),
    # a percentage as progress is: a number formatted % (the header says %)
    Column("gap_pct", lambda r: _fraction(r.data["gap_pct"]), "percent"),
    Column("progress", lambda r: r.data["progress"], "percent"),
    Column("trend_ratio", lambda r: r.data["trend"]["ratio"], "number"),
    Column(
        "trend",
        lambda r: (
            trend_word(r.data["trend"]["category"], r.lang) if r.data["trend"]["category"] else None
        ),
        width=14,
    ),
    # what is still needed and where it is heading (check/outlook.py), as in the JSON
    Column("path", lambda r: r.data["path"], width=10),
    Column("nominal", lambda r: r.data["nominal"], "boolean", width=8),
    Column("observed_rate", lambda r: r.data["observed_rate"], "number"),
    Column("required_rate", lambda r: r.data["required_rate"], "number"),
    Column("rate_unit", lambda r: r.data["rate_unit"], width=10),
    Column("projected_value", lambda r: r.data["projected_value"], "number"),
    Column(
        "projected_status",
        lambda r: (
            status_word(r.data["projected_status"], r.lang) if r.data["projected_status"] else None
        ),
        width=12,
    ),
    Column("lead", lambda r: r.agency_names(), width=30),
    Column("lead_inferred", lambda r: r.data["lead_agencies_inferred"], "boolean", width=8),
    Column("nature", lambda r: _nature(r), width=10),
    Column("reason", lambda r: r.data["reason"], width=40, wrap=True),
    Column("reason_code", lambda r: r.data["reason_code"], width=14),
    Column("source", lambda r: r.source, width=40),
    # the data's caveats, one line each, as the CSV's `notes` (render/evidence_text.py)
    Column(
        "data_notes",
        lambda r: "\n".join(note_lines(r.result.evidence, r.lang)),
        width=60,
        wrap=True,
    ),
)


def _yearly(row: ResultRow, key: str) -> Any:
    verdict = row.data.get("yearly")
    return verdict[key] if verdict else None


# a check with a yearly plan: the sub-target for the year and the verdict against it
YEARLY_COLUMNS: tuple[Column, ...] = (
    Column("yearly_target", lambda r: _yearly(r, "value"), "number"),
    Column("yearly_unit", lambda r: _yearly(r, "unit"), width=10),
    Column(
        "yearly_status",
        lambda r: status_word(_yearly(r, "status"), r.lang) if _yearly(r, "status") else None,
        width=12,
    ),
    Column("yearly_source", lambda r: _yearly(r, "source"), width=30),
)

DIAGNOSTIC_COLUMNS: tuple[Column, ...] = (
    field("severity", width=8),
    field("code", width=18),
    field("file", width=30),
    field("line", "integer", width=8),
    field("column", "integer", width=8),
    field("message", width=60),
    field("hint", width=40),
)

INPUT_COLUMNS: tuple[Column, ...] = (
    Column("file", lambda i: i["path"], width=40),
    Column("rows", lambda i: i["rows"], "integer"),
    Column("accepted", lambda i: i["accepted"], "integer"),
    Column("rejected", lambda i: i["rejected"], "integer"),
)


def render_xlsx(report: Report, options: RenderOptions) -> bytes:
    """The workbook's bytes. `options.sources`: (series, year) -> the data's source of a
    value, shown beside the result whose actual value it is (value_sources)."""
    from ..verdict_words import reason_words

    lang = options.lang
    data = report.to_dict(reason_words(lang))
    book = Book(lang)
    fills = status_fills()
    _summary(book, report, lang, fills)
    chapters = {group.key: group.label(lang) for group in report.by_chapter()}
    rows = [
        ResultRow(
            result,
            item,
            lang,
            report.agency_names,
            _source(result, options.sources),
            chapters.get(str(result.spec.chapter), ""),
            _name(report.indicator_names.get(result.indicator), lang),
        )
        for result, item in zip(report.results, data["results"], strict=True)
    ]
    results = book.sheet(word("xlsx.results", lang))
    shown = (*RESULT_COLUMNS, *YEARLY_COLUMNS) if report.yearly_plan else RESULT_COLUMNS
    book.table(results, shown, rows, lang, fills=fills)
    inputs = book.sheet(word("inputs", lang))
    book.table(inputs, INPUT_COLUMNS, data["inputs"], lang)
    diagnostics = book.sheet(word("diagnostics", lang))
    book.table(diagnostics, DIAGNOSTIC_COLUMNS, data["diagnostics"], lang)
    return book.data()


def value_sources(observations: Iterable[Observation]) -> dict[tuple[str, int], str]:
    """(series, year) -> the data's source of the city total's value, where it names one."""
    return {
        (observation.series, observation.year): observation.source.strip()
        for observation in observations
        if observation.region == "" and observation.source and observation.source.strip()
    }


def _source(result: Result, sources: Mapping[tuple[str, int], str]) -> str | None:
    """The source of the value the result compares: reported for the target, else the
    indicator's (none for a value derived from several series)."""
    if result.actual_year is None:
        return None
    return sources.get((result.target, result.actual_year)) or sources.get(
        (result.indicator, result.actual_year)
    )


def _summary(book: Book, report: Report, lang: Lang, fills: dict[str, dict[str, object]]) -> None:
    sheet = book.sheet(word("summary", lang))
    bold = {"bold": True}
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, len(STATUSES) + 1, 12)
    book.write(
        sheet, 0, 0, word("check.title", lang, year=report.year), "text", bold=True, font_size=14
    )
    # targets by status
    book.write(sheet, 2, 0, word("status", lang), "text", **bold)
    book.write(sheet, 2, 1, word("count", lang), "text", **bold)
    row = 3
    for status, count in report.summary.items():
        book.write(sheet, row, 0, status_word(status, lang), "text", **fills[status])
        book.write(sheet, row, 1, count, "integer")
        row += 1
    book.write(sheet, row, 0, word("total", lang), "text", **bold)
    book.write(sheet, row, 1, len(report.results), "integer", **bold)
    # by chapter
    row += 2
    row = _counts_table(
        book,
        sheet,
        row,
        word("by_chapter", lang),
        [(g.label(lang), g.counts, g.total) for g in report.by_chapter()],
        lang,
        fills,
    )
    # the agencies with the widest gaps
    row += 1
    book.write(sheet, row, 0, word("widest_gaps", lang), "text", bold=True, font_size=12)
    row += 1
    widest = report.widest_gaps()
    if not widest:
        book.write(sheet, row, 0, word("no_open_gaps", lang), "text")
        return
    headers = (
        word("agency", lang),
        word("open_gaps", lang),
        status_word("no_data", lang),
        word("total", lang),
    )
    for index, text in enumerate(headers):
        book.write(sheet, row, index, text, "text", **bold)
    for group in widest:
        row += 1
        book.write(sheet, row, 0, group.label(lang), "text")
        book.write(sheet, row, 1, group.open_gaps, "integer")
        book.write(sheet, row, 2, group.counts["no_data"], "integer")
        book.write(sheet, row, 3, group.total, "integer")


def _counts_table(
    book: Book,
    sheet: Any,
    row: int,
    heading: str,
    groups: Sequence[tuple[str, Mapping[Status, int], int]],
    lang: Lang,
    fills: dict[str, dict[str, object]],
) -> int:
    """A heading, then one row per group: its counts by status and its total."""
    book.write(sheet, row, 0, heading, "text", bold=True, font_size=12)
    row += 1
    book.write(sheet, row, 0, word("chapter", lang), "text", bold=True)
    for index, status in enumerate(STATUSES, start=1):
        book.write(sheet, row, index, status_word(status, lang), "text", **fills[status])
    book.write(sheet, row, len(STATUSES) + 1, word("total", lang), "text", bold=True)
    for label, counts, total in groups:
        row += 1
        book.write(sheet, row, 0, label, "text")
        for index, status in enumerate(STATUSES, start=1):
            book.write(sheet, row, index, counts[status], "integer")
        book.write(sheet, row, len(STATUSES) + 1, total, "integer")
    return row + 1
