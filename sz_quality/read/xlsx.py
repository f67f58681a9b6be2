"""The .xlsx driver: the chosen sheet's rows, as a CSV's would be (a line is the row number)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from .cells import cell_text
from .diagnostics import template
from .findings import SourceFile
from .layout import Layout, check_has_rows, read_layout

if TYPE_CHECKING:
    from .session import Progress, Session

__all__ = ["read_xlsx"]


def read_xlsx(
    session: Session,
    file: SourceFile,
    sheet: str | None,
    progress: Progress | None,
    content: BinaryIO | None = None,
) -> None:
    """Read a workbook from its path, or from `content` (one read from a pipe)."""
    findings = session.findings
    file.sheet = True
    try:
        import openpyxl
    except ImportError:
        findings.emit(
            file,
            "bad-file",
            None,
            None,
            None,
            template("xlsx-missing"),
            template("xlsx-missing.hint"),
        )
        return
    # a handle: openpyxl judges a path by its suffix
    with content if content is not None else open(file.path, "rb") as handle:
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many types for a damaged or foreign zip
            findings.emit(
                file,
                "bad-file",
                None,
                None,
                None,
                template("bad-xlsx", error=f"{type(error).__name__}: {error}"),
                template("binary.hint"),
            )
            return
        try:
            _read_sheet(session, file, workbook, sheet, progress)
        except (OSError, KeyError, ValueError, TypeError, IndexError, EOFError) as error:
            # a damaged sheet inside a readable zip
            findings.emit(
                file,
                "bad-file",
                None,
                None,
                None,
                template("bad-xlsx", error=f"{type(error).__name__}: {error}"),
            )
        finally:
            workbook.close()


def _read_sheet(
    session: Session,
    file: SourceFile,
    workbook: object,
    sheet: str | None,
    progress: Progress | None,
) -> None:
    findings = session.findings
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
        findings.emit(
            file,
            "bad-file",
            None,
            None,
            None,
            template("no-sheet", sheet=sheet or ""),
            template("no-sheet.hint", sheets=", ".join(names)),
        )
        return
    start = getattr(chosen, "min_row", 1) or 1
    total = getattr(chosen, "max_row", 0) or 0
    rows: Iterator[tuple[object, ...]] = chosen.iter_rows(values_only=True)  # type: ignore[attr-defined]
    layout: Layout | None = None
    checker = session.rows
    for offset, values in enumerate(rows):
        line = start + offset
        cells = [cell_text(value) for value in values]
        while cells and not cells[-1].strip():
            cells.pop()
        if progress is not None and offset % 1000 == 0:
            progress(file.path, offset, total)
        if layout is None:
            if not cells:
                continue
            layout = read_layout(findings, file, cells, line)
            continue
        if not layout.ncols:
            file.reject()
            continue
        if layout.kind == "long":
            checker.long_row(file, layout, cells, line)
        else:
            checker.wide_row(file, layout, cells, line)
    check_has_rows(findings, file, layout)
