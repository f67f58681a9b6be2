"""Write the annual report's files: the report itself and, for Markdown, its charts.

Every file is written atomically. `write_report` is the library's one-call convenience
(build, render, write), and what `szq report` calls.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ...atomic import folder_lock, write_bytes_atomic, write_text_atomic
from ...check.assess import AssessmentReport
from ...check.results import Report
from ...plan.lang import Lang
from ...plan.measures import MeasureRegistry
from ...plan.registry import Registry
from ...read.measures_status import MeasuresStatus
from ...read.observations import ReadResult
from ...report.build import build_report
from ...report.model import AnnualReport
from ...words import word
from .dispatch import ReportFormat, ReportOptions, renderer_for

__all__ = [
    "FORMATS",
    "MANIFEST",
    "ChartFolderConflict",
    "ReportFormat",
    "ReportFormatError",
    "ReportOptions",
    "charts_folder_for",
    "format_for",
    "write_annual_report",
    "write_charts",
    "write_report",
]

FORMATS: tuple[str, ...] = tuple(choice.value for choice in ReportFormat)


class ReportFormatError(ValueError):
    """No report format is named: `key` of the catalogue of words, with its `fields`."""

    def __init__(self, key: str, **fields: str) -> None:
        super().__init__(word(key, "en", **fields))
        self.key = key
        self.fields = fields


_PLAIN = ReportOptions()  # every format's options at their defaults


MANIFEST = "szq-charts.txt"
_MANIFEST_HEADER = (
    "# The charts szq wrote here for its Markdown report. szq replaces or removes only\n"
    "# the files listed below; any other file in this folder is left alone.\n"
)


class ChartFolderConflict(Exception):
    """A file szq did not write stands where a chart goes: it is not replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists and szq did not write it")
        self.path = path


def _is_device(path: Path) -> bool:
    """A character device, or a link to one (/dev/null, /dev/stdout, a terminal)."""
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


def charts_folder_for(path: str | os.PathLike[str]) -> Path:
    """Where a Markdown report's charts go: `<stem>_charts/` beside it."""
    target = Path(path)
    return target.parent / f"{target.stem}_charts"


def _written_before(folder: Path) -> set[str]:
    """The chart files an earlier run recorded in the folder's manifest."""
    try:
        lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return set()
    # plain .svg names only: an edited manifest never reaches outside the folder
    return {
        line
        for line in lines
        if line.endswith(".svg")
        and not line.startswith((".", "#"))
        and Path(line).name == line
        and "\\" not in line
    }


def _write_manifest(folder: Path, names: set[str]) -> None:
    write_text_atomic(
        folder / MANIFEST, _MANIFEST_HEADER + "".join(f"{name}\n" for name in sorted(names))
    )


def write_charts(folder: Path, svgs: dict[str, str]) -> list[Path]:
    """Write each chart as `<id>.svg` in `folder`; returns the files written.

    A manifest in the folder records what szq wrote: a chart of an earlier run that this
    one no longer draws is removed, a file szq did not write is never replaced
    (ChartFolderConflict, before anything is written) nor removed.
    """
    charts = {f"{chart_id}.svg": svg for chart_id, svg in svgs.items()}
    ours = _written_before(folder)
    if not charts and not ours:
        return []
    for name, svg in sorted(charts.items()):
        path = folder / name
        if name not in ours and (path.is_symlink() or path.exists()):
            same = path.is_file() and path.read_bytes() == svg.encode("utf-8")
            if not same:
                raise ChartFolderConflict(path)
    folder.mkdir(parents=True, exist_ok=True)
    _write_manifest(folder, ours | charts.keys())  # a crash midway still records them
    written: list[Path] = []
    for name, svg in sorted(charts.items()):
        write_text_atomic(folder / name, svg)
        written.append(folder / name)
    for stale in sorted(ours - charts.keys()):
        (folder / stale).unlink(missing_ok=True)
    _write_manifest(folder, set(charts))
    return written


def format_for(path: str | os.PathLike[str], explicit: str | None = None) -> ReportFormat:
    """The format named by `explicit`, else by the file's suffix (.html/.htm, .md, .json,
    .docx)."""
    if explicit is not None:
        chosen = explicit.lower().lstrip(".")
        chosen = {"htm": "html", "markdown": "md"}.get(chosen, chosen)
        if chosen not in FORMATS:
            raise ReportFormatError("report.unknown_format", given=explicit)
        return ReportFormat(chosen)
    suffix = Path(path).suffix.lower()
    found = {
        ".html": "html",
        ".htm": "html",
        ".md": "md",
        ".markdown": "md",
        ".json": "json",
        ".docx": "docx",
    }.get(suffix)
    if found is None:
        raise ReportFormatError("report.format_from_name", path=str(path))
    return ReportFormat(found)


def write_annual_report(
    path: str | os.PathLike[str],
    annual: AnnualReport,
    chosen: ReportFormat,
    options: ReportOptions = _PLAIN,
) -> list[Path]:
    """Render `annual` as `chosen` into `path`; returns the files written, the report first.

    `options`: what one format alone takes (Word's style, author and created date).

    Markdown writes its charts as SVG files in `<stem>_charts/` beside it (`write_charts`:
    szq replaces or removes there only the files it wrote itself), except beside a
    character device (/dev/null, /dev/stdout, a terminal): nothing sits beside one, and a
    folder /dev/null_charts is no one's. Concurrent writers in
    one folder take turns (a lock on the folder): each leaves a consistent set, the
    report with its own charts.
    """
    target = Path(path)
    rendered = renderer_for(ReportFormat(chosen))(annual, charts_folder_for(target).name, options)
    written: list[Path] = [target]
    with folder_lock(target.parent if str(target.parent) else "."):
        if rendered.charts is not None and not _is_device(target):
            written.extend(write_charts(charts_folder_for(target), rendered.charts))
        write_bytes_atomic(target, rendered.data)
    return written


def write_report(
    path: str | os.PathLike[str],
    report: Report,
    registry: Registry,
    *,
    measures: MeasureRegistry | None = None,
    measures_status: MeasuresStatus | None = None,
    data: ReadResult | None = None,
    lang: Lang = "en",
    fmt: str | None = None,
    stamp: str | None = None,
    assessment: AssessmentReport | None = None,
    options: ReportOptions = _PLAIN,
) -> tuple[AnnualReport, list[Path]]:
    """Build the report and write it to `path` atomically; returns it and the files written.

    The format is `fmt` (html, md, json, docx), else the one `path`'s suffix names. Word
    takes `options` (ReportOptions: `style`, official: GB/T 9704, or plain; `author` and
    `created`, its properties).
    """
    chosen = format_for(path, fmt)
    annual = build_report(
        report,
        registry,
        measures=measures,
        measures_status=measures_status,
        data=data,
        lang=lang,
        stamp=stamp,
        charts=chosen != "json",
        assessment=assessment,
    )
    return annual, write_annual_report(path, annual, chosen, options)
