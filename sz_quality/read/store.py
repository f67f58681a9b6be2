"""The store of values seen: one slot per (series, region, year), never the rows.

A block is one (region, year); it holds one slot per series of the registry. Each slot
keeps the number of the file that gave it a value (0: empty), the value and its line.
A second half of a file read in another process comes back as the store serialises it
and is merged here, as if the file had been read in one go.
"""

from __future__ import annotations

import pickle
from array import array
from itertools import repeat
from operator import add, and_
from typing import IO, Any

from ..plan.lookup import Lookup, SeriesInfo
from . import codes as diag
from .cells import same_value
from .findings import Cell, Findings, SourceFile
from .magnitude import report_slip
from .messages import ValueKey, value_template
from .observations import Diagnostic, Observation, Revision, Severity

__all__ = ["DuplicateEvent", "SlotStore"]

# a duplicate-row seen by a second half: (region, year, series, value, line, position in
# that half's diagnostics or -1, error?), judged again against this file's first half
DuplicateEvent = tuple[str, int, int, float, int, int, bool]

_SLOT_BYTES = 2 + 8 + 4  # owner ("H"), value ("d"), line ("i")
_ZEROS = bytes(1 << 16)


def _extend_zeros(table: array[Any], slots: int) -> None:
    """Append `slots` zeros to an array without a temporary of the whole size."""
    size = slots * table.itemsize
    while size > 0:
        step = min(size, len(_ZEROS))
        table.frombytes(_ZEROS[:step] if step < len(_ZEROS) else _ZEROS)
        size -= step


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the second half's result was cut short")
    return data


