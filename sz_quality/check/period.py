"""The kinds stated over the plan's whole period: 年均增长 and 累计.

- average_growth (年均增长 X%): the compound average growth of the indicator from the
  baseline year to the year checked, in % a year; from its levels (at constant prices,
  as the plan states the growth) when the data has both ends, else from the yearly
  growth rates of the target's `growth_indicator`, chained. Met in the target year when
  the average reaches X; earlier, on track while the average so far reaches X (the
  compound path of the levels), off track when it does not. The rates and R run over
  the levels (the chained rates as an index, 100 in the baseline year) toward the level
  that X% a year reaches, so the outlook's required rate is the rate still needed.
- cumulative (累计): the sum of the indicator's yearly values (a flow: 新增就业, 脱贫)
  over the years after the baseline year, up to the year checked; every one of those
  years needs a value. Earlier years are judged against the straight (time-elapsed)
  path from 0 to the figure; the rates are linear (the figure's unit a year).

Both give the driver (sz_quality.check.evaluate) a history and a goal, so that R, the
rates and the projection are computed as for every other kind. See docs/rules.md.
"""

from __future__ import annotations

from .compare import against_path, eps, goal_of, holds
from .outlook import compound_rate
from .readings import Case, Measured, Readings, RuleBase, Verdict, settled
from .reasons import Reason

__all__ = ["AverageGrowthRule", "CumulativeRule"]

INDEX_BASE = 100.0  # the level of the baseline year when levels are chained from rates


class AverageGrowthRule(RuleBase):
    """average_growth: 年均增长 X% from the baseline year (see the module's docstring)."""

    def measure(self, readings: Readings, case: Case) -> Measured:
        target, indicator, year = case.target, case.indicator, case.year
        first = target.baseline_year
        measured = Measured(compound=True)
        if year <= first:
            measured.reason = Reason("at_baseline", year=year)
            return measured
        base = readings.index.value(indicator.id, first)
        now = readings.index.value(indicator.id, year)
        if base.value is not None and now.value is not None:
            if base.value <= 0 or now.value <= 0:
                measured.reason = Reason("zero_baseline", indicator=indicator.id, year=first)
                return measured
            readings.trace(measured, indicator.id, first)
            readings.trace(measured, indicator.id, year)
            measured.derived = base.derived or now.derived
            measured.history = readings.indicator_history(indicator, target, year)
            measured.level_unit = indicator.unit
        elif target.growth_indicator is not None:
            chained = _chained(readings, target.growth_indicator, first, year, measured)
            if chained is None:
                return measured
            measured.history = chained
            measured.level_unit = "1"
        else:
            missing = tuple(dict.fromkeys(base.missing + now.missing))
            measured.reason = readings.missing_reason(indicator, missing)
            return measured
        start = measured.history[0][1]
        last_year, last = measured.history[-1]
        measured.actual = compound_rate(start, last, last_year - first)
        rate = goal_of(target, 0.0, indicator)
        years = target.target_year - first
        measured.goal = start * (1.0 + rate / 100.0) ** years
        # the share of the period's growth achieved: (1 + a)^s - 1 of (1 + X)^T - 1
        needed = measured.goal / start - 1.0
        if abs(needed) > eps(needed):
            measured.progress = (last / start - 1.0) / needed
        return measured

    def level_in_target_unit(
        self, readings: Readings, case: Case, measured: Measured, level: float
    ) -> float | None:
        """The average growth from the baseline level to `level` in the target year."""
        start = measured.history[0][1]
        if level <= 0 or start <= 0:
            return None
        return compound_rate(start, level, case.target.target_year - case.target.baseline_year)

    def judge(
        self, readings: Readings, case: Case, measured: Measured, actual: float, goal: float | None
    ) -> Verdict:
        measured.path = "compound"
        return settled(case, holds(actual, case.target))


def _chained(
    readings: Readings, growth: str, first: int, year: int, measured: Measured
) -> list[tuple[int, float]] | None:
    """An index of the levels, 100 in the baseline year, chained from the yearly growth
    rates of every year after it up to `year`; None (and the reason) when one is missing."""
    level = INDEX_BASE
    history = [(first, level)]
    missing: list[tuple[str, int]] = []
    for each in range(first + 1, year + 1):
        found = readings.index.value(growth, each)
        if found.value is None:
            missing.extend(found.missing or ((growth, each),))
            continue
        level *= 1.0 + found.value / 100.0
        history.append((each, level))
        measured.derived = measured.derived or found.derived
    if missing:
        measured.reason = Reason("missing", missing=tuple(dict.fromkeys(missing)), indicator=growth)
        return None
    for each in range(first + 1, year + 1):
        readings.trace(measured, growth, each)
    return history


class CumulativeRule(RuleBase):
    """cumulative: 累计, the sum of the yearly values after the baseline year."""

    def measure(self, readings: Readings, case: Case) -> Measured:
        target, indicator, year = case.target, case.indicator, case.year
        first = target.baseline_year
        measured = Measured(baseline=0.0, compound=False)
        measured.goal = goal_of(target, 0.0, indicator)
        reported = readings.index.own(target.id, year)
        if reported is not None:  # the total as the data reports it
            readings.trace(measured, target.id, year)
            measured.actual = reported
            measured.history = [(first, 0.0)]
            for each in readings.index.own_years(target.id):
                value = readings.index.own(target.id, each)
                if first < each <= year and value is not None:
                    measured.history.append((each, value))
            return measured
        if year <= first:
            measured.reason = Reason("at_baseline", year=year)
            return measured
        total = 0.0
        history = [(first, 0.0)]
        missing: list[tuple[str, int]] = []
        for each in range(first + 1, year + 1):
            value, derived, reason = readings.in_target_unit(target, indicator, each)
            if value is None:
                missing.extend(reason.missing_pairs if reason else ((indicator.id, each),))
                continue
            readings.trace(measured, indicator.id, each, (target, indicator))
            measured.derived = measured.derived or derived
            total += value
            history.append((each, total))
        if missing:
            measured.reason = readings.missing_reason(indicator, tuple(dict.fromkeys(missing)))
            measured.used.clear()
            return measured
        measured.actual = total
        measured.history = history
        return measured

    def judge(
        self, readings: Readings, case: Case, measured: Measured, actual: float, goal: float | None
    ) -> Verdict:
        target = case.target
        assert goal is not None
        if case.final:
            return settled(case, holds(actual, target))
        measured.path = "straight"
        elapsed = (case.year - target.baseline_year) / (target.target_year - target.baseline_year)
        path = goal * elapsed
        if target.comparator in ("<=", "<"):  # a cap on the total: within its share so far
            return settled(case, actual <= path + eps(actual, path))
        if holds(actual, target):
            return "met", None
        status, overshoot = against_path(target, actual, 0.0, goal, path)
        return status, Reason("overshoot") if overshoot else None
