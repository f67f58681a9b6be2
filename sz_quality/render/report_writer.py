"""Write the annual report's files: the report itself and, for Markdown, its charts.

Every file is written atomically. `write_report` is the library's one-call convenience
(build, render, write), and what `szq report` calls.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ..atomic import write_text_atomic
from ..check.results import Report
from ..plan.lang import Lang
from ..plan.measures import MeasureRegistry
from ..plan.registry import Registry
from ..read.measures_status import MeasuresStatus
from ..read.observations import ReadResult
from ..report.build import build_report
from ..report.model import AnnualReport

__all__ = ["FORMATS", "ReportFormat", "format_for", "write_annual_report", "write_report"]

ReportFormat = Literal["html", "md", "json", "docx"]
FORMATS: tuple[ReportFormat, ...] = ("html", "md", "json", "docx")


def format_for(path: str | os.PathLike[str], explicit: str | None = None) -> ReportFormat:
    """The format named by `explicit`, else by the file's suffix (.html/.htm, .md, .json,
    .docx)."""
    if explicit is not None:
        chosen = explicit.lower().lstrip(".")
        chosen = {"htm": "html", "markdown": "md"}.get(chosen, chosen)
        if chosen not in FORMATS:
            raise ValueError(f"unknown report format {explicit!r}: use html, md, json or docx")
        return chosen
    suffix = Path(path).suffix.lower()
    found = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md",
             ".json": "json", ".docx": "docx"}.get(suffix)
    if found is None:
        raise ValueError(
            f"cannot tell the report format from {str(path)!r}: name it .html, .md, .json or "
            ".docx, "
            "or give --format"
        )
    return found  # type: ignore[return-value]


def write_annual_report(path: str | os.PathLike[str], annual: AnnualReport,
                        chosen: ReportFormat) -> list[Path]:
    """Render `annual` as `chosen` into `path`; returns the files written, the report first.

    Markdown writes its charts as SVG files in `<stem>_charts/` beside it (stale SVGs of an
    earlier run are removed from that folder).
    """
    target = Path(path)
    written: list[Path] = []
    if chosen == "json":
        from .report_json import report_json

        write_text_atomic(target, report_json(annual))
    elif chosen == "docx":
        from ..atomic import write_bytes_atomic
        from .report_docx import render_docx

        write_bytes_atomic(target, render_docx(annual))
    elif chosen == "html":
        from .report_html import render_html

        write_text_atomic(target, render_html(annual))
    else:
        from .report_charts import chart_svgs
        from .report_markdown import render_markdown

        folder_name = f"{target.stem}_charts"
        folder = target.parent / folder_name
        svgs = chart_svgs(annual)
        if svgs:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.svg"):
                if old.stem not in svgs:
                    old.unlink()
            for chart_id, svg in sorted(svgs.items()):
                chart_path = folder / f"{chart_id}.svg"
                write_text_atomic(chart_path, svg)
                written.append(chart_path)
        write_text_atomic(target, render_markdown(annual, folder_name))
    written.insert(0, target)
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
) -> tuple[AnnualReport, list[Path]]:
    """Build the report and write it to `path` atomically; returns it and the files written.

    The format is `fmt` (html, md, json), else the one `path`'s suffix names.
    """
    chosen = format_for(path, fmt)
    annual = build_report(report, registry, measures=measures,
                          measures_status=measures_status, data=data, lang=lang,
                          stamp=stamp, charts=chosen != "json")
    return annual, write_annual_report(path, annual, chosen)
