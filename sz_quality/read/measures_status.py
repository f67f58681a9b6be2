"""Read `--measures-status FILE`: how far each specific measure (具体措施) has come.

The file is a CSV with a header: `measure` (the measure's id in measures.yaml; `id` and
`measure_id` are accepted too), `status` (done / in_progress / not_started; the Chinese
已完成 / 推进中 / 未启动 are accepted too) and an optional `note`. It is validated like a
data file: every problem is a Diagnostic with a stable code and its line, and a row with
an error is rejected while the others are kept.

Codes (stable; tests and scripts may match them; their meanings and zh/en messages are in
sz_quality.read.codes, with the data-file codes):
- `status-encoding`        the file is neither UTF-8 nor GB18030 (error, nothing read)
- `status-empty`           the file has no header (error)
- `status-missing-column`  the header lacks `measure` or `status` (error, nothing read)
- `status-unknown-column`  a header cell szq does not know (warning, ignored)
- `status-missing-id`      a row without a measure id (error)
- `status-unknown-measure` an id measures.yaml does not define (error)
- `status-invalid-status`  a status outside done / in_progress / not_started (error)
- `status-duplicate`       a second row for the same measure (warning; the later row wins)
- `status-missing-measure` a measure of measures.yaml the file does not mention (not a
                           diagnostic: the report shows it as "not reported")
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from ..plan.names import suggest
from .codes import make
from .messages import Template, did_you_mean, template
from .observations import Diagnostic

__all__ = [
    "MEASURE_STATUSES",
    "MeasureStatus",
    "MeasuresStatus",
    "StatusValue",
    "parse_measures_status",
    "read_measures_status",
]

StatusValue = Literal["done", "in_progress", "not_started"]
MEASURE_STATUSES: tuple[StatusValue, ...] = get_args(StatusValue)

_STATUS_ALIASES: dict[str, StatusValue] = {
    "done": "done",
    "completed": "done",
    "complete": "done",
    "已完成": "done",
    "完成": "done",
    "in_progress": "in_progress",
    "in progress": "in_progress",
    "in-progress": "in_progress",
    "ongoing": "in_progress",
    "推进中": "in_progress",
    "进行中": "in_progress",
    "not_started": "not_started",
    "not started": "not_started",
    "not-started": "not_started",
    "未启动": "not_started",
    "未开始": "not_started",
}
_ID_COLUMNS = ("measure", "measure_id", "id")
_KNOWN_COLUMNS = {*_ID_COLUMNS, "status", "note"}


@dataclass(frozen=True)
class MeasureStatus:
    """One measure's reported implementation status."""

    measure: str
    status: StatusValue
    note: str | None
    file: str
    line: int


@dataclass(frozen=True)
class MeasuresStatus:
    """Every accepted row of a status file, with the file's diagnostics."""

    path: str
    statuses: Mapping[str, MeasureStatus]
    diagnostics: tuple[Diagnostic, ...]
    rows: int = 0

    @property
    def accepted(self) -> int:
        return len(self.statuses)

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.severity == "error" for diagnostic in self.diagnostics)

    def get(self, measure_id: str) -> MeasureStatus | None:
        return self.statuses.get(measure_id)


def read_measures_status(
    path: str | os.PathLike[str], measure_ids: Iterable[str]
) -> MeasuresStatus:
    """Read and validate a status file against the ids of measures.yaml.

    OSError (a missing or unreadable file) propagates: that is the caller's usage error.
    """
    raw = Path(path).read_bytes()
    return parse_measures_status(raw, measure_ids, name=str(path))


def parse_measures_status(
    raw: bytes, measure_ids: Iterable[str], *, name: str = "<status>"
) -> MeasuresStatus:
    """Validate the bytes of a status file (UTF-8 with or without BOM, or GB18030)."""
    known = tuple(measure_ids)
    known_set = set(known)
    diagnostics: list[Diagnostic] = []

    def diagnose(
        code: str,
        severity: Literal["error", "warning"],
        line: int | None,
        column: int | None,
        field: str | None,
        text: Template,
        hint: Template | None = None,
    ) -> None:
        diagnostics.append(make(code, name, line, column, field, text, hint, severity=severity))

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            diagnose(
                "status-encoding",
                "error",
                None,
                None,
                None,
                template("status-encoding"),
                template("status-encoding.hint"),
            )
            return MeasuresStatus(name, {}, tuple(diagnostics))

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        diagnose(
            "status-empty",
            "error",
            1,
            None,
            None,
            template("status-empty"),
            template("status-header.hint"),
        )
        return MeasuresStatus(name, {}, tuple(diagnostics))
    columns = [cell.strip().lower() for cell in header]
    id_column = next((columns.index(c) for c in _ID_COLUMNS if c in columns), None)
    status_column = columns.index("status") if "status" in columns else None
    note_column = columns.index("note") if "note" in columns else None
    for index, column in enumerate(columns):
        if column not in _KNOWN_COLUMNS:
            diagnose(
                "status-unknown-column",
                "warning",
                1,
                index + 1,
                header[index],
                template("status-unknown-column", header=header[index]),
                template("status-unknown-column.hint"),
            )
    missing = [
        label for label, col in (("measure", id_column), ("status", status_column)) if col is None
    ]
    if missing:
        diagnose(
            "status-missing-column",
            "error",
            1,
            None,
            None,
            template("status-missing-column", columns=", ".join(missing)),
            template("status-header.hint"),
        )
        return MeasuresStatus(name, {}, tuple(diagnostics))
    assert id_column is not None and status_column is not None

    statuses: dict[str, MeasureStatus] = {}
    rows = 0
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        rows += 1

        def cell(index: int | None, cells: list[str] = cells) -> str:
            return cells[index].strip() if index is not None and index < len(cells) else ""

        measure_id = cell(id_column)
        status_text = cell(status_column)
        note = cell(note_column) or None
        if not measure_id:
            diagnose(
                "status-missing-id",
                "error",
                line,
                id_column + 1,
                "measure",
                template("status-missing-id"),
            )
            continue
        if measure_id not in known_set:
            guess = suggest(measure_id, known)
            diagnose(
                "status-unknown-measure",
                "error",
                line,
                id_column + 1,
                "measure",
                template("status-unknown-measure", id=measure_id),
                did_you_mean(guess, template("status-unknown-measure.hint")),
            )
            continue
        status = _STATUS_ALIASES.get(status_text.lower())
        if status is None:
            diagnose(
                "status-invalid-status",
                "error",
                line,
                status_column + 1,
                "status",
                template("status-invalid-status", status=status_text),
                template("status-invalid-status.hint"),
            )
            continue
        if measure_id in statuses:
            first = statuses[measure_id].line
            diagnose(
                "status-duplicate",
                "warning",
                line,
                id_column + 1,
                "measure",
                template("status-duplicate", id=measure_id, first=first),
            )
        statuses[measure_id] = MeasureStatus(measure_id, status, note, name, line)
    ordered = {key: statuses[key] for key in known if key in statuses}
    return MeasuresStatus(name, ordered, tuple(diagnostics), rows)
