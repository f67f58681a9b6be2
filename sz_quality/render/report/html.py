"""The annual report as one self-contained HTML file (templates/report.html.j2)."""

from __future__ import annotations

from ...report.model import AnnualReport
from .svg_charts import chart_svgs
from .templating import context, environment

__all__ = ["render_html"]


def render_html(annual: AnnualReport) -> str:
    """One self-contained HTML file: inline CSS, charts as inline SVG, no network."""
    from markupsafe import Markup

    names = context(annual)
    # the SVGs are szq's own XML (report/svg.py escapes every text in them)
    names["svg"] = {key: Markup(value) for key, value in chart_svgs(annual).items()}
    return str(environment().get_template("report.html.j2").render(names))
