"""Why a target has no verdict (or a qualified one), as data: a code and its fields.

The engine keeps the fields (the missing (series, year) pairs, the year of a missing
rate, ...); the words are made at the edge, in the user's language
(sz_quality.render.verdict_words.reason_text), as frictionless keeps an error's fields and
builds its message from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, get_args

__all__ = ["REASON_CODES", "Reason", "ReasonCode", "ReasonWords"]

ReasonCode = Literal[
    "missing",  # no value: `missing` pairs (and the derived indicator's `formula`)
    "no_rate",  # no yuan per US dollar rate for `year`
    "before_baseline",  # `year` checked is before the target's `baseline_year`
    "zero_baseline",  # the baseline value of `indicator` in `year` is zero
    "no_path",  # no baseline value of `indicator` in `year`: no path
    "judgement",  # a milestone without a value (`cause` says why)
    "failed_years",  # a target kept every year did not hold in `years`
    "overshoot",  # a two-sided target went past its band
    "unknown_indicator",  # `indicator` is not in the registry
    "at_baseline",  # `year` checked is the baseline year: no progress shown yet
    "too_few_years",  # a trend needs two years of data; `indicator` has one (`year`)
    "sign_change",  # `indicator` changes sign from `baseline_year` to `year`: no growth rate
    "lagging_regions",  # a per-district milestone not met in the districts `regions`
]
REASON_CODES: tuple[ReasonCode, ...] = get_args(ReasonCode)


@dataclass(frozen=True)
class Reason:
    """A reason code and the fields its words need (the others stay empty)."""

    code: ReasonCode
    missing: tuple[tuple[str, int], ...] = ()  # (series, year) pairs without a value
    indicator: str | None = None
    formula: str | None = None  # a derived indicator's formula, when its inputs are missing
    year: int | None = None
    baseline_year: int | None = None
    years: tuple[int, ...] = ()
    cause: Reason | None = None
    regions: tuple[str, ...] = ()

    @property
    def missing_pairs(self) -> tuple[tuple[str, int], ...]:
        """The (series, year) pairs without a value, the cause's included."""
        if self.missing or self.cause is None:
            return self.missing
        return self.cause.missing_pairs

    def fields(self) -> dict[str, Any]:
        """The fields set beside `code` and `missing`, for JSON (a cause's flattened in)."""
        found: dict[str, Any] = {}
        if self.cause is not None:
            found["cause"] = self.cause.code
            found.update(self.cause.fields())
        for name in ("indicator", "formula", "year", "baseline_year"):
            value = getattr(self, name)
            if value is not None:
                found[name] = value
        if self.years:
            found["years"] = list(self.years)
        if self.regions:
            found["regions"] = list(self.regions)
        return found


# What turns a reason into words in one language (the edge's, e.g. render.verdict_words).
ReasonWords = Callable[[Reason], str]
