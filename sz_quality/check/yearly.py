"""Yearly plans in the check: a target's sub-target for the year, and the plans' consistency.

A sub-target (sz_quality.read.yearly_plan) names a target by its id or an indicator:
- under the target's id it is the target's own figure for the year (a level, a
  cumulative change, an increment) in the target's unit, compared with the result's
  actual value, in the direction of the target's comparator (>=, > up; <=, < down; for
  about, between and == toward the goal from the baseline value, else the indicator's);
- under an indicator it is the indicator's value for the year in its own unit,
  compared with the data's value of that indicator (its own row, else its formula's)
  in the indicator's direction, for every target on the indicator.
A target's own sub-target wins over its indicator's. The verdict is met (at or beyond
the sub-target, with the engine's one tolerance, check/compare.eps), not met, or
no_data (no value for the year). A district is judged against its own sub-target only.

The plans' consistency (warnings, sz_quality.read.codes):
- `plan-short-of-target`: the path from the previous point (the latest earlier
  sub-target, else the baseline value) through a sub-target, carried on to the target
  year, falls short of the target's figure (the target's path, compound or straight,
  plan/models.path_of; a change or an increment from the baseline: straight; the gap
  is named in the sub-target's terms). The city's sub-targets only, and a district's of
  a target stated for every district: the plan's figure is the city's, a district has
  none of its own;
- `plan-parts-short`: the districts' sub-targets of an additive indicator add up to
  less than the city's (for an indicator that should fall: to more), once every
  district of the registry has one (a registry without districts: two or more).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..plan.models import path_of
from ..read.codes import make
from ..read.messages import template
from ..words import word
from .compare import eps, goal_of
from .rounding import number

if TYPE_CHECKING:
    from ..plan.models import Indicator, Target
    from ..plan.registry import Registry
    from ..read.observations import Diagnostic, Observation
    from ..read.yearly_plan import YearlyPlan
    from .districts import Regions
    from .readings import Readings
    from .results import Result

__all__ = ["YEARLY_STATUSES", "YearlyStatus", "YearlyVerdict", "consistency", "judge"]

YearlyStatus = Literal["met", "not_met", "no_data"]
YEARLY_STATUSES: tuple[YearlyStatus, ...] = ("met", "not_met", "no_data")
# kinds whose figure is the indicator's level (a sub-target of the indicator is on it)
_LEVEL_KINDS = frozenset({"level", "kept", "milestone"})
# kinds whose figure is measured from the baseline year (0 there)
_FROM_BASELINE = frozenset({"change", "increment"})


@dataclass(frozen=True)
class YearlyVerdict:
    """A target judged against its sub-target for the year."""

    series: str  # the target's id, or its indicator's
    year: int
    value: float  # the sub-target, in `unit`
    unit: str
    actual: float | None  # the year's figure, in `unit`
    status: YearlyStatus
    file: str
    line: int
    source: str | None

    @property
    def gap(self) -> float | None:
        return None if self.actual is None else self.actual - self.value

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "year": self.year,
            "value": number(self.value),
            "unit": self.unit,
            "actual": number(self.actual),
            "gap": number(self.gap),
            "status": self.status,
            "file": self.file,
            "line": self.line,
            "source": self.source,
        }


def _sign(target: Target, indicator: Indicator, result: Result) -> int:
    """+1 when the target's figure should rise, -1 when it should fall."""
    if target.comparator in (">=", ">"):
        return 1
    if target.comparator in ("<=", "<"):
        return -1
    goal, base = result.target_value, result.baseline_value
    if goal is not None and base is not None and abs(goal - base) > eps(goal, base):
        return 1 if goal > base else -1
    return 1 if indicator.direction == "higher" else -1


def _verdict(item: Observation, unit: str, actual: float | None, sign: int) -> YearlyVerdict:
    if actual is None:
        status: YearlyStatus = "no_data"
    else:
        status = "met" if sign * (actual - item.value) >= -eps(actual, item.value) else "not_met"
    return YearlyVerdict(
        item.series, item.year, item.value, unit, actual, status, item.file, item.line, item.source
    )


def judge(
    result: Result, indicator: Indicator | None, readings: Readings, plan: YearlyPlan, year: int
) -> YearlyVerdict | None:
    """The result judged against its sub-target for `year` in its region, or None."""
    if indicator is None:
        return None
    target = result.spec
    own = plan.get(target.id, result.region, year)
    if own is not None:
        actual = result.actual if result.actual_year == year else None
        return _verdict(own, target.unit, actual, _sign(target, indicator, result))
    level = plan.get(target.indicator, result.region, year)
    if level is None:
        return None
    found = readings.index.value(target.indicator, year).value
    return _verdict(level, indicator.unit, found, 1 if indicator.direction == "higher" else -1)


# -- the plans' consistency ------------------------------------------------------------


def _text(value: float) -> str:
    return f"{value:.6g}"


