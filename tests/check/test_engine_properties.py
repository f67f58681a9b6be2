"""Random series through the engine, against invariants that follow from docs/rules.md.

Each example is one level, kept, change or increment target (every comparator, an
indicator that should rise or fall) with a series on a grid of multiples of 5, so that
values land exactly on the target, on its band's edges and on the straight path as
often as beside them.
The expectations below are written from the documented rules, not from the engine's
code, so that a change to one rule cannot contradict another silently:

- the status agrees with the target and its path (straight, or compound where both
  ends are positive: over the levels for a change or an increment), at, above and
  below it;
- R is empty exactly when the first year already met the target (or no change is
  required: the first value is the figure aimed at), and its sign is the direction
  the series moved in, toward the target;
- the required rate and the projection agree with the status's side of the target.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import Result
from sz_quality.plan.models import Target
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.read.observations import Observation

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"
REGISTRY = load_registry(FIXTURES / "registry.yaml")
BASELINE, TARGET_YEAR = 2010, 2015
COMPARATORS = (">=", ">", "<=", "<", "==", "about", "between")


def tol(*values: float) -> float:
    """The documented tolerance: 1e-9 of the larger magnitude, at least 1e-9."""
    return 1e-9 * max(1.0, *(abs(value) for value in values))


def sign(value: float) -> int:
    return (value > 0) - (value < 0)


@dataclass(frozen=True)
class Case:
    target: Target
    rising: bool  # the indicator should rise
    series: dict[int, float]
    year: int

    def meets(self, value: float) -> bool:
        target = self.target
        if target.comparator == "between":
            assert target.min is not None and target.max is not None
            low, high = target.min, target.max
            return low - tol(value, low) <= value <= high + tol(value, high)
        goal = target.value
        assert goal is not None
        slack = tol(value, goal)
        return {
            ">=": value >= goal - slack,
            ">": value > goal + slack,
            "<=": value <= goal + slack,
            "<": value < goal - slack,
            "==": abs(value - goal) <= slack,
            "about": abs(value - goal) <= (target.tolerance or 0.0) + slack,
        }[target.comparator or ""]

    def goal(self, base: float | None) -> float:
        """The figure aimed at: a range's bound nearer the baseline, else by direction."""
        target = self.target
        if target.comparator != "between":
            assert target.value is not None
            return target.value
        assert target.min is not None and target.max is not None
        if base is not None and base < target.min:
            return target.min
        if base is not None and base > target.max:
            return target.max
        return target.min if self.rising else target.max

    def direction(self, start: float, goal: float) -> int:
        """The way the target needs the series to move from `start`."""
        if self.target.comparator in (">=", ">"):
            return 1
        if self.target.comparator in ("<=", "<"):
            return -1
        return sign(goal - start) or (1 if self.rising else -1)

    @property
    def from_baseline(self) -> bool:
        return self.target.kind in ("change", "increment")

    def measured(self, level: float) -> float:
        """A level of the series as the target measures it (in its unit)."""
        if not self.from_baseline:
            return level
        base = self.series[BASELINE]
        if self.target.kind == "increment":
            return level - base
        way = 1.0 if self.target.change == "increase" else -1.0
        return way * (level - base) / abs(base) * 100.0

    def level_of(self, figure: float) -> float:
        """The level of the series that measures `figure` (its inverse)."""
        if not self.from_baseline:
            return figure
        base = self.series[BASELINE]
        if self.target.kind == "increment":
            return base + figure
        way = 1.0 if self.target.change == "increase" else -1.0
        return base * (1.0 + way * figure / 100.0)

    def level_direction(self, first: float, goal: float) -> int:
        """The way the levels must move toward the level `goal`."""
        if self.target.comparator in ("about", "between", "=="):
            return self.direction(first, goal)
        decrease = self.target.kind == "change" and self.target.change == "decrease"
        return -self.direction(first, goal) if decrease else self.direction(first, goal)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    grid = st.integers(0, 40).map(lambda step: step * 5.0)
    comparator = draw(st.sampled_from(COMPARATORS))
    rising = draw(st.booleans())
    kind = draw(st.sampled_from(("level", "level", "kept", "change", "increment")))
    change = draw(st.sampled_from(("decrease", "increase"))) if kind == "change" else None
    path = draw(st.sampled_from((None, "compound", "straight")))  # None: the default
    fields: dict[str, Any] = {"comparator": comparator, "kind": kind, "change": change}
    fields["path"] = path
    fields |= {"value": None, "min": None, "max": None, "tolerance": None}
    if comparator == "between":
        low = draw(grid)
        fields |= {"min": low, "max": low + draw(st.integers(1, 8)) * 5.0}
    else:
        fields["value"] = draw(grid)
        if comparator == "about":
            fields["tolerance"] = draw(st.sampled_from((5.0, 10.0)))
    indicator = "share" if rising else "rate"
    target = replace(REGISTRY.targets_by_id["share_over"], indicator=indicator, **fields)
    year = draw(st.integers(BASELINE, TARGET_YEAR))
    series = {year: draw(grid)}
    for each in range(BASELINE, year):
        if draw(st.integers(0, 4)):  # a year in five is missing, the baseline's too
            series[each] = draw(grid)
    return Case(target, rising, dict(sorted(series.items())), year)


def run(case: Case) -> Result:
    data = [Observation(case.target.indicator, y, v, "") for y, v in case.series.items()]
    registry: Registry = replace(REGISTRY, targets=(case.target,))
    (result,) = evaluate(registry, data, case.year).results
    return result


