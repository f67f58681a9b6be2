"""The evaluation report's prose, written from its data (report/evaluation.py).

Every sentence is a template of words.py filled with figures of the results, each
formatted as the tables format it (render/format.py): a test reads the prose back and
finds each figure in the report's JSON (tests/test_evaluation_report.py). A sentence
states only what the results show. Word, HTML and Markdown print the same paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ...check.results import Result
from ...plan.lang import Lang
from ...read.observations import Observation
from ...report.evaluation import ChapterProgress, Evaluation, IndicatorRow, completion_of
from ...report.model import AgencySection, AnnualReport
from ..format import (
    format_exact,
    format_number,
    format_percent,
    quantity_in,
    rate_text,
    target_figure,
    target_label,
    unit_name,
)
from ..verdict_words import word

__all__ = [
    "Prose",
    "chapter_paragraphs",
    "data_row",
    "data_sources",
    "evaluation_title",
    "next_steps",
    "note_entries",
    "overall_paragraphs",
    "problem_paragraphs",
    "refs_text",
    "target_sentence",
    "unreported_measures",
]


def evaluation_title(annual: AnnualReport) -> str:
    return word("eval.title", annual.lang, plan=annual.plan, year=annual.year)


def _end(lang: Lang) -> str:
    return word("punct.full_stop", lang)


def _gap(result: Result, lang: Lang) -> str:
    """The gap without its sign (the sentence says which side), in the language's unit."""
    if result.gap is None:
        return ""
    magnitude = result.gap if result.gap > 0 else -result.gap
    if result.unit == "%":
        return format_number(magnitude) + word("points", lang)
    return quantity_in(magnitude, result.unit, lang)


def _rates(result: Result, lang: Lang) -> str:
    """What is still needed against what was achieved so far (empty without an outlook)."""
    found = result.outlook
    if found is None or found.required_rate is None:
        return ""
    unit = found.rate_unit if found.rate_unit == "%" else unit_name(found.rate_unit, lang)
    required = rate_text(found.required_rate, unit)
    if found.observed_rate is None:
        return word("eval.line.required_only", lang, required=required)
    return word(
        "eval.line.required",
        lang,
        required=required,
        observed=rate_text(found.observed_rate, unit),
        since=result.spec.baseline_year,
    )


def target_sentence(line: IndicatorRow, lang: Lang) -> str:
    """One target in a sentence: its value, its target, by how much it is met or short, and
    the yearly rate it still needs against the rate so far."""
    result = line.result
    quote = ("“", "”") if lang == "zh" else ("", "")
    fields = {
        "name": f"{quote[0]}{target_label(result.spec, lang)}{quote[1]}",
        "year": result.actual_year,
        "actual": quantity_in(result.actual, result.unit, lang),
        "target": target_figure(result.spec, lang, suffix=_unit_suffix(result.unit, lang))
        or word(f"kind.{result.spec.kind}", lang),  # kind trend: a direction, no figure
    }
    if result.status == "met":
        gap = _gap(result, lang)
        if gap and result.gap:
            return word("eval.line.met", lang, gap=gap, **fields)
        return word("eval.line.met_exact", lang, **fields)
    if result.status == "on_track":
        completion = completion_of(result)
        if result.progress is None:
            return word(
                "eval.line.trend", lang, completion=word(f"completion.{completion}", lang), **fields
            )
        return word(
            "eval.line.on_track",
            lang,
            progress=format_percent(result.progress),
            completion=word(f"completion.{completion}", lang),
            **fields,
        )
    sentence = word("eval.line.open", lang, gap=_gap(result, lang), **fields)
    return sentence + _rates(result, lang)


def _unit_suffix(unit: str, lang: Lang) -> str:
    name = unit_name(unit, lang)
    return name if lang == "zh" or name == "%" else f" {name}"


