"""The rules engine: every target of a registry checked against the data for one year.

Pure: registry + observations + year -> Report. Nothing here prints, reads files (but
the shipped rates table) or imports pint on a warm registry cache.

Each kind of target has its rule (sz_quality.check.rules: how it is measured and judged,
with the statuses it gives); this driver does what every kind shares:
- A year after the target year checks the target year itself (its data must be there).
- A year before the baseline year is no_data.
- A two-sided target (about, between, ==) not met because the value went past the band
  says so in its reason.
- progress, gap and trend (sz_quality.check.trend) are computed the same way for all.

Values are compared with one tolerance, relative with an absolute floor
(sz_quality.check.compare.eps). Every rule is stated in docs/rules.md.
The city total (region "") is evaluated unless a region is named; a target stated for
every district is judged on the districts' rows (sz_quality.check.districts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from ..plan.models import Indicator, ProgressBands, Target, path_of
from ..plan.registry import Registry
from ..read.observations import Diagnostic, InputSummary, Observation, ReadResult
from .compare import BOUNDARY_RTOL, beyond, eps, gap, goal_of, holds
from .districts import Regions, every_district_result
from .evidence import Evidence
from .outlook import Outlook, compound_rate, outlook
from .readings import Measured, Readings
from .reasons import Reason
from .results import NO_EVIDENCE, Report, Result, Status, Trend
from .rules import RULES, Case, Rule, open_sdg_rate
from .series import CITY, ExchangeRate
from .trend import category_of, trend
from .yearly import consistency, judge

if TYPE_CHECKING:
    from ..read.yearly_plan import YearlyPlan

__all__ = ["BOUNDARY_RTOL", "evaluate", "evaluate_regions", "holds"]


def _check(readings: Readings, target: Target, checked_year: int) -> Result:
    """One target's Result for `checked_year`."""
    indicator = readings.registry.indicators_by_id.get(target.indicator)
    year = min(checked_year, target.target_year)
    if indicator is None:  # a registry always has it; a hand-made one may not
        unknown = Reason("unknown_indicator", indicator=target.indicator)
        return _result(target, None, "no_data", None, year, reason=unknown)
    if year < target.baseline_year:
        early = Reason("before_baseline", year=checked_year, baseline_year=target.baseline_year)
        return _result(target, indicator, "no_data", None, year, reason=early)
    rule = RULES[target.kind]
    plan_bands = readings.registry.plan.progress
    bands = target.progress.over(plan_bands) if target.progress else plan_bands
    case = Case(target, indicator, year, bands, path_of(target, indicator))
    measured = rule.measure(readings, case)
    figure = target.comparator is not None
    goal = goal_of(target, measured.baseline, indicator) if figure else None
    actual = measured.actual
    if actual is None:
        status, reason = rule.without_value(readings, measured)
        return _result(
            target,
            indicator,
            status,
            None,
            year,
            reason=reason,
            goal=goal,
            derived=measured.derived,
            evidence=_evidence(target, measured),
        )
    base = measured.baseline
    progress = None
    # no distance to cover when the baseline already held (then progress is None)
    if (
        goal is not None
        and base is not None
        and abs(goal - base) > eps(goal, base)
        and not holds(base, target)
    ):
        progress = (actual - base) / (goal - base)
    if measured.progress is not None:
        progress = measured.progress
    status, reason = rule.judge(readings, case, measured, actual, goal)
    if measured.unseen_years and status in ("met", "on_track"):
        # a year kept every year that was not seen cannot be said to have held
        unseen = tuple((indicator.id, each) for each in measured.unseen_years)
        status, reason = "no_data", Reason("missing", missing=unseen)
    if year == target.baseline_year and status in ("on_track", "off_track"):
        # nothing has been shown yet: no verdict on a path that has not started
        status, reason = "no_data", Reason("at_baseline", year=year)
    two_sided = target.comparator in ("about", "between", "==")
    if status == "not_met" and two_sided and goal is not None and beyond(actual, base, goal):
        reason = reason or Reason("overshoot")
    trend_result = None
    if measured.goal is not None:
        trend_result = trend(
            measured.history,
            measured.goal,
            target.target_year,
            _trend_direction(target, indicator, measured),
            compound=measured.compound,
            bounds=bands.ratio,
            first_met=_first_met(readings, rule, case, measured),
        )
    elif not figure and status in _JUDGED:
        trend_result = _rate_trend(measured, indicator, bands)
    return _result(
        target,
        indicator,
        status,
        actual,
        year,
        reason=reason,
        goal=goal,
        progress=progress,
        trend_result=trend_result,
        baseline=base,
        derived=measured.derived,
        evidence=_evidence(target, measured),
        outlook=_outlook(readings, rule, case, measured, status, actual),
        path=measured.path or (case.path if target.kind in _PATH_KINDS else None),
        other_path_status=measured.other_path_status,
        nominal=_nominal(indicator, measured),
    )


