"""One rule per kind of target: how the data is measured for it and how it is judged.

Every kind of plan.models.KINDS has its rule in RULES (a test asserts that none is
missing). A rule answers three questions, and the driver (sz_quality.check.evaluate)
does the rest (the checks every kind shares, progress, trend and the Result):

- `measure`: the value checked, the baseline value the path starts from, the history
  the trend is taken over;
- `without_value`: the status and reason when the value checked is missing;
- `judge`: the status (and a reason that qualifies it) of the value checked.

Statuses (docs/rules.md states every rule; keep the two in step)
- In the target year: `met` or `not_met`, by the target's own comparator only.
- In an earlier year: `met` (already reached, the baseline year too), else `on_track`
  when the value is at or beyond the path from the baseline value to the target
  (compound or straight, plan.models.path_of), `off_track` when behind it or when the baseline was
  already at or past the target. A target kept every year (kind kept / yearly_rate) is
  `on_track` while every year so far holds (never `met` before its target year) and
  `off_track` once one has not.
- `no_data`: a value the check needs is missing; the reason names the series and year.
- `not_assessable`: a milestone (a state that needs a judgement, e.g. 每个区至少有一家)
  without data.
- A direction without a figure (kind trend) is met in its target year when it moved the
  required way, on or off track before. 年均增长 and 累计 have their rules in period.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Protocol

from ..plan.models import Kind
from .compare import against_path, goal_of, holds
from .outlook import compound_rate
from .period import AverageGrowthRule, CumulativeRule
from .readings import Case, Measured, Readings, RuleBase, Verdict, settled
from .reasons import Reason

__all__ = [
    "RULES",
    "Case",
    "ChangeRule",
    "IncrementRule",
    "KeptRule",
    "LevelRule",
    "MilestoneRule",
    "Rule",
    "TrendRule",
    "Verdict",
    "open_sdg_rate",
]


class Rule(Protocol):
    """How one kind of target is measured and judged."""

    every_year: bool  # every year from the baseline on must hold (kept, yearly_rate)

    def measure(self, readings: Readings, case: Case) -> Measured: ...

    def without_value(self, readings: Readings, measured: Measured) -> Verdict: ...

    def judge(
        self, readings: Readings, case: Case, measured: Measured, actual: float, goal: float | None
    ) -> Verdict: ...

    def level_in_target_unit(
        self, readings: Readings, case: Case, measured: Measured, level: float
    ) -> float | None: ...


def compound_point(base: float, goal: float, elapsed: float) -> float | None:
    """The compound path from `base` to `goal` after `elapsed` of the period; None
    unless both are positive (a growth rate from or to 0 is not one)."""
    if base <= 0 or goal <= 0:
        return None
    return float(base * (goal / base) ** elapsed)


class LevelRule(RuleBase):
    """level: the indicator's value in the year checked, against its path."""

    def measure(self, readings: Readings, case: Case) -> Measured:
        target, indicator, year = case.target, case.indicator, case.year
        index = readings.index
        measured = Measured(compound=case.path == "compound")
        # a value reported under the target's own id is in its unit (美元/人 for the
        # per-capita GDP target): compared as given, before a value that needs a rate
        actual: float | None = index.own(target.id, year)
        derived, reason = False, None
        if actual is not None:
            readings.trace(measured, target.id, year)
        else:
            actual, derived, reason = readings.in_target_unit(target, indicator, year)
            if actual is not None:
                readings.trace(measured, indicator.id, year, (target, indicator))
        measured.actual, measured.derived, measured.reason = actual, derived, reason
        baseline = index.own(target.id, target.baseline_year)
        own_baseline = baseline is not None
        if baseline is None:
            baseline, _, _ = readings.in_target_unit(target, indicator, target.baseline_year)
        if actual is not None and baseline is not None:  # the path the value is judged on
            series = target.id if own_baseline else indicator.id
            converted = None if own_baseline else (target, indicator)
            readings.trace(measured, series, target.baseline_year, converted)
        measured.baseline = baseline
        years = set(index.years(indicator.id)) | set(index.own_years(target.id))
        for each in sorted(years):
            if not target.baseline_year <= each <= year:
                continue
            value = index.own(target.id, each)
            if value is None:
                value, _, _ = readings.in_target_unit(target, indicator, each)
            if value is None:
                continue
            measured.history.append((each, value))
            checked = self.every_year and each > target.baseline_year
            if checked and not holds(value, target):
                measured.failed_years.append(each)
        if self.every_year:
            seen = {each for each, _ in measured.history}
            measured.unseen_years = [
                each for each in range(target.baseline_year + 1, year) if each not in seen
            ]
        if target.comparator is not None:
            measured.goal = goal_of(target, baseline, indicator)
        return measured

    def judge(
        self, readings: Readings, case: Case, measured: Measured, actual: float, goal: float | None
    ) -> Verdict:
        target, base = case.target, measured.baseline
        assert goal is not None  # every kind but trend has a figure
        if case.final:
            return settled(case, holds(actual, target))
        if holds(actual, target):
            return "met", None
        if base is None:
            path = Reason("no_path", indicator=case.indicator.id, year=target.baseline_year)
            return "no_data", path
        elapsed = (case.year - target.baseline_year) / (target.target_year - target.baseline_year)
        straight, compound = self.path_points(readings, case, measured, goal, elapsed)
        on_compound = compound is not None and measured.compound
        chosen, other = (compound, straight) if on_compound else (straight, compound)
        assert chosen is not None
        measured.path = "compound" if on_compound else "straight"
        status, overshoot = against_path(target, actual, base, goal, chosen)
        if other is not None:
            other_status, _ = against_path(target, actual, base, goal, other)
            if other_status != status:
                measured.other_path_status = other_status
        return status, Reason("overshoot") if overshoot else None

    def path_points(
        self, readings: Readings, case: Case, measured: Measured, goal: float, elapsed: float
    ) -> tuple[float, float | None]:
        """Where the straight path and the compound one (None where it does not exist)
        stand after `elapsed` of the period toward `goal`, in the target's unit."""
        base = measured.baseline
        assert base is not None
        return base + (goal - base) * elapsed, compound_point(base, goal, elapsed)


