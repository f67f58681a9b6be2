"""The annual report as GitHub-flavoured Markdown (templates/report.md.j2)."""

from __future__ import annotations

from ..report.model import AnnualReport
from .report_common import context, environment

__all__ = ["render_markdown"]


def render_markdown(annual: AnnualReport, charts_dir: str) -> str:
    """GitHub-flavoured Markdown; the charts are referenced as `charts_dir/<id>.svg`.

    The SVG files themselves are written by report_writer.py (report_charts.chart_svgs).
    """
    names = context(annual)
    names["charts_dir"] = charts_dir
    return str(environment().get_template("report.md.j2").render(names))
