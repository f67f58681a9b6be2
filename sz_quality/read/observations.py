"""What reading data files produces: observations, diagnostics and per-file counts.

Plain frozen dataclasses (no pydantic): reading is the hot path of `szq validate`, which
must start in well under 150 ms. `szq schema` describes a row with a pydantic model
(sz_quality.read.schema), which is imported only there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = ["Diagnostic", "InputSummary", "Observation", "ReadResult", "Revision", "Severity"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a data file, at a stable code and an exact position.

    `line` is the physical line (1-based; the header is line 1; a quoted multi-line cell
    counts every line it spans); for .xlsx it is the sheet row. `column` is 1-based.
    """

    code: str
    severity: Severity
    file: str
    line: int | None
    column: int | None
    field: str | None
    message: str
    hint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Observation:
    """One accepted value, converted to the unit of what it measures.

    `series` is an indicator id, or a target id when the value was reported for the
    target itself (a cumulative decline, an increment over the period).
    """

    series: str
    year: int
    value: float
    region: str = ""
    file: str = ""
    line: int = 0
    source: str | None = None


@dataclass(frozen=True)
class Revision:
    """A later file superseding an earlier one for the same (series, region, year)."""

    series: str
    region: str
    year: int
    old: float
    new: float
    old_file: str
    old_line: int
    new_file: str
    new_line: int


@dataclass(frozen=True)
class InputSummary:
    """Per-file accounting: every data row is either accepted or rejected."""

    path: str
    rows: int
    accepted: int
    rejected: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReadResult:
    """Everything read from one or more files, in file order."""

    observations: tuple[Observation, ...]
    diagnostics: tuple[Diagnostic, ...]
    inputs: tuple[InputSummary, ...]
    revisions: tuple[Revision, ...] = field(default=())

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.severity == "error" for diagnostic in self.diagnostics)

    @property
    def has_warnings(self) -> bool:
        return any(diagnostic.severity == "warning" for diagnostic in self.diagnostics)
