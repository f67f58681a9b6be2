"""The column-wise fast path: a plain batch of a long table checked with C-level operations.

A batch qualifies when nothing in it needs a look: every row has the header's number of
fields, every indicator, year, unit and value reads, every value is in range, and no key
was seen before. Otherwise it gives up (returns None, having changed nothing) and the
row path judges the batch: the fast path never judges, so both accept the same rows.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from itertools import repeat
from operator import add, gt, lt, mul

from ..plan.lookup import SeriesInfo
from .cells import source_text
from .findings import SourceFile
from .layout import Layout
from .observations import Observation
from .resolve import Resolver
from .store import SlotStore

__all__ = ["check_plain_batch"]


def check_plain_batch(
    resolver: Resolver,
    store: SlotStore,
    file: SourceFile,
    layout: Layout,
    text: str,
    delimiter: str,
    first_line: int,
) -> int | None:
    """Check a plain batch column by column; None (and no change) if any row needs a look.

    `text` holds whole lines ending in "\\n", no quotes and no carriage returns.
    """
    count = text.count("\n")
    if not count:
        return 0
    ncols = layout.ncols
    # Each line break starts a cell ("a,b\nc,d\n" -> a|b|\nc|d|\n): the rows are all
    # `ncols` wide exactly when there are count*ncols+1 cells and every first cell
    # after the first row starts with the break (then no other cell does).
    cells = text.replace("\n", delimiter + "\n").split(delimiter)
    if len(cells) != count * ncols + 1:
        return None
    cells.pop()
    if count > 1 and sum(map(str.startswith, cells[ncols::ncols], repeat("\n"))) != count - 1:
        return None
    columns = layout.columns
    indicators = cells[columns["indicator"] :: ncols]
    years = cells[columns["year"] :: ncols]
    value_texts = cells[columns["value"] :: ncols]
    # indicators and years: each distinct text once
    infos: dict[str, SeriesInfo] = {}
    for raw in set(indicators):
        info = resolver.series(raw)
        if info is None:
            return None
        infos[raw] = info
    if "region" in columns:
        regions = cells[columns["region"] :: ncols]
        pairs = set(zip(regions, years, strict=True))
        distinct_years = {year_text for _, year_text in pairs}
    else:
        regions, pairs = [], set()
        distinct_years = set(years)
    year_of: dict[str, int] = {}
    for raw in distinct_years:
        year = resolver.year(raw)
        if year is None:
            return None
        year_of[raw] = year
    try:
        values = list(map(float, value_texts))
    except ValueError:
        return None
    total = sum(values)
    if total - total != 0:
        return None
    # units: one factor per distinct (unit, indicator)
    if "unit" in columns and any(map(str.strip, set(cells[columns["unit"] :: ncols]))):
        unit_texts = cells[columns["unit"] :: ncols]
        factors: dict[tuple[str, str], float] = {}
        scale = False
        for pair in set(zip(unit_texts, indicators, strict=True)):
            found = resolver.factor(pair[0], infos[pair[1]])
            if isinstance(found, str):
                return None
            factors[pair] = found
            scale = scale or found != 1.0
        if scale:
            values = list(
                map(
                    mul,
                    values,
                    map(factors.__getitem__, zip(unit_texts, indicators, strict=True)),
                )
            )
    # plausible ranges: one look at the extremes settles most batches
    lows = [info.min for info in infos.values() if info.min is not None]
    if lows and min(values) < max(lows):
        low = {raw: -math.inf if info.min is None else info.min for raw, info in infos.items()}
        if any(map(lt, values, map(low.__getitem__, indicators))):
            return None
    highs = [info.max for info in infos.values() if info.max is not None]
    if highs and max(values) > min(highs):
        high = {raw: math.inf if info.max is None else info.max for raw, info in infos.items()}
        if any(map(gt, values, map(high.__getitem__, indicators))):
            return None
    # keys: no key twice in the batch, none seen before
    # the first slot of each row's block (raw_blocks holds block * width)
    width = store.width
    if regions:
        raw_blocks = store.raw_blocks
        for pair in pairs:
            if pair not in raw_blocks:
                block = store.block(resolver.region(pair[0]), year_of[pair[1]])
                raw_blocks[pair] = block * width
        starts = map(raw_blocks.__getitem__, zip(regions, years, strict=True))
    else:
        start_of = {raw: store.block("", year) * width for raw, year in year_of.items()}
        starts = map(start_of.__getitem__, years)
    index_of = {raw: info.index for raw, info in infos.items()}
    keys = list(map(add, starts, map(index_of.__getitem__, indicators)))
    if len(set(keys)) != count or any(map(store.owner.__getitem__, keys)):
        return None
    # commit
    deque(map(store.owner.__setitem__, keys, repeat(file.number)), maxlen=0)
    deque(map(store.values.__setitem__, keys, values), maxlen=0)
    line_numbers = range(first_line, first_line + count)
    deque(map(store.lines.__setitem__, keys, line_numbers), maxlen=0)
    if store.keep:
        region_values = list(map(resolver.region, regions)) if regions else [""] * count
        sources: list[str | None] = (
            list(map(source_text, cells[columns["source"] :: ncols]))
            if "source" in columns
            else [None] * count
        )
        _keep_batch(
            store,
            file,
            infos,
            keys,
            indicators,
            years,
            year_of,
            values,
            region_values,
            sources,
            line_numbers,
        )
    file.rows += count
    file.accepted += count
    return count


def _keep_batch(
    store: SlotStore,
    file: SourceFile,
    infos: dict[str, SeriesInfo],
    keys: list[int],
    indicators: list[str],
    years: list[str],
    year_of: dict[str, int],
    values: list[float],
    region_values: list[str],
    sources: list[str | None],
    line_numbers: range,
) -> None:
    """Turn a checked batch into observations (of the wanted regions only)."""
    id_of = {raw: info.id for raw, info in infos.items()}
    wanted = store.regions
    # the raw names of the batch's series kept in every region (a target for every district)
    every_region = {raw for raw, series in id_of.items() if series in store.every_region}
    chosen: Iterable[int]
    if wanted is None:
        chosen = range(len(keys))
    elif not every_region:
        chosen = [index for index, region in enumerate(region_values) if region in wanted]
    else:
        chosen = [
            index
            for index, (region, raw) in enumerate(zip(region_values, indicators, strict=True))
            if region in wanted or raw in every_region
        ]
    positions, observations = store.positions, store.observations
    for index in chosen:
        positions[keys[index]] = len(observations)
        observations.append(
            Observation(
                id_of[indicators[index]],
                year_of[years[index]],
                values[index],
                region_values[index],
                file.path,
                line_numbers[index],
                sources[index],
            )
        )
