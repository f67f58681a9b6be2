"""The evaluation report's content (规划评估报告): what each of its parts says, as data.

An evaluation report follows one outline (docs/design.md, "The evaluation report"):
总体情况 (overall), 主要指标完成情况 (a table of the targets with data), 分领域进展 (by
chapter), 存在的问题 (problems), 下一步工作 (next) and annexes. `evaluate_plan` derives each
part from the checked results only: no words and no formatted figures here (the prose is
written by render/evaluation_text.py from words.py), so that JSON keeps the same facts the
prose states and a test can find every figure of the prose in the JSON.

完成情况 (Completion) is the status in the words plan reviews use; the mapping is
`completion_of` and README ("The evaluation report") documents it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from ..check.results import Result, Status, count_statuses
from ..read.observations import Observation
from .model import AgencySection, ChapterSection, Heading, TargetRow

__all__ = [
    "AHEAD_MARGIN",
    "COMPLETIONS",
    "AgencyTask",
    "ChapterProgress",
    "Completion",
    "Evaluation",
    "IndicatorRow",
    "agency_lines",
    "charted_lines",
    "charted_series",
    "completion_of",
    "evaluate_plan",
    "time_share",
]

Completion = Literal[
    "early", "completed", "not_completed", "ahead", "on_schedule", "lagging", "not_assessable"
]
COMPLETIONS: tuple[Completion, ...] = get_args(Completion)
# 快于预期: the share of the distance covered exceeds the share of the time elapsed by this
AHEAD_MARGIN = 0.10
_WITHOUT_DATA: frozenset[Status] = frozenset({"no_data"})


def time_share(result: Result, year: int) -> float | None:
    """时序进度: (t - t0) / (T - t0), at most 1; None before the baseline."""
    spec = result.spec
    span = spec.target_year - spec.baseline_year
    if span <= 0 or year < spec.baseline_year:
        return None
    return min(1.0, (year - spec.baseline_year) / span)


def completion_of(result: Result) -> Completion | None:
    """完成情况 of a target with data (None without data), as of the year of its value.

    met in its target year or later: completed (已完成); met before it: early (提前完成);
    not met: not completed (未完成); on track: ahead (快于预期) when the share of the
    distance covered exceeds the share of the time elapsed by more than AHEAD_MARGIN, else
    on schedule (符合预期); off track: lagging (滞后); not assessable stays so.
    """
    status = result.status
    year = result.actual_year
    if status in _WITHOUT_DATA or year is None:
        return None
    if status == "met":
        return "early" if year < result.spec.target_year else "completed"
    if status == "not_met":
        return "not_completed"
    if status == "off_track":
        return "lagging"
    if status == "on_track":
        share = time_share(result, year)
        progress = result.progress
        if share is not None and progress is not None and progress > share + AHEAD_MARGIN:
            return "ahead"
        return "on_schedule"
    return "not_assessable"


@dataclass(frozen=True)
class IndicatorRow:
    """A line of 主要指标完成情况: a target with data, numbered as the table numbers it."""

    number: int
    row: TargetRow
    completion: Completion
    nominal: bool  # the growth is computed from current-price levels
    leads: tuple[str, ...] = ()  # the lead agencies' names in the report's language
    refs: tuple[int, ...] = ()  # the numbers of the rows it used in Evaluation.data_used

    @property
    def result(self) -> Result:
        return self.row.result


@dataclass(frozen=True)
class ChapterProgress(Heading):
    """分领域进展 of one chapter: what was met and what lags, and what has no data."""

    total: int
    checked: int  # targets with a verdict
    met: tuple[IndicatorRow, ...]
    on_track: tuple[IndicatorRow, ...]
    lagging: tuple[IndicatorRow, ...]  # not met or off track
    without_data: int
    charts: tuple[str, ...]


@dataclass(frozen=True)
class AgencyTask(Heading):
    """下一步工作 of one lead agency: the targets it must move and the data it must submit."""

    lagging: tuple[IndicatorRow, ...]
    without_data: int


@dataclass(frozen=True)
class Evaluation:
    """The evaluation report's parts for one year, derived from the results only."""

    year: int
    final: bool  # the year is every target's target year or later (总结评估)
    total: int
    counts: dict[Status, int]
    checked: int  # with a verdict: total less no data and not assessable
    completion_rate: float | None  # met / checked (完成率)
    time_share: float | None  # 时序进度 of the plan: its first baseline to its last target
    indicators: tuple[IndicatorRow, ...]
    completions: dict[Completion, int]
    chapters: tuple[ChapterProgress, ...]
    problems: tuple[IndicatorRow, ...]  # not met or lagging, widest distance first
    beyond_reach: tuple[IndicatorRow, ...]  # the rate needed beyond any the series achieved
    missing_by_agency: tuple[tuple[str, int], ...]  # (agency label, targets without data)
    tasks: tuple[AgencyTask, ...]
    data_used: tuple[Observation, ...] = ()  # every row the table's figures rest on, from 1


def _yearly_rates(history: Sequence[tuple[int, float]], compound: bool) -> list[float]:
    rates = []
    for (year0, value0), (year1, value1) in zip(history, history[1:], strict=False):
        span = year1 - year0
        if span <= 0:
            continue
        if compound:
            if value0 <= 0 or value1 <= 0:
                return []
            rates.append(((value1 / value0) ** (1 / span) - 1) * 100)
        else:
            rates.append((value1 - value0) / span)
    return rates