class MilestoneRule(LevelRule):
    """milestone: read as a level; without data, a state that needs a judgement."""

    def without_value(self, readings: Readings, measured: Measured) -> Verdict:
        return "not_assessable", Reason("judgement", cause=measured.reason)


class KeptRule(LevelRule):
    """kept, yearly_rate: the level must hold in every year after the baseline year."""

    every_year = True

    def judge(
        self, readings: Readings, case: Case, measured: Measured, actual: float, goal: float | None
    ) -> Verdict:
        failed = measured.failed_years
        reason = Reason("failed_years", years=tuple(failed)) if failed else None
        return settled(case, not failed and holds(actual, case.target), reason)


class _FromBaselineRule(LevelRule):
    """A change from the baseline year, unless the data reports it under the target's id."""

    def measure(self, readings: Readings, case: Case) -> Measured:
        reported = readings.index.own(case.target.id, case.year)
        if reported is not None:
            return self._reported(readings, case, reported)
        return self._from_levels(readings, case)

    def _reported(self, readings: Readings, case: Case, reported: float) -> Measured:
        """The change or increment as the data reports it (in the target's unit)."""
        target = case.target
        measured = Measured(actual=reported, baseline=0.0, compound=False)  # linear figures
        readings.trace(measured, target.id, case.year)
        for each in readings.index.own_years(target.id):
            if target.baseline_year <= each <= case.year:
                value = readings.index.own(target.id, each)
                if value is not None:
                    measured.history.append((each, value))
        measured.goal = goal_of(target, 0.0, None)
        return measured

    def _from_levels(self, readings: Readings, case: Case) -> Measured:
        raise NotImplementedError  # each subclass computes its own change

    def level_in_target_unit(
        self, readings: Readings, case: Case, measured: Measured, level: float
    ) -> float | None:
        """`level` as the change or increment since the baseline level (a figure reported
        under the target's id is one already); None without the baseline year's level."""
        if measured.level_unit is None:  # reported under the target's id
            return level
        if not measured.history or measured.history[0][0] != case.target.baseline_year:
            return None
        return self._since(readings, case, measured.history[0][1], level)

    def _since(self, readings: Readings, case: Case, base: float, level: float) -> float | None:
        raise NotImplementedError  # each subclass measures its own change

    def _endpoints(
        self, readings: Readings, case: Case, measured: Measured
    ) -> tuple[float, float] | None:
        """The indicator's levels in the baseline year (traced) and the year checked;
        None, with the reason in `measured`, when one is missing."""
        target, indicator = case.target, case.indicator
        base, now, derived, reason = readings.endpoints(indicator, target, case.year)
        measured.derived = derived
        if base is None or now is None:
            measured.reason = reason
            return None
        readings.trace(measured, indicator.id, target.baseline_year)
        return base, now

    def path_points(
        self, readings: Readings, case: Case, measured: Measured, goal: float, elapsed: float
    ) -> tuple[float, float | None]:
        """The straight path from 0 (no change yet) toward `goal`; the compound one is
        taken over the indicator's levels, from the baseline level to the level that
        reaches the figure, and measured back in the target's unit."""
        straight = goal * elapsed
        if measured.level_unit is None or measured.goal is None:  # reported figures
            return straight, None
        point = compound_point(measured.history[0][1], measured.goal, elapsed)
        compound = None
        if point is not None:
            compound = self.level_in_target_unit(readings, case, measured, point)
        return straight, compound


