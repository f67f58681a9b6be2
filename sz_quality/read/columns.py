"""The column-wise fast path: a plain batch of a long table checked with C-level operations.

A row qualifies when nothing in it needs a look: it has the header's number of fields,
its indicator, year, unit and value read, its value is in range, and its key was not
seen before. A row whose indicator, year, unit or value does not read is certain to be
rejected: such rows go to the row path one by one (`reject_row`), which says why, after
the others are committed (they emit nothing, so the diagnostics come in line order). Any
other doubt (a value out of range or suspect, a key seen twice, a ragged row, a field
over the CSV parser's limit, a value that may be a number split at its thousands comma,
cells.split_number) gives up on the whole batch (returns None, having changed
nothing) and the row path judges it: the fast path never judges, so both accept the same
rows. A value in another currency that the series' currency twin takes (25365 美元/人
for GDP per capita, SeriesInfo.twin) goes to another series than its name says: such a
batch is left to the row path too.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections import deque
from collections.abc import Callable, Iterable
from itertools import compress, repeat
from operator import add, mul
from sys import intern
from typing import TypeVar

from ..plan.lookup import SeriesInfo
from .cell_resolver import Resolver
from .cells import PLAIN_NUMBER, SPLIT_TAIL, parse_value, source_text, split_number
from .findings import SourceFile
from .layout import Layout
from .observations import Observation
from .plausible import any_rule_speaks
from .store import SlotStore

__all__ = ["check_plain_batch"]

_T = TypeVar("_T")

RejectRow = Callable[[SourceFile, Layout, list[str], int], None]
"""The row path for one row known to be rejected: (file, layout, cells, line)."""

# Characters of a plain ASCII number (NUMBER in cells.py without thousands separators):
# a value with any other character, or that float() refuses, is looked at row by row.
_ODD_CHARACTER = re.compile(r"[^0-9.eE+\- \n]")
_NOT_PLAIN = re.compile(f"^(?! *{PLAIN_NUMBER} *$).*$", re.MULTILINE)
_SPLIT_TAIL_LINE = re.compile(f"^{SPLIT_TAIL}$", re.MULTILINE)


def _resolve_distinct(
    texts: list[str], resolve: Callable[[str], _T | None], bad: set[int]
) -> dict[str, _T]:
    """Each distinct text of a column resolved once; the rows of those that resolve to
    nothing go into `bad`."""
    found: dict[str, _T] = {}
    missing: set[str] = set()
    for raw in set(texts):
        value = resolve(raw)
        if value is None:
            missing.add(raw)
        else:
            found[raw] = value
    if missing:
        bad.update(compress(range(len(texts)), map(missing.__contains__, texts)))
    return found


def _any_split(value_texts: list[str], following: list[str]) -> bool:
    """Whether a row's value may be a number split at its thousands comma (cells.py)."""
    if _SPLIT_TAIL_LINE.search("\n".join(following)) is None:
        return False
    return any(map(split_number, value_texts, following))


def _bad_values(value_texts: list[str]) -> list[int]:
    """The rows whose value is not a plain number (found by the regex engine, not a loop)."""
    joined = "\n".join(value_texts)
    bad: list[int] = []
    row, counted = 0, 0
    for match in _NOT_PLAIN.finditer(joined):
        start = match.start()
        row += joined.count("\n", counted, start)
        counted = start
        bad.append(row)
    return bad


