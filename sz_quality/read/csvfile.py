"""The CSV driver: decode a file in batches of complete records, find the header, number
the lines, and hand each batch to the session (and a large file's second half to another
process).

Lines are physical lines (the header is line 1; a quoted cell spanning lines counts each
of them).
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .batches import Batches, CsvBatch, Readable
from .district_column import sample_rows
from .findings import SourceFile
from .layout import (
    UNUSABLE,
    Layout,
    check_has_rows,
    missing_column,
    read_layout,
    reads_as_header,
)
from .messages import template
from .rows import needs_byte_check, undecoded

if TYPE_CHECKING:
    from .session import Progress, Session
    from .split import SecondHalf

__all__ = ["read_csv"]

_DELIMITERS = (",", "\t", ";")
_PARALLEL_MIN = 8 << 20  # files from 8 MiB up are split in two
# encodings in which a 0x0A byte is always a line break (not UTF-16/32): cut there
LINE_SAFE = frozenset(
    {"utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "ascii", "latin-1", "iso8859-1", "cp1252"}
)


def _parallel(session: Session, total: int, done: int, encoding: str) -> bool:
    """Whether to check the rest of this file in two processes."""
    return (
        session.jobs > 1
        and encoding in LINE_SAFE
        # observations cross the pipe only when a region filter keeps them few
        and (not session.keep or session.regions is not None)
        and total >= _PARALLEL_MIN
        and total - done >= _PARALLEL_MIN // 2
        and hasattr(os, "fork")
        and sys.platform.startswith("linux")
    )


def read_csv(
    session: Session,
    file: SourceFile,
    handle: Readable,
    encoding: str,
    auto: bool,
    total: int,
    progress: Progress | None,
) -> None:
    """Read a CSV file from its open handle (at byte 0) in `encoding`."""
    findings = session.findings
    batches = Batches(handle, encoding, auto)
    split: SecondHalf | None = None
    layout: Layout | None = None
    delimiter = ","
    next_line = 1
    try:
        for text, done, clean in batches:
            if progress is not None:
                # with two processes this one reads the first half: scale its progress
                shown = done if split is None else min(total, done * total // max(split.offset, 1))
                progress(file.path, shown, total)
            if not text:
                continue
            file.check_bytes = needs_byte_check(text, clean, batches.encoding)
            if layout is None:
                if not text.strip().replace("\ufeff", ""):
                    next_line += text.count("\n")
                    continue
                if next_line > 1:
                    # blank lines before the header: the header must be line 1
                    missing_column(findings, file, None)
                    layout = UNUSABLE
                    file.check_bytes = False
                first_line = text.split("\n", 1)[0]
                delimiter = max(_DELIMITERS, key=first_line.count)
                if layout is None:
                    stream = io.StringIO(text, newline="")
                    reader = csv.reader(stream, delimiter=delimiter, strict=False)
                    try:
                        header = next(reader)
                    except csv.Error as error:
                        findings.emit(
                            file, "bad-csv", line=1, text=template("bad-csv", error=str(error))
                        )
                        return
                    if not reads_as_header(header) and _header_below(text, delimiter):
                        # a yearbook's CSV: title rows above the header, notes below
                        rest = "".join(more for more, _, _ in batches)
                        whole = text + rest
                        _read_as_yearbook(
                            session, file, whole, delimiter, progress, batches.encoding
                        )
                        return
                    if file.check_bytes:
                        _check_header_bytes(session, file, header, encoding)
                    layout = read_layout(findings, file, header)
                    next_line += reader.line_num
                    text = text[stream.tell() :]
                    session.adopt_layout(file, layout, sample_rows(text, delimiter))
                    file.check_bytes = needs_byte_check(text, clean, batches.encoding)
                    if (
                        layout.kind == "long"
                        and layout.ncols
                        and file.path != "-"  # standard input: one process reads it
                        and _parallel(session, total, done, encoding)
                    ):
                        from . import split as two

                        split = two.plan_split(file.path, done, total, auto)
                        if split is not None:
                            try:
                                split.start(session, file, layout, delimiter, encoding)
                                batches.stop_at(split.offset)
                            except OSError:  # no fork today: read it all here
                                split = None
                    if not text:
                        continue
            batch = CsvBatch(text, delimiter, next_line, batches.encoding)
            next_line = session.check_batch(file, layout, batch)
        if split is not None and layout is not None:
            half, split = split, None
            half.finish(session, file, layout)
    finally:
        if split is not None:  # the first half failed: stop the second, and reap it
            split.abandon()
    # no text at all leaves no layout; text always gives one (UNUSABLE at worst)
    check_has_rows(findings, file, layout)


_YEARBOOK_MAX = 1 << 24  # a yearbook's table is small: 16 MiB of text at most


def _records(text: str, delimiter: str) -> Iterator[list[str]]:
    """Each record's cells; a record of blank cells as []."""
    for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False):
        yield cells if any(cell.strip() for cell in cells) else []


def _header_below(text: str, delimiter: str) -> bool:
    """Whether a record after the first one, among the first HEADER_LOOKAHEAD, reads as a
    header (the first batch holds them: a yearbook's title rows are few)."""
    from .xlsx import HEADER_LOOKAHEAD

    try:
        for index, cells in enumerate(_records(text, delimiter)):
            if index >= HEADER_LOOKAHEAD:
                return False
            if index and cells and reads_as_header(cells):
                return True
    except csv.Error:
        return False
    return False


def _read_as_yearbook(
    session: Session,
    file: SourceFile,
    text: str,
    delimiter: str,
    progress: Progress | None,
    encoding: str,
) -> None:
    """The CSV read as a yearbook sheet is (sz_quality.read.xlsx): the header found under
    its title rows (one skipped-rows warning), the notes under the table not data."""
    from .xlsx import TableReader

    if len(text) > _YEARBOOK_MAX:
        missing_column(session.findings, file, None)  # as before: no header on line 1
        check_has_rows(session.findings, file, UNUSABLE)
        return
    file.check_bytes = needs_byte_check(text, False, encoding)
    session.rows.comma = delimiter == ","  # a number split at its thousands comma
    try:
        TableReader(session, file).read(_records(text, delimiter), 0, progress)
    except csv.Error as error:
        session.findings.emit(
            file, "bad-csv", line=None, text=template("bad-csv", error=str(error))
        )


def _check_header_bytes(
    session: Session, file: SourceFile, header: list[str], encoding: str
) -> None:
    findings = session.findings
    marks = undecoded(encoding)
    for index, cell in enumerate(header):
        if marks.search(cell):
            findings.emit(
                file,
                "encoding-error",
                line=1,
                column=index + 1,
                text=template("encoding-error", encoding=encoding),
                hint=template("encoding-error.hint"),
            )
            return
