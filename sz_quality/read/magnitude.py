"""Magnitude slips: two figures of one series whose ratio is a unit slip's power of ten.

A figure typed in 万元 under a 亿元 header is 10⁴ times too large, and plausible on its
own; against the same series' neighbouring year (or the same figure in another file) it
is not. Ratios close to 10³ (千), 10⁴ (万), 10⁸ (亿) and 10¹² (万亿), and 10² for a %
series (a fraction written for a percentage), are suspects; ordinary growth, even a
series doubling or halving, is far from all of them. Pure functions.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING, Final

from .messages import Template, template, value_template

if TYPE_CHECKING:
    from ..plan.lookup import SeriesInfo
    from .findings import Findings, SourceFile

__all__ = ["SLIP_SPAN", "magnitude_hint", "magnitude_slip", "report_slip", "slip_text", "slip_unit"]

# the powers of ten a unit slip produces, and how far (in log10) a ratio may be from one:
# 0.15 is a factor of 1.41, so a ratio from 7,080 to 14,130 is "about 10⁴"
_POWERS: Final = (3, 4, 8, 12)
_PERCENT_POWERS: Final = (2,)
SLIP_SPAN: Final = 0.15
# the powers of ten whose magnitude words (plan/units.py) a hint names: 百 千 万 千万 亿 万亿
_NAMED: Final = (2, 3, 4, 7, 8, 12)


@cache
def _prefixes() -> dict[int, str]:
    """Power of ten -> the magnitude words of plan/units.py that write it ("" for 0)."""
    from ..plan.units import MAGNITUDE_STACKS, MAGNITUDES

    found = {0: ""}
    for stack in MAGNITUDE_STACKS:
        power = round(math.log10(math.prod(MAGNITUDES[word] for word in stack)))
        if power in _NAMED:
            found.setdefault(power, stack)
    return found


def magnitude_slip(value: float, other: float, unit: str) -> int | None:
    """The power of ten (signed: + when `value` is the larger) separating `value` from
    `other` when it is one a unit slip produces, else None."""
    if value == 0 or other == 0 or (value > 0) != (other > 0):
        return None
    ratio = math.log10(abs(value) / abs(other))
    powers = _PERCENT_POWERS if unit.strip() == "%" else _POWERS
    for power in powers:
        if abs(abs(ratio) - power) <= SLIP_SPAN:
            return power if ratio > 0 else -power
    return None


def slip_unit(unit: str, power: int) -> str | None:
    """The unit whose value, written under `unit`, is 10**power times too large: 万元 for
    亿元 and +4; None when the unit names no magnitude szq can shift."""
    from ..plan.units import MAGNITUDE_WORDS

    prefixes = _prefixes()
    for magnitude, prefix in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if prefix and unit.startswith(prefix) or (not prefix and unit[:1] not in MAGNITUDE_WORDS):
            base = unit[len(prefix) :]
            if not base or base == "%":
                return None
            shifted = prefixes.get(magnitude - power)
            return None if shifted is None else shifted + base
    return None


def magnitude_hint(unit: str, power: int) -> Template:
    """ "万元 written as 亿元?" for a value 10⁴ too large under 亿元."""
    if unit.strip() == "%":
        return template("suspect-magnitude.percent")
    written = slip_unit(unit, power)
    if written is None:
        return template("suspect-magnitude.other")
    return template("suspect-magnitude.unit", written=written, unit=unit)


def report_slip(
    findings: Findings,
    file: SourceFile,
    where: tuple[int, int, str],
    info: SeriesInfo,
    region: str,
    year: int,
    value: float,
    old: float,
    old_where: tuple[str, int],
) -> bool:
    """suspect-magnitude for a later file's value against an earlier file's (at `where`:
    line, column, field); whether it was one (else the caller reports a revision)."""
    power = magnitude_slip(value, old, info.unit)
    if power is None:
        return False
    line, column, field_name = where
    text = slip_text(info, region, (year, value), (year, old), old_where, power)
    hint = magnitude_hint(info.unit, power)
    findings.emit(
        file,
        "suspect-magnitude",
        line=line,
        column=column,
        field=field_name,
        text=text,
        hint=hint,
    )
    return True


def slip_text(
    info: SeriesInfo,
    region: str,
    doubted: tuple[int, float],
    other: tuple[int, float],
    other_where: tuple[str, int],
    power: int,
) -> Template:
    """suspect-magnitude's message: the (year, value) doubted against the other's."""
    return value_template(
        "suspect-magnitude",
        (info.id, region, doubted[0]),
        value=doubted[1],
        unit=info.unit,
        other_year=other[0],
        other=other[1],
        other_file=other_where[0],
        other_line=other_where[1],
        power=abs(power),
    )
