"""Read data submissions (CSV long or wide, .xlsx) into observations and diagnostics.

The reader streams: a file is read in batches of about 1 MiB of complete records, and
memory holds only a compact table of what has been seen, one slot per (series, region,
year) key, never the rows. A batch with nothing unusual in it (no quotes, every row
with the header's number of fields, every indicator, year, unit and value readable, no
key seen before) is checked column by column with C-level operations; any other batch
goes row by row through `csv`, which is where every diagnostic comes from. Both paths
accept exactly the same rows: the fast one only gives up, it never judges.

Lines are physical lines (the header is line 1; a quoted cell spanning lines counts
each of them); for .xlsx a line is the sheet's row number. Columns are 1-based.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import re
import sys
import unicodedata
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from operator import add, gt, lt, mul
from typing import IO, Any, Final, Literal

from ..plan.lookup import AgencyInfo, Factor, Lookup, SeriesInfo
from . import diagnostics as diag
from .observations import (
    Diagnostic,
    InputSummary,
    Observation,
    ReadResult,
    Revision,
    Severity,
)

__all__ = [
    "FIELDS",
    "HEADER_ALIASES",
    "NO_VALUE",
    "Progress",
    "read_files",
    "validate_files",
]

Progress = Callable[[str, int, int], None]
"""progress(path, done, total): bytes read of a CSV file, or rows of a sheet."""

FIELDS = ("indicator", "year", "value", "unit", "region", "source", "note")

# Header spellings of each field, compared after NFKC, trimming and case folding.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "指标", "指标名称", "指标编号", "indicator id", "indicator_id"),
    "year": ("year", "年份", "年度", "年"),
    "value": ("value", "数值", "值", "数据"),
    "unit": ("unit", "单位", "计量单位"),
    "region": ("region", "地区", "区域", "行政区"),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "notes", "备注", "说明"),
}
_FIELD_OF = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}

# Cells that mean "no value": a warning, never a number.
NO_VALUE = frozenset({"", "-", "--", "—", "——", "–", "－", "…", "……", "...", "．．．"})

_YEAR_MIN, _YEAR_MAX = 1900, 2100
_YEAR_HEADER = re.compile(r"(\d{4})(?:\.0)?\s*年?")
_YEAR_CELL = re.compile(r"(\d{4})(?:\.0*)?\s*年?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_BAD_BYTES = re.compile("[\udc80-\udcff]")  # bytes kept by the surrogateescape handler

_CHUNK = 1 << 18  # small batches keep the transient lists of the fast path small
_HEAD = 1 << 16
_LONG_LINE = 1 << 25  # a "line" of 32 MiB with no line break is not a table
_DELIMITERS = (",", "\t", ";")
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "kind.pdf"),
    (b"\xd0\xcf\x11\xe0", "kind.xls"),
    (b"\x1f\x8b", "kind.gzip"),
    (b"\x89PNG", "kind.image"),
    (b"\xff\xd8\xff", "kind.image"),
    (b"GIF8", "kind.image"),
)


def _default_jobs() -> int:
    """Two processes for a large file where there are two CPUs (the split is in two)."""
    return min(2, os.cpu_count() or 1)


def read_files(
    paths: Iterable[str | os.PathLike[str]],
    lookup: Lookup,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
    max_per_code: int = 1000,
    regions: Iterable[str] | None = None,
    jobs: int | None = None,
) -> ReadResult:
    """Read data files into observations (a later file supersedes an earlier one).

    `encoding` forces the encoding of CSV files (default: detected); `sheet` picks a
    sheet of .xlsx files by name or 1-based number (default: the first). `regions`
    keeps observations of those regions only ("" is the city total), which is all
    `szq check` evaluates; every row is still checked and counted, and a large file
    may then be read in `jobs` processes (default: 2 where there are two CPUs), with
    the same result. Problems are
    diagnostics, never exceptions (an unknown `encoding` raises LookupError: that is a
    usage error); `max_per_code` diagnostics of one code are listed per
    file (0: all), the rest are counted in one `too-many` diagnostic.
    """
    if encoding is not None:
        codecs.lookup(encoding)  # LookupError for an unknown encoding: a usage error
    session = _Session(
        lookup,
        lang=lang,
        keep=True,
        max_per_code=max_per_code,
        jobs=_default_jobs() if jobs is None else jobs,
        regions=None if regions is None else frozenset(regions),
    )
    for path in paths:
        session.read(path, encoding=encoding, sheet=sheet, progress=progress)
    return session.result()


def validate_files(
    paths: Iterable[str | os.PathLike[str]],
    lookup: Lookup,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
    expect_agency: str | None = None,
    year: int | None = None,
    max_per_code: int = 1000,
    jobs: int | None = None,
) -> ReadResult:
    """Check data files like `read_files`, keeping no observations (memory stays flat).

    With `expect_agency` and `year`, every indicator the agency's targets need for that
    year must have a value (`missing-indicator`). Raises ValueError for an unknown agency.
    `jobs`: processes for a large file without quotes (default: 2 where there are two
    CPUs; 1 reads everything in this process). The result is the same either way.
    """
    agency: AgencyInfo | None = None
    if expect_agency is not None:
        agency = lookup.find_agency(expect_agency)
        if agency is None:
            raise ValueError(f"unknown agency {expect_agency!r}")
        if year is None:
            raise ValueError("expect_agency needs a year")
    if encoding is not None:
        codecs.lookup(encoding)
    if jobs is None:
        jobs = _default_jobs()
    session = _Session(lookup, lang=lang, keep=False, max_per_code=max_per_code, jobs=jobs)
    for path in paths:
        session.read(path, encoding=encoding, sheet=sheet, progress=progress)
    if agency is not None and year is not None:
        session.check_agency(agency, year)
    return session.result()


# -- parsing cells ---------------------------------------------------------------------------


def _header_key(cell: str) -> str:
    text = unicodedata.normalize("NFKC", cell).replace("\ufeff", "")
    return " ".join(text.split()).casefold()


def _header_year(key: str) -> int | None:
    match = _YEAR_HEADER.fullmatch(key)
    if match is None:
        return None
    year = int(match.group(1))
    return year if _YEAR_MIN <= year <= _YEAR_MAX else None


def parse_year(text: str) -> int | None:
    """A year cell: 2015, 2015年, 2015.0 (from a spreadsheet); None if it is not one."""
    stripped = text.strip()
    if not stripped.isascii():
        stripped = unicodedata.normalize("NFKC", stripped)
    match = _YEAR_CELL.fullmatch(stripped)
    if match is None:
        return None
    year = int(match.group(1))
    return year if _YEAR_MIN <= year <= _YEAR_MAX else None


_NOT_A_NUMBER: Final = "bad"
_NOT_FINITE: Final = "not-finite"


def parse_value(text: str) -> float | None | Literal["bad", "not-finite"]:
    """A value cell: a float, None for "no value", or why it is not a number."""
    try:
        value = float(text)
    except ValueError:
        stripped = text.strip()
        if stripped in NO_VALUE:
            return None
        normal = unicodedata.normalize("NFKC", stripped)
        if normal in NO_VALUE:
            return None
        if _THOUSANDS.fullmatch(normal):
            value = float(normal.replace(",", ""))
        else:
            try:
                value = float(normal)
            except ValueError:
                return _NOT_A_NUMBER
    if value - value != 0:  # NaN or infinity
        return _NOT_FINITE
    return value


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


# -- the layout of a table ------------------------------------------------------------------


# Plain classes with __slots__ rather than dataclasses: defining a dataclass costs about a
# millisecond at import, and `szq validate` must start fast.


class _Layout:
    """Where each field sits, from the header."""

    __slots__ = ("kind", "ncols", "headers", "columns", "years")

    def __init__(
        self,
        kind: Literal["long", "wide"],
        ncols: int,
        headers: list[str],
        columns: dict[str, int],  # field -> 0-based column
        years: list[tuple[int, int]] | None = None,  # (0-based column, year)
    ) -> None:
        self.kind = kind
        self.ncols = ncols
        self.headers = headers
        self.columns = columns
        self.years = years or []

    def field_at(self, column: int) -> str:
        for name, index in self.columns.items():
            if index == column:
                return name
        for index, year in self.years:
            if index == column:
                return str(year)
        return self.headers[column] if column < len(self.headers) else ""


class _File:
    """Per-file state and accounting."""

    __slots__ = (
        "path",
        "number",
        "rows",
        "accepted",
        "rejected",
        "listed",
        "unlisted",
        "check_bytes",
        "sheet",
        "first_diagnostic",
    )

    def __init__(self, path: str, number: int, first_diagnostic: int = 0) -> None:
        self.path = path
        self.number = number  # 1-based, in the order files are read
        self.rows = 0
        self.accepted = 0
        self.rejected = 0
        self.listed: dict[str, int] = {}
        self.unlisted: dict[str, tuple[Severity, int]] = {}
        self.check_bytes = False  # the current batch holds undecodable bytes
        self.sheet = False  # read from a spreadsheet
        self.first_diagnostic = first_diagnostic  # where its diagnostics start


class _StopFile(Exception):
    """Reading a file cannot go on (a line too long to be a table row)."""


class _Session:
    """State across the files of one read: what was seen where, and the diagnostics."""

    force_rows = False  # tests set it to check every batch row by row

    def __init__(
        self,
        lookup: Lookup,
        *,
        lang: str,
        keep: bool,
        max_per_code: int,
        jobs: int = 1,
        regions: frozenset[str] | None = None,
    ) -> None:
        self.lookup = lookup
        self.regions = regions  # keep observations of these regions only (None: all)
        self.jobs = jobs
        self.encoding_settled = True
        self.lang = "zh" if lang == "zh" else "en"
        self.keep = keep
        self.max_per_code = max_per_code
        self.width = max(len(lookup.series), 1)
        # one slot per (block, series); a block is one (region, year)
        self.blocks: dict[tuple[str, int], int] = {}
        self.raw_blocks: dict[tuple[str, str], int] = {}  # (region, year) text -> first slot
        self.owner = array("H")  # number of the file that holds the slot, 0 if empty
        self.values = array("d")
        self.lines = array("i")
        self.positions = array("i")  # index into self.observations (keep only)
        self.observations: list[Observation | None] = []
        self.diagnostics: list[Diagnostic] = []
        self.revisions: list[Revision] = []
        self.inputs: list[InputSummary] = []
        self.paths: list[str] = []
        self.series_cache: dict[str, SeriesInfo | None] = {}
        self.year_cache: dict[str, int | None] = {}
        self.region_cache: dict[str, str] = {}
        self.unit_cache: dict[tuple[str, int], Factor] = {}
        # a child of a two-process read records each duplicate-row: (region, year, series,
        # value, line, position in self.diagnostics or -1, error?), for the parent to judge
        # again
        self.dup_events: list[tuple[str, int, int, float, int, int, bool]] | None = None

    def _parallel(self, total: int, done: int, encoding: str) -> bool:
        """Whether to check the rest of this file in two processes."""
        return (
            self.jobs > 1
            and encoding in _LINE_SAFE
            # observations cross the pipe only when a region filter keeps them few
            and (not self.keep or self.regions is not None)
            and total >= _PARALLEL_MIN
            and total - done >= _PARALLEL_MIN // 2
            and hasattr(os, "fork")
            and sys.platform.startswith("linux")
        )

    # -- results ------------------------------------------------------------------------

    def result(self) -> ReadResult:
        self.lookup.save_if_changed()
        observations = tuple(obs for obs in self.observations if obs is not None)
        return ReadResult(
            observations=observations,
            diagnostics=tuple(self.diagnostics),
            inputs=tuple(self.inputs),
            revisions=tuple(self.revisions),
        )

    def emit(
        self,
        file: _File,
        code: str,
        line: int | None,
        column: int | None,
        field_name: str | None,
        text: str,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> None:
        made = diag.make(code, file.path, line, column, field_name, text, hint, severity=severity)
        count = file.listed.get(code, 0)
        if self.max_per_code and count >= self.max_per_code:
            previous = file.unlisted.get(code, (made.severity, 0))
            worst: Severity = "error" if "error" in (previous[0], made.severity) else "warning"
            file.unlisted[code] = (worst, previous[1] + 1)
            return
        file.listed[code] = count + 1
        self.diagnostics.append(made)

    def msg(self, key: str, **params: object) -> str:
        return diag.message(key, self.lang, **params)

    # -- one file -----------------------------------------------------------------------

    def read(
        self,
        path: str | os.PathLike[str],
        *,
        encoding: str | None,
        sheet: str | None,
        progress: Progress | None,
    ) -> None:
        name = os.fspath(path)
        if len(self.paths) >= _MAX_FILES:
            raise ValueError(f"at most {_MAX_FILES} files can be read at once")
        file = _File(name, len(self.paths) + 1, first_diagnostic=len(self.diagnostics))
        self.paths.append(name)
        try:
            self._read(file, encoding, sheet, progress)
        except _StopFile:
            self.emit(file, "bad-csv", None, None, None, self.msg("long-line"))
        for code, (severity, count) in file.unlisted.items():
            self.diagnostics.append(
                diag.make(
                    "too-many",
                    file.path,
                    None,
                    None,
                    None,
                    self.msg("too-many", count=count, code=code),
                    self.msg("too-many.hint"),
                    severity=severity,
                )
            )
        self.inputs.append(InputSummary(name, file.rows, file.accepted, file.rejected))

    def _read(
        self, file: _File, encoding: str | None, sheet: str | None, progress: Progress | None
    ) -> None:
        try:
            with open(file.path, "rb") as handle:
                head = handle.read(_HEAD)
                if head.startswith(b"PK\x03\x04"):
                    # a zip: an .xlsx whatever its name says
                    handle.close()
                    self._read_xlsx(file, sheet, progress)
                    return
                kind = _binary_kind(head)
                if kind is not None:
                    self.emit(
                        file,
                        "bad-file",
                        None,
                        None,
                        None,
                        self.msg("binary", kind=self.msg(kind)),
                        self.msg("binary.hint"),
                    )
                    return
                if encoding is not None:
                    chosen, auto = codecs.lookup(encoding).name, False
                else:
                    chosen, auto = _detect_encoding(head), True
                    if chosen != "utf-8" or not head.isascii():
                        auto = False  # settled by the first 64 KiB: no switch later
                total = os.fstat(handle.fileno()).st_size
                handle.seek(0)
                self._read_text(file, handle, chosen, auto, total, progress)
        except OSError as error:
            self.emit(
                file,
                "bad-file",
                None,
                None,
                None,
                self.msg("unreadable", error=error.strerror or str(error)),
            )

    # -- CSV ----------------------------------------------------------------------------

    def _read_text(
        self,
        file: _File,
        handle: io.BufferedReader,
        encoding: str,
        auto: bool,
        total: int,
        progress: Progress | None,
    ) -> None:
        limit = [-1]
        batches = _batches(handle, encoding, auto, limit)
        split: _Split | None = None
        layout: _Layout | None = None
        delimiter = ","
        next_line = 1
        saw_text = False
        for text, done, clean in batches:
            if progress is not None:
                # with two processes this one reads the first half: scale its progress
                shown = done if split is None else min(total, done * total // max(split.offset, 1))
                progress(file.path, shown, total)
            if not text:
                continue
            file.check_bytes = not clean and _BAD_BYTES.search(text) is not None
            if layout is None:
                if not text.strip().replace("\ufeff", ""):
                    next_line += text.count("\n")
                    continue
                saw_text = True
                if next_line > 1:
                    # blank lines before the header: the header must be line 1
                    self._missing(file, None)
                    layout = _Layout("long", 0, [], {})
                    file.check_bytes = False
                first_line = text.split("\n", 1)[0]
                delimiter = max(_DELIMITERS, key=first_line.count)
                if layout is None:
                    stream = io.StringIO(text, newline="")
                    reader = csv.reader(stream, delimiter=delimiter, strict=False)
                    try:
                        header = next(reader)
                    except csv.Error as error:
                        self.emit(file, "bad-csv", 1, None, None, self.msg("bad-csv", error=error))
                        return
                    if file.check_bytes:
                        self._check_header_bytes(file, header, encoding)
                    layout = self._layout(file, header)
                    next_line += reader.line_num
                    text = text[stream.tell() :]
                    file.check_bytes = not clean and _BAD_BYTES.search(text) is not None
                    if (
                        layout.kind == "long"
                        and layout.ncols
                        and self._parallel(total, done, encoding)
                    ):
                        split = _plan_split(file.path, done, total, auto)
                        if split is not None:
                            try:
                                split.start(self, file, layout, delimiter, encoding)
                                limit[0] = split.offset
                            except OSError:  # no fork today: read it all here
                                split = None
                    if not text:
                        continue
            next_line = self._batch(file, layout, text, delimiter, next_line, encoding)
        if split is not None and layout is not None:
            split.finish(self, file, layout, delimiter, encoding)
        if not saw_text:
            self.emit(file, "empty-file", None, None, None, self.msg("empty-file"))
        elif layout is not None and layout.ncols and file.rows == file.rejected:
            blank_only = (
                file.listed.get("blank-row", 0) + file.unlisted.get("blank-row", ("warning", 0))[1]
            )
            if file.rows == 0 or blank_only == file.rows:
                self.emit(file, "empty-file", None, None, None, self.msg("no-rows"))

    def _check_header_bytes(self, file: _File, header: list[str], encoding: str) -> None:
        for index, cell in enumerate(header):
            if _BAD_BYTES.search(cell):
                self.emit(
                    file,
                    "encoding-error",
                    1,
                    index + 1,
                    None,
                    self.msg("encoding-error", encoding=encoding),
                    self.msg("encoding-error.hint"),
                )
                return

    def _batch(
        self,
        file: _File,
        layout: _Layout,
        text: str,
        delimiter: str,
        first_line: int,
        encoding: str,
    ) -> int:
        """Check one batch of complete records; return the number of the next line."""
        if not layout.ncols:  # no usable header: count the rows, all rejected
            stream = io.StringIO(text, newline="")
            reader = csv.reader(stream, delimiter=delimiter, strict=False)
            while True:
                try:
                    next(reader)
                except StopIteration:
                    break
                except csv.Error:
                    pass
                file.rows += 1
                file.rejected += 1
            return first_line + reader.line_num
        if (
            layout.kind == "long"
            and not file.check_bytes
            and not self.force_rows
            and '"' not in text
        ):
            plain = text.replace("\r\n", "\n") if "\r" in text else text
            if "\r" not in plain:
                if not plain.endswith("\n"):
                    plain += "\n"
                count = self._fast_long(file, layout, plain, delimiter, first_line)
                if count is not None:
                    return first_line + count
        return self._rows(file, layout, text, delimiter, first_line, encoding)

    def _rows(
        self,
        file: _File,
        layout: _Layout,
        text: str,
        delimiter: str,
        first_line: int,
        encoding: str,
    ) -> int:
        stream = io.StringIO(text, newline="")
        reader = csv.reader(stream, delimiter=delimiter, strict=False)
        handle_row = self._long_row if layout.kind == "long" else self._wide_row
        previous = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                file.rows += 1
                file.rejected += 1
                self.emit(
                    file,
                    "bad-csv",
                    first_line + previous,
                    None,
                    None,
                    self.msg("bad-csv", error=error),
                )
                previous = reader.line_num
                continue
            line = first_line + previous
            previous = reader.line_num
            if file.check_bytes and self._bad_bytes(file, layout, row, line, encoding):
                continue
            handle_row(file, layout, row, line)
        return first_line + reader.line_num

    def _bad_bytes(
        self, file: _File, layout: _Layout, row: list[str], line: int, encoding: str
    ) -> bool:
        for index, cell in enumerate(row):
            if _BAD_BYTES.search(cell):
                file.rows += 1
                file.rejected += 1
                self.emit(
                    file,
                    "encoding-error",
                    line,
                    index + 1,
                    layout.field_at(index) or None,
                    self.msg("encoding-error", encoding=encoding),
                    self.msg("encoding-error.hint"),
                )
                return True
        return False

    # -- the header ---------------------------------------------------------------------

    def _layout(self, file: _File, header: Sequence[str], line: int = 1) -> _Layout:
        columns: dict[str, int] = {}
        years: dict[int, int] = {}
        unknown: list[int] = []
        for index, cell in enumerate(header):
            key = _header_key(cell)
            if not key:
                continue  # an unnamed column (a trailing delimiter): ignored
            name = _FIELD_OF.get(key)
            if name is None:
                year = _header_year(key)
                if year is None:
                    unknown.append(index)
                    continue
                if year in years:
                    self._duplicate_column(file, header, line, index, years[year], str(year))
                    continue
                years[year] = index
                continue
            if name in columns:
                self._duplicate_column(file, header, line, index, columns[name], name)
                continue
            columns[name] = index
        kind: Literal["long", "wide"] = (
            "wide" if years and "year" not in columns and "value" not in columns else "long"
        )
        if kind == "long":
            unknown.extend(years.values())
            years = {}
        for index in sorted(unknown):
            cell = header[index].strip()
            guess = _closest_header(_header_key(cell))
            self.emit(
                file,
                "unknown-column",
                line,
                index + 1,
                None,
                self.msg("unknown-column", header=cell),
                self.msg("did-you-mean", name=guess) if guess else None,
            )
        required = ("indicator", "year", "value") if kind == "long" else ("indicator",)
        missing = [name for name in required if name not in columns]
        if missing or (kind == "wide" and not years):
            for name in missing:
                self._missing(file, name, line)
            return _Layout(kind, 0, list(header), columns)
        return _Layout(
            kind,
            len(header),
            list(header),
            columns,
            sorted(((index, year) for year, index in years.items()), key=lambda item: item[0]),
        )

    def _missing(self, file: _File, name: str | None, line: int = 1) -> None:
        example = "指标,年份,数值,单位" if self.lang == "zh" else "indicator,year,value,unit"
        self.emit(
            file,
            "missing-column",
            line,
            None,
            name,
            self.msg("missing-column", name=name or "indicator"),
            self.msg("missing-column.hint", example=example),
        )

    def _duplicate_column(
        self, file: _File, header: Sequence[str], line: int, index: int, first: int, name: str
    ) -> None:
        self.emit(
            file,
            "duplicate-column",
            line,
            index + 1,
            name,
            self.msg(
                "duplicate-column",
                header=header[index].strip(),
                first=first + 1,
                first_header=header[first].strip(),
                name=name,
            ),
        )

    # -- resolving cells (cached per distinct text; the same for both paths) ---------------

    def _series(self, raw: str) -> SeriesInfo | None:
        try:
            return self.series_cache[raw]
        except KeyError:
            pass
        found = self.lookup.resolve(raw.strip()) if raw.strip() else None
        self.series_cache[raw] = found
        return found

    def _year(self, raw: str) -> int | None:
        try:
            return self.year_cache[raw]
        except KeyError:
            pass
        found = parse_year(raw)
        self.year_cache[raw] = found
        return found

    def _region(self, raw: str) -> str:
        try:
            return self.region_cache[raw]
        except KeyError:
            pass
        region = " ".join(raw.split())
        self.region_cache[raw] = region
        return region

    def _factor(self, raw: str, info: SeriesInfo) -> Factor:
        key = (raw, info.index)
        try:
            return self.unit_cache[key]
        except KeyError:
            pass
        found: Factor = 1.0 if not raw.strip() else self.lookup.factor(raw.strip(), info.unit)
        self.unit_cache[key] = found
        return found

    def _block(self, region: str, year: int) -> int:
        block = self.blocks.get((region, year))
        if block is None:
            block = len(self.blocks)
            self.blocks[(region, year)] = block
            needed = (block + 1) * self.width
            if needed > len(self.owner):
                # grow by half again (at least 64 blocks): amortised, like a list
                self._grow(max(needed - len(self.owner), len(self.owner) // 2, 64 * self.width))
        return block

    def _grow(self, slots: int) -> None:
        for table in (self.owner, self.values, self.lines):
            _extend_zeros(table, slots)
        if self.keep:
            self.positions.extend(repeat(-1, slots))

    # -- the fast path --------------------------------------------------------------------

    def _fast_long(
        self, file: _File, layout: _Layout, text: str, delimiter: str, first_line: int
    ) -> int | None:
        """Check a plain batch column by column; None (and no change) if any row needs a look."""
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
            info = self._series(raw)
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
            year = self._year(raw)
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
                found = self._factor(pair[0], infos[pair[1]])
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
        width = self.width
        if regions:
            for pair in pairs:
                if pair not in self.raw_blocks:
                    block = self._block(self._region(pair[0]), year_of[pair[1]])
                    self.raw_blocks[pair] = block * width
            starts = map(self.raw_blocks.__getitem__, zip(regions, years, strict=True))
        else:
            start_of = {raw: self._block("", year) * width for raw, year in year_of.items()}
            starts = map(start_of.__getitem__, years)
        index_of = {raw: info.index for raw, info in infos.items()}
        keys = list(map(add, starts, map(index_of.__getitem__, indicators)))
        if len(set(keys)) != count or any(map(self.owner.__getitem__, keys)):
            return None
        # commit
        deque(map(self.owner.__setitem__, keys, repeat(file.number)), maxlen=0)
        deque(map(self.values.__setitem__, keys, values), maxlen=0)
        line_numbers = range(first_line, first_line + count)
        deque(map(self.lines.__setitem__, keys, line_numbers), maxlen=0)
        if self.keep:
            self._keep_batch(
                file,
                infos,
                keys,
                indicators,
                years,
                year_of,
                values,
                regions,
                line_numbers,
                cells,
                columns,
                ncols,
                count,
            )
        file.rows += count
        file.accepted += count
        return count

    def _keep_batch(
        self,
        file: _File,
        infos: dict[str, SeriesInfo],
        keys: list[int],
        indicators: list[str],
        years: list[str],
        year_of: dict[str, int],
        values: list[float],
        regions: list[str] | None,
        line_numbers: range,
        cells: list[str],
        columns: dict[str, int],
        ncols: int,
        count: int,
    ) -> None:
        """Turn a checked batch into observations (of the wanted regions only)."""
        region_values = list(map(self._region, regions)) if regions else [""] * count
        id_of = {raw: info.id for raw, info in infos.items()}
        sources = (
            list(map(_source, cells[columns["source"] :: ncols]))
            if "source" in columns
            else [None] * count
        )
        wanted = self.regions
        chosen = (
            range(count)
            if wanted is None
            else [index for index, region in enumerate(region_values) if region in wanted]
        )
        for index in chosen:
            self.positions[keys[index]] = len(self.observations)
            self.observations.append(
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

    # -- the row path ---------------------------------------------------------------------

    def _long_row(self, file: _File, layout: _Layout, row: list[str], line: int) -> None:
        file.rows += 1
        row = self._fit(file, layout, row, line)
        if not row:
            file.rejected += 1
            return
        columns = layout.columns
        ok = True
        info = self._check_indicator(file, row, columns["indicator"], line)
        ok = info is not None
        year_column = columns["year"]
        year = self._year(row[year_column])
        if year is None:
            ok = False
            self.emit(
                file,
                "bad-year",
                line,
                year_column + 1,
                "year",
                self.msg("bad-year", text=row[year_column].strip()),
                self.msg("bad-year.hint"),
            )
        value_column = columns["value"]
        value = self._check_value(file, row[value_column], line, value_column, "value")
        if value == _NOT_A_NUMBER:
            ok = False
        factor: float = 1.0
        if info is not None and "unit" in columns:
            found = self._check_unit(file, row, columns["unit"], info, line)
            if found is None:
                ok = False
            else:
                factor = found
        if not ok or not isinstance(value, float) or info is None or year is None:
            if ok and value is None:
                self._no_value(file, info, year, line, value_column + 1, "value")
            file.rejected += 1
            return
        value *= factor
        if not self._in_range(file, info, value, line, value_column + 1, "value"):
            file.rejected += 1
            return
        region = self._region(row[columns["region"]]) if "region" in columns else ""
        source = _source(row[columns["source"]]) if "source" in columns else None
        self._store(file, info, region, year, value, line, source, value_column + 1, "value")

    def _wide_row(self, file: _File, layout: _Layout, row: list[str], line: int) -> None:
        cells = self._fit(file, layout, row, line)
        if not cells:
            file.rows += 1
            file.rejected += 1
            return
        filled = [(index, year) for index, year in layout.years if cells[index].strip()]
        columns = layout.columns
        info = self._check_indicator(file, cells, columns["indicator"], line)
        factor: float | None = 1.0
        if info is not None and "unit" in columns:
            factor = self._check_unit(file, cells, columns["unit"], info, line)
        if info is None or factor is None:
            file.rows += max(len(filled), 1)
            file.rejected += max(len(filled), 1)
            return
        if not filled:
            file.rows += 1
            file.rejected += 1
            self._no_value(file, info, None, line, None, None)
            return
        region = self._region(cells[columns["region"]]) if "region" in columns else ""
        source = _source(cells[columns["source"]]) if "source" in columns else None
        for index, year in filled:
            file.rows += 1
            name = str(year)
            value = self._check_value(file, cells[index], line, index, name)
            if not isinstance(value, float):
                if value is None:
                    self._no_value(file, info, year, line, index + 1, name)
                file.rejected += 1
                continue
            value *= factor
            if not self._in_range(file, info, value, line, index + 1, name):
                file.rejected += 1
                continue
            self._store(file, info, region, year, value, line, source, index + 1, name)

    def _fit(self, file: _File, layout: _Layout, row: list[str], line: int) -> list[str]:
        """The row cut to the header's width; [] (and a diagnostic) if it cannot be read."""
        if not any(map(str.strip, row)):
            self.emit(file, "blank-row", line, None, None, self.msg("blank-row"))
            return []
        ncols = layout.ncols
        if len(row) == ncols:
            return row
        if len(row) > ncols and not any(map(str.strip, row[ncols:])):
            return row[:ncols]  # empty cells after the last column: a trailing delimiter
        if len(row) < ncols and file.sheet:
            return row + [""] * (ncols - len(row))  # a sheet row ends at its last cell
        self.emit(
            file,
            "ragged-row",
            line,
            None,
            None,
            self.msg("ragged-row", count=len(row), expected=ncols),
            self.msg("ragged-row.hint"),
        )
        return []

    def _check_indicator(
        self, file: _File, row: list[str], column: int, line: int
    ) -> SeriesInfo | None:
        raw = row[column]
        info = self._series(raw)
        if info is not None:
            return info
        name = raw.strip()
        hint: str | None = None
        if not name:
            text = self.msg("blank-indicator")
        else:
            from ..plan.lookup import fold

            shared = self.lookup.ambiguous.get(fold(name))
            if shared:
                text = self.msg("ambiguous-indicator", name=name, ids=", ".join(shared))
                hint = self.msg("ambiguous-indicator.hint")
            else:
                text = self.msg("unknown-indicator", name=name)
                guess = self.lookup.suggest(name)
                if guess is not None:
                    hint = self.msg("suggest-series", id=guess.id, name=guess.name(self.lang))
        self.emit(file, "unknown-indicator", line, column + 1, "indicator", text, hint)
        return None

    def _check_value(
        self, file: _File, text: str, line: int, column: int, field_name: str
    ) -> float | None | Literal["bad"]:
        """The value; None for "no value" (not reported here); "bad" once reported."""
        parsed = parse_value(text)
        if parsed is None or isinstance(parsed, float):
            return parsed
        shown = text.strip()
        if parsed == _NOT_FINITE:
            message, hint = self.msg("not-finite", text=shown), None
        else:
            message = self.msg("bad-number", text=shown)
            hint = self.msg("bad-number.percent" if shown.endswith("%") else "bad-number.hint")
        self.emit(file, "bad-number", line, column + 1, field_name, message, hint)
        return _NOT_A_NUMBER

    def _check_unit(
        self, file: _File, row: list[str], column: int, info: SeriesInfo, line: int
    ) -> float | None:
        raw = row[column]
        found = self._factor(raw, info)
        if not isinstance(found, str):
            return found
        unit = raw.strip()
        if found == "unknown":
            code = "unknown-unit"
            text = self.msg("unknown-unit", unit=unit)
            hint = self.msg("unknown-unit.hint", id=info.id, expected=info.unit)
        elif found == "currency":
            code = "unit-mismatch"
            text = self.msg("unit-currency", unit=unit, expected=info.unit)
            hint = self.msg("unit-currency.hint", expected=info.unit)
        else:
            code = "unit-mismatch"
            text = self.msg("unit-mismatch", unit=unit, id=info.id, expected=info.unit)
            hint = self.msg("unknown-unit.hint", id=info.id, expected=info.unit)
        self.emit(file, code, line, column + 1, "unit", text, hint)
        return None

    def _no_value(
        self,
        file: _File,
        info: SeriesInfo | None,
        year: int | None,
        line: int,
        column: int | None,
        field_name: str | None,
    ) -> None:
        name = info.id if info is not None else "?"
        self.emit(
            file,
            "no-value",
            line,
            column,
            field_name,
            self.msg("no-value", name=name, year=year if year is not None else ""),
        )

    def _in_range(
        self, file: _File, info: SeriesInfo, value: float, line: int, column: int, name: str
    ) -> bool:
        low, high = info.min, info.max
        if (low is None or value >= low) and (high is None or value <= high):
            return True
        shown = (
            f"{'' if low is None else f'{low:g}'}–{'' if high is None else f'{high:g}'}"
            if low is not None and high is not None
            else (f">= {low:g}" if low is not None else f"<= {high:g}")
        )
        self.emit(
            file,
            "out-of-range",
            line,
            column,
            name,
            self.msg("out-of-range", id=info.id, value=value, unit=info.unit, range=shown),
        )
        return False

    def _duplicate(
        self,
        file: _File,
        info: SeriesInfo,
        region: str,
        year: int,
        value: float,
        line: int,
        column: int,
        field_name: str,
        key: int,
    ) -> Diagnostic:
        """duplicate-row for a key held by this file: a warning if equal, else an error."""
        old = self.values[key]
        first = self.lines[key]
        where = self.msg("region", region=region) if region else ""
        if _same(old, value):
            text = self.msg("duplicate-row.equal", id=info.id, region=where, year=year, first=first)
            return diag.make(
                "duplicate-row", file.path, line, column, field_name, text, severity="warning"
            )
        text = self.msg(
            "duplicate-row.differ",
            id=info.id,
            region=where,
            year=year,
            first=first,
            old=old,
            new=value,
        )
        return diag.make(
            "duplicate-row", file.path, line, column, field_name, text, severity="error"
        )

    def _store(
        self,
        file: _File,
        info: SeriesInfo,
        region: str,
        year: int,
        value: float,
        line: int,
        source: str | None,
        column: int,
        field_name: str,
    ) -> None:
        key = self._block(region, year) * self.width + info.index
        owner = self.owner[key]
        where = self.msg("region", region=region) if region else ""
        if owner == file.number:
            made = self._duplicate(file, info, region, year, value, line, column, field_name, key)
            if made.severity == "error":
                file.rejected += 1
            else:
                file.accepted += 1
            listed = len(self.diagnostics)
            self.emit(
                file,
                made.code,
                made.line,
                made.column,
                made.field,
                made.message,
                severity=made.severity,
            )
            if self.dup_events is not None:
                position = listed if len(self.diagnostics) > listed else -1
                error = made.severity == "error"
                self.dup_events.append((region, year, info.index, value, line, position, error))
            return
        if owner:
            old = self.values[key]
            old_file = self.paths[owner - 1]
            old_line = self.lines[key]
            if not _same(old, value):
                self.revisions.append(
                    Revision(info.id, region, year, old, value, old_file, old_line, file.path, line)
                )
                self.emit(
                    file,
                    "revision",
                    line,
                    column,
                    field_name,
                    self.msg(
                        "revision",
                        id=info.id,
                        region=where,
                        year=year,
                        old=old,
                        old_file=old_file,
                        old_line=old_line,
                        new=value,
                    ),
                )
            if self.keep and self.positions[key] >= 0:
                self.observations[self.positions[key]] = None
                self.positions[key] = -1
        self.owner[key] = file.number
        self.values[key] = value
        self.lines[key] = line
        file.accepted += 1
        if self.keep and (self.regions is None or region in self.regions):
            self.positions[key] = len(self.observations)
            self.observations.append(
                Observation(info.id, year, value, region, file.path, line, source)
            )

    # -- .xlsx ----------------------------------------------------------------------------

    def _read_xlsx(self, file: _File, sheet: str | None, progress: Progress | None) -> None:
        file.sheet = True
        try:
            import openpyxl
        except ImportError:
            self.emit(
                file,
                "bad-file",
                None,
                None,
                None,
                self.msg("xlsx-missing"),
                self.msg("xlsx-missing.hint"),
            )
            return
        with open(file.path, "rb") as handle:  # a handle: openpyxl judges a path by its suffix
            try:
                workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            except Exception as error:  # openpyxl raises many types for a damaged or foreign zip
                self.emit(
                    file,
                    "bad-file",
                    None,
                    None,
                    None,
                    self.msg("bad-xlsx", error=f"{type(error).__name__}: {error}"),
                    self.msg("binary.hint"),
                )
                return
            try:
                self._read_sheet(file, workbook, sheet, progress)
            except (OSError, KeyError, ValueError, TypeError, IndexError, EOFError) as error:
                # a damaged sheet inside a readable zip
                self.emit(
                    file,
                    "bad-file",
                    None,
                    None,
                    None,
                    self.msg("bad-xlsx", error=f"{type(error).__name__}: {error}"),
                )
            finally:
                workbook.close()

    def _read_sheet(
        self, file: _File, workbook: object, sheet: str | None, progress: Progress | None
    ) -> None:
        names: list[str] = list(getattr(workbook, "sheetnames", []))
        worksheets: list[object] = list(getattr(workbook, "worksheets", []))
        chosen: object | None = worksheets[0] if worksheets else None
        if sheet is not None:
            if sheet in names:
                chosen = worksheets[names.index(sheet)]
            elif sheet.isdigit() and 1 <= int(sheet) <= len(worksheets):
                chosen = worksheets[int(sheet) - 1]
            else:
                chosen = None
        if chosen is None:
            self.emit(
                file,
                "bad-file",
                None,
                None,
                None,
                self.msg("no-sheet", sheet=sheet or ""),
                self.msg("no-sheet.hint", sheets=", ".join(names)),
            )
            return
        start = getattr(chosen, "min_row", 1) or 1
        total = getattr(chosen, "max_row", 0) or 0
        rows: Iterator[tuple[object, ...]] = chosen.iter_rows(values_only=True)  # type: ignore[attr-defined]
        layout: _Layout | None = None
        for offset, values in enumerate(rows):
            line = start + offset
            cells = [_cell_text(value) for value in values]
            while cells and not cells[-1].strip():
                cells.pop()
            if progress is not None and offset % 1000 == 0:
                progress(file.path, offset, total)
            if layout is None:
                if not cells:
                    continue
                layout = self._layout(file, cells, line)
                continue
            if not layout.ncols:
                file.rows += 1
                file.rejected += 1
                continue
            if layout.kind == "long":
                self._long_row(file, layout, cells, line)
            else:
                self._wide_row(file, layout, cells, line)
        if layout is None:
            self.emit(file, "empty-file", None, None, None, self.msg("empty-file"))
        elif layout.ncols and file.rows == file.rejected:
            blank = file.listed.get("blank-row", 0)
            if file.rows == 0 or blank == file.rows:
                self.emit(file, "empty-file", None, None, None, self.msg("no-rows"))

    # -- what an agency must submit -------------------------------------------------------

    def check_agency(self, agency: AgencyInfo, year: int) -> None:
        """missing-indicator for each indicator the agency's targets need for `year`."""
        file = _File(self.paths[-1] if self.paths else "", 0)
        present = self._present(year)
        missing: dict[str, list[str]] = {}
        for target in self.lookup.needs(agency, year):
            if self._has(target.id, present) or self._has(target.indicator, present):
                continue
            missing.setdefault(target.indicator, []).append(target.id)
        for indicator_id, targets in missing.items():
            info = self.lookup.get(indicator_id)
            self.emit(
                file,
                "missing-indicator",
                None,
                None,
                "indicator",
                self.msg(
                    "missing-indicator",
                    id=indicator_id,
                    name=info.name(self.lang) if info else indicator_id,
                    year=year,
                    agency=agency.name(self.lang),
                    targets=", ".join(targets),
                ),
                self.msg("missing-indicator.hint", id=indicator_id, year=year),
            )

    def _present(self, year: int) -> set[int]:
        """The series with a value for `year` (in any region)."""
        width = self.width
        found: set[int] = set()
        for (_, block_year), block in self.blocks.items():
            if block_year == year:
                owners = self.owner[block * width : (block + 1) * width]
                found.update(index for index, owner in enumerate(owners) if owner)
        return found

    def _has(self, series_id: str, present: set[int], depth: int = 0) -> bool:
        info = self.lookup.get(series_id)
        if info is None:
            return False
        if info.index in present:
            return True
        if info.inputs and depth < 8:
            return all(self._has(name, present, depth + 1) for name in info.inputs)
        return False