def overall_paragraphs(annual: AnnualReport) -> list[str]:
    """总体情况: how many targets were checked, met, not met, on or off track, without data,
    and what that means for the year."""
    found = annual.evaluation
    assert found is not None
    lang = annual.lang
    counts = found.counts
    paragraphs = [
        word(
            "eval.overall.counts",
            lang,
            plan=annual.plan,
            total=found.total,
            year=found.year,
            checked=found.checked,
            without=counts["no_data"],
            unassessable=counts["not_assessable"],
        )
    ]
    open_count = counts["not_met"] + counts["off_track"]
    if found.final:
        text = word(
            "eval.overall.final",
            lang,
            year=found.year,
            checked=found.checked,
            met=counts["met"],
            not_met=counts["not_met"],
            rate=format_percent(found.completion_rate) or "—",
        )
        if open_count:
            text += word("eval.overall.some_not_met", lang, count=open_count)
        elif found.checked:
            text += word("eval.overall.all_met", lang)
    else:
        text = word(
            "eval.overall.midterm",
            lang,
            year=found.year,
            share=format_percent(found.time_share) or "—",
            checked=found.checked,
            met=counts["met"],
            on_track=counts["on_track"],
            off_track=counts["off_track"],
            not_met=counts["not_met"],
        )
        if open_count:
            text += word("eval.overall.behind_pace", lang, count=open_count)
        elif found.checked:
            text += word("eval.overall.on_pace", lang)
    paragraphs.append(text)
    if counts["no_data"]:
        paragraphs.append(
            word(
                "eval.overall.missing",
                lang,
                count=counts["no_data"],
                agencies=len(found.missing_by_agency),
            )
        )
    return paragraphs


def _sentences(lines: Sequence[IndicatorRow], lang: Lang) -> str:
    return word("punct.semicolon", lang).join(target_sentence(line, lang) for line in lines) + _end(
        lang
    )


def chapter_paragraphs(chapter: ChapterProgress, lang: Lang) -> list[str]:
    """分领域进展 of one chapter: its counts, then what was met and what lags."""
    total = chapter.total
    if not chapter.checked:
        return [word("eval.chapter.none", lang, total=total)]
    paragraphs = [
        word(
            "eval.chapter.counts",
            lang,
            total=total,
            checked=chapter.checked,
            met=len(chapter.met),
            open=len(chapter.lagging),
            without=chapter.without_data,
        )
    ]
    if chapter.met or chapter.on_track:
        paragraphs.append(_sentences((*chapter.met, *chapter.on_track), lang))
    if chapter.lagging:
        paragraphs.append(_sentences(chapter.lagging, lang))
    return paragraphs


def _names(lines: Sequence[IndicatorRow], lang: Lang) -> str:
    quote = ("“", "”") if lang == "zh" else ("", "")
    return word("list.separator", lang).join(
        f"{quote[0]}{target_label(line.result.spec, lang)}{quote[1]}" for line in lines
    )


def problem_paragraphs(found: Evaluation, lang: Lang) -> list[str]:
    """存在的问题: the targets not met or lagging, those beyond reach, the missing data."""
    paragraphs = []
    if found.problems:
        paragraphs.append(word("eval.problems.open", lang, count=len(found.problems)))
        paragraphs.extend(
            f"{index}. {target_sentence(line, lang)}{_end(lang)}"
            for index, line in enumerate(found.problems, start=1)
        )
    else:
        paragraphs.append(word("eval.problems.none", lang))
    if found.beyond_reach:
        names = _names(found.beyond_reach, lang)
        paragraphs.append(word("eval.problems.beyond", lang, names=names))
    if found.counts["no_data"]:
        agencies = word("list.names", lang).join(
            word("eval.agency_count", lang, agency=agency, count=count)
            for agency, count in found.missing_by_agency
        )
        paragraphs.append(
            word("eval.problems.missing", lang, count=found.counts["no_data"], agencies=agencies)
        )
    return paragraphs


def next_steps(found: Evaluation, lang: Lang) -> list[str]:
    """下一步工作: each lead agency with targets to bring to target, and the data it must
    submit; then, in one paragraph, the agencies whose only task is data (how many each
    lacks is in 存在的问题); nothing the results do not show."""
    steps = []
    data_only = []
    for task in found.tasks:
        if not task.lagging:
            data_only.append(task.label)
            continue
        key = "eval.next.both" if task.without_data else "eval.next.lagging"
        steps.append(
            word(
                key,
                lang,
                agency=task.label,
                names=_names(task.lagging, lang),
                count=task.without_data,
            )
        )
    if data_only:
        agencies = word("list.names", lang).join(data_only)
        steps.append(word("eval.next.data", lang, agencies=agencies, count=len(data_only)))
    return steps or [word("eval.next.none", lang)]


