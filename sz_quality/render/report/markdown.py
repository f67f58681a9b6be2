"""The annual report as GitHub-flavoured Markdown (templates/report.md.j2).

Escaped for Markdown, not for HTML: the template pipes every text through `md`
(markdown.escape), whose result is marked safe so that Jinja's autoescape leaves it
alone. Autoescape stays on as a net: a value the template forgot to pipe is HTML-escaped,
which Markdown still shows as its text (never as a tag).
"""

from __future__ import annotations

from typing import Any

from ...report.model import AnnualReport
from ..markdown_escape import escape, link_target
from ..verdict_words import word
from .templating import context, environment

__all__ = ["render_markdown"]


def render_markdown(annual: AnnualReport, charts_dir: str) -> str:
    """GitHub-flavoured Markdown; the charts are referenced as `charts_dir/<id>.svg`.

    The SVG files themselves are written by writer.py (svg_charts.chart_svgs).
    """
    from markupsafe import Markup

    def md(value: Any) -> Any:
        if hasattr(value, "__html__"):  # already Markdown: a word, a macro's output
            return value
        return Markup(escape(value))

    def w(key: str, **fields: object) -> Any:
        # a word may start a line (a paragraph, a list item)
        return Markup(escape(word(key, annual.lang, **fields), line_start=True))

    names = context(annual)
    names["w"] = w
    names["charts_dir"] = link_target(charts_dir)
    templates = environment()
    templates.filters["md"] = md
    return str(templates.get_template("report.md.j2").render(names))