# -- two processes for a large plain file ------------------------------------------------------

_MAX_FILES = 65535  # file numbers are kept in 16 bits
_PARALLEL_MIN = 8 << 20  # files from 8 MiB up are split in two (validate only)
# encodings in which a 0x0A byte is always a line break (not UTF-16/32): cut there
_LINE_SAFE = frozenset(
    {"utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "ascii", "latin-1", "iso8859-1", "cp1252"}
)


class _Split:
    """The second half of a file, checked by a forked child, then merged."""

    __slots__ = ("path", "offset", "first_line", "auto", "pid", "reader_fd")

    def __init__(self, path: str, offset: int, first_line: int, auto: bool) -> None:
        self.path = path
        self.offset = offset  # byte where the second half starts (just after a line break)
        self.first_line = first_line  # its line number
        # the encoding may still switch to GB18030 (all bytes before the half were ASCII)
        self.auto = auto
        self.pid = 0
        self.reader_fd = -1

    def start(
        self, session: _Session, file: _File, layout: _Layout, delimiter: str, encoding: str
    ) -> None:
        child_encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            raise
        if pid == 0:  # the child: check the second half, send the compact result, exit
            code = 0
            try:
                os.close(read_fd)
                with os.fdopen(write_fd, "wb", buffering=1 << 16) as stream:
                    _check_range(
                        session,
                        file,
                        layout,
                        delimiter,
                        child_encoding,
                        self.offset,
                        self.first_line,
                        stream,
                        self.auto,
                    )
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write_fd)
        self.pid, self.reader_fd = pid, read_fd

    def finish(
        self, session: _Session, file: _File, layout: _Layout, delimiter: str, encoding: str
    ) -> None:
        received: tuple[dict[str, Any], bytes] | None = None
        with os.fdopen(self.reader_fd, "rb", buffering=1 << 16) as stream:
            try:
                received = _receive(stream, session.width)
            except Exception:  # the child died or sent garbage: nothing is merged yet
                stream.read()
        os.waitpid(self.pid, 0)
        if received is None:  # check the second half here instead
            import tempfile

            child_encoding = "utf-8" if encoding == "utf-8-sig" else encoding
            with tempfile.TemporaryFile() as spool:
                _check_range(
                    session,
                    file,
                    layout,
                    delimiter,
                    child_encoding,
                    self.offset,
                    self.first_line,
                    spool,
                    self.auto,
                )
                spool.seek(0)
                received = _receive(spool, session.width)
        _merge(session, file, layout, *received)