def _nominal(indicator: Indicator, measured: Measured) -> bool:
    """Whether the result's growth is of current-price levels (名义): a growth target's
    value, or the rates of any target, over an indicator at current prices."""
    rated = measured.level_unit is not None or measured.history
    return indicator.prices == "current" and bool(rated) and measured.level_unit != "1"


# the statuses of a trend target judged on its direction (not no_data)
_JUDGED = frozenset({"met", "not_met", "on_track", "off_track"})
# the kinds whose earlier years are judged against a path (docs/rules.md, section 4)
_PATH_KINDS = frozenset(
    {"level", "milestone", "change", "increment", "average_growth", "cumulative"}
)


def _first_met(readings: Readings, rule: Rule, case: Case, measured: Measured) -> bool:
    """Whether the first value of the trend's history already met the target (then no
    rate is required and R is empty, as progress is)."""
    if not measured.history:
        return False
    first = rule.level_in_target_unit(readings, case, measured, measured.history[0][1])
    return first is not None and holds(first, case.target)


# kinds whose value under the target's own id is the indicator's level (in the target's
# unit, e.g. 美元/人 for GDP per capita): the evidence names the indicator it measures
_LEVEL_KINDS = frozenset({"level", "milestone", "kept", "yearly_rate"})


def _evidence(target: Target, measured: Measured) -> Evidence:
    """The rows and rates a result used; a level kept under the target's id is shown as
    the indicator the file gave it for, as an auditor looks it up."""
    rows = tuple(measured.used)
    if target.kind in _LEVEL_KINDS:
        rows = tuple(
            replace(row, series=target.indicator) if row.series == target.id else row
            for row in rows
        )
    return Evidence(rows, tuple(measured.rates))


def _rate_trend(measured: Measured, indicator: Indicator, bands: ProgressBands) -> Trend:
    """A trend target's band, from Open SDG's rate over its history (TrendRule)."""
    (first_year, first), (last_year, last) = measured.history[0], measured.history[-1]
    rate = open_sdg_rate(first, last, last_year - first_year, indicator.direction)
    return Trend(None, category_of(rate, bands.rate), first_year, last_year)


def _outlook(
    readings: Readings, rule: Rule, case: Case, measured: Measured, status: Status, actual: float
) -> Outlook | None:
    """The rates and the projection of a target checked before its target year."""
    target = case.target
    if target.comparator is None:  # kind trend: the observed rate only (Open SDG's)
        history = measured.history
        if status not in _JUDGED:
            return None
        (first_year, first), (last_year, last) = history[0], history[-1]
        observed = compound_rate(abs(first), abs(last), last_year - first_year)
        return Outlook("compound", "%", observed_rate=observed)
    if rule.every_year:  # kept, yearly_rate: the average of the yearly values so far
        kept = [value for each, value in measured.history if each > target.baseline_year]
        if not kept:
            return None
        return Outlook("average", target.unit, observed_rate=sum(kept) / len(kept))
    return outlook(
        measured.history,
        measured.goal,
        target.target_year,
        compound=measured.compound,
        level_unit=measured.level_unit or target.unit,
        need_required=case.year < target.target_year and not holds(actual, target),
        in_target_unit=lambda level: rule.level_in_target_unit(readings, case, measured, level),
        meets=lambda value: holds(value, target),
    )


def _result(
    target: Target,
    indicator: Indicator | None,
    status: Status,
    actual: float | None,
    year: int,
    *,
    reason: Reason | None = None,
    goal: float | None = None,
    progress: float | None = None,
    trend_result: Trend | None = None,
    baseline: float | None = None,
    derived: bool = False,
    evidence: Evidence = NO_EVIDENCE,
    outlook: Outlook | None = None,
    path: str | None = None,
    other_path_status: Status | None = None,
    nominal: bool = False,
) -> Result:
    if goal is None and target.comparator is not None:
        goal = goal_of(target, None, indicator)
    gap_value = gap_pct = None
    if actual is not None and goal is not None:
        gap_value = gap(target, actual, goal)
        gap_pct = gap_value / abs(goal) * 100.0 if goal else None
    return Result(
        spec=target,
        status=status,
        actual=actual,
        actual_year=year if actual is not None else None,
        target_value=goal,
        gap=gap_value,
        gap_pct=gap_pct,
        progress=progress,
        trend=trend_result,
        reason=reason,
        baseline_value=baseline,
        derived=derived,
        evidence=evidence,
        outlook=outlook,
        path=path,
        other_path_status=other_path_status,
        nominal=nominal,
    )


