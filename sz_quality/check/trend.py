"""Trend toward a target, as Eurostat's SDG monitoring measures it.

R = CAGR_observed / |CAGR_required|, signed by the direction the series must move to
reach the target (+1 up, -1 down; the evaluator takes it from the target's comparator,
which agrees with the indicator's `direction`, and the indicator's where the comparator
leaves it open): R >= 0.95 significant progress, 0.60 <= R < 0.95
moderate, 0 <= R < 0.60 insufficient, R < 0 moving away. These are the defaults: the
registry's `plan.progress.ratio` (or a target's own `progress.ratio`) sets the bounds.

CAGR_observed runs from the first year with data (the baseline year when it has a
value) to the year checked; CAGR_required from the same first value to the target,
over the years left to the target year. Where a compound rate does not exist (a value
of zero or below, as with increments from a level of 0) or the history is of figures
reported under a change or increment target's own id, the same ratio is taken over
linear yearly changes instead. R is empty when the first value already met the target
(docs/rules.md, section 5).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..plan.models import DEFAULT_RATIO_BANDS
from .results import Trend, TrendCategory

__all__ = ["BANDS", "category_of", "trend"]

# Lower bounds of the bands, checked in order (the first that R reaches wins).
_NAMES: tuple[TrendCategory, ...] = ("significant", "moderate", "insufficient")
BANDS: tuple[tuple[float, TrendCategory], ...] = tuple(
    zip(DEFAULT_RATIO_BANDS, _NAMES, strict=True)
)
_TINY = 1e-12


def category_of(ratio: float, bounds: tuple[float, float, float] | None = None) -> TrendCategory:
    """The band of `ratio`: `bounds` are the lower bounds of the first three (BANDS')."""
    bands = BANDS if bounds is None else tuple(zip(bounds, _NAMES, strict=True))
    for lower, category in bands:
        if ratio >= lower - 1e-9:
            return category
    return "moving_away"


def trend(
    history: Sequence[tuple[int, float]],
    goal: float,
    target_year: int,
    direction: Literal[1, -1],
    *,
    compound: bool = True,
    bounds: tuple[float, float, float] | None = None,
    first_met: bool = False,
) -> Trend | None:
    """The trend of `history` (sorted (year, value) pairs) toward `goal` by `target_year`.

    `direction` is the way the series must move (+1 up, -1 down). None with fewer than
    two years of data, or when the first year is not before both the last year and the
    target year; a Trend without ratio when the first value already met the target
    (`first_met`, by the target's comparator: inside the band of an about or between
    target) or reached the goal, and when no change is required.
    """
    if len(history) < 2:
        return None
    first_year, first = history[0]
    last_year, last = history[-1]
    if last_year <= first_year or target_year <= first_year:
        return None
    if first_met or direction * (goal - first) <= 0:
        # the first year already reached the goal: no rate is required, so no ratio
        return Trend(None, None, first_year, last_year)
    observed_years = last_year - first_year
    required_years = target_year - first_year
    if compound and first > 0 and last > 0 and goal > 0:
        observed = (last / first) ** (1.0 / observed_years) - 1.0
        required = (goal / first) ** (1.0 / required_years) - 1.0
    else:
        observed = (last - first) / observed_years
        required = (goal - first) / required_years
    if abs(required) < _TINY:
        return Trend(None, None, first_year, last_year)
    ratio = direction * observed / abs(required)
    return Trend(ratio, category_of(ratio, bounds), first_year, last_year)