def _plan_split(path: str, done: int, total: int, auto: bool) -> _Split | None:
    """Where to cut a file with no quotes in two, or None (quotes, or no line break)."""
    middle = max(done, total // 2)
    lines = 1
    offset = 0
    ascii_before = True
    try:
        with open(path, "rb") as stream:
            while True:
                chunk = stream.read(1 << 22)
                if not chunk:
                    return None
                if b'"' in chunk:
                    return None  # a quoted cell may hold line breaks: read it in one go
                end = offset + len(chunk)
                if end > middle:
                    cut = chunk.find(b"\n", max(middle - offset, 0))
                    if cut >= 0:
                        lines += chunk.count(b"\n", 0, cut + 1)
                        ascii_before = ascii_before and chunk[: cut + 1].isascii()
                        split = offset + cut + 1
                        rest = chunk[cut + 1 :]
                        while rest:
                            if b'"' in rest:
                                return None
                            rest = stream.read(1 << 22)
                        if split >= total:
                            return None
                        return _Split(path, split, lines, auto and ascii_before)
                ascii_before = ascii_before and chunk.isascii()
                lines += chunk.count(b"\n")
                offset = end
    except OSError:
        return None


def _check_range(
    parent: _Session,
    file: _File,
    layout: _Layout,
    delimiter: str,
    encoding: str,
    offset: int,
    first_line: int,
    stream: IO[bytes],
    auto: bool = False,
) -> None:
    """Check a file from `offset` on in a fresh session; write the compact result to `stream`."""
    import pickle

    session = _Session(
        parent.lookup,
        lang=parent.lang,
        keep=parent.keep,
        max_per_code=parent.max_per_code,
        regions=parent.regions,
    )
    session.paths = list(parent.paths)
    session.dup_events = []
    part = _File(file.path, file.number)
    with open(file.path, "rb") as handle:
        handle.seek(offset)
        next_line = first_line
        try:
            for text, _, clean in _batches(handle, encoding, auto):
                if not text:
                    continue
                part.check_bytes = not clean and _BAD_BYTES.search(text) is not None
                next_line = session._batch(part, layout, text, delimiter, next_line, encoding)
        except _StopFile:
            session.emit(part, "bad-csv", None, None, None, session.msg("long-line"))
    header = pickle.dumps(
        {
            "rows": part.rows,
            "accepted": part.accepted,
            "rejected": part.rejected,
            "listed": part.listed,
            "unlisted": part.unlisted,
            "diagnostics": session.diagnostics,
            "blocks": session.blocks,
            "dups": session.dup_events,
            "observations": [obs for obs in session.observations if obs is not None],
        },
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    stream.write(len(header).to_bytes(8, "little"))
    stream.write(header)
    # the slot tables, block by block (the parent merges them without a second copy)
    width = session.width
    owner, values, lines = (
        memoryview(table) for table in (session.owner, session.values, session.lines)
    )
    for block in range(len(session.blocks)):
        low, high = block * width, (block + 1) * width
        stream.write(owner[low:high])
        stream.write(values[low:high])
        stream.write(lines[low:high])


_SLOT_BYTES = 2 + 8 + 4  # owner ("H"), value ("d"), line ("i")


def _receive(stream: IO[bytes], width: int) -> tuple[dict[str, Any], bytes]:
    """The second half's result, read whole before anything is merged."""
    import pickle

    size = int.from_bytes(_read_exactly(stream, 8), "little")
    part: dict[str, Any] = pickle.loads(_read_exactly(stream, size))
    return part, _read_exactly(stream, len(part["blocks"]) * width * _SLOT_BYTES)


def _merge(
    session: _Session, file: _File, layout: _Layout, part: dict[str, Any], slots: bytes
) -> None:
    """Fold the second half's result into the session, as if the file were read in one go."""
    from operator import and_

    file.rows += part["rows"]
    file.accepted += part["accepted"]
    file.rejected += part["rejected"]
    base = len(session.diagnostics)
    session.diagnostics.extend(part["diagnostics"])
    shared: set[tuple[str, int, int]] = set()  # keys held by this file before the child's half
    width = session.width
    column = layout.columns["value"] + 1
    blocks: dict[tuple[str, int], int] = part["blocks"]
    new = sum(1 for key in blocks if key not in session.blocks)
    missing = (len(session.blocks) + new) * width - len(session.owner)
    if missing > 0:
        session._grow(missing)  # once, to the exact size
    view = memoryview(slots)
    for (region, year), block in blocks.items():
        start = block * width * _SLOT_BYTES
        theirs, values, lines = array("H"), array("d"), array("i")
        theirs.frombytes(view[start : start + 2 * width])
        values.frombytes(view[start + 2 * width : start + 10 * width])
        lines.frombytes(view[start + 10 * width : start + 14 * width])
        low, high = 0, width
        if not any(theirs):
            continue
        target = session._block(region, year) * width
        span = slice(target, target + width)
        ours = session.owner[span]
        if not any(ours):
            session.owner[span] = theirs
            session.values[span] = values[low:high]
            session.lines[span] = lines[low:high]
        elif not any(map(and_, ours, theirs)):  # disjoint: 0 + x = x, slot by slot
            session.owner[span] = array("H", map(add, ours, theirs))
            session.values[span] = array("d", map(add, session.values[span], values[low:high]))
            session.lines[span] = array("i", map(add, session.lines[span], lines[low:high]))
        else:
            for index in range(width):
                if not theirs[index]:
                    continue
                if ours[index]:
                    # the key is earlier in this file (or an earlier file): the child counted
                    # the row as accepted; _store counts it again, as a duplicate or revision
                    if ours[index] == file.number:
                        shared.add((region, year, index))
                    file.accepted -= 1
                    session._store(
                        file,
                        session.lookup.series[index],
                        region,
                        year,
                        values[low + index],
                        lines[low + index],
                        None,
                        column,
                        "value",
                    )
                else:
                    session.owner[target + index] = theirs[index]
                    session.values[target + index] = values[low + index]
                    session.lines[target + index] = lines[low + index]
    # the child judged its later duplicates against its own first occurrence; where this
    # file held the key before the child's half, judge them against that one instead
    for region, year, index, value, line, position, was_error in part["dups"]:
        if (region, year, index) not in shared:
            continue
        key = session.blocks[(region, year)] * width + index
        info = session.lookup.series[index]
        again = session._duplicate(file, info, region, year, value, line, column, "value", key)
        if was_error != (again.severity == "error"):
            moved = 1 if again.severity == "error" else -1
            file.rejected += moved
            file.accepted -= moved
        if position >= 0:
            session.diagnostics[base + position] = again
    # the file's diagnostics in line order, listed up to max_per_code per code again
    for code, count in part["listed"].items():
        file.listed[code] = file.listed.get(code, 0) + count
    for code, (severity, count) in part["unlisted"].items():
        previous = file.unlisted.get(code, (severity, 0))
        worst: Severity = "error" if "error" in (previous[0], severity) else "warning"
        file.unlisted[code] = (worst, previous[1] + count)
    mine = session.diagnostics[file.first_diagnostic :]
    mine.sort(key=lambda diagnostic: (diagnostic.line is None, diagnostic.line or 0))
    kept: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for diagnostic in mine:
        count = seen.get(diagnostic.code, 0)
        if session.max_per_code and count >= session.max_per_code:
            previous = file.unlisted.get(diagnostic.code, (diagnostic.severity, 0))
            worst = "error" if "error" in (previous[0], diagnostic.severity) else "warning"
            file.unlisted[diagnostic.code] = (worst, previous[1] + 1)
            continue
        seen[diagnostic.code] = count + 1
        kept.append(diagnostic)
    file.listed = seen
    session.diagnostics[file.first_diagnostic :] = kept
    if session.keep:
        _merge_observations(session, file, part["observations"])


def _merge_observations(session: _Session, file: _File, theirs: list[Observation]) -> None:
    """Keep the second half's observations whose value the merged slots kept.

    A slot names the file and line of the value that won (a duplicate keeps the first
    occurrence, a revision the later file), so an observation of the child stands
    exactly when its slot still points at its line.
    """
    width = session.width
    index_of = {info.id: info.index for info in session.lookup.series}
    for obs in theirs:
        key = session.blocks[(obs.region, obs.year)] * width + index_of[obs.series]
        if session.owner[key] != file.number or session.lines[key] != obs.line:
            continue
        position = session.positions[key]
        if position >= 0:  # the merge stored this value already (a revision): keep the source
            session.observations[position] = obs
        else:
            session.positions[key] = len(session.observations)
            session.observations.append(obs)


# -- helpers --------------------------------------------------------------------------------


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the second half's result was cut short")
    return data


_ZEROS = bytes(1 << 16)


def _extend_zeros(table: array[Any], slots: int) -> None:
    """Append `slots` zeros to an array without a temporary of the whole size."""
    size = slots * table.itemsize
    while size > 0:
        step = min(size, len(_ZEROS))
        table.frombytes(_ZEROS[:step] if step < len(_ZEROS) else _ZEROS)
        size -= step


def _same(old: float, new: float) -> bool:
    return old == new or math.isclose(old, new, rel_tol=1e-12, abs_tol=0.0)


def _source(text: str) -> str | None:
    return text.strip() or None


def _closest_header(key: str) -> str | None:
    import difflib

    matches = difflib.get_close_matches(key, list(_FIELD_OF), n=1, cutoff=0.6)
    return _FIELD_OF[matches[0]] if matches else None


def _binary_kind(head: bytes) -> str | None:
    """The message key of a binary file's kind, or None for something that may be text."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return "kind.zip"
    if b"\x00" in head:
        return "kind.binary"
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return "kind.binary" if head and controls * 20 > len(head) else None


def _detect_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 if it reads better."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head
    if len(head) == _HEAD:
        # a multi-byte character may be cut at the end of the sample
        cut = len(head)
        while cut > len(head) - 4 and cut > 0 and head[cut - 1] >= 0x80:
            cut -= 1
        sample = head[:cut]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    utf8_bad = sample.decode("utf-8", "replace").count("\ufffd")
    gb_bad = sample.decode("gb18030", "replace").count("\ufffd")
    return "gb18030" if gb_bad < utf8_bad else "utf-8"


def _batches(
    handle: io.BufferedReader, encoding: str, auto: bool, limit: list[int] | None = None
) -> Iterator[tuple[str, int, bool]]:
    """(text of complete records, bytes read so far, decoded strictly), 256 KiB at a time.

    A batch ends at a line break with an even number of quotes before it, so no quoted
    cell spans two batches. Undecodable bytes become lone surrogates (surrogateescape),
    found later by _BAD_BYTES. A file detected as UTF-8 whose first non-ASCII bytes are
    not UTF-8 but read as GB18030 switches to GB18030 (the ASCII before is the same).
    `limit[0]`, when set (it may be set while reading), is where to stop: the byte just
    after a line break, relative to where the handle started.
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    strict = True
    ascii_so_far = True
    pending = ""
    done = 0
    old_mac = False
    first = True
    while True:
        size = _CHUNK if limit is None or limit[0] < 0 else min(_CHUNK, limit[0] - done)
        chunk = handle.read(size) if size > 0 else b""
        done += len(chunk)
        final = not chunk
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError:
            buffered = decoder.getstate()[0] if strict else b""
            raw = buffered + chunk
            if auto and ascii_so_far and encoding == "utf-8" and _reads_as_gb18030(raw, final):
                encoding = "gb18030"
                decoder = codecs.getincrementaldecoder(encoding)("strict")
                try:
                    text = decoder.decode(raw, final)
                except UnicodeDecodeError:
                    decoder = codecs.getincrementaldecoder(encoding)("surrogateescape")
                    text = decoder.decode(raw, final)
                    strict = False
            else:
                decoder = codecs.getincrementaldecoder(encoding)("surrogateescape")
                text = decoder.decode(raw, final)
                strict = False
        if ascii_so_far and not chunk.isascii():
            ascii_so_far = False
        if first:
            first = False
            head = text[:_HEAD]
            old_mac = "\r" in head and "\n" not in head
        if old_mac:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = pending + text
        if final:
            yield text, done, strict
            return
        cut = text.rfind("\n") + 1
        if cut == 0:
            pending = text
            if len(pending) > _LONG_LINE:
                raise _StopFile
            continue
        body, pending = text[:cut], text[cut:]
        if '"' in body and body.count('"') % 2 and len(body) < _LONG_LINE:
            pending = text  # a quoted cell goes on: read on
            continue
        yield body, done, strict


def _reads_as_gb18030(raw: bytes, final: bool) -> bool:
    try:
        codecs.getincrementaldecoder("gb18030")("strict").decode(raw, final)
    except UnicodeDecodeError:
        return False
    return True
