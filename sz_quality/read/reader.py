"""Read data submissions (CSV long or wide, .xlsx) into observations and diagnostics.

The stages live in their own modules: sniff (binary or text, which encoding), csvfile
and xlsx (the drivers), layout (the header), rows and columns (the two ways of checking
rows: one by one, or a plain batch column by column), store (the values seen),
completeness (what an agency must submit), split (two processes for a large file), and
session (one read across files). This module holds the two entry points; reading.py
the options they take.

Lines are physical lines (the header is line 1; a quoted cell spanning lines counts
each of them); for .xlsx a line is the sheet's row number. Columns are 1-based.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable

from ..plan.lookup import AgencyInfo, Lookup
from .cells import FIELDS, HEADER_ALIASES, NO_VALUE, parse_value, parse_year
from .completeness import check_agency
from .consistency import check_consistency
from .form_check import check_forms
from .observations import ReadResult
from .reading import READ_DEFAULTS, ReadOptions
from .session import Progress, Session

__all__ = [
    "FIELDS",
    "HEADER_ALIASES",
    "NO_VALUE",
    "Progress",
    "ReadOptions",
    "parse_value",
    "parse_year",
    "read_files",
    "validate_files",
]


def _default_jobs() -> int:
    """Two processes for a large file where there are two CPUs (the split is in two)."""
    return min(2, os.cpu_count() or 1)


def read_files(
    paths: Iterable[str | os.PathLike[str]],
    lookup: Lookup,
    reading: ReadOptions = READ_DEFAULTS,
    *,
    regions: Iterable[str] | None = None,
    every_region: Iterable[str] = (),
) -> ReadResult:
    """Read data files into observations (a later file supersedes an earlier one).

    `reading`: the encoding, sheet, language, cap per code, processes and progress
    (ReadOptions). `regions` keeps observations of those regions only ("" is the city
    total), which is all `szq check` evaluates, plus every region's rows of the series in
    `every_region` (a target stated for every district); every row is still checked and
    counted, and a large file may then be read in `reading.jobs` processes, with the same
    result. Problems are diagnostics, never exceptions (an unknown encoding raises
    LookupError: that is a usage error).
    """
    return _read(
        paths,
        lookup,
        reading,
        keep=True,
        regions=None if regions is None else frozenset(regions),
        every_region=frozenset(every_region),
    )


def validate_files(
    paths: Iterable[str | os.PathLike[str]],
    lookup: Lookup,
    reading: ReadOptions = READ_DEFAULTS,
    *,
    expect_agency: str | None = None,
    year: int | None = None,
) -> ReadResult:
    """Check data files like `read_files`, keeping no observations (memory stays flat).

    With `expect_agency` and `year`, every indicator the agency's targets need for that
    year must have a value (`missing-indicator`). Raises ValueError for an unknown agency.
    A large file without quotes is read in `reading.jobs` processes, with the same result.
    """
    agency: AgencyInfo | None = None
    if expect_agency is not None:
        agency = lookup.find_agency(expect_agency)
        if agency is None:
            raise ValueError(f"unknown agency {expect_agency!r}")
        if year is None:
            raise ValueError("expect_agency needs a year")
    return _read(
        paths,
        lookup,
        reading,
        keep=False,
        expect=None if agency is None or year is None else (agency, year),
    )


def _read(
    paths: Iterable[str | os.PathLike[str]],
    lookup: Lookup,
    reading: ReadOptions,
    *,
    keep: bool,
    regions: frozenset[str] | None = None,
    expect: tuple[AgencyInfo, int] | None = None,
    fast_path: bool = True,
    every_region: frozenset[str] = frozenset(),
) -> ReadResult:
    """The body of read_files (`keep`) and validate_files; `fast_path` as in Session."""
    if reading.encoding is not None:
        codecs.lookup(reading.encoding)  # LookupError for an unknown encoding: a usage error
    session = Session(
        lookup,
        lang=reading.lang,
        keep=keep,
        max_per_code=reading.max_per_code,
        jobs=_default_jobs() if reading.jobs is None else reading.jobs,
        regions=regions,
        fast_path=fast_path,
        every_region=every_region,
    )
    for path in paths:
        session.read(
            path, encoding=reading.encoding, sheet=reading.sheet, progress=reading.progress
        )
    check_consistency(lookup, session.store, session.findings, session.layouts)
    if expect is not None:
        check_forms(lookup, session.store.paths, session.findings, session.forms, *expect)
        check_agency(lookup, session.store, session.findings, *expect)
    result = session.result()
    lookup.save_if_changed()  # unit spellings learnt while reading
    return result
