"""The city's series as the engine reads them: own values first, derived values second.

Derivation follows the registry's formulas through the one resolver of sz_quality.plan
(plan/resolve.py), the same rules `szq calc` and the reader's completeness check use.

An index holds one region's values: the city total (region "", blank) unless another
region is named (`szq check --region`, a target stated for every district: see
sz_quality.check.districts); `szq calc` derives the districts' values too
(sz_quality.check.derive).

When several observations name the same (series, year), the last one wins: the reader
lists files in command-line order and a later file supersedes an earlier one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..plan.formula import CompiledFormula
from ..plan.resolve import available_years, formula_compute, formula_inputs, resolve
from ..read.observations import Observation

__all__ = [
    "CITY",
    "RATE_SERIES",
    "ExchangeRate",
    "SeriesIndex",
    "Value",
    "shipped_exchange_rates",
]

CITY = ""  # the region of the city total
RATE_SERIES = "cny_per_usd"  # yuan per US dollar, annual average, when a data file has it


@dataclass(frozen=True)
class Value:
    """A series' value in one year, or why there is none.

    `missing` lists the (series, year) pairs whose absence left `value` None; `derived`
    says that the value was computed by the indicator's formula.
    """

    value: float | None
    derived: bool = False
    missing: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ExchangeRate:
    year: int
    cny_per_usd: float
    source: str


@cache
def shipped_exchange_rates() -> dict[int, ExchangeRate]:
    """The rates table shipped with szq (sz_quality/data/exchange_rates.csv)."""
    path = Path(__file__).resolve().parent.parent / "data" / "exchange_rates.csv"
    rates: dict[int, ExchangeRate] = {}
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(line for line in stream if not line.startswith("#")):
            year = int(row["year"])
            rates[year] = ExchangeRate(year, float(row["cny_per_usd"]), row["source"])
    return rates


class SeriesIndex:
    """Values of one region (the city total by default) by series and year, with
    derivation by formula."""

    def __init__(
        self,
        observations: Iterable[Observation],
        formulas: Mapping[str, CompiledFormula] | None = None,
        rates: Mapping[int, ExchangeRate] | None = None,
        region: str = CITY,
    ) -> None:
        values: dict[str, dict[int, float]] = {}
        rows: dict[tuple[str, int], Observation] = {}
        for observation in observations:
            if observation.region != region:
                continue
            series = values.get(observation.series)
            if series is None:
                series = values[observation.series] = {}
            series[observation.year] = observation.value
            rows[(observation.series, observation.year)] = observation
        self._values = values
        self._rows = rows
        self._formulas = dict(formulas or {})
        self._inputs_of = formula_inputs(self._formulas)
        self._compute = formula_compute(self._formulas)
        self._rates = rates

    def latest_year(self) -> int | None:
        years = [year for series in self._values.values() for year in series]
        return max(years) if years else None

    def own(self, series: str, year: int) -> float | None:
        """The value the data reports for the series itself (no derivation)."""
        found = self._values.get(series)
        return None if found is None else found.get(year)

    def own_years(self, series: str) -> list[int]:
        return sorted(self._values.get(series, ()))

    def value(self, indicator: str, year: int) -> Value:
        """The data's own value, else the formula's over the inputs' values."""
        own = self.own
        found = resolve(indicator, lambda series: own(series, year), self._inputs_of, self._compute)
        missing = tuple((series, year) for series in found.missing)
        return Value(found.value, found.derived, missing)

    def used(self, indicator: str, year: int) -> tuple[Observation, ...]:
        """The rows the indicator's value for `year` rests on: its own row, else the
        rows of the formula's inputs (those found, in the order the formula reads them).
        """
        found: list[str] = []

        def own(series: str) -> float | None:
            value = self.own(series, year)
            if value is not None and series not in found:
                found.append(series)
            return value

        resolve(indicator, own, self._inputs_of, self._compute)
        return tuple(self._rows[(series, year)] for series in found)

    def rate_row(self, year: int) -> Observation | None:
        """The data's row of the year's exchange rate, if the data gives it."""
        return self._rows.get((RATE_SERIES, year))

    def years(self, indicator: str) -> list[int]:
        """Every year in which the indicator has a value, its own or derived."""
        return available_years(indicator, self._own_years, self._inputs_of)

    def _own_years(self, series: str) -> Mapping[int, float]:
        return self._values.get(series, {})

    def rate(self, year: int) -> ExchangeRate | None:
        """The year's yuan per US dollar: from the data first, else the shipped table."""
        own = self.own(RATE_SERIES, year)
        if own is not None and own > 0:  # a rate of 0 converts nothing (no division by it)
            return ExchangeRate(year, own, "data")
        rates = self._rates if self._rates is not None else shipped_exchange_rates()
        return rates.get(year)
