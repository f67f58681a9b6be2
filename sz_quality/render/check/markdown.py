"""`szq check --format markdown`: a heading and a table per group, for a progress report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...check.results import Report
from ..markdown_escape import code_span, escape
from ..result_row import column_labels, columns, row_cells
from ..verdict_words import word
from .summary import (
    diagnostic_line,
    footnote,
    group_heading,
    input_line,
    summary_text,
    title,
)

if TYPE_CHECKING:
    from .dispatch import RenderOptions

__all__ = ["render"]


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    labels = column_labels(lang)
    keys = columns(report)  # with a yearly plan, its columns too
    lines = [f"# {title(report, lang)}", ""]
    for summary in report.inputs:
        lines.append(f"- {escape(input_line(summary, lang), line_start=True)}")
    if report.diagnostics:
        lines.append("")
        for diagnostic in report.diagnostics:
            lines.append(f"- {code_span(diagnostic_line(diagnostic, lang))}")
    if report.inputs or report.diagnostics:
        lines.append("")
    inferred = False
    for group in report.groups(options.by):
        lines.append(f"## {escape(group_heading(group, lang))}")
        lines.append("")
        lines.append("| " + " | ".join(escape(labels[key]) for key in keys) + " |")
        lines.append("|" + "|".join("---" for _ in keys) + "|")
        for result in group.results:
            inferred = inferred or result.lead_agencies_inferred
            cells = row_cells(result, lang, keys)  # every column of render/result_row.py
            lines.append("| " + " | ".join(escape(cell) for cell in cells) + " |")
        lines.append("")
        lines.append(f"**{escape(summary_text(group.counts, group.total, lang))}**")
        lines.append("")
    total = word("total", lang)
    overall = summary_text(report.summary, len(report.results), lang)
    lines.append(f"**{escape(total)}: {escape(overall)}**")
    if inferred:
        lines.extend(["", escape(footnote(lang), line_start=True)])
    return "\n".join(lines) + "\n"
