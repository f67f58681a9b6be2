"""The records a Lookup holds: a series as a data file names it, an agency, a factor.

Plain frozen dataclasses with slots, kept apart from lookup.py so that the Lookup and its
builder (lookup_build.py) both import them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "DERIVED_TOLERANCE",
    "FACTOR_ERRORS",
    "AgencyInfo",
    "DerivedRule",
    "Factor",
    "FactorError",
    "SeriesInfo",
]

# The result of a failed conversion, kept in the factor table like a factor.
FactorError = Literal["unknown", "mismatch", "currency", "meaning"]
Factor = float | FactorError
FACTOR_ERRORS: tuple[FactorError, ...] = get_args(FactorError)

# A derived indicator's formula text, operand factors and result factor (as
# formula.CompiledFormula keeps them) and its tolerance in % (derived-mismatch).
DerivedRule = tuple[str, dict[str, float], float, float]
# the tolerance of a derived indicator that states none: year-end against average
# population moves a per-capita figure by a few percent, which is normal
DERIVED_TOLERANCE = 5.0


@dataclass(frozen=True, slots=True)
class SeriesInfo:
    """An indicator, or a target a value can be reported for, as a data file names it."""

    index: int
    id: str
    kind: Literal["indicator", "target"]
    indicator: str  # the indicator itself, or the target's indicator
    unit: str  # what values are converted to
    name_zh: str
    name_en: str
    min: float | None = None
    max: float | None = None
    inputs: tuple[str, ...] = ()  # a derived indicator's operands
    baseline_year: int | None = None  # targets only
    target_year: int | None = None  # targets only
    # a % series: the figure its targets set (the smallest), against which a value about
    # 100 times smaller looks like a fraction written for a percentage (0.415 for 41.5%)
    reference: float | None = None
    target_kind: str | None = None  # targets only: level, change, increment, kept, ...
    # the index of the series that takes this one's values in another currency: a
    # per-capita GDP in 美元/人 goes to the target in 万美元/人, and a figure in 元/人
    # given under that target goes to the indicator (-1: none)
    twin: int = -1

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True, slots=True)
class AgencyInfo:
    """A lead agency and the targets it leads (by the text or by inference)."""

    id: str
    name_zh: str
    name_en: str
    targets: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en
