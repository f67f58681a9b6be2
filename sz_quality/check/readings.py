"""The data as a target reads it: an indicator's values in the target's unit, by year.

`Measured` is what a rule (sz_quality.check.rules) makes of the data for one target,
`settled` and `RuleBase` what the rules share in judging it;
`Readings` gives the rules the values they need, converted to the target's unit (with
the year's exchange rate where the units differ by currency).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..plan.models import PLAN_BANDS, Indicator, Path, ProgressBands, Target
from ..plan.registry import Registry
from ..read.observations import Observation
from .reasons import Reason
from .results import Status
from .series import ExchangeRate, SeriesIndex

__all__ = ["Case", "Measured", "Readings", "RuleBase", "Verdict", "settled"]

Verdict = tuple[Status, Reason | None]  # a status and the reason that explains or qualifies it


@dataclass(frozen=True)
class Case:
    """A target checked in one year (the year checked is never after its target year)."""

    target: Target
    indicator: Indicator
    year: int
    bands: ProgressBands = PLAN_BANDS  # the target's, else the plan's
    path: Path = "straight"  # plan.models.path_of: the path and the basis of the rates

    @property
    def final(self) -> bool:
        return self.year >= self.target.target_year


def settled(case: Case, holding: bool, reason: Reason | None = None) -> Verdict:
    """The verdict on a value that holds or not: met or not_met in the target year,
    on_track or off_track in an earlier one."""
    if case.final:
        return ("met" if holding else "not_met"), reason
    return ("on_track" if holding else "off_track"), reason


@dataclass
class Measured:
    """What a kind's reading of the data gives, all in the target's unit but `history`."""

    actual: float | None = None
    baseline: float | None = None  # the value the path starts from
    reason: Reason | None = None
    derived: bool = False
    # trend: (year, value) pairs in the unit of `goal`
    history: list[tuple[int, float]] = field(default_factory=list)
    goal: float | None = None
    compound: bool = True
    # the history holds the indicator's levels of a change target (not the change itself)
    change_levels: bool = False
    # kept / yearly_rate: the years checked and those that did not hold
    failed_years: list[int] = field(default_factory=list)
    # the rows the value checked and the baseline value rest on, and the rates used
    used: list[Observation] = field(default_factory=list)
    rates: list[ExchangeRate] = field(default_factory=list)
    # the unit of `history` and `goal` when it is not the target's (the indicator's)
    level_unit: str | None = None
    # kept / yearly_rate: the years after the baseline year, up to the year checked,
    # without a value (they cannot be checked)
    unseen_years: list[int] = field(default_factory=list)
    # the status the other path (straight for compound, compound for straight) gives
    # where it differs from the one that decided (docs/rules.md, section 4)
    other_path_status: Status | None = None
    path: str | None = None  # the path a status before the target year was judged on
    progress: float | None = None  # a kind's own progress (average_growth), else generic


class Readings:
    """An indicator's values for a target: its own unit converted to the target's."""

    def __init__(self, registry: Registry, index: SeriesIndex) -> None:
        self.registry = registry
        self.index = index

    def factor(self, target: Target, indicator: Indicator) -> tuple[float, float]:
        """(factor, currency shift) from the target's unit to the indicator's."""
        pair = (target.unit, indicator.unit)
        found = self.registry.unit_factors.get(pair)
        if found is None:
            if target.unit == indicator.unit:
                return 1.0, 0.0
            from ..plan.units import factor_and_currency_shift

            found = factor_and_currency_shift(*pair)
        return found

    def trace(
        self,
        measured: Measured,
        series: str,
        year: int,
        converted: tuple[Target, Indicator] | None = None,
    ) -> None:
        """Record the rows of `series` in `year` (and, for a value `converted` from the
        indicator's unit to the target's across currencies, the year's rate) as used.
        """
        for row in self.index.used(series, year):
            if row not in measured.used:
                measured.used.append(row)
        if converted is None or not self.factor(*converted)[1]:
            return
        rate = self.index.rate(year)
        if rate is not None and rate not in measured.rates:
            measured.rates.append(rate)
            given = self.index.rate_row(year)
            if given is not None and rate.source == "data" and given not in measured.used:
                measured.used.append(given)

    def missing_reason(self, indicator: Indicator, missing: tuple[tuple[str, int], ...]) -> Reason:
        """No value: the pairs missing, and the formula when its inputs are among them."""
        formula = self.registry.formulas.get(indicator.id)
        inputs_missing = formula is not None and len(missing) > 1
        return Reason(
            "missing",
            missing=missing,
            indicator=indicator.id,
            formula=formula.text if formula is not None and inputs_missing else None,
        )

    def in_target_unit(
        self, target: Target, indicator: Indicator, year: int
    ) -> tuple[float | None, bool, Reason | None]:
        """The indicator's value for `year` in the target's unit: (value, derived, reason)."""
        found = self.index.value(indicator.id, year)
        if found.value is None:
            return None, False, self.missing_reason(indicator, found.missing)
        value, reason = self.convert(target, indicator, found.value, year)
        return value, found.derived, reason

    def convert(
        self, target: Target, indicator: Indicator, value: float, year: int
    ) -> tuple[float | None, Reason | None]:
        """A figure in the indicator's unit (a level or a difference) in the target's."""
        factor, shift = self.factor(target, indicator)
        converted = value / factor
        if shift:
            rate = self.index.rate(year)
            if rate is None:
                return None, Reason("no_rate", year=year)
            converted *= rate.cny_per_usd**shift
        return converted, None

    def endpoints(
        self, indicator: Indicator, target: Target, year: int
    ) -> tuple[float | None, float | None, bool, Reason | None]:
        """The indicator's values in the baseline year and in `year` (its own unit)."""
        base = self.index.value(indicator.id, target.baseline_year)
        now = self.index.value(indicator.id, year)
        missing = tuple(dict.fromkeys(base.missing + now.missing))
        if base.value is None or now.value is None:
            return None, None, False, self.missing_reason(indicator, missing)
        return base.value, now.value, base.derived or now.derived, None

    def indicator_history(
        self, indicator: Indicator, target: Target, year: int
    ) -> list[tuple[int, float]]:
        """The indicator's values (its own unit) from the baseline year to `year`."""
        history = []
        for each in self.index.years(indicator.id):
            if target.baseline_year <= each <= year:
                value = self.index.value(indicator.id, each).value
                if value is not None:
                    history.append((each, value))
        return history


class RuleBase:
    """What a rule does unless its kind says otherwise."""

    # whether every year from the baseline on must hold (kept, yearly_rate)
    every_year = False

    def without_value(self, readings: Readings, measured: Measured) -> Verdict:
        return "no_data", measured.reason

    def level_in_target_unit(
        self, readings: Readings, case: Case, measured: Measured, level: float
    ) -> float | None:
        """A level of the history in the target's unit (a level target's are already)."""
        return level
