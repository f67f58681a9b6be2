"""What is still needed and where the indicator is heading: rates and a projection.

For a target with a figure, from the series the trend is taken over (`Measured.history`,
its levels, toward `Measured.goal`, the level that reaches the target):

- observed rate: the yearly change from the first year with data (the baseline year
  when it has a value) to the year checked;
- required rate: the yearly change needed from the year checked to the target year to
  reach the target ("后两年需年均增长X%"), for a target not yet met before its target
  year;
- projection: the level in the target year if the observed rate is kept, in the
  target's unit, and whether that meets the target.

Rates follow the target's path (plan.models.path_of): compound (% a year) on a compound
path where the first, the last and the goal levels are all positive (an increment's
and a change's are the indicator's levels); otherwise (a share on its straight path,
from or to 0, a sign change, a figure reported under a change or increment target's
own id) both are linear (the level's unit a year), so that the two rates always compare
like with like, as the trend ratio and the status do. A linear projection of a series
never below 0 stops at 0. A target kept every year has the average of its yearly values
instead (basis "average", sz_quality.check.evaluate). Without any rate there is no
outlook (rate_basis empty). See docs/rules.md.

For kind trend (no figure) only the observed rate is computed: Open SDG's method 1
(sz_quality.check.rules.TrendRule).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .rounding import number

__all__ = ["Outlook", "compound_rate", "outlook", "outlook_fields"]

# compound: % a year; linear: the level's unit a year; average: the mean of the yearly
# values of a target kept every year (kept, yearly_rate), in the target's unit
Basis = Literal["compound", "linear", "average"]


@dataclass(frozen=True)
class Outlook:
    """The rates (per year) and the projection of one target.

    `rate_unit` is "%" for compound rates (percent a year) and the unit of the levels
    for linear ones (that unit a year); `projected_value` is in the target's unit.
    """

    basis: Basis
    rate_unit: str
    observed_rate: float | None = None
    required_rate: float | None = None
    projected_value: float | None = None
    projected_year: int | None = None
    projected_status: Literal["met", "not_met"] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "observed_rate": number(self.observed_rate),
            "required_rate": number(self.required_rate),
            "rate_basis": self.basis,
            "rate_unit": self.rate_unit,
            "projected_value": number(self.projected_value),
            "projected_year": self.projected_year,
            "projected_status": self.projected_status,
        }


def outlook_fields(found: Outlook | None) -> dict[str, Any]:
    """The outlook's fields of a result's JSON: every key, null without an outlook."""
    if found is None:
        return dict.fromkeys(Outlook("linear", "").to_dict())
    return found.to_dict()


def compound_rate(start: float, end: float, years: int) -> float:
    """The compound yearly growth, in %, from `start` to `end` over `years` (both > 0)."""
    return float(((end / start) ** (1.0 / years) - 1.0) * 100.0)


def _rate(start: float, end: float, years: int, basis: Basis) -> float:
    if basis == "compound":
        return compound_rate(start, end, years)
    return (end - start) / years


def outlook(
    history: Sequence[tuple[int, float]],
    goal: float | None,
    target_year: int,
    *,
    compound: bool,
    level_unit: str,
    need_required: bool,
    in_target_unit: Callable[[float], float | None],
    meets: Callable[[float], bool],
) -> Outlook | None:
    """The outlook of `history` (sorted (year, level) pairs) toward `goal` by `target_year`.

    `need_required`: the target is not met yet and the year checked is before the
    target year. `in_target_unit` turns a level into the target's unit (None when it
    cannot); `meets` says whether a value in the target's unit meets the target.
    None without a value in the year checked or without a goal, and when there is no
    rate (no rate is required and a single year gives no observed rate): `rate_basis`
    is then empty too.
    """
    if not history or goal is None:
        return None
    first_year, first = history[0]
    last_year, last = history[-1]
    positive = first > 0 and last > 0 and goal > 0
    basis: Basis = "compound" if compound and positive else "linear"
    found = Outlook(basis, "%" if basis == "compound" else level_unit)
    observed = required = projected = None
    projected_status: Literal["met", "not_met"] | None = None
    if need_required and last_year < target_year:
        required = _rate(last, goal, target_year - last_year, basis)
    if last_year > first_year:
        observed = _rate(first, last, last_year - first_year, basis)
        if last_year < target_year:
            years_left = target_year - last_year
            if basis == "compound":
                level = last * (1.0 + observed / 100.0) ** years_left
            else:
                level = last + observed * years_left
                if first >= 0 and last >= 0:  # a series never below 0 is not projected there
                    level = max(level, 0.0)
            projected = in_target_unit(level)
            if projected is not None:
                projected_status = "met" if meets(projected) else "not_met"
    if observed is None and required is None:
        return None
    return Outlook(
        found.basis,
        found.rate_unit,
        observed_rate=observed,
        required_rate=required,
        projected_value=projected,
        projected_year=target_year if projected is not None else None,
        projected_status=projected_status,
    )
