"""How a series gets a value in a year: its own first, else its formula's, recursively.

The one resolver of derived indicators. A series has a value when the data reports one;
else, when it has a formula, the formula's value over its inputs' values, each input
resolved the same way (formulas over formulas). A series needed again while it is being
derived (a cycle of formulas) is missing, never looped over.

Three questions, one recursion (`resolve`):
- the value, derived or not, and the series whose absence left it without one
  (`resolve_value`, the check's SeriesIndex; `derived_value`, `szq calc`);
- whether a series is available given only which series are present, and which are
  missing (`is_available`, `missing_inputs`: the reader's agency completeness check);
- the years in which a series is available (`available_years`).

Callers say what a series' own value is (`own`: None when the data has none) and what
its formula's inputs are (`inputs_of`: None for a series without a formula), so the same
rules serve the check's values of one year, `szq calc`'s cells of one region and year,
and the reader's presence flags.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .formula import CompiledFormula  # annotations only: parsing stays off the start
    from .lookup import Lookup

__all__ = [
    "Compute",
    "InputsOf",
    "OwnValue",
    "Resolved",
    "available_years",
    "derived_value",
    "formula_compute",
    "formula_inputs",
    "is_available",
    "lookup_inputs",
    "missing_inputs",
    "reachable",
    "resolve",
    "resolve_value",
]

OwnValue = Callable[[str], float | None]  # the value the data reports for a series, if any
InputsOf = Callable[[str], Collection[str] | None]  # a formula's inputs; None: no formula
Compute = Callable[[str, Mapping[str, float]], float | None]  # a formula's value; None: ÷0


@dataclass(frozen=True)
class Resolved:
    """A series' value, or the series (itself first) whose absence left it without one."""

    value: float | None
    derived: bool = False
    missing: tuple[str, ...] = ()


def resolve(
    series: str,
    own: OwnValue,
    inputs_of: InputsOf,
    compute: Compute,
    _deriving: tuple[str, ...] = (),
) -> Resolved:
    """The series' own value, else its formula's over its inputs' resolved values."""
    value = own(series)
    if value is not None:
        return Resolved(value)
    return _derive(series, own, inputs_of, compute, _deriving)


def _derive(
    series: str,
    own: OwnValue,
    inputs_of: InputsOf,
    compute: Compute,
    deriving: tuple[str, ...],
) -> Resolved:
    """The formula's value, whatever the series' own value (which its inputs may use)."""
    inputs = inputs_of(series)
    if inputs is None or series in deriving:
        return Resolved(None, missing=(series,))
    values: dict[str, float] = {}
    missing = [series]
    for name in sorted(inputs):
        found = resolve(name, own, inputs_of, compute, (*deriving, series))
        if found.value is None:
            missing.extend(each for each in found.missing if each not in missing)
        else:
            values[name] = found.value
    if len(missing) > 1:
        return Resolved(None, missing=tuple(missing))
    result = compute(series, values)
    if result is None:  # a division by zero: the inputs are there but give no value
        return Resolved(None, derived=True, missing=(series,))
    return Resolved(result, derived=True)


# --- with a registry's compiled formulas --------------------------------------------------


def formula_inputs(formulas: Mapping[str, CompiledFormula]) -> InputsOf:
    """The inputs of each derived indicator of `formulas` (None for the others)."""

    def inputs_of(series: str) -> Collection[str] | None:
        formula = formulas.get(series)
        return None if formula is None else formula.inputs

    return inputs_of


def formula_compute(formulas: Mapping[str, CompiledFormula]) -> Compute:
    """Each derived indicator's value by its formula (None where it divides by zero)."""
    return lambda series, values: formulas[series].evaluate(values)


def resolve_value(series: str, own: OwnValue, formulas: Mapping[str, CompiledFormula]) -> Resolved:
    """The series' value: the data's own, else derived by the registry's formulas."""
    return resolve(series, own, formula_inputs(formulas), formula_compute(formulas))


def derived_value(
    series: str, own: OwnValue, formulas: Mapping[str, CompiledFormula]
) -> float | None:
    """What the series' formula gives over its inputs (own first), even beside an own value."""
    return _derive(series, own, formula_inputs(formulas), formula_compute(formulas), ()).value


# --- with presence only --------------------------------------------------------------------


def _one(series: str, values: Mapping[str, float]) -> float:
    return 1.0  # presence only: a formula whose inputs are present gives a value


def _presence(has_value: Callable[[str], bool]) -> OwnValue:
    return lambda series: 1.0 if has_value(series) else None


def is_available(series: str, has_value: Callable[[str], bool], inputs_of: InputsOf) -> bool:
    """Whether the series has a value: its own, or one its formula derives from inputs
    that are available in turn (a division by zero is not foreseen)."""
    return resolve(series, _presence(has_value), inputs_of, _one).value is not None


def missing_inputs(
    series: str, has_value: Callable[[str], bool], inputs_of: InputsOf
) -> tuple[str, ...]:
    """The series (first) and every input whose absence leaves it without a value; ()
    when it is available. These are the series a year's data must add."""
    return resolve(series, _presence(has_value), inputs_of, _one).missing


def reachable(series: str, inputs_of: InputsOf) -> list[str]:
    """The series and every series its formula reads, recursively (each once)."""
    found = [series]
    for name in found:  # grows while it is walked
        for each in sorted(inputs_of(name) or ()):
            if each not in found:
                found.append(each)
    return found


def available_years(
    series: str, own_years: Callable[[str], Collection[int]], inputs_of: InputsOf
) -> list[int]:
    """Every year in which the series is available, by its own values or derived."""
    if inputs_of(series) is None:
        return sorted(own_years(series))
    candidates: set[int] = set()
    for name in reachable(series, inputs_of):
        candidates.update(own_years(name))

    def present_in(year: int) -> Callable[[str], bool]:
        return lambda name: year in own_years(name)

    return sorted(year for year in candidates if is_available(series, present_in(year), inputs_of))


def lookup_inputs(lookup: Lookup) -> InputsOf:
    """The formula inputs of each series a Lookup knows (what the reader resolves with).

    A Lookup keeps a derived indicator's inputs as a tuple, empty for any other series.
    """

    def inputs_of(series: str) -> Collection[str] | None:
        info = lookup.get(series)
        return info.inputs if info is not None and info.inputs else None

    return inputs_of
