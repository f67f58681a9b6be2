"""One figure under two names: a level target's id and its indicator's (gdp_2015, gdp).

A value given for `gdp_2015` is a value of GDP in the target's unit: a file that gives
both for one region and year gives one figure twice. Judged once a file is read (both
read paths and both halves of a file read in two processes store the values first,
so the verdict is the same whichever read them): the later row is a `duplicate-row`,
an error if the figures differ (the first stands, as for a duplicate) and a warning if
they are equal.
"""

from __future__ import annotations

from functools import cache

from ..plan.lookup import Lookup, SeriesInfo
from .cells import same_value
from .findings import SourceFile
from .messages import template
from .store import SlotStore

__all__ = ["check_named_twice", "level_pairs"]


@cache
def _pairs(lookup: Lookup) -> tuple[tuple[SeriesInfo, SeriesInfo], ...]:
    found = []
    for info in lookup.series:
        if info.kind == "target" and info.target_kind == "level":
            indicator = lookup.get(info.indicator)
            if indicator is not None:
                found.append((info, indicator))
    return tuple(found)


def level_pairs(lookup: Lookup) -> tuple[tuple[SeriesInfo, SeriesInfo], ...]:
    """Each level target with its indicator: the two names of one figure."""
    return _pairs(lookup)


def check_named_twice(store: SlotStore, file: SourceFile) -> None:
    """Report (and refuse) a figure `file` gave under both of its names."""
    number, width, owner = file.number, store.width, store.owner
    found: list[tuple[int, SeriesInfo, SeriesInfo]] = []
    for target, indicator in level_pairs(store.lookup):
        targets = owner[target.index :: width]  # one slot per block, copied at C speed
        if number not in targets:
            continue
        indicators = owner[indicator.index :: width]
        if number not in indicators:
            continue
        found.extend(
            (block, target, indicator)
            for block, (first, second) in enumerate(zip(targets, indicators, strict=True))
            if first == number and second == number
        )
    if not found:
        return
    place = {block: key for key, block in store.blocks.items()}
    named = []
    for block, target, indicator in found:
        one, other = (block * width + info.index for info in (target, indicator))
        earlier, later = (one, other) if store.lines[one] < store.lines[other] else (other, one)
        named.append((store.lines[later], block, earlier, later))
    for line, block, earlier, later in sorted(named):
        _report(store, file, place[block], earlier, later, line)


def _report(
    store: SlotStore,
    file: SourceFile,
    place: tuple[str, int],
    earlier: int,
    later: int,
    line: int,
) -> None:
    series = store.lookup.series
    first, then = series[earlier % store.width], series[later % store.width]
    factor = store.lookup.factor(first.unit, then.unit)
    if isinstance(factor, str):
        return  # no conversion between the two: nothing to compare
    old, new = store.values[earlier] * factor, store.values[later]
    equal = same_value(old, new)
    region, year = place
    store.findings.emit(
        file,
        "duplicate-row",
        line=line,
        field="value",
        text=template(
            "duplicate-row.named",
            id=then.id,
            other=first.id,
            region=region,
            year=year,
            first=store.lines[earlier],
            old=old,
            unit=then.unit,
            new=new,
        ),
        severity="warning" if equal else "error",
    )
    if equal:
        return
    # the first figure stands: the later one is refused, as a differing duplicate is
    store.owner[later] = 0
    store.values[later] = 0.0
    store.lines[later] = 0
    if store.keep and store.positions[later] >= 0:
        store.observations[store.positions[later]] = None
        store.positions[later] = -1
    file.accepted -= 1
    file.rejected += 1