def expected_status(case: Case) -> tuple[str, str | None]:
    """The status and reason code by the rules, for a value in the year checked."""
    target, year, series = case.target, case.year, case.series
    if case.from_baseline:
        if BASELINE not in series:
            return "no_data", "missing"
        if target.kind == "change" and series[BASELINE] == 0:
            return "no_data", "zero_baseline"
    actual = case.measured(series[year])
    base = 0.0 if case.from_baseline else series.get(BASELINE)
    if target.kind == "kept":
        failed = [each for each in series if each > BASELINE and not case.meets(series[each])]
        kept = not failed and case.meets(actual)
        reason = "failed_years" if failed else None
        unseen = [each for each in range(BASELINE + 1, year) if each not in series]
        if kept and unseen:  # a year not seen cannot be said to have held
            return "no_data", "missing"
        if year == TARGET_YEAR:
            return ("met" if kept else "not_met"), reason
        if year == BASELINE:
            return "no_data", "at_baseline"
        return ("on_track" if kept else "off_track"), reason
    if case.meets(actual):
        return "met", None
    two_sided = target.comparator in ("about", "between", "==")
    if year == TARGET_YEAR:
        # past the band: beyond the figure, seen from the baseline (from 0 without one)
        start = 0.0 if base is None else base
        away = 1 if case.goal(base) >= start else -1
        past = two_sided and away * (actual - case.goal(base)) > 0
        return "not_met", ("overshoot" if past else None)
    if year == BASELINE:
        return "no_data", "at_baseline"
    if base is None:
        return "no_data", "no_path"
    goal = case.goal(base)
    direction = case.direction(base, goal)
    if two_sided and abs(goal - base) <= tol(goal, base):
        return "off_track", None  # moved off the figure it stood on: no path to follow
    if two_sided and direction * (actual - goal) > 0:
        return "off_track", "overshoot"  # past the band
    if direction * (goal - base) <= 0:  # from the good side, the path is the target
        return "off_track", None
    elapsed = (year - BASELINE) / (TARGET_YEAR - BASELINE)
    path = base + (goal - base) * elapsed
    if target.path == "compound":  # the default of a share is straight
        start, end = base, goal
        if case.from_baseline:  # over the levels, measured back in the target's unit
            start, end = series[BASELINE], case.level_of(goal)
        if start > 0 and end > 0:
            path = case.measured(start * (end / start) ** elapsed)
    on_path = direction * (actual - path) >= -tol(actual, path)
    return ("on_track" if on_path else "off_track"), None


@settings(max_examples=400, deadline=None)
@given(cases())
def test_the_engine_follows_its_rules(case: Case) -> None:
    result = run(case)
    series, year = case.series, case.year
    status, reason = expected_status(case)
    assert (result.status, result.reason and result.reason.code) == (status, reason)
    if reason in ("missing", "zero_baseline") and case.target.kind != "kept":
        assert result.actual is None and result.trend is None and result.outlook is None
        return
    actual = case.measured(series[year])
    assert result.actual == pytest.approx(actual, abs=1e-9)

    base = 0.0 if case.from_baseline else series.get(BASELINE)
    goal = case.goal(base)
    # the trend and the rates run over the levels, toward the level of the figure
    history = list(series.items())
    (first_year, first), (last_year, last) = history[0], history[-1]
    goal_level = case.level_of(goal)

    # R: empty exactly when the first year met the target or stands at the figure
    if len(history) >= 2 and first_year < last_year:
        assert result.trend is not None
        if case.meets(case.measured(first)) or first == goal_level:
            assert (result.trend.ratio, result.trend.category) == (None, None)
        else:
            ratio = result.trend.ratio
            assert ratio is not None and result.trend.category is not None
            way = case.level_direction(first, goal_level)
            assert sign(ratio) == way * sign(last - first)
    else:
        assert result.trend is None

    # progress: none when the baseline already met the target
    if base is not None and case.meets(base):
        assert result.progress is None
    elif base is not None and abs(goal - base) > tol(goal, base):
        assert result.progress == pytest.approx((actual - base) / (goal - base))

    # the outlook: a required rate toward the figure while it is not met, a projection
    # judged as the status is; no outlook without a rate
    found = result.outlook
    if case.target.kind == "kept":  # the average of the yearly values after the baseline
        kept = [value for each, value in series.items() if each > BASELINE]
        if not kept:
            assert found is None
            return
        assert found is not None and found.basis == "average"
        assert found.observed_rate == pytest.approx(sum(kept) / len(kept))
        assert found.required_rate is None and found.projected_value is None
        return
    needed = year < TARGET_YEAR and not case.meets(actual)
    observed = last_year > first_year
    if not (needed or observed):
        assert found is None
        return
    assert found is not None
    if needed:
        assert found.required_rate is not None
        assert sign(found.required_rate) == sign(goal_level - series[year])
    else:
        assert found.required_rate is None
    if observed:
        assert found.observed_rate is not None
        assert sign(found.observed_rate) == sign(last - first)
    if observed and year < TARGET_YEAR:
        assert found.projected_value is not None and found.projected_year == TARGET_YEAR
        meets = case.meets(found.projected_value)
        assert found.projected_status == ("met" if meets else "not_met")
    else:
        assert found.projected_value is None and found.projected_status is None
