"""What the reader's tests share: the test registry's folder, a header, and reading a tiny
file with every row accounted for."""

from __future__ import annotations

from pathlib import Path

from sz_quality.plan.lookup import Lookup
from sz_quality.read.observations import ReadResult
from sz_quality.read.reader import read_files
from sz_quality.read.reading import READ_DEFAULTS, ReadOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "validate"
HEADER = "indicator,year,value,unit,region\n"


def write(tmp_path: Path, content: str | bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def check(result: ReadResult) -> ReadResult:
    """Every row is accounted for."""
    for summary in result.inputs:
        assert summary.rows == summary.accepted + summary.rejected, summary
    return result


def read(
    lookup: Lookup,
    tmp_path: Path,
    content: str | bytes,
    reading: ReadOptions = READ_DEFAULTS,
    name: str = "data.csv",
) -> ReadResult:
    return check(read_files([write(tmp_path, content, name)], lookup, reading))


def found(result: ReadResult) -> list[tuple[str, str, int | None, int | None]]:
    return [(d.code, d.severity, d.line, d.column) for d in result.diagnostics]
