"""`szq check` for people: a table per group, statuses in colour, a summary line each.

Drawn with render/grid.py rather than rich's Table: rich took ~0.3 s to lay out a full
report, more than the whole start-up budget of `szq check` (see grid.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...check.results import Report, Status
from ...report.colours import STATUS_PALETTE
from ..grid import STYLES, Cell, Column, render_grid
from ..result_row import ROW, column_labels, details, target_name
from ..verdict_words import word
from .summary import (
    diagnostic_line,
    footnote,
    group_heading,
    input_line,
    overview_lines,
    summary_text,
    title,
)

if TYPE_CHECKING:
    from .dispatch import RenderOptions

__all__ = ["STATUS_STYLES", "render"]

STATUS_STYLES: dict[Status, str] = {s: c.terminal for s, c in STATUS_PALETTE.items()}

# (label key, width, justification); the target's name takes what the others leave
_FIXED: tuple[tuple[str, int, str], ...] = (
    ("target_value", 15, "left"),
    ("actual", 15, "left"),
    ("status", 9, "left"),
    ("gap", 13, "right"),
    ("progress", 8, "right"),
    ("trend", 12, "left"),
)
# a check with a yearly plan: the sub-target for the year and the verdict against it
_YEARLY: tuple[tuple[str, int, str], ...] = (
    ("yearly_target", 15, "left"),
    ("yearly_status", 9, "left"),
)
_MIN_NAME = 24


def _columns(
    labels: dict[str, str], total: int, fixed_columns: tuple[tuple[str, int, str], ...]
) -> list[Column]:
    borders = 3 * (len(fixed_columns) + 1) + 1
    fixed = sum(width for _, width, _ in fixed_columns)
    name = Column(labels["target"], max(total - fixed - borders, _MIN_NAME))
    return [name, *(Column(labels[key], width, justify) for key, width, justify in fixed_columns)]


def _styled(text: str, style: str, color: bool) -> str:
    return f"{STYLES[style]}{text}\x1b[0m" if color else text


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    color = options.color
    labels = column_labels(lang)
    fixed_columns = (*_FIXED, *_YEARLY) if report.yearly_plan else _FIXED
    columns = _columns(labels, options.width, fixed_columns)
    out = [_styled(title(report, lang), "bold", color)]
    out.extend(_styled(line, "bold", color) for line in overview_lines(report, lang))
    out.extend(input_line(summary, lang) for summary in report.inputs)
    for diagnostic in report.diagnostics:
        style = "red" if diagnostic.severity == "error" else "yellow"
        out.append(_styled(diagnostic_line(diagnostic, lang), style, color))
    inferred = False
    for group in report.groups(options.by):
        rows = []
        for result in group.results:
            inferred = inferred or result.lead_agencies_inferred
            # the target's name, and under it why, what is still needed, the caveats
            name = "\n".join([target_name(result, lang), *details(result, lang, reason_mark="↳ ")])
            cells = [Cell(name)]
            for key, _, _ in fixed_columns:
                shade = STATUS_STYLES[result.status] if key == "status" else None
                cells.append(Cell(ROW[key](result, lang), shade))
            rows.append(cells)
        out.append("")
        out.append(_styled(group_heading(group, lang), "bold", color))
        out.append(render_grid(columns, rows, color=color, degrade=options.degrade).rstrip("\n"))
        out.append(summary_text(group.counts, group.total, lang))
    out.append("")
    total = word("total", lang)
    out.append(
        _styled(
            f"{total}: {summary_text(report.summary, len(report.results), lang)}", "bold", color
        )
    )
    if inferred:
        out.append(_styled(footnote(lang), "dim", color))
    return "\n".join(out) + "\n"
