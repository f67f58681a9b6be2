"""The annual report's pages from its Jinja templates, and its charts as SVG.

`render_html` writes one self-contained HTML file (templates/report.html.j2): inline CSS,
the charts as inline SVG, no network. `render_markdown` writes GitHub-flavoured Markdown
(templates/report.md.j2), escaped for Markdown, not for HTML: the template pipes every
text through `md` (markdown_escape.escape), whose result is marked safe so that Jinja's
autoescape leaves it alone. Autoescape stays on as a net: a value the template forgot to
pipe is HTML-escaped, which Markdown still shows as its text (never as a tag).
`chart_svgs` draws the charts (report/charts.py) with the words of words.py.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...report.charts import (
    TARGET_LEGEND,
    StatusChart,
    statuses_svg,
    target_svg,
)
from ...report.model import AnnualReport
from ..format import format_number
from ..markdown_escape import escape, link_target
from ..verdict_words import status_word, word
from .templating import context, environment

__all__ = ["chart_svgs", "render_html", "render_markdown"]


def chart_svgs(annual: AnnualReport) -> dict[str, str]:
    """Chart id -> SVG, for every chart of the report (none when it was built without)."""
    lang = annual.lang
    labels = tuple(word(key, lang) for key in TARGET_LEGEND)
    svgs: dict[str, str] = {}
    for chart_id, spec in annual.charts.items():
        if isinstance(spec, StatusChart):
            words = tuple(status_word(status, lang) for status, _ in spec.rows[0][1])
            svgs[chart_id] = statuses_svg(replace(spec, labels=words))
        else:
            svgs[chart_id] = target_svg(replace(spec, labels=labels), _axis_number)
    return svgs


def _axis_number(value: float) -> str:
    return format_number(value)


def render_html(annual: AnnualReport) -> str:
    """One self-contained HTML file: inline CSS, charts as inline SVG, no network."""
    from markupsafe import Markup

    names = context(annual)
    # the SVGs are szq's own XML (report/svg.py escapes every text in them)
    names["svg"] = {key: Markup(value) for key, value in chart_svgs(annual).items()}
    return str(environment().get_template("report.html.j2").render(names))


def render_markdown(annual: AnnualReport, charts_dir: str) -> str:
    """GitHub-flavoured Markdown; the charts are referenced as `charts_dir/<id>.svg`.

    The SVG files themselves are written by writer.py (chart_svgs).
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
