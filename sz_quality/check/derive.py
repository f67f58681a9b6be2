"""Derived series: the registry's compiled formulas applied to the data, for `szq calc`.

Every region (the city total "" and each district) and every year in which all the
inputs of a formula have values gets the derived value, in the derived indicator's
unit. Formulas over derived indicators are resolved in dependency order. Where the data
also reports a value of its own, it is kept beside the derived one (`own_value`): the
check uses the data's own value and the formula only where there is none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..plan.registry import Registry
from ..read.observations import Observation
from .results import number

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "region": self.region,
            "year": self.year,
            "value": number(self.value),
            "unit": self.unit,
            "formula": self.formula,
            "own_value": number(self.own_value),
        }


def _order(registry: Registry) -> list[str]:
    """Derived indicators, each after the derived indicators its formula uses."""
    formulas = registry.formulas
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered or name in visiting or name not in formulas:
            return
        visiting.add(name)
        for dependency in sorted(formulas[name].inputs):
            visit(dependency)
        visiting.discard(name)
        ordered.append(name)

    for name in sorted(formulas):
        visit(name)
    return ordered


def derive_series(registry: Registry, observations: Iterable[Observation]) -> list[DerivedValue]:
    """Every derivable value, sorted by indicator (registry order), region and year."""
    needed: set[str] = set()
    for formula in registry.formulas.values():
        needed |= formula.inputs
        needed.add(formula.indicator)
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
    order = _order(registry)
    for (region, year), cell in values.items():
        known = dict(cell)
        for name in order:
            formula = registry.formulas[name]
            if not formula.inputs <= known.keys():
                continue
            value = formula.evaluate({key: known[key] for key in formula.inputs})
            if value is None:
                continue
            own = cell.get(name)
            derived.append(
                DerivedValue(name, region, year, value, units.get(name, ""), formula.text, own)
            )
            if own is None:
                known[name] = value
    position = {indicator.id: index for index, indicator in enumerate(registry.indicators)}
    derived.sort(key=lambda item: (position.get(item.indicator, 0), item.region, item.year))
    return derived