def check_plain_batch(
    resolver: Resolver,
    store: SlotStore,
    file: SourceFile,
    layout: Layout,
    text: str,
    delimiter: str,
    first_line: int,
    reject_row: RejectRow,
) -> int | None:
    """Check a plain batch column by column; None (and no change) if it needs the row path.

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
    limit = csv.field_size_limit()
    if len(text) > limit and max(map(len, text.split("\n"))) > limit:
        return None  # a field may be over the CSV parser's limit: the row path says so
    columns = layout.columns
    indicators = cells[columns["indicator"] :: ncols]
    years = cells[columns["year"] :: ncols]
    value_texts = cells[columns["value"] :: ncols]
    value_column = columns["value"]
    following = cells[value_column + 1 :: ncols] if value_column + 1 < ncols else []
    if delimiter == "," and following and _any_split(value_texts, following):
        return None  # 17,502.99 unquoted: the row path says so
    bad: set[int] = set()
    # indicators and years: each distinct text once
    infos = _resolve_distinct(indicators, resolver.series, bad)
    year_of = _resolve_distinct(years, resolver.year, bad)
    values: list[float] | None = None
    if _ODD_CHARACTER.search("".join(value_texts)) is None:
        with contextlib.suppress(ValueError):  # "1.2.3", "-": looked at below
            values = list(map(float, value_texts))
    if values is None:
        odd = _bad_values(value_texts)
        if any(isinstance(parse_value(value_texts[index]), float) for index in odd):
            return None  # a number in another spelling ("1,234" in a tab-separated file)
        bad.update(odd)
    # units: one factor per distinct (unit, indicator)
    has_units = "unit" in columns and any(map(str.strip, set(cells[columns["unit"] :: ncols])))
    unit_texts = cells[columns["unit"] :: ncols] if has_units else []
    factors: dict[tuple[str, str], float] = {}
    if has_units:
        unreadable: set[tuple[str, str]] = set()
        for pair in set(zip(unit_texts, indicators, strict=True)):
            if pair[1] not in infos:
                continue
            info = infos[pair[1]]
            found = resolver.factor(pair[0], info)
            if isinstance(found, str):
                if found == "currency" and not isinstance(resolver.place(pair[0], info), str):
                    return None  # accepted under the currency twin: the row path places it
                unreadable.add(pair)
            else:
                factors[pair] = found
        if unreadable:
            pairs_of_rows = zip(unit_texts, indicators, strict=True)
            bad.update(compress(range(count), map(unreadable.__contains__, pairs_of_rows)))
    line_numbers: range | list[int] = range(first_line, first_line + count)
    # the cells an observation keeps as given (none when validating)
    sources, notes = (
        cells[columns[name] :: ncols] if name in columns and store.keep else []
        for name in ("source", "note")
    )
    regions = cells[columns["region"] :: ncols] if "region" in columns else []
    if bad:
        keep = [True] * count
        for index in bad:
            keep[index] = False
        indicators = list(compress(indicators, keep))
        years = list(compress(years, keep))
        value_texts = list(compress(value_texts, keep))
        line_numbers = list(compress(line_numbers, keep))
        regions = list(compress(regions, keep))
        unit_texts = list(compress(unit_texts, keep))
        sources = list(compress(sources, keep))
        notes = list(compress(notes, keep))
        values = None
    good = len(indicators)
    if good and not _commit(
        resolver,
        store,
        file,
        infos,
        (factors, unit_texts),
        (indicators, years, year_of),
        list(map(float, value_texts)) if values is None else values,
        regions,
        (sources, notes, value_texts, unit_texts),
        line_numbers,
    ):
        return None
    for index in sorted(bad):
        row = cells[index * ncols : (index + 1) * ncols]
        if index:
            row[0] = row[0][1:]  # the line break that starts the row
        reject_row(file, layout, row, first_line + index)
    file.rows += good
    file.accepted += good
    return count


def _commit(
    resolver: Resolver,
    store: SlotStore,
    file: SourceFile,
    infos: dict[str, SeriesInfo],
    units: tuple[dict[tuple[str, str], float], list[str]],
    keys_of_rows: tuple[list[str], list[str], dict[str, int]],
    values: list[float],
    regions: list[str],
    given: tuple[list[str], list[str], list[str], list[str]],
    line_numbers: range | list[int],
) -> bool:
    """Store rows whose every cell reads, unless one needs a look (False: nothing changed)."""
    factors, unit_texts = units
    indicators, years, year_of = keys_of_rows
    count = len(indicators)
    if factors and any(factor != 1.0 for factor in factors.values()):
        values = list(
            map(mul, values, map(factors.__getitem__, zip(unit_texts, indicators, strict=True)))
        )
    # a value out of range, implausible or suspect: the row path says which
    if any_rule_speaks(infos, indicators, values):
        return False
    # keys: no key twice in the batch, none seen before
    # the first slot of each row's block (raw_blocks holds block * width)
    width = store.width
    if regions:
        pairs = set(zip(regions, years, strict=True))
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
        return False
    # commit
    deque(map(store.owner.__setitem__, keys, repeat(file.number)), maxlen=0)
    deque(map(store.values.__setitem__, keys, values), maxlen=0)
    deque(map(store.lines.__setitem__, keys, line_numbers), maxlen=0)
    if store.keep:
        region_values = list(map(resolver.region, regions)) if regions else [""] * count
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
            given,
            line_numbers,
        )
    return True


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
    given: tuple[list[str], list[str], list[str], list[str]],
    line_numbers: range | list[int],
) -> None:
    """Turn a checked batch into observations (of the wanted regions only).

    `given` holds the batch's source, note, value and unit cells as written (an empty
    list: no such column, or no unit given): they are read for the kept rows only.
    """
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
    sources, notes, value_texts, unit_texts = given
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
                source_text(sources[index]) if sources else None,
                source_text(notes[index]) if notes else None,
                value_texts[index].strip(),
                # the few distinct unit texts are shared (interned), not one per kept row
                intern(unit_texts[index].strip()) if unit_texts else "",
            )
        )