class SlotStore:
    """What was seen where, across the files of one read; observations when kept."""

    __slots__ = (
        "lookup",
        "findings",
        "keep",
        "regions",
        "every_region",
        "width",
        "blocks",
        "raw_blocks",
        "owner",
        "values",
        "lines",
        "positions",
        "observations",
        "revisions",
        "paths",
        "duplicate_events",
    )

    def __init__(
        self,
        lookup: Lookup,
        findings: Findings,
        *,
        keep: bool,
        regions: frozenset[str] | None,
        every_region: frozenset[str] = frozenset(),
    ) -> None:
        self.lookup = lookup
        self.findings = findings
        self.keep = keep
        self.regions = regions  # keep observations of these regions only (None: all)
        self.every_region = every_region  # ... and of these series in every region
        self.width = max(len(lookup.series), 1)
        self.blocks: dict[tuple[str, int], int] = {}
        self.raw_blocks: dict[tuple[str, str], int] = {}  # (region, year) text -> first slot
        self.owner = array("H")  # number of the file that holds the slot, 0 if empty
        self.values = array("d")
        self.lines = array("i")
        self.positions = array("i")  # index into self.observations (keep only)
        self.observations: list[Observation | None] = []
        self.revisions: list[Revision] = []
        self.paths: list[str] = []  # file number - 1 -> path
        # recorded in a second half only, for the merge to judge again
        self.duplicate_events: list[DuplicateEvent] | None = None

    def block(self, region: str, year: int) -> int:
        """The block of (region, year), made on first sight."""
        block = self.blocks.get((region, year))
        if block is None:
            block = len(self.blocks)
            self.blocks[(region, year)] = block
            needed = (block + 1) * self.width
            if needed > len(self.owner):
                # grow by half again (at least 64 blocks): amortised, like a list
                self.grow(max(needed - len(self.owner), len(self.owner) // 2, 64 * self.width))
        return block

    def grow(self, slots: int) -> None:
        for table in (self.owner, self.values, self.lines):
            _extend_zeros(table, slots)
        if self.keep:
            self.positions.extend(repeat(-1, slots))

    def kept_observations(self) -> tuple[Observation, ...]:
        return tuple(obs for obs in self.observations if obs is not None)

    # -- one value ----------------------------------------------------------------------

    def duplicate(
        self, file: SourceFile, about: ValueKey, value: float, where: Cell, key: int
    ) -> Diagnostic:
        """duplicate-row for a key held by this file (`value`, the value `about`, in the
        cell `where`): a warning if equal, else an error."""
        old = self.values[key]
        first = self.lines[key]
        equal = same_value(old, value)
        if equal:
            text = value_template("duplicate-row.equal", about, first=first)
        else:
            text = value_template("duplicate-row.differ", about, first=first, old=old, new=value)
        severity: Severity = "warning" if equal else "error"
        lang = self.findings.lang
        return diag.make("duplicate-row", file.path, *where, text, severity=severity, lang=lang)

    def store(
        self,
        file: SourceFile,
        info: SeriesInfo,
        region: str,
        year: int,
        value: float,
        line: int,
        source: str | None,
        column: int,
        field_name: str,
        note: str | None = None,
        value_text: str = "",
        unit_text: str = "",
    ) -> None:
        """Keep an accepted value: a duplicate within a file, a revision across files."""
        key = self.block(region, year) * self.width + info.index
        owner = self.owner[key]
        findings = self.findings
        if owner == file.number:
            made = self.duplicate(
                file, (info.id, region, year), value, (line, column, field_name), key
            )
            if made.severity == "error":
                file.rejected += 1
            else:
                file.accepted += 1
            position = len(findings.diagnostics)  # where it goes, if listed
            if not findings.add(file, made):
                position = -1
            if self.duplicate_events is not None:
                error = made.severity == "error"
                self.duplicate_events.append(
                    (region, year, info.index, value, line, position, error)
                )
            return
        if owner:
            old = self.values[key]
            old_file = self.paths[owner - 1]
            old_line = self.lines[key]
            if not same_value(old, value) and not report_slip(
                findings, file, (line, column, field_name), info, region, year, value, old,
                (old_file, old_line),
            ):  # fmt: skip
                self.revisions.append(
                    Revision(info.id, region, year, old, value, old_file, old_line, file.path, line)
                )
                text = value_template(
                    "revision",
                    (info.id, region, year),
                    old=old,
                    old_file=old_file,
                    old_line=old_line,
                    new=value,
                )
                findings.emit_at(file, "revision", (line, column, field_name), text)
            if self.keep and self.positions[key] >= 0:
                self.observations[self.positions[key]] = None
                self.positions[key] = -1
        self.owner[key] = file.number
        self.values[key] = value
        self.lines[key] = line
        file.accepted += 1
        if self.keep and (
            self.regions is None or region in self.regions or info.id in self.every_region
        ):
            self.positions[key] = len(self.observations)
            row = (info.id, year, value, region, file.path, line, source, note)
            self.observations.append(Observation(*row, value_text, unit_text))

    # -- a second half, serialised and merged -------------------------------------------

    def serialise(self, stream: IO[bytes], header: dict[str, Any]) -> None:
        """Write `header` and this store's blocks, events and observations, then its slots."""
        header = {
            **header,
            "blocks": self.blocks,
            "dups": self.duplicate_events or [],
            "observations": self.kept_observations(),
        }
        data = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
        stream.write(len(data).to_bytes(8, "little"))
        stream.write(data)
        # the slot tables, block by block (the merge reads them without a second copy)
        width = self.width
        owner, values, lines = (
            memoryview(table) for table in (self.owner, self.values, self.lines)
        )
        for block in range(len(self.blocks)):
            low, high = block * width, (block + 1) * width
            stream.write(owner[low:high])
            stream.write(values[low:high])
            stream.write(lines[low:high])

    def receive(self, stream: IO[bytes]) -> tuple[dict[str, Any], bytes]:
        """What `serialise` wrote, read whole before anything is merged."""
        size = int.from_bytes(_read_exactly(stream, 8), "little")
        header: dict[str, Any] = pickle.loads(_read_exactly(stream, size))
        return header, _read_exactly(stream, len(header["blocks"]) * self.width * _SLOT_BYTES)

    def merge(
        self, file: SourceFile, header: dict[str, Any], slots: bytes, value_column: int
    ) -> None:
        """Fold a second half of `file` into this store, as if the file were read in one go.

        The half's diagnostics must already follow this file's in `findings` (from
        `header["first"]` on); its duplicates are judged again here.
        """
        base: int = header["first"]
        shared: set[tuple[str, int, int]] = set()  # keys held by this file before the half
        width = self.width
        blocks: dict[tuple[str, int], int] = header["blocks"]
        new = sum(1 for key in blocks if key not in self.blocks)
        missing = (len(self.blocks) + new) * width - len(self.owner)
        if missing > 0:
            self.grow(missing)  # once, to the exact size
        view = memoryview(slots)
        for (region, year), block in blocks.items():
            start = block * width * _SLOT_BYTES
            theirs, values, lines = array("H"), array("d"), array("i")
            theirs.frombytes(view[start : start + 2 * width])
            values.frombytes(view[start + 2 * width : start + 10 * width])
            lines.frombytes(view[start + 10 * width : start + 14 * width])
            if not any(theirs):
                continue
            target = self.block(region, year) * width
            span = slice(target, target + width)
            ours = self.owner[span]
            if not any(ours):
                self.owner[span] = theirs
                self.values[span] = values
                self.lines[span] = lines
            elif not any(map(and_, ours, theirs)):  # disjoint: 0 + x = x, slot by slot
                self.owner[span] = array("H", map(add, ours, theirs))
                self.values[span] = array("d", map(add, self.values[span], values))
                self.lines[span] = array("i", map(add, self.lines[span], lines))
            else:
                for index in range(width):
                    if not theirs[index]:
                        continue
                    if ours[index]:
                        # the key is earlier in this file (or an earlier file): the half counted
                        # the row as accepted; store() counts it again, as a duplicate or revision
                        if ours[index] == file.number:
                            shared.add((region, year, index))
                        file.accepted -= 1
                        self.store(
                            file,
                            self.lookup.series[index],
                            region,
                            year,
                            values[index],
                            lines[index],
                            None,
                            value_column,
                            "value",
                        )
                    else:
                        self.owner[target + index] = theirs[index]
                        self.values[target + index] = values[index]
                        self.lines[target + index] = lines[index]
        # the half judged its later duplicates against its own first occurrence; where this
        # file held the key before the half, judge them against that one instead
        diagnostics = self.findings.diagnostics
        for region, year, index, value, line, position, was_error in header["dups"]:
            if (region, year, index) not in shared:
                continue
            key = self.blocks[(region, year)] * width + index
            about = (self.lookup.series[index].id, region, year)
            again = self.duplicate(file, about, value, (line, value_column, "value"), key)
            if was_error != (again.severity == "error"):
                moved = 1 if again.severity == "error" else -1
                file.rejected += moved
                file.accepted -= moved
            if position >= 0:
                diagnostics[base + position] = again
        if self.keep:
            _keep_half_observations(self, file, header["observations"])


def _keep_half_observations(
    store: SlotStore, file: SourceFile, theirs: tuple[Observation, ...]
) -> None:
    """Keep the half's observations whose value the merged slots kept.

    A slot names the file and line of the value that won (a duplicate keeps the first
    occurrence, a revision the later file), so an observation of the half stands
    exactly when its slot still points at its line.
    """
    width = store.width
    index_of = {info.id: info.index for info in store.lookup.series}
    for obs in theirs:
        key = store.blocks[(obs.region, obs.year)] * width + index_of[obs.series]
        if store.owner[key] != file.number or store.lines[key] != obs.line:
            continue
        position = store.positions[key]
        if position >= 0:  # the merge stored this value already (a revision): keep the source
            store.observations[position] = obs
        else:
            store.positions[key] = len(store.observations)
            store.observations.append(obs)
