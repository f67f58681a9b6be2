"""Whether a value, converted to its series' unit, is one a statistics table would hold.

An error (`out-of-range`) for a value outside the series' bounds, or not finite, or of
magnitude ABSURD or more, or other than 0 and smaller than TINY; a warning
(`suspect-fraction`) for a % value about 100 times smaller than the figure the series'
targets set.

Each rule is defined once, in RULES: a scalar predicate (`breaks`, one value, for the row
path) and a batch one (`any_breaks`, many values with C-level operations, for the
column-wise path) built on the same bounds (`lower`, `upper`, `fraction_window`).
`any_breaks` is true exactly when `breaks` is for some value of the batch; the column
path gives a batch to the row path when any rule may speak (`any_rule_speaks`), and the
row path says which (`check_plausible`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from operator import gt, lt
from typing import NamedTuple

from ..plan.lookup import SeriesInfo
from .cells import ABSURD, TINY, suspect_window
from .findings import Findings, SourceFile
from .messages import template

__all__ = [
    "RULES",
    "Rule",
    "any_rule_speaks",
    "check_plausible",
    "fraction_window",
    "lower",
    "upper",
]

Infos = Mapping[str, SeriesInfo]
"""The series of a batch by the indicator text that names them."""


def lower(info: SeriesInfo) -> float:
    """The smallest value the series takes (-inf: no bound)."""
    return -math.inf if info.min is None else info.min


def upper(info: SeriesInfo) -> float:
    """The largest value the series takes (inf: no bound)."""
    return math.inf if info.max is None else info.max


def fraction_window(info: SeriesInfo) -> tuple[float, float] | None:
    """The values of the series that look like a fraction written for a %, or None."""
    return suspect_window(info.reference) if info.reference else None


# -- implausible: not finite, of magnitude ABSURD or more, or non-zero below TINY


def _implausible(info: SeriesInfo, value: float) -> bool:
    # also infinity, from 1e308 万亿元 (and NaN: no comparison holds)
    return not -ABSURD < value < ABSURD or (value != 0 and -TINY < value < TINY)


def _any_implausible(infos: Infos, raws: Sequence[str], values: Sequence[float]) -> bool:
    if not values:
        return False
    total = sum(values)
    if total - total != 0:  # an infinity or a NaN among them
        return True
    if max(values) >= ABSURD or min(values) <= -ABSURD:
        return True
    # 0 aside, which filter drops
    return min(map(abs, filter(None, values)), default=1.0) < TINY


# -- below / above the series' bounds


def _below(info: SeriesInfo, value: float) -> bool:
    return value < lower(info)


def _any_below(infos: Infos, raws: Sequence[str], values: Sequence[float]) -> bool:
    lows = [lower(info) for info in infos.values()]
    # one look at the extremes settles most batches
    if not values or not lows or min(values) >= max(lows):
        return False
    low = {raw: lower(info) for raw, info in infos.items()}
    return any(map(lt, values, map(low.__getitem__, raws)))


def _above(info: SeriesInfo, value: float) -> bool:
    return value > upper(info)


def _any_above(infos: Infos, raws: Sequence[str], values: Sequence[float]) -> bool:
    highs = [upper(info) for info in infos.values()]
    if not values or not highs or max(values) <= min(highs):
        return False
    high = {raw: upper(info) for raw, info in infos.items()}
    return any(map(gt, values, map(high.__getitem__, raws)))


# -- a % value that looks like a fraction (0.415 for 41.5%)


def _fraction(info: SeriesInfo, value: float) -> bool:
    window = fraction_window(info)
    return window is not None and window[0] <= value <= window[1]


def _any_fraction(infos: Infos, raws: Sequence[str], values: Sequence[float]) -> bool:
    windows = {raw: fraction_window(info) for raw, info in infos.items()}
    # every window ends at 1 or below
    if not values or min(values) > 1.0 or not any(windows.values()):
        return False
    closed = (math.inf, -math.inf)
    bounds = [windows[raw] or closed for raw in raws]
    return any(low <= value <= high for value, (low, high) in zip(values, bounds, strict=True))


class Rule(NamedTuple):
    """A plausibility rule: its name, the code it gives and its two predicates."""

    name: str
    code: str
    breaks: Callable[[SeriesInfo, float], bool]
    """Whether one value breaks the rule."""
    any_breaks: Callable[[Infos, Sequence[str], Sequence[float]], bool]
    """Whether a value of a batch (values[i] of series infos[raws[i]]) breaks it."""


IMPLAUSIBLE = Rule("implausible", "out-of-range", _implausible, _any_implausible)
BELOW = Rule("below", "out-of-range", _below, _any_below)
ABOVE = Rule("above", "out-of-range", _above, _any_above)
FRACTION = Rule("fraction", "suspect-fraction", _fraction, _any_fraction)

RULES: tuple[Rule, ...] = (IMPLAUSIBLE, BELOW, ABOVE, FRACTION)
"""Every plausibility rule, in the order the row path asks them."""


def any_rule_speaks(infos: Infos, raws: Sequence[str], values: Sequence[float]) -> bool:
    """Whether some value of a batch gets a diagnostic (the row path then says which)."""
    return any(rule.any_breaks(infos, raws, values) for rule in RULES)


def check_plausible(
    findings: Findings,
    file: SourceFile,
    info: SeriesInfo,
    value: float,
    where: tuple[int, int, str],
) -> bool:
    """Whether the value is accepted (a suspect fraction is, with a warning)."""
    if IMPLAUSIBLE.breaks(info, value):
        findings.emit_at(
            file,
            "out-of-range",
            where,
            # the value as text: an infinite float is no JSON number
            template("out-of-range.absurd", id=info.id, value=f"{value:.6g}", unit=info.unit),
            template("out-of-range.absurd.hint", id=info.id, unit=info.unit),
        )
        return False
    if not BELOW.breaks(info, value) and not ABOVE.breaks(info, value):
        reference = info.reference
        if reference is not None and FRACTION.breaks(info, value):
            findings.emit_at(
                file,
                "suspect-fraction",
                where,
                template("suspect-fraction", id=info.id, value=value, reference=reference),
                template("suspect-fraction.hint", percent=f"{value * 100:.12g}"),
            )
        return True
    low, high = info.min, info.max
    # the comparators as every output writes them (≥, ≤; ASCII on a console without them)
    shown = (
        f"{low:g}–{high:g}"
        if low is not None and high is not None
        else (f"≥ {low:g}" if low is not None else f"≤ {high:g}")
    )
    findings.emit_at(
        file,
        "out-of-range",
        where,
        template("out-of-range", id=info.id, value=value, unit=info.unit, range=shown),
    )
    return False
