"""The rules engine: every target of a registry checked against the data for one year.

Pure: registry + observations + year -> Report. Nothing here prints, reads files (but
the shipped rates table) or imports pint on a warm registry cache.

Statuses
- In the target year: `met` or `not_met`, by the target's own comparator only.
- In an earlier year: `met` (already reached), else `on_track` when the value is at or
  beyond the straight path from the baseline value to the target (时间过半、任务过半),
  `off_track` when behind it. A target kept every year (kind kept / yearly_rate) is
  `on_track` while every year so far holds and `off_track` once one has not.
- `no_data`: a value the check needs is missing; `reason` names the series and year.
- `not_assessable`: a milestone (a state that needs a judgement, e.g. 每个区至少有一家)
  without data.
- A year after the target year checks the target year itself (its data must be there).
- A year before the baseline year is no_data.

Boundaries: values are compared with a relative tolerance BOUNDARY_RTOL (1e-9 of the
larger magnitude, at least 1e-9 absolute), so 4.0 against ">= 4" is met whatever the
binary rounding of a derived share, and 4.0 against "> 4" is not. This is the only
floating-point tolerance of the engine; `about` targets add their stated tolerance.

Only the city total (region "") is evaluated; district rows are ignored (series.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..plan.lang import Lang
from ..plan.models import Indicator, Target
from ..plan.registry import Registry
from ..read.observations import Observation, ReadResult
from .results import Report, Result, Status, Trend
from .series import ExchangeRate, SeriesIndex
from .trend import trend

__all__ = ["BOUNDARY_RTOL", "evaluate", "holds", "reason_text"]

BOUNDARY_RTOL = 1e-9


def _eps(*values: float) -> float:
    return BOUNDARY_RTOL * max(1.0, *(abs(value) for value in values))


def holds(value: float, target: Target) -> bool:
    """Whether `value` (in the target's unit) satisfies the target's comparator."""
    comparator = target.comparator
    if comparator == "between":
        low, high = target.min, target.max
        assert low is not None and high is not None  # the model guarantees both
        return low - _eps(value, low) <= value <= high + _eps(value, high)
    goal = target.value
    assert goal is not None  # the model guarantees a value for every other comparator
    eps = _eps(value, goal)
    if comparator == ">=":
        return value >= goal - eps
    if comparator == ">":
        return value > goal + eps
    if comparator == "<=":
        return value <= goal + eps
    if comparator == "<":
        return value < goal - eps
    if comparator == "==":
        return abs(value - goal) <= eps
    tolerance = target.tolerance or 0.0  # about
    return abs(value - goal) <= tolerance + eps


# Reasons, in both languages. Each entry: key -> (zh, en), str.format fields.
_REASONS: dict[str, tuple[str, str]] = {
    "missing": ("缺少数据：{pairs}", "no data: {pairs}"),
    "missing_derived": (
        "缺少数据：{pairs}（{indicator} = {formula}）",
        "no data: {pairs} ({indicator} = {formula})",
    ),
    "no_rate": (
        "缺少{year}年人民币对美元汇率（元/美元）：请在数据中提供 cny_per_usd",
        "no exchange rate (元 per 美元) for {year}: give cny_per_usd in the data",
    ),
    "before_baseline": (
        "{year}年早于基期{baseline}年",
        "{year} is before the baseline year {baseline}",
    ),
    "zero_baseline": (
        "{indicator} {year}年基期值为零，无法计算变化率",
        "the baseline value of {indicator} in {year} is zero: no relative change",
    ),
    "no_path": (
        "缺少基期数据 {indicator} {year}：无法判断是否达到进度（时间过半、任务过半）",
        "no baseline value of {indicator} for {year}: the straight path to the target needs it",
    ),
    "judgement": (
        "节点目标需要判断；{reason}",
        "a milestone that needs a judgement; {reason}",
    ),
    "failed_years": ("未保持的年份：{years}", "not held in {years}"),
    "overshoot": ("超出目标范围", "beyond the target range"),
    "unknown_indicator": (
        "登记册中没有指标 {indicator}",
        "indicator {indicator} is not in the registry",
    ),
}


def reason_text(key: str, lang: Lang, **fields: object) -> str:
    zh, en = _REASONS[key]
    return (zh if lang == "zh" else en).format(**fields)


def _pairs(missing: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{series} {year}" for series, year in missing)


@dataclass
class _Measured:
    """What a kind's reading of the data gives, all in the target's unit but `history`."""

    actual: float | None = None
    baseline: float | None = None  # the value the straight path starts from
    reason: str | None = None
    derived: bool = False
    # trend: (year, value) pairs in the unit of `goal`
    history: list[tuple[int, float]] = field(default_factory=list)
    goal: float | None = None
    compound: bool = True
    # the history holds the indicator's levels of a change target (not the change itself)
    change_levels: bool = False
    # kept / yearly_rate: the years checked and those that did not hold
    failed_years: list[int] = field(default_factory=list)


class _Checker:
    def __init__(self, registry: Registry, index: SeriesIndex, year: int, lang: Lang) -> None:
        self.registry = registry
        self.index = index
        self.year = year
        self.lang = lang

    # --- reading values -------------------------------------------------------------
    def _factor(self, target: Target, indicator: Indicator) -> tuple[float, float]:
        """(factor, currency shift) from the target's unit to the indicator's."""
        pair = (target.unit, indicator.unit)
        found = self.registry.unit_factors.get(pair)
        if found is None:
            if target.unit == indicator.unit:
                return 1.0, 0.0
            from ..plan.units import factor_and_currency_shift

            found = factor_and_currency_shift(*pair)
        return found

    def _missing_reason(self, indicator: Indicator, missing: tuple[tuple[str, int], ...]) -> str:
        formula = self.registry.formulas.get(indicator.id)
        if formula is not None and len(missing) > 1:
            return reason_text(
                "missing_derived",
                self.lang,
                pairs=_pairs(missing),
                indicator=indicator.id,
                formula=formula.text,
            )
        return reason_text("missing", self.lang, pairs=_pairs(missing))

    def in_target_unit(
        self, target: Target, indicator: Indicator, year: int
    ) -> tuple[float | None, bool, str | None]:
        """The indicator's value for `year` in the target's unit: (value, derived, reason)."""
        found = self.index.value(indicator.id, year)
        if found.value is None:
            return None, False, self._missing_reason(indicator, found.missing)
        factor, shift = self._factor(target, indicator)
        value = found.value / factor
        if shift:
            rate = self.index.rate(year)
            if rate is None:
                return None, found.derived, reason_text("no_rate", self.lang, year=year)
            value *= rate.cny_per_usd**shift
        return value, found.derived, None

    def increment_in_target_unit(
        self, target: Target, indicator: Indicator, value: float, year: int
    ) -> tuple[float | None, str | None]:
        factor, shift = self._factor(target, indicator)
        converted = value / factor
        if shift:
            rate = self.index.rate(year)
            if rate is None:
                return None, reason_text("no_rate", self.lang, year=year)
            converted *= rate.cny_per_usd**shift
        return converted, None

    # --- kinds -------------------------------------------------------------------------
    def measure(self, target: Target, indicator: Indicator, year: int) -> _Measured:
        if target.kind in ("change", "increment"):
            reported = self.index.own(target.id, year)
            if reported is not None:
                return self._reported(target, year, reported)
            if target.kind == "change":
                return self._change(target, indicator, year)
            return self._increment(target, indicator, year)
        return self._level(target, indicator, year)

    def _level(self, target: Target, indicator: Indicator, year: int) -> _Measured:
        measured = _Measured()
        actual, derived, reason = self.in_target_unit(target, indicator, year)
        if actual is None:  # a value reported under the target's own id, in its unit
            reported = self.index.own(target.id, year)
            if reported is not None:
                actual, derived, reason = reported, False, None
        measured.actual, measured.derived, measured.reason = actual, derived, reason
        baseline, _, _ = self.in_target_unit(target, indicator, target.baseline_year)
        if baseline is None:
            baseline = self.index.own(target.id, target.baseline_year)
        measured.baseline = baseline
        years = set(self.index.years(indicator.id)) | set(self.index.own_years(target.id))
        for each in sorted(years):
            if not target.baseline_year <= each <= year:
                continue
            value, _, _ = self.in_target_unit(target, indicator, each)
            if value is None:
                value = self.index.own(target.id, each)
            if value is None:
                continue
            measured.history.append((each, value))
            checked = target.kind in ("kept", "yearly_rate") and each > target.baseline_year
            if checked and not holds(value, target):
                measured.failed_years.append(each)
        measured.goal = _goal(target, baseline, indicator)
        return measured

    def _reported(self, target: Target, year: int, reported: float) -> _Measured:
        """A change or increment reported under the target's own id (in its unit)."""
        measured = _Measured(actual=reported, baseline=0.0, compound=False)
        for each in self.index.own_years(target.id):
            if target.baseline_year <= each <= year:
                value = self.index.own(target.id, each)
                if value is not None:
                    measured.history.append((each, value))
        measured.goal = _goal(target, 0.0, None)
        return measured

    def _endpoints(
        self, indicator: Indicator, target: Target, year: int
    ) -> tuple[float | None, float | None, bool, str | None]:
        base = self.index.value(indicator.id, target.baseline_year)
        now = self.index.value(indicator.id, year)
        missing = tuple(dict.fromkeys(base.missing + now.missing))
        if base.value is None or now.value is None:
            return None, None, False, self._missing_reason(indicator, missing)
        return base.value, now.value, base.derived or now.derived, None

    def _indicator_history(
        self,
        indicator: Indicator,
        target: Target,
        year: int,
    ) -> list[tuple[int, float]]:
        history = []
        for each in self.index.years(indicator.id):
            if target.baseline_year <= each <= year:
                value = self.index.value(indicator.id, each).value
                if value is not None:
                    history.append((each, value))
        return history

    def _change(self, target: Target, indicator: Indicator, year: int) -> _Measured:
        measured = _Measured(baseline=0.0, change_levels=True)
        base, now, derived, reason = self._endpoints(indicator, target, year)
        measured.derived = derived
        if base is None or now is None:
            measured.reason = reason
            return measured
        if base == 0:
            measured.reason = reason_text(
                "zero_baseline", self.lang, indicator=indicator.id, year=target.baseline_year
            )
            return measured
        sign = 1.0 if target.change == "increase" else -1.0
        measured.actual = sign * (now - base) / abs(base) * 100.0
        goal = _goal(target, 0.0, None)
        measured.history = self._indicator_history(indicator, target, year)
        measured.goal = base * (1.0 + sign * goal / 100.0)
        return measured

    def _increment(self, target: Target, indicator: Indicator, year: int) -> _Measured:
        measured = _Measured(baseline=0.0)
        base, now, derived, reason = self._endpoints(indicator, target, year)
        measured.derived = derived
        if base is None or now is None:
            measured.reason = reason
            return measured
        measured.actual, measured.reason = self.increment_in_target_unit(
            target, indicator, now - base, year
        )
        goal = _goal(target, 0.0, None)
        factor, _ = self._factor(target, indicator)
        measured.history = self._indicator_history(indicator, target, year)
        measured.goal = base + goal * factor
        if not measured.history or measured.history[0][1] <= 0:
            measured.compound = False
        return measured

    # --- one target --------------------------------------------------------------------
    def check(self, target: Target) -> Result:
        indicator = self.registry.indicators_by_id.get(target.indicator)
        year = min(self.year, target.target_year)
        if indicator is None:  # a registry always has it; a hand-made one may not
            return self._result(
                target,
                "no_data",
                None,
                year,
                reason=reason_text("unknown_indicator", self.lang, indicator=target.indicator),
            )
        if year < target.baseline_year:
            return self._result(
                target,
                "no_data",
                None,
                year,
                reason=reason_text(
                    "before_baseline", self.lang, year=self.year, baseline=target.baseline_year
                ),
            )
        measured = self.measure(target, indicator, year)
        goal = _goal(target, measured.baseline, indicator)
        actual = measured.actual
        if actual is None:
            status: Status = "not_assessable" if target.kind == "milestone" else "no_data"
            reason = measured.reason
            if status == "not_assessable":
                reason = reason_text("judgement", self.lang, reason=reason)
            return self._result(
                target, status, None, year, reason=reason, goal=goal, derived=measured.derived
            )
        base = measured.baseline
        progress = None
        # no distance to cover when the baseline already held (then progress is None)
        if base is not None and abs(goal - base) > _eps(goal, base) and not holds(base, target):
            progress = (actual - base) / (goal - base)
        reason = None
        final = year >= target.target_year
        if target.kind in ("kept", "yearly_rate"):
            failed = measured.failed_years
            if failed:
                reason = reason_text(
                    "failed_years", self.lang, years=", ".join(str(each) for each in failed)
                )
            if final:
                status = "met" if not failed and holds(actual, target) else "not_met"
            else:
                status = "on_track" if not failed and holds(actual, target) else "off_track"
        elif final:
            status = "met" if holds(actual, target) else "not_met"
        elif holds(actual, target):
            status = "met"
        elif base is None:
            status = "no_data"
            reason = reason_text(
                "no_path", self.lang, indicator=indicator.id, year=target.baseline_year
            )
        else:
            elapsed = (year - target.baseline_year) / (target.target_year - target.baseline_year)
            status, overshoot = _against_path(target, actual, base, goal, elapsed)
            if overshoot:
                reason = reason_text("overshoot", self.lang)
        two_sided = target.comparator in ("about", "between", "==")
        if status == "not_met" and two_sided and _beyond(actual, base, goal):
            reason = reason or reason_text("overshoot", self.lang)
        trend_result = None
        if measured.goal is not None:
            trend_result = trend(
                measured.history,
                measured.goal,
                target.target_year,
                _trend_direction(target, indicator, measured),
                compound=measured.compound,
            )
        return self._result(
            target,
            status,
            actual,
            year,
            reason=reason,
            goal=goal,
            progress=progress,
            trend_result=trend_result,
            baseline=base,
            derived=measured.derived,
        )

    def _result(
        self,
        target: Target,
        status: Status,
        actual: float | None,
        year: int,
        *,
        reason: str | None = None,
        goal: float | None = None,
        progress: float | None = None,
        trend_result: Trend | None = None,
        baseline: float | None = None,
        derived: bool = False,
    ) -> Result:
        if goal is None:
            goal = _goal(target, None, self.registry.indicators_by_id.get(target.indicator))
        gap = gap_pct = None
        if actual is not None:
            gap = _gap(target, actual, goal)
            gap_pct = gap / abs(goal) * 100.0 if goal else None
        return Result(
            target=target.id,
            indicator=target.indicator,
            status=status,
            actual=actual,
            actual_year=year if actual is not None else None,
            target_value=goal,
            unit=target.unit,
            gap=gap,
            gap_pct=gap_pct,
            progress=progress,
            trend=trend_result,
            lead_agencies=target.leads,
            lead_agencies_inferred=target.leads_are_inferred,
            reason=reason,
            name_zh=target.name_zh,
            name_en=target.name_en,
            chapter=target.chapter,
            kind=target.kind,
            comparator=target.comparator,
            target_min=target.min,
            target_max=target.max,
            tolerance=target.tolerance,
            target_year=target.target_year,
            baseline_year=target.baseline_year,
            baseline_value=baseline,
            aspirational=target.aspirational,
            derived=derived,
        )


def _goal(target: Target, baseline: float | None, indicator: Indicator | None) -> float:
    """The single figure a target aims at, in its unit.

    A range (between) aims at its bound nearest the baseline value; with the baseline
    inside the range or unknown, at `min` for an indicator that should rise and `max`
    for one that should fall.
    """
    if target.comparator != "between":
        assert target.value is not None
        return target.value
    low, high = target.min, target.max
    assert low is not None and high is not None
    if baseline is not None and baseline < low:
        return low
    if baseline is not None and baseline > high:
        return high
    return high if indicator is not None and indicator.direction == "lower" else low


def _trend_direction(target: Target, indicator: Indicator, measured: _Measured) -> Literal[1, -1]:
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


def _gap(target: Target, actual: float, goal: float) -> float:
    """actual − target in the target's unit; for a range, the distance outside it."""
    if target.comparator == "between":
        low, high = target.min, target.max
        assert low is not None and high is not None
        if actual < low:
            return actual - low
        if actual > high:
            return actual - high
        return 0.0
    return actual - goal


def _beyond(actual: float, base: float | None, goal: float) -> bool:
    """For two-sided targets: whether the value went past the accepted band."""
    start = base if base is not None else 0.0
    direction = 1.0 if goal >= start else -1.0
    return direction * (actual - goal) > 0


def _against_path(
    target: Target, actual: float, base: float, goal: float, elapsed: float
) -> tuple[Status, bool]:
    """on_track / off_track against the straight path from `base` to `goal`.

    The direction comes from the comparator (>=, > rise; <=, < fall); for two-sided
    comparators (about, between, ==) from the baseline's side of the goal, and going
    past the accepted band is off track. Returns (status, went past the band).
    """
    if target.comparator in (">=", ">"):
        direction = 1.0
    elif target.comparator in ("<=", "<"):
        direction = -1.0
    else:
        if abs(goal - base) <= _eps(goal, base):
            return "off_track", False
        direction = 1.0 if goal > base else -1.0
        if direction * (actual - goal) > 0:
            return "off_track", True
    # from a baseline already on the good side, the path is the target itself
    path = base + (goal - base) * elapsed if direction * (goal - base) > 0 else goal
    if direction * (actual - path) >= -_eps(actual, path):
        return "on_track", False
    return "off_track", False


def evaluate(
    registry: Registry,
    data: ReadResult | Iterable[Observation],
    year: int | None = None,
    *,
    lang: Lang = "en",
    rates: Mapping[int, ExchangeRate] | None = None,
) -> Report:
    """Check every target of `registry` against `data` for `year`.

    `year` defaults to the latest year in the data (else the plan's target year).
    `rates` replaces the shipped exchange-rate table (a data file's cny_per_usd still
    comes first). The report carries the reading's inputs and diagnostics as given.
    """
    if isinstance(data, ReadResult):
        observations: Iterable[Observation] = data.observations
        inputs, diagnostics = data.inputs, data.diagnostics
    else:
        observations, inputs, diagnostics = data, (), ()
    index = SeriesIndex(observations, registry.formulas, rates)
    if year is None:
        year = index.latest_year() or registry.plan.target_year
    checker = _Checker(registry, index, year, lang)
    results = tuple(checker.check(target) for target in registry.targets)
    return Report(
        year=year,
        results=results,
        inputs=tuple(inputs),
        diagnostics=tuple(diagnostics),
        agency_names={
            agency.name_zh: (agency.name_zh, agency.name_en) for agency in registry.agencies
        },
        chapter_names={
            chapter.number: (chapter.heading("zh"), chapter.heading("en"))
            for chapter in registry.chapters
        },
    )