def _terms(
    target: Target, indicator: Indicator, readings: Readings, of_target: bool
) -> tuple[float | None, float, int] | None:
    """(baseline value, goal, sign) of the target in the sub-target's terms, or None."""
    if of_target:
        if target.comparator is None or target.kind not in _LEVEL_KINDS | _FROM_BASELINE:
            return None
        if target.kind in _FROM_BASELINE:
            base: float | None = 0.0
        else:
            base = readings.in_target_unit(target, indicator, target.baseline_year)[0]
        goal = goal_of(target, base, indicator)
    else:
        if target.comparator is None or target.kind not in _LEVEL_KINDS:
            return None
        factor, shift = readings.factor(target, indicator)
        if shift:
            return None  # across currencies: a rate per year, no one goal in the indicator's
        base = readings.index.value(indicator.id, target.baseline_year).value
        goal = goal_of(target, None if base is None else base / factor, indicator) * factor
    if target.comparator in (">=", ">"):
        sign = 1
    elif target.comparator in ("<=", "<"):
        sign = -1
    elif base is not None and abs(goal - base) > eps(goal, base):
        sign = 1 if goal > base else -1
    else:
        return None
    return base, goal, sign


def _short_of_target(
    registry: Registry, plan: YearlyPlan, regions: Regions, lang: str
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    by_id = {target.id: target for target in registry.targets}
    on_indicator: dict[str, list[Target]] = {}
    for target in registry.targets:
        on_indicator.setdefault(target.indicator, []).append(target)
    for item in plan.sub_targets:
        own = by_id.get(item.series)
        targets = [own] if own is not None else on_indicator.get(item.series, [])
        for target in targets:
            indicator = registry.indicators_by_id.get(target.indicator)
            if indicator is None or not target.baseline_year < item.year < target.target_year:
                continue
            if item.region and not target.every_district:
                continue  # the plan's figure is the city's: a district has none of its own
            readings = regions.readings(item.region)
            terms = _terms(target, indicator, readings, own is not None)
            if terms is None:
                continue
            base, goal, sign = terms
            earlier = [
                other
                for other in plan.sub_targets
                if other.series == item.series
                and other.region == item.region
                and target.baseline_year < other.year < item.year
            ]
            if earlier:
                previous = max(earlier, key=lambda other: other.year)
                start, start_year = previous.value, previous.year
            elif base is not None:
                start, start_year = base, target.baseline_year
            else:
                continue
            span = (target.target_year - start_year) / (item.year - start_year)
            compound = path_of(target, indicator) == "compound" and target.kind in _LEVEL_KINDS
            if compound and start > 0 and item.value > 0:
                projected = start * (item.value / start) ** span
            else:
                projected = start + (item.value - start) * span
            if sign * (projected - goal) >= -eps(projected, goal):
                continue
            unit = target.unit if own is not None else indicator.unit
            found.append(
                make(
                    "plan-short-of-target",
                    item.file,
                    item.line,
                    None,
                    "value",
                    template(
                        "plan-short-of-target",
                        region=item.region,
                        id=target.id,
                        year=item.year,
                        value=_text(item.value),
                        unit=unit,
                        target_year=target.target_year,
                        projected=_text(projected),
                        goal=_text(goal),
                        gap=_text(abs(goal - projected)),
                        # a gap in a share is in percentage points, not in %
                        **_gap_unit(unit),
                    ),
                    template("plan-short-of-target.hint"),
                    lang=lang,
                )
            )
    return found


def _parts_short(registry: Registry, plan: YearlyPlan, lang: str) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    by_id = {target.id: target for target in registry.targets}
    every = {district.name_zh for district in registry.districts}
    parts: dict[tuple[str, int], list[Observation]] = {}
    for item in plan.sub_targets:
        if item.region:
            parts.setdefault((item.series, item.year), []).append(item)
    for (series, year), districts in parts.items():
        city = plan.get(series, "", year)
        target = by_id.get(series)
        if target is not None and target.kind not in _LEVEL_KINDS:
            continue  # a change or a rate does not add up
        indicator = registry.indicators_by_id.get(target.indicator if target else series)
        if city is None or indicator is None or not indicator.additive:
            continue
        if every and not every <= {item.region for item in districts}:
            continue  # some districts without a sub-target: their sum says nothing yet
        if not every and len(districts) < 2:
            continue
        total = sum(item.value for item in districts)
        sign = 1 if indicator.direction == "higher" else -1
        if sign * (total - city.value) >= -eps(total, city.value):
            continue
        found.append(
            make(
                "plan-parts-short",
                city.file,
                city.line,
                None,
                "value",
                template(
                    "plan-parts-short",
                    id=series,
                    year=year,
                    count=len(districts),
                    parts=_text(total),
                    city=_text(city.value),
                    gap=_text(abs(city.value - total)),
                    unit=target.unit if target is not None else indicator.unit,
                ),
                template("plan-parts-short.hint"),
                lang=lang,
            )
        )
    return found


def consistency(
    registry: Registry, plan: YearlyPlan, regions: Regions, lang: str = "en"
) -> list[Diagnostic]:
    """The plan's own consistency warnings, in the plan's row order per check."""
    return _short_of_target(registry, plan, regions, lang) + _parts_short(registry, plan, lang)


def _gap_unit(unit: str) -> dict[str, str]:
    """The unit of a gap, in both languages: points for a share, else the value's unit."""
    if unit == "%":
        return {"gap_unit_zh": word("points", "zh"), "gap_unit_en": word("points", "en")}
    return {"gap_unit_zh": unit, "gap_unit_en": f" {unit}"}
