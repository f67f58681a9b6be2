"""Derived series: the registry's compiled formulas applied to the data, for `szq calc`.

Every region (the city total "" and each district) and every year in which all the
inputs of a formula have values gets the derived value, in the derived indicator's
unit. Formulas over derived indicators are resolved by the one resolver of
sz_quality.plan (plan/resolve.py), each input own value first, as the check does. Where
the data also reports a value of its own, it is kept beside the derived one
(`own_value`, and `difference`: own less derived): the check uses the data's own value
and the formula only where there is none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..plan.registry import Registry
from ..plan.resolve import derived_value, formula_inputs, reachable
from ..read.observations import Observation
from .rounding import number

__all__ = ["DerivedValue", "derive_series"]


@dataclass(frozen=True)
class DerivedValue:
    indicator: str
    region: str
    year: int
    value: float
    unit: str
    formula: str
    own_value: float | None = None

    @property
    def difference(self) -> float | None:
        """The data's own value less the derived one (None without an own value)."""
        own, derived = number(self.own_value), number(self.value)
        if own is None or derived is None:
            return None
        return number(own - derived)  # of the figures as shown: no binary noise

    @property
    def difference_percent(self) -> float | None:
        """The difference as a share of the derived value, in %."""
        difference = self.difference
        if difference is None or self.value == 0:
            return None
        return number(difference / abs(self.value) * 100)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "region": self.region,
            "year": self.year,
            "value": number(self.value),
            "unit": self.unit,
            "formula": self.formula,
            "own_value": number(self.own_value),
            "difference": self.difference,
            "difference_percent": self.difference_percent,
        }


def derive_series(registry: Registry, observations: Iterable[Observation]) -> list[DerivedValue]:
    """Every derivable value, sorted by indicator (registry order), region and year."""
    formulas = registry.formulas
    inputs_of = formula_inputs(formulas)
    needed: set[str] = set()
    for name in formulas:
        needed.update(reachable(name, inputs_of))
    values: dict[tuple[str, int], dict[str, float]] = {}
    for observation in observations:
        if observation.series in needed:
            key = (observation.region, observation.year)
            cell = values.get(key)
            if cell is None:
                cell = values[key] = {}
            cell[observation.series] = observation.value
    units = {indicator.id: indicator.unit for indicator in registry.indicators}
    derived: list[DerivedValue] = []
    for (region, year), cell in values.items():
        for name in sorted(formulas):
            value = derived_value(name, cell.get, formulas)
            if value is None:
                continue
            unit, text = units.get(name, ""), formulas[name].text
            derived.append(DerivedValue(name, region, year, value, unit, text, cell.get(name)))
    position = {indicator.id: index for index, indicator in enumerate(registry.indicators)}
    derived.sort(key=lambda item: (position.get(item.indicator, 0), item.region, item.year))
    return derived
