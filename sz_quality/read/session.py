"""One read of one or more files: opens each, picks its driver, and gathers the result.

A file is read in batches of complete records; memory holds only the store of values
seen, one slot per (series, region, year), never the rows. A batch with nothing unusual
in it goes through the column-wise fast path (sz_quality.read.columns); any other batch
goes row by row (sz_quality.read.rows), where every diagnostic comes from.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Callable
from typing import BinaryIO

from ..plan.lookup import Lookup
from .batches import CsvBatch, LongLine
from .cell_resolver import Resolver
from .columns import check_plain_batch
from .csvfile import read_csv
from .district_column import adopt_district_column, form_cell
from .findings import Findings, SourceFile
from .layout import Layout
from .messages import template
from .named import check_named_twice
from .observations import InputSummary, ReadResult
from .rows import RowChecker
from .sniff import HEAD, binary_kind, detect_encoding, is_ole, is_zip, markup_kind
from .store import SlotStore

__all__ = ["STDIN", "Progress", "Replayed", "Session"]

Progress = Callable[[str, int, int], None]
"""progress(path, done, total): bytes read of a CSV file, or rows of a sheet."""

_MAX_FILES = 65535  # file numbers are kept in 16 bits


class Session:
    """State across the files of one read: the store of values seen and the diagnostics."""

    def __init__(
        self,
        lookup: Lookup,
        *,
        lang: str,
        keep: bool,
        max_per_code: int,
        jobs: int = 1,
        regions: frozenset[str] | None = None,
        fast_path: bool = True,
        every_region: frozenset[str] = frozenset(),
    ) -> None:
        """`fast_path` False checks every batch row by row: slower, with the same result
        (the tests compare the two)."""
        self.lookup = lookup
        self.fast_path = fast_path
        self.lang = "zh" if lang == "zh" else "en"
        self.keep = keep
        self.max_per_code = max_per_code
        self.jobs = jobs
        self.regions = regions  # keep observations of these regions only (None: all)
        self.findings = Findings(max_per_code, self.lang)
        self.every_region = every_region  # ... and of these series in every region
        self.store = SlotStore(
            lookup, self.findings, keep=keep, regions=regions, every_region=every_region
        )
        self.resolver = Resolver(lookup)
        self.rows = RowChecker(self.resolver, self.store, self.findings)
        self.inputs: list[InputSummary] = []
        self.layouts: dict[int, Layout] = {}  # file number -> its layout
        self.forms: dict[int, tuple[str, int, int]] = {}  # file number -> identity cell

    def adopt_layout(
        self,
        file: SourceFile,
        layout: Layout,
        rows: list[list[str]],
        header_line: int = 1,
        first_line: int | None = None,
    ) -> None:
        """Record a file's layout (where its values stand) and a form's identity, after
        taking an unknown column of district names for the region column; `rows` are the
        first rows under the header (district_column.py)."""
        adopt_district_column(self.lookup.regions, self.findings, file, layout, rows, header_line)
        self.layouts[file.number] = layout
        found = form_cell(layout, rows, header_line + 1 if first_line is None else first_line)
        if found is not None:
            self.forms[file.number] = found

    def result(self) -> ReadResult:
        """What was read so far (the lookup's cache is the caller's to save)."""
        return ReadResult(
            observations=self.store.kept_observations(),
            diagnostics=tuple(self.findings.diagnostics),
            inputs=tuple(self.inputs),
            revisions=tuple(self.store.revisions),
        )

    def read(
        self,
        path: str | os.PathLike[str],
        *,
        encoding: str | None,
        sheet: str | None,
        progress: Progress | None,
    ) -> None:
        name = os.fspath(path)
        paths = self.store.paths
        if len(paths) >= _MAX_FILES:
            raise ValueError(f"at most {_MAX_FILES} files can be read at once")
        findings = self.findings
        file = SourceFile(name, len(paths) + 1, first_diagnostic=len(findings.diagnostics))
        paths.append(name)
        self.rows.comma = False  # set by the batches of a comma-separated text
        try:
            self._open(file, encoding, sheet, progress)
        except LongLine:
            findings.emit(file, "bad-csv", line=None, text=template("long-line"))
        except UnicodeError:  # a forced wide encoding the bytes cannot be (utf-16 with no BOM)
            findings.emit(
                file,
                "encoding-error",
                line=None,
                text=template("encoding-error", encoding=encoding or "?"),
                hint=template("encoding-error.hint"),
            )
        check_named_twice(self.store, file)
        findings.close(file)
        self.inputs.append(InputSummary(name, file.rows, file.accepted, file.rejected))

    def _open(
        self, file: SourceFile, encoding: str | None, sheet: str | None, progress: Progress | None
    ) -> None:
        findings = self.findings
        try:
            with _open_input(file.path) as opened:
                head = opened.read(HEAD)
                seekable = opened.seekable()
                if is_zip(head) or is_ole(head):  # .xlsx, .ods; .xls
                    from .xlsx import read_xlsx

                    # a workbook from a pipe is read whole: a zip's index is at its end
                    workbook = None if seekable else io.BytesIO(head + opened.read())
                    opened.close()
                    read_xlsx(self, file, sheet, progress, workbook)
                    return
                markup = markup_kind(head)
                kind = markup or binary_kind(head)
                if kind is not None:
                    findings.emit(
                        file,
                        "bad-file",
                        line=None,
                        text=template("binary", kind=kind),
                        hint=template("markup.hint" if markup else "binary.hint"),
                    )
                    return
                if encoding is not None:
                    chosen, auto = codecs.lookup(encoding).name, False
                else:
                    chosen, auto = detect_encoding(head), True
                    if chosen != "utf-8" or not head.isascii():
                        auto = False  # settled by the first 64 KiB: no switch later
                if seekable:
                    total = os.fstat(opened.fileno()).st_size
                    opened.seek(0)
                    read_csv(self, file, opened, chosen, auto, total, progress)
                else:  # a pipe: the head read so far, then the rest (never split in two)
                    read_csv(self, file, Replayed(head, opened), chosen, auto, 0, progress)
        except OSError as error:
            findings.emit(
                file,
                "bad-file",
                line=None,
                text=template("unreadable", error=error.strerror or str(error)),
            )

    def check_batch(self, file: SourceFile, layout: Layout, batch: CsvBatch) -> int:
        """Check one batch of complete records; return the number of the next line."""
        text, delimiter, first_line = batch.text, batch.delimiter, batch.first_line
        if not layout.ncols:  # no usable header: count the rows, all rejected
            return first_line + _count_records(file, text, delimiter)
        self.rows.comma = delimiter == "," and not file.sheet  # the rule of split numbers
        if layout.kind == "long" and not file.check_bytes and self.fast_path and '"' not in text:
            plain = text.replace("\r\n", "\n") if "\r" in text else text
            if "\r" not in plain:
                if not plain.endswith("\n"):
                    plain += "\n"
                count = check_plain_batch(
                    self.resolver,
                    self.store,
                    file,
                    layout,
                    plain,
                    delimiter,
                    first_line,
                    self.rows.long_row,
                )
                if count is not None:
                    return first_line + count
        return self.rows.check_text(file, layout, batch)


STDIN = "-"  # the file name that means standard input


def _open_input(path: str) -> BinaryIO:
    """A file opened for reading in binary; `-` is standard input (left open after)."""
    if path == STDIN:
        try:
            return os.fdopen(os.dup(sys.stdin.fileno()), "rb")
        except (AttributeError, ValueError, io.UnsupportedOperation):  # stdin is no file
            return io.BytesIO(sys.stdin.buffer.read())
    return open(path, "rb")


class Replayed:
    """A stream that cannot seek back (a pipe), with the bytes already read put back."""

    __slots__ = ("head", "rest")

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head = head
        self.rest = rest

    def read(self, size: int = -1) -> bytes:
        if self.head:
            taken = self.head if size < 0 else self.head[:size]
            self.head = self.head[len(taken) :]
            return taken
        return self.rest.read(size)


def _count_records(file: SourceFile, text: str, delimiter: str) -> int:
    """Count (and reject) the records of a table without a usable header; lines read."""
    import csv

    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter, strict=False)
    while True:
        try:
            next(reader)
        except StopIteration:
            break
        except csv.Error:
            pass
        file.reject()
    return reader.line_num
