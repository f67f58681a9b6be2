"""The annual report's output formats, each mapped to its renderer (as check/dispatch.py).

`szq report --format` is ReportFormat. Every renderer takes the report, the name of the
folder its charts go to (Markdown links its SVG charts there) and the options one format
alone uses (ReportOptions: Word's style, author, created date), and gives the file's bytes
and, for Markdown, the charts to write beside it; each format names its renderer (a
Format of render/dispatch.py). The renderers are imported on use and this module imports
nothing else at run time, so that `szq` starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, cast

from ..dispatch import Format

if TYPE_CHECKING:
    from ...report.model import AnnualReport

__all__ = ["RenderedReport", "ReportFormat", "ReportOptions", "ReportRenderer", "renderer_for"]


@dataclass(frozen=True)
class ReportOptions:
    """What one format alone takes: Word's layout (docx_style.STYLES), its author and
    its created date (the document's properties)."""

    style: str = "official"
    author: str | None = None
    created: datetime | None = None


@dataclass(frozen=True)
class RenderedReport:
    """The report file's bytes, and the charts (id -> SVG) that go beside it (Markdown)."""

    data: bytes
    charts: dict[str, str] | None = None


ReportRenderer = Callable[["AnnualReport", str, ReportOptions], RenderedReport]


def _html(annual: AnnualReport, charts_dir: str, options: ReportOptions) -> RenderedReport:
    from .pages import render_html

    return RenderedReport(render_html(annual).encode("utf-8"))


def _markdown(annual: AnnualReport, charts_dir: str, options: ReportOptions) -> RenderedReport:
    from .pages import chart_svgs, render_markdown

    svgs = chart_svgs(annual)
    return RenderedReport(render_markdown(annual, charts_dir).encode("utf-8"), svgs)


def _json(annual: AnnualReport, charts_dir: str, options: ReportOptions) -> RenderedReport:
    from .as_json import report_json

    return RenderedReport(report_json(annual).encode("utf-8"))


def _docx(annual: AnnualReport, charts_dir: str, options: ReportOptions) -> RenderedReport:
    from .docx import STYLES, render_docx

    style = STYLES[options.style]
    return RenderedReport(
        render_docx(annual, style=style, author=options.author, created=options.created)
    )


class ReportFormat(Format):
    html = "html", _html
    md = "md", _markdown
    json = "json", _json
    docx = "docx", _docx


def renderer_for(output_format: ReportFormat) -> ReportRenderer:
    """The function that renders the annual report in `output_format`."""
    return cast("ReportRenderer", output_format.renderer())
