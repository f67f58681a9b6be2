"""A file's text in batches of complete records, decoded as it is read.

The CSV driver (csvfile.py) and the second half of a split file (split.py) both read
through Batches.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from .sniff import HEAD, reads_as_gb18030

__all__ = ["Batches", "CsvBatch", "LongLine", "Readable"]

_CHUNK = 1 << 18  # small batches keep the transient lists of the fast path small
_LONG_LINE = 1 << 25  # a "line" of 32 MiB with no line break is not a table


class Readable(Protocol):
    """What the driver reads from: an open file, or a pipe with its head put back."""

    def read(self, size: int = -1, /) -> bytes: ...


class CsvBatch(NamedTuple):
    """A batch to check: complete records of CSV text, the delimiter between its cells, the
    line number of its first record and the encoding it was decoded with (that a cell's
    undecodable bytes are reported in)."""

    text: str
    delimiter: str
    first_line: int
    encoding: str


class LongLine(Exception):
    """Reading a file cannot go on (a line too long to be a table row)."""


class Batches:
    """The batches of a file: (text of complete records, bytes read so far, decoded strictly).

    Iterate once. A batch ends at a line break with an even number of quotes before it,
    so no quoted cell spans two batches; batches are about 256 KiB. Undecodable bytes
    become lone surrogates (surrogateescape), found later by BAD_BYTES. A file detected
    as UTF-8 whose first non-ASCII bytes are not UTF-8 but read as GB18030 switches to
    GB18030 (the ASCII before is the same). `stop_at` may be called while iterating:
    reading then ends at that byte (relative to where the handle started).
    """

    __slots__ = ("handle", "encoding", "auto", "stop")

    def __init__(self, handle: Readable, encoding: str, auto: bool) -> None:
        self.handle = handle
        self.encoding = encoding
        self.auto = auto
        self.stop = -1  # where to stop reading; -1: at the end of the file

    def stop_at(self, offset: int) -> None:
        """End at `offset`, the byte just after a line break (a second half starts there)."""
        self.stop = offset

    def __iter__(self) -> Iterator[tuple[str, int, bool]]:
        handle, encoding, auto = self.handle, self.encoding, self.auto
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        strict = True
        ascii_so_far = True
        pending = ""
        done = 0
        old_mac = False
        first = True
        while True:
            size = _CHUNK if self.stop < 0 else min(_CHUNK, self.stop - done)
            chunk = handle.read(size) if size > 0 else b""
            done += len(chunk)
            final = not chunk
            try:
                text = decoder.decode(chunk, final)
            except UnicodeDecodeError as error:
                buffered = decoder.getstate()[0] if strict else b""
                raw = buffered + chunk
                # switch only if no UTF-8 text came before: GB18030 would garble it
                if (
                    auto
                    and ascii_so_far
                    and encoding == "utf-8"
                    and raw[: error.start].isascii()
                    and reads_as_gb18030(raw, final)
                ):
                    encoding = self.encoding = "gb18030"  # what the rows are judged in
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
                head = text[:HEAD]
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
                    raise LongLine
                continue
            body, pending = text[:cut], text[cut:]
            if '"' in body and body.count('"') % 2 and len(body) < _LONG_LINE:
                pending = text  # a quoted cell goes on: read on
                continue
            yield body, done, strict