def _trend_direction(target: Target, indicator: Indicator, measured: Measured) -> Literal[1, -1]:
    """The way the series must move: the comparator's (>=, > up; <=, < down), reversed for
    the levels of a decrease; for about, between and == toward the goal from the first
    value. The indicator's own direction where nothing else decides (goal = first value).
    """
    fallback: Literal[1, -1] = 1 if indicator.direction == "higher" else -1
    sign: Literal[1, -1]
    if target.comparator in (">=", ">"):
        sign = 1
    elif target.comparator in ("<=", "<"):
        sign = -1
    else:
        if not measured.history or measured.goal is None:
            return fallback
        first = measured.history[0][1]
        if measured.goal == first:
            return fallback
        return 1 if measured.goal > first else -1
    if measured.change_levels and target.change == "decrease":
        sign = -1 if sign == 1 else 1
    return sign


def evaluate(
    registry: Registry,
    data: ReadResult | Iterable[Observation],
    year: int | None = None,
    *,
    rates: Mapping[int, ExchangeRate] | None = None,
    region: str = CITY,
    plan: YearlyPlan | None = None,
) -> Report:
    """Check every target of `registry` against `data` for `year`.

    `year` defaults to the latest year in the data (else the plan's target year).
    `rates` replaces the shipped exchange-rate table (a data file's cny_per_usd still
    comes first). The report carries the reading's inputs and diagnostics as given.
    `region` checks one district's rows instead of the city total's; for the city, a
    target stated for every district is judged on the districts' rows when there are
    (sz_quality.check.districts). A Result keeps its reason as data, worded by the
    renderers: the report is the same in every language. `plan`: a yearly plan, each
    target with a sub-target for the year judged against it too (check/yearly.py).
    """
    observations, inputs, diagnostics = _parts(data)
    regions = Regions(registry, observations, rates)
    if year is None:
        year = regions.readings(region).index.latest_year() or registry.plan.target_year
    results = _check_region(registry, regions, region, year, plan)
    report = _report(registry, year, results, inputs, diagnostics, regions, plan)
    return replace(report, region=region)


def evaluate_regions(
    registry: Registry,
    data: ReadResult | Iterable[Observation],
    year: int | None = None,
    *,
    rates: Mapping[int, ExchangeRate] | None = None,
    plan: YearlyPlan | None = None,
) -> Report:
    """Every target checked for the city total and for every district in the data.

    The results of each region follow one another (the city first, then the
    districts in the order the data names them), each with its `region`; the default
    year is the latest year in any region's data. `plan` as in `evaluate`: each region
    judged against its own sub-targets.
    """
    observations, inputs, diagnostics = _parts(data)
    regions = Regions(registry, observations, rates)
    if year is None:
        latest = [regions.readings(name).index.latest_year() for name in regions.names]
        year = max((found for found in latest if found is not None), default=None)
        year = year or registry.plan.target_year
    results: list[Result] = []
    for name in regions.names or [CITY]:
        results.extend(_check_region(registry, regions, name, year, plan))
    return _report(registry, year, tuple(results), inputs, diagnostics, regions, plan)


def _parts(
    data: ReadResult | Iterable[Observation],
) -> tuple[list[Observation], Iterable[InputSummary], Iterable[Diagnostic]]:
    if isinstance(data, ReadResult):
        return list(data.observations), data.inputs, data.diagnostics
    return list(data), (), ()


def _check_region(
    registry: Registry, regions: Regions, region: str, year: int, plan: YearlyPlan | None
) -> tuple[Result, ...]:
    readings = regions.readings(region)
    results = []
    for target in registry.targets:
        found = None
        indicator = registry.indicators_by_id.get(target.indicator)
        if target.every_district and region == CITY and indicator is not None:
            found = every_district_result(regions, target, indicator, year, _check)
        if found is None:
            found = _check(readings, target, year)
        if region != CITY:
            found = replace(found, region=region)
        if plan is not None:
            verdict = judge(found, indicator, readings, plan, year)
            if verdict is not None:
                found = replace(found, yearly=verdict)
        results.append(found)
    return tuple(results)


def _report(
    registry: Registry,
    year: int,
    results: tuple[Result, ...],
    inputs: Iterable[InputSummary],
    diagnostics: Iterable[Diagnostic],
    regions: Regions,
    plan: YearlyPlan | None,
) -> Report:
    planned: tuple[Diagnostic, ...] = ()
    if plan is not None:
        planned = (*plan.diagnostics, *consistency(registry, plan, regions, plan.lang))
    return Report(
        year=year,
        results=results,
        inputs=(*inputs, *(plan.inputs if plan is not None else ())),
        diagnostics=(*diagnostics, *planned),
        yearly_plan=plan.paths if plan is not None else (),
        agency_names={
            agency.name_zh: (agency.name_zh, agency.name_en) for agency in registry.agencies
        },
        chapter_names={
            chapter.number: (chapter.heading("zh"), chapter.heading("en"))
            for chapter in registry.chapters
        },
        indicator_names={i.id: (i.name_zh, i.name_en) for i in registry.indicators},
    )
