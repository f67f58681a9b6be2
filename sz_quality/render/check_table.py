"""`szq check` for people: a rich table per group, statuses in colour, a summary line each."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..report_model import Report, Status
from .check_common import (
    RenderOptions,
    actual_text,
    column_labels,
    diagnostic_line,
    footnote,
    gap_text,
    group_heading,
    input_line,
    progress_text,
    status_label,
    summary_text,
    target_name,
    target_text,
    title,
    trend_text,
)

__all__ = ["STATUS_STYLES", "render"]

STATUS_STYLES: dict[Status, str] = {
    "met": "bold green",
    "not_met": "bold red",
    "on_track": "green",
    "off_track": "yellow",
    "no_data": "dim",
    "not_assessable": "magenta",
}


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    labels = column_labels(lang)
    console.print(Text(title(report, lang), style="bold"))
    for summary in report.inputs:
        console.print(Text(input_line(summary, lang)))
    for diagnostic in report.diagnostics:
        style = "red" if diagnostic.severity == "error" else "yellow"
        console.print(Text(diagnostic_line(diagnostic), style=style))
    inferred = False
    for group in report.groups(options.by):
        table = Table(
            title=group_heading(group, lang),
            title_justify="left",
            title_style="bold",
            expand=False,
            show_lines=False,
        )
        table.add_column(labels["target"], ratio=3, overflow="fold")
        table.add_column(labels["target_value"], overflow="fold")
        table.add_column(labels["actual"], overflow="fold")
        table.add_column(labels["status"], no_wrap=True)
        table.add_column(labels["gap"], justify="right", overflow="fold")
        table.add_column(labels["progress"], justify="right", no_wrap=True)
        table.add_column(labels["trend"], overflow="fold")
        table.add_column(labels["note"], ratio=2, overflow="fold")
        for result in group.results:
            inferred = inferred or result.lead_agencies_inferred
            table.add_row(
                target_name(result, lang),
                target_text(result, lang),
                actual_text(result),
                Text(status_label(result.status, lang), style=STATUS_STYLES[result.status]),
                gap_text(result, lang),
                progress_text(result),
                trend_text(result, lang),
                result.reason or "",
            )
        console.print()
        console.print(table)
        console.print(Text(summary_text(group.counts, group.total, lang)))
    console.print()
    total = "合计" if lang == "zh" else "Total"
    console.print(
        Text(f"{total}: {summary_text(report.summary, len(report.results), lang)}", style="bold")
    )
    if inferred:
        console.print(Text(footnote(lang), style="dim"))
    return buffer.getvalue()