def data_sources(rows: Sequence[Observation]) -> dict[str, int]:
    """The sources of the data used, numbered in order of first use."""
    sources: dict[str, int] = {}
    for row in rows:
        if row.source and row.source.strip() not in sources:
            sources[row.source.strip()] = len(sources) + 1
    return sources


def data_row(index: int, row: Observation, sources: dict[str, int]) -> list[str]:
    """A row of data used: its number, series, year, value and unit as given, file:line and
    the number of its source."""
    value = f"{row.value_text or format_exact(row.value)} {row.unit_text}".rstrip()
    where = f"{Path(row.file).name}:{row.line}" if row.file else ""
    source = str(sources[row.source.strip()]) if row.source else ""
    return [str(index), row.series, str(row.year), value, where, source]


def refs_text(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5 -> 1–3, 5."""
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def unreported_measures(section: AgencySection, lang: Lang) -> str:
    """The measures whose implementation no one reported, in one line: how many, which
    tables of the plan (empty when there are none)."""
    unreported = [m for m in section.measures if m.status == "not_reported"]
    if not unreported:
        return ""
    tables = word("list.separator", lang).join(
        word("eval.measure_table", lang, table=table)
        for table in sorted({m.measure.table for m in unreported})
    )
    return word("eval.annex.unreported", lang, count=len(unreported), tables=tables)


def note_entries(annual: AnnualReport) -> list[str]:
    """Annex 3: the notes of the data (the caveats of the values), as the check words
    them (※ data note (series year): note): first those of the rows the tables use,
    after the row's number in annex 2, then every other note of the data."""
    lang = annual.lang
    used = annual.evaluation.data_used if annual.evaluation is not None else ()
    entries = []
    for index, row in enumerate(used, 1):
        if row.note:
            text = word("evidence.note", lang, series=row.series, year=row.year, note=row.note)
            entries.append(f"[{index}] {text}")
    places = {(row.file, row.line) for row in used}
    for row in annual.notes:
        if (row.file, row.line) not in places:
            entries.append(
                word("evidence.note", lang, series=row.series, year=row.year, note=row.note)
            )
    return entries


@dataclass(frozen=True)
class Prose:
    """One report's prose, as Word, HTML and Markdown print it: every part written once
    for the report's language and evaluation (which a report with prose has)."""

    annual: AnnualReport

    @property
    def lang(self) -> Lang:
        return self.annual.lang

    @property
    def found(self) -> Evaluation:
        assert self.annual.evaluation is not None, "a report without an evaluation"
        return self.annual.evaluation

    @cached_property
    def title(self) -> str:
        return evaluation_title(self.annual)

    @cached_property
    def overall(self) -> list[str]:
        return overall_paragraphs(self.annual)

    @cached_property
    def problems(self) -> list[str]:
        return problem_paragraphs(self.found, self.lang)

    @cached_property
    def next_steps(self) -> list[str]:
        return next_steps(self.found, self.lang)

    @cached_property
    def notes(self) -> list[str]:
        """Annex 3's entries (note_entries)."""
        return note_entries(self.annual)

    @cached_property
    def sources(self) -> dict[str, int]:
        """The sources of the data used (annex 2), numbered in order of first use."""
        return data_sources(self.found.data_used)

    def chapter(self, chapter: ChapterProgress) -> list[str]:
        return chapter_paragraphs(chapter, self.lang)

    def unreported(self, section: AgencySection) -> str:
        return unreported_measures(section, self.lang)

    def data_rows(self) -> list[list[str]]:
        """Annex 2's rows: every row of data used, numbered from 1 (data_row)."""
        rows = self.found.data_used
        return [data_row(index, row, self.sources) for index, row in enumerate(rows, start=1)]
