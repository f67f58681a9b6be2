"""Build the annual report (clause 二十八 of the plan) from a checked Report.

`build_report` turns a Report (sz_quality.check.evaluate) with the registries, the data read
and an optional measures status file into an AnnualReport (report/model.py): plain data,
counted here so that a test can check it without rendering. render/report_*.py render
it. Same inputs, same data: nothing depends on the clock unless `stamp` is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..check.assess import AssessmentReport
from ..check.results import UNASSIGNED, Report, Result
from ..plan.lang import Lang
from ..plan.measures import MeasureRegistry
from ..plan.registry import Registry
from ..read.measures_status import MeasuresStatus
from ..read.observations import Observation, ReadResult
from ..words import word
from .charts import StatusChart, TargetChart
from .evaluation import evaluate_plan
from .model import (
    MEASURE_STATUSES,
    AgencySection,
    AnnualReport,
    ChapterSection,
    ChartSpec,
    MeasureRow,
    Source,
    TargetRow,
)

__all__ = ["STATUS_CHART", "History", "build_report", "collect_history"]

STATUS_CHART = "chart-statuses"  # the overall picture's id

History = Mapping[str, Sequence[tuple[int, float]]]


def collect_history(
    registry: Registry, data: ReadResult | Iterable[Observation], up_to: int
) -> dict[str, tuple[tuple[int, float], ...]]:
    """Each target's actual value in every year of the data up to `up_to`, in its unit.

    The values are the engine's own (sz_quality.check.evaluate, one run per year of data), so a
    chart shows exactly what the check compares: a level, a cumulative change, an increment.
    """
    from ..check.evaluate import evaluate

    observations = data.observations if isinstance(data, ReadResult) else tuple(data)
    years = sorted({o.year for o in observations if o.region == "" and o.year <= up_to})
    history: dict[str, dict[int, float]] = {}
    for year in years:
        for result in evaluate(registry, observations, year).results:
            if result.actual is not None and result.actual_year is not None:
                history.setdefault(result.target, {})[result.actual_year] = result.actual
    return {key: tuple(sorted(values.items())) for key, values in history.items()}


def _row(
    result: Result, lang: Lang, history: Sequence[tuple[int, float]], charted: bool
) -> TargetRow:
    return TargetRow(
        result=result,
        name=result.name(lang) or result.target,
        chart=f"chart-{result.target}" if charted else None,
        history=tuple(history),
    )


def _verdict_series(
    result: Result, history: Sequence[tuple[int, float]]
) -> tuple[tuple[int, float], ...]:
    """The values a target's chart shows: those up to the year of the value its verdict
    compares; none for a target without one (a series that stopped years before is not
    its verdict's)."""
    if result.actual_year is None:
        return ()
    return tuple((year, value) for year, value in history if year <= result.actual_year)


def _anchor(key: str, index: int, registry: Registry) -> str:
    agency = registry.agencies_by_name.get(key)
    if agency is not None:
        return f"agency-{agency.id}"
    return "agency-none" if key == UNASSIGNED else f"agency-{index}"


def _sources(observations: Iterable[Observation]) -> tuple[Source, ...]:
    found: dict[str, set[str]] = {}
    for observation in observations:
        if observation.source:
            found.setdefault(observation.source.strip(), set()).add(observation.series)
    return tuple(
        Source(source, tuple(sorted(series))) for source, series in sorted(found.items()) if source
    )


def build_report(
    report: Report,
    registry: Registry,
    *,
    measures: MeasureRegistry | None = None,
    measures_status: MeasuresStatus | None = None,
    data: ReadResult | None = None,
    history: History | None = None,
    lang: Lang = "en",
    stamp: str | None = None,
    charts: bool = True,
    assessment: AssessmentReport | None = None,
) -> AnnualReport:
    """The annual report's data for `report.year`.

    `data` (what the reader read) gives the appendix its revisions and sources and, unless
    `history` is given, the years of data the charts show (`collect_history`). `charts`
    False leaves the charts out (JSON needs none). A report checked with a yearly plan
    shows each target's 年度目标; `assessment` (sz_quality.check.assess) is its annex.
    """
    if history is None:
        history = collect_history(registry, data, report.year) if data is not None else {}
    rows = {}
    for result in report.results:
        # the series the verdict uses: up to the year of the value compared, none without
        shown = _verdict_series(result, history.get(result.target, ()))
        rows[result.target] = _row(result, lang, shown, charted=charts and len(shown) >= 2)
    ordered_rows = tuple(rows[result.target] for result in report.results)

    chapters = tuple(
        ChapterSection(
            group.key,
            group.label(lang),
            group.counts,
            tuple(rows[result.target] for result in group.results),
        )
        for group in report.by_chapter()
    )

    status_of = measures_status.statuses if measures_status is not None else {}
    agencies: list[AgencySection] = []
    for index, group in enumerate(report.by_agency()):
        measure_rows: list[MeasureRow] = []
        if measures is not None:
            for measure in measures.of_agency(group.key):
                reported = status_of.get(measure.id)
                measure_rows.append(
                    MeasureRow(
                        measure=measure,
                        text=measure.text_zh if lang == "zh" else measure.text_en,
                        status=reported.status if reported is not None else "not_reported",
                        note=reported.note if reported is not None else None,
                    )
                )
        measure_counts: dict[str, int] = {}
        if measures_status is not None:
            measure_counts = _count_measures(measure_rows)
        anchor = _anchor(group.key, index, registry)
        agencies.append(
            AgencySection(
                key=group.key,
                label=group.label(lang),
                anchor=anchor,
                counts=group.counts,
                open_gaps=group.open_gaps,
                targets=tuple(rows[result.target] for result in group.results),
                measures=tuple(measure_rows),
                measure_counts=measure_counts,
            )
        )
    widest_keys = {group.key for group in report.widest_gaps()}
    widest = tuple(section for section in agencies if section.key in widest_keys)

    all_measure_counts = None
    if measures_status is not None:
        all_measure_counts = _count_measures(
            [row for section in agencies for row in section.measures]
        )

    diagnostics = tuple(report.diagnostics)
    if measures_status is not None:
        diagnostics += tuple(measures_status.diagnostics)
    specs: dict[str, ChartSpec] = {}
    if charts:
        specs = _chart_specs(report, ordered_rows, agencies)
        # the overall picture: each chapter's targets by status
        specs[STATUS_CHART] = StatusChart(
            STATUS_CHART,
            word("eval.figure.statuses", lang),
            tuple((c.label, tuple(c.counts.items())) for c in chapters),
        )

    return AnnualReport(
        lang=lang,
        year=report.year,
        plan=registry.plan.name_zh if lang == "zh" else registry.plan.name_en,
        summary=report.summary,
        total=len(report.results),
        chapters=chapters,
        agencies=tuple(agencies),
        widest_gaps=widest,
        targets=ordered_rows,
        inputs=tuple(report.inputs),
        diagnostics=diagnostics,
        revisions=tuple(data.revisions) if data is not None else (),
        sources=_sources(data.observations) if data is not None else (),
        registry_path=registry.path,
        registry_sha256=registry.sha256,
        status_file=measures_status.path if measures_status is not None else None,
        measure_counts=all_measure_counts,
        stamp=stamp,
        charts=specs,
        notes=tuple(o for o in data.observations if o.note) if data is not None else (),
        natures=tuple(
            (word("nature.summary", lang, nature=word(f"nature.{key}", lang)), counts, total)
            for key, counts in report.summary_by_nature().items()
            if (total := sum(counts.values()))
        ),
        yearly_plan=report.yearly_plan,
        assessment=assessment,
        evaluation=evaluate_plan(report.year, ordered_rows, chapters, agencies),
    )


def _count_measures(rows: Iterable[MeasureRow]) -> dict[str, int]:
    counts = dict.fromkeys(MEASURE_STATUSES, 0)
    seen: set[str] = set()
    for row in rows:
        if row.measure.id not in seen:
            seen.add(row.measure.id)
            counts[row.status] += 1
    return counts


def _chart_specs(
    report: Report, rows: Sequence[TargetRow], agencies: Sequence[AgencySection]
) -> dict[str, ChartSpec]:
    """What each chart shows: a target's series and path."""
    specs: dict[str, ChartSpec] = {}
    for row in rows:
        if row.chart is None:
            continue
        result = row.result
        specs[row.chart] = TargetChart(
            chart_id=row.chart,
            title=row.name,
            unit=result.unit,
            history=row.history,
            baseline_year=result.spec.baseline_year,
            baseline_value=result.baseline_value,
            target_year=result.spec.target_year,
            target_value=result.target_value,
            target_min=result.spec.min,
            target_max=result.spec.max,
            year=report.year,
            status=result.status,
            path=result.path or "straight",
        )
    return specs