class ChangeRule(_FromBaselineRule):
    """change: the relative change (%) of the indicator since the baseline year."""

    def _from_levels(self, readings: Readings, case: Case) -> Measured:
        target, indicator, year = case.target, case.indicator, case.year
        measured = Measured(baseline=0.0, change_levels=True, compound=case.path == "compound")
        ends = self._endpoints(readings, case, measured)
        if ends is None:
            return measured
        base, now = ends
        readings.trace(measured, indicator.id, year)
        if base == 0:
            measured.reason = Reason(
                "zero_baseline", indicator=indicator.id, year=target.baseline_year
            )
            return measured
        sign = 1.0 if target.change == "increase" else -1.0
        measured.actual = sign * (now - base) / abs(base) * 100.0
        goal = goal_of(target, 0.0, None)
        measured.history = readings.indicator_history(indicator, target, year)
        measured.goal = base * (1.0 + sign * goal / 100.0)
        measured.level_unit = indicator.unit
        return measured

    def _since(self, readings: Readings, case: Case, base: float, level: float) -> float | None:
        """The change (%) from the baseline level to `level`."""
        if base == 0:
            return None
        sign = 1.0 if case.target.change == "increase" else -1.0
        return sign * (level - base) / abs(base) * 100.0


class IncrementRule(_FromBaselineRule):
    """increment: how much the indicator grew since the baseline year, in the target's unit."""

    def _from_levels(self, readings: Readings, case: Case) -> Measured:
        target, indicator, year = case.target, case.indicator, case.year
        measured = Measured(baseline=0.0, compound=case.path == "compound")
        ends = self._endpoints(readings, case, measured)
        if ends is None:
            return measured
        base, now = ends
        readings.trace(measured, indicator.id, year, (target, indicator))
        measured.actual, measured.reason = readings.convert(target, indicator, now - base, year)
        goal = goal_of(target, 0.0, None)
        factor, _ = readings.factor(target, indicator)
        measured.history = readings.indicator_history(indicator, target, year)
        measured.goal = base + goal * factor
        measured.level_unit = indicator.unit
        if not measured.history or measured.history[0][1] <= 0:
            measured.compound = False
        return measured

    def _since(self, readings: Readings, case: Case, base: float, level: float) -> float | None:
        """The increment from the baseline level to `level`, in the target's unit."""
        found, _ = readings.convert(
            case.target, case.indicator, level - base, case.target.target_year
        )
        return found


class TrendRule(LevelRule):
    """trend: a direction without a figure, judged by Open SDG's method 1.

    The observed compound growth rate from the first year with data (the baseline year
    when it has a value; Open SDG moves to the next year with data too) to the year
    checked, signed by the indicator's direction (and by the sign of the values when
    both are negative, as Open SDG does). The status is the direction: met in the
    target year (on_track before) when the series moved the required way; the rate
    bands (% a year, default 1.5 / 0.5 / 0) give the strength of the move, beside.
    Where Open SDG substitutes 0.001 for a zero first value, szq gives no_data
    (zero_baseline): a rate from zero is not a rate. A sign change is no_data too; a
    last value of 0 is not one: the rate to 0 is -100% a year, as Open SDG computes it.
    The year checked needs a value, as for every other kind.
    """

    def judge(
        self, readings: Readings, case: Case, measured: Measured, actual: float, goal: float | None
    ) -> Verdict:
        indicator = case.indicator.id
        history = measured.history
        if case.year == case.target.baseline_year:
            return "no_data", Reason("at_baseline", year=case.year)
        if len(history) < 2:
            return "no_data", Reason("too_few_years", indicator=indicator, year=case.year)
        (first_year, first), (last_year, last) = history[0], history[-1]
        if first == 0:
            return "no_data", Reason("zero_baseline", indicator=indicator, year=first_year)
        if last != 0 and (first > 0) != (last > 0):
            change = Reason("sign_change", indicator=indicator, year=last_year)
            return "no_data", replace(change, baseline_year=first_year)
        rate = open_sdg_rate(first, last, last_year - first_year, case.indicator.direction)
        # moved the required way; its band (strength) is shown beside
        return settled(case, rate > MOVED)


# a trend target moved the required way when its rate (% a year) is above this
MOVED = 1e-9


def open_sdg_rate(first: float, last: float, years: int, direction: str) -> float:
    """Open SDG's method-1 progress value, in % a year: sign × direction × CAGR."""
    sign = -1.0 if first < 0 else 1.0
    towards = 1.0 if direction == "higher" else -1.0
    return sign * towards * compound_rate(first, last, years)


# kind -> its rule; every kind of plan.models.KINDS (tests/check/test_rules.py)
RULES: Mapping[Kind, Rule] = {
    "level": LevelRule(),
    "change": ChangeRule(),
    "increment": IncrementRule(),
    "kept": KeptRule(),
    "yearly_rate": KeptRule(),
    "milestone": MilestoneRule(),
    "trend": TrendRule(),
    "average_growth": AverageGrowthRule(),
    "cumulative": CumulativeRule(),
}
