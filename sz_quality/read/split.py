"""Two processes for a large plain CSV file: a forked child checks the second half.

The child runs `check_second_half`, a function of its inputs alone: it checks the bytes
from the cut on in a fresh session and writes what that session's store serialises.
The parent reads the first half meanwhile, then merges the child's result through the
store (`SlotStore.merge`) and the findings (`Findings.relist`), as if the file were read
in one go. If the child fails, the parent checks the second half itself; if the fork
fails, one process reads it all. Whatever happens to the first half, the child is
waited for and its pipe closed (`finish`, or `abandon` from the driver's `finally`);
interrupted, the parent stops the child rather than wait for it; and however the parent
goes, even killed outright, the child goes with it (`die_with_parent`).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import IO, TYPE_CHECKING, Any

from .batches import Batches, CsvBatch, LongLine
from .findings import SourceFile
from .layout import Layout
from .messages import template
from .rows import needs_byte_check

if TYPE_CHECKING:
    from ..plan.lookup import Lookup
    from .session import Session

__all__ = ["HalfJob", "SecondHalf", "check_second_half", "die_with_parent", "plan_split"]

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


class HalfJob:
    """Everything the second half's check needs, and nothing of the parent's state."""

    __slots__ = (
        "make_session",
        "lookup",
        "lang",
        "keep",
        "max_per_code",
        "regions",
        "every_region",
        "paths",
        "path",
        "number",
        "layout",
        "delimiter",
        "encoding",
        "offset",
        "first_line",
        "auto",
    )

    def __init__(
        self,
        session: Session,
        file: SourceFile,
        layout: Layout,
        delimiter: str,
        encoding: str,
        half: SecondHalf,
    ) -> None:
        self.make_session = type(session)  # a fresh one of the parent's kind
        self.lookup: Lookup = session.lookup
        self.lang = session.lang
        self.keep = session.keep
        self.max_per_code = session.max_per_code
        self.regions = session.regions
        self.every_region = session.every_region
        self.paths = list(session.store.paths)
        self.path = file.path
        self.number = file.number
        self.layout = layout
        self.delimiter = delimiter
        # the second half starts after the BOM
        self.encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        self.offset = half.offset
        self.first_line = half.first_line
        self.auto = half.auto


def check_second_half(job: HalfJob, stream: IO[bytes]) -> None:
    """Check a file from `job.offset` on in a fresh session; write the result to `stream`."""
    session = job.make_session(
        job.lookup,
        lang=job.lang,
        keep=job.keep,
        max_per_code=job.max_per_code,
        regions=job.regions,
        every_region=job.every_region,
    )
    session.store.paths = list(job.paths)
    session.store.duplicate_events = []
    part = SourceFile(job.path, job.number)
    with open(job.path, "rb") as handle:
        handle.seek(job.offset)
        next_line = job.first_line
        try:
            batches = Batches(handle, job.encoding, job.auto)
            for text, _, clean in batches:
                if not text:
                    continue
                part.check_bytes = needs_byte_check(text, clean, batches.encoding)
                batch = CsvBatch(text, job.delimiter, next_line, batches.encoding)
                next_line = session.check_batch(part, job.layout, batch)
        except LongLine:
            session.findings.emit(part, "bad-csv", line=None, text=template("long-line"))
    session.store.serialise(
        stream,
        {
            "rows": part.rows,
            "accepted": part.accepted,
            "rejected": part.rejected,
            "unlisted": part.unlisted,
            "diagnostics": session.findings.diagnostics,
        },
    )


class SecondHalf:
    """The second half of a file, checked by a forked child, then merged."""

    __slots__ = ("path", "offset", "first_line", "auto", "pid", "running", "reader_fd", "job")

    def __init__(self, path: str, offset: int, first_line: int, auto: bool) -> None:
        self.path = path
        self.offset = offset  # byte where the second half starts (just after a line break)
        self.first_line = first_line  # its line number
        # the encoding may still switch to GB18030 (all bytes before the half were ASCII)
        self.auto = auto
        self.pid = 0
        self.running = False  # a child was forked and not yet waited for
        self.reader_fd = -1
        self.job: HalfJob | None = None

    def start(
        self, session: Session, file: SourceFile, layout: Layout, delimiter: str, encoding: str
    ) -> None:
        job = HalfJob(session, file, layout, delimiter, encoding, self)
        parent = os.getpid()
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
                die_with_parent(parent)
                with os.fdopen(write_fd, "wb", buffering=1 << 16) as stream:
                    check_second_half(job, stream)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write_fd)
        self.pid, self.running, self.reader_fd, self.job = pid, True, read_fd, job

    def finish(self, session: Session, file: SourceFile, layout: Layout) -> None:
        """Wait for the child and merge its result (or check the second half here)."""
        assert self.job is not None
        store = session.store
        received: tuple[dict[str, Any], bytes] | None = None
        try:
            with os.fdopen(self.reader_fd, "rb", buffering=1 << 16) as stream:
                self.reader_fd = -1  # the stream owns it now
                try:
                    received = store.receive(stream)
                except Exception:  # the child died or sent garbage: nothing is merged yet
                    stream.read()
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): stop the child, never wait
            self.abandon()
            raise
        finally:
            self._reap()
        if received is None:  # check the second half here instead
            import tempfile

            with tempfile.TemporaryFile() as spool:
                check_second_half(self.job, spool)
                spool.seek(0)
                received = store.receive(spool)
        header, slots = received
        file.rows += header["rows"]
        file.accepted += header["accepted"]
        file.rejected += header["rejected"]
        findings = session.findings
        header["first"] = len(findings.diagnostics)
        findings.diagnostics.extend(header["diagnostics"])
        store.merge(file, header, slots, layout.columns["value"] + 1)
        findings.take_unlisted(file, header["unlisted"])
        findings.relist(file)

    def abandon(self) -> None:
        """Stop the child and drop its result: the first half failed, the read stops here."""
        if self.running:
            import contextlib

            # ProcessLookupError: it has exited already (and awaits its reaping)
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self._reap()

    def _reap(self) -> None:
        """Close the pipe and wait for the child: neither outlives the read of the file."""
        if self.reader_fd >= 0:
            os.close(self.reader_fd)
            self.reader_fd = -1
        if self.running:
            self.running = False
            os.waitpid(self.pid, 0)


def die_with_parent(parent: int) -> None:
    """End this forked child as soon as `parent` ends, however it ends (even SIGKILL).

    Linux: the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG).
    Elsewhere, or when prctl fails: a watchdog thread notices that the child was
    re-parented. Either way, a parent gone before this call is noticed here.
    """
    if not _parent_death_signal():
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was set
        os._exit(1)


def _parent_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def plan_split(path: str, done: int, total: int, auto: bool) -> SecondHalf | None:
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
                        return SecondHalf(path, split, lines, auto and ascii_before)
                ascii_before = ascii_before and chunk.isascii()
                lines += chunk.count(b"\n")
                offset = end
    except OSError:
        return None