def beyond_reach(row: TargetRow) -> bool:
    """The yearly rate still needed is beyond every yearly rate the series achieved."""
    result = row.result
    found = result.outlook
    if found is None or found.required_rate is None or result.spec.kind != "level":
        return False
    rates = _yearly_rates(row.history, found.basis == "compound")
    if not rates:
        return False
    required = found.required_rate
    return required > max(rates) if required > 0 else required < min(rates)


def _indicators(
    rows: Iterable[TargetRow], labels: Mapping[str, str]
) -> tuple[tuple[IndicatorRow, ...], tuple[Observation, ...]]:
    """The lines of the table and the rows of data they used, numbered in order of use."""
    lines: list[IndicatorRow] = []
    used: dict[tuple[str, int, str, int, str], int] = {}
    observations: list[Observation] = []
    for row in rows:
        result = row.result
        completion = completion_of(result)
        if completion is None:
            continue
        refs = set()
        for item in result.evidence.rows:
            key = (item.file, item.line, item.series, item.year, item.region)
            if key not in used:
                observations.append(item)
                used[key] = len(observations)
            refs.add(used[key])
        leads = tuple(labels.get(name, name) for name in result.spec.leads)
        number = len(lines) + 1
        nominal = result.nominal
        lines.append(IndicatorRow(number, row, completion, nominal, leads, tuple(sorted(refs))))
    return tuple(lines), tuple(observations)


def _chapter(section: ChapterSection, by_target: dict[str, IndicatorRow]) -> ChapterProgress:
    lines = [by_target[r.result.target] for r in section.targets if r.result.target in by_target]
    return ChapterProgress(
        key=section.key,
        label=section.label,
        total=len(section.targets),
        checked=sum(1 for line in lines if line.completion != "not_assessable"),
        met=tuple(line for line in lines if line.result.status == "met"),
        on_track=tuple(line for line in lines if line.result.status == "on_track"),
        lagging=tuple(line for line in lines if line.result.is_open),
        without_data=section.counts["no_data"],
        charts=tuple(row.chart for row in section.targets if row.chart is not None),
    )


def _distance(line: IndicatorRow) -> float:
    progress = line.result.progress
    return progress if progress is not None else 1.0


def evaluate_plan(
    year: int,
    targets: Sequence[TargetRow],
    chapters: Sequence[ChapterSection],
    agencies: Sequence[AgencySection],
) -> Evaluation:
    """Each part of the evaluation report for `year`, from the rows of the annual report."""
    results = [row.result for row in targets]
    counts = count_statuses(results)
    checked = len(results) - counts["no_data"] - counts["not_assessable"]
    indicators, data_used = _indicators(targets, {s.key: s.label for s in agencies})
    by_target = {line.result.target: line for line in indicators}
    completions = dict.fromkeys(COMPLETIONS, 0)
    for line in indicators:
        completions[line.completion] += 1
    problems = tuple(sorted((line for line in indicators if line.result.is_open), key=_distance))
    first = min((r.spec.baseline_year for r in results), default=year)
    last = max((r.spec.target_year for r in results), default=year)
    share = min(1.0, (year - first) / (last - first)) if last > first and year >= first else None
    tasks = []
    for section in agencies:
        lagging = tuple(by_target[r.result.target] for r in section.targets if r.result.is_open)
        missing = section.counts["no_data"]
        if lagging or missing:
            tasks.append(AgencyTask(section.key, section.label, lagging, missing))
    return Evaluation(
        year=year,
        final=year >= last,
        total=len(results),
        counts=counts,
        checked=checked,
        completion_rate=counts["met"] / checked if checked else None,
        time_share=share,
        indicators=indicators,
        completions=completions,
        chapters=tuple(_chapter(section, by_target) for section in chapters),
        problems=problems,
        beyond_reach=tuple(line for line in problems if beyond_reach(line.row)),
        missing_by_agency=tuple(
            (section.label, section.counts["no_data"])
            for section in sorted(agencies, key=lambda s: -s.counts["no_data"])
            if section.counts["no_data"]
        ),
        tasks=tuple(tasks),
        data_used=data_used,
    )


def charted_lines(chapter: ChapterProgress, found: Evaluation) -> list[IndicatorRow]:
    """The chapter's targets a panel shows: with data, and at least two years of it up to
    the year of the value compared (the series its verdict uses)."""
    wanted = set(chapter.charts)
    lines = []
    for line in found.indicators:
        row = line.row
        if row.chart not in wanted or line.result.actual_year is None:
            continue
        if len(charted_series(line)) >= 2:
            lines.append(line)
    return lines


def charted_series(line: IndicatorRow) -> list[tuple[int, float]]:
    """A target's values up to the year of the value its verdict compares."""
    year = line.result.actual_year
    return [(y, v) for y, v in line.row.history if year is not None and y <= year]


def agency_lines(section: AgencySection, found: Evaluation) -> list[IndicatorRow]:
    """The lines of the table an agency leads, in its order."""
    by_target = {line.result.target: line for line in found.indicators}
    return [by_target[r.result.target] for r in section.targets if r.result.target in by_target]
