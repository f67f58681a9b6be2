"""A value against a target: the comparator, the figure aimed at, the gap, the path.

Boundaries: values are compared with the tolerance eps(): BOUNDARY_RTOL (1e-9) of the
larger magnitude, and at least 1e-9 absolute in the target's unit. The relative part
absorbs the binary rounding of derived values (4.0 against ">= 4" is met whatever the
rounding of a derived share, and 4.0 against "> 4" is not); the absolute floor the
floating-point noise around a figure of 0, where a relative tolerance is none (a
projection of 2.8e-14 meets "<= 0"). This is the engine's only tolerance for values
(the trend bands use the same 1e-9, absolute); `about` targets add their stated one.
The rules are stated in docs/rules.md.
"""

from __future__ import annotations

from ..plan.models import Indicator, Target
from .results import Status

__all__ = ["BOUNDARY_RTOL", "against_path", "beyond", "eps", "gap", "goal_of", "holds"]

BOUNDARY_RTOL = 1e-9


def eps(*values: float) -> float:
    """The tolerance of a comparison between `values`."""
    return BOUNDARY_RTOL * max(1.0, *(abs(value) for value in values))


def holds(value: float, target: Target) -> bool:
    """Whether `value` (in the target's unit) satisfies the target's comparator."""
    comparator = target.comparator
    if comparator == "between":
        low, high = target.min, target.max
        assert low is not None and high is not None  # the model guarantees both
        return low - eps(value, low) <= value <= high + eps(value, high)
    goal = target.value
    assert goal is not None  # the model guarantees a value for every other comparator
    tolerance = eps(value, goal)
    if comparator == ">=":
        return value >= goal - tolerance
    if comparator == ">":
        return value > goal + tolerance
    if comparator == "<=":
        return value <= goal + tolerance
    if comparator == "<":
        return value < goal - tolerance
    if comparator == "==":
        return abs(value - goal) <= tolerance
    return abs(value - goal) <= (target.tolerance or 0.0) + tolerance  # about


def goal_of(target: Target, baseline: float | None, indicator: Indicator | None) -> float:
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


def gap(target: Target, actual: float, goal: float) -> float:
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


def beyond(actual: float, base: float | None, goal: float) -> bool:
    """For two-sided targets: whether the value went past the accepted band."""
    start = base if base is not None else 0.0
    direction = 1.0 if goal >= start else -1.0
    return direction * (actual - goal) > 0


def against_path(
    target: Target, actual: float, base: float, goal: float, path: float
) -> tuple[Status, bool]:
    """on_track / off_track of a value that does not meet the target, against the
    path from `base` to `goal`, which stands at `path` in the year checked (straight
    or compound, sz_quality.check.rules).

    The direction comes from the comparator (>=, > rise; <=, < fall); for two-sided
    comparators (about, between, ==) from the baseline's side of the goal, and going
    past the accepted band is off track. From a baseline at or past the goal the path
    is the target itself, so the value is off track. Returns (status, went past the
    band).
    """
    if target.comparator in (">=", ">"):
        direction = 1.0
    elif target.comparator in ("<=", "<"):
        direction = -1.0
    else:
        if abs(goal - base) <= eps(goal, base):
            return "off_track", False
        direction = 1.0 if goal > base else -1.0
        if direction * (actual - goal) > 0:
            return "off_track", True
    if direction * (goal - base) <= 0:
        # from a baseline at or past the figure the path is the target itself, and a
        # value that does not meet it (the caller's case; with > or <, one exactly at
        # the figure) is behind it
        return "off_track", False
    if direction * (actual - path) >= -eps(actual, path):
        return "on_track", False
    return "off_track", False
