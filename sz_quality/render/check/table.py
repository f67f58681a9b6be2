"""`szq check` for people: a table per group, statuses in colour, a summary line each.

By default a target is at most three lines: its details (why, what is still needed, the
data's caveats) are numbered footnotes under its group's table, and the targets without
data are named in one line; `--explain` (RenderOptions.explain) puts every detail under
the target's name in the table, as szq did before.

Drawn with render/grid.py rather than rich's Table: rich took ~0.3 s to lay out a full
report, more than the whole start-up budget of `szq check` (see grid.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...check.results import Report, Result, Status
from ...plan.lang import Lang
from ...report.colours import STATUS_PALETTE
from ..grid import Cell, Column, Ink, render_fitted, sgr, wrap
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
_MAX_LINES = 3  # of a target's row by default
Fixed = tuple[tuple[str, int, str], ...]


def _columns(labels: dict[str, str], total: int, shown: Fixed = _FIXED) -> list[Column]:
    borders = 3 * (len(shown) + 1) + 1
    fixed = sum(width for _, width, _ in shown)
    name = Column(labels["target"], max(total - fixed - borders, _MIN_NAME))
    return [name, *(Column(labels[key], width, justify) for key, width, justify in shown)]


def _styled(text: str, style: str, color: bool) -> str:
    return f"{sgr(style)}{text}\x1b[0m" if color else text


def _row(result: Result, lang: Lang, name: str, shown: Fixed = _FIXED) -> list[Cell]:
    cells = [Cell(name)]
    for key, _, _ in shown:
        shade = STATUS_STYLES[result.status] if key == "status" else None
        cells.append(Cell(ROW[key](result, lang), shade))
    return cells


def _explained(result: Result, lang: Lang) -> str:
    """The target's name, and under it why, what is still needed, the caveats."""
    return "\n".join([target_name(result, lang), *details(result, lang, reason_mark="↳ ")])


def _compact(
    results: Sequence[Result], lang: Lang, name_width: int = 1000, shown: Fixed = _FIXED
) -> tuple[list[list[Cell]], list[str], list[str]]:
    """A group's rows at most three lines high: a target with data is a row whose name
    cites its details (why, what is still needed, the data's caveats) as numbered
    footnotes under the table; the targets without data are named in one line. A name
    longer than three lines of `name_width` is cut there and given whole in a footnote."""
    rows: list[list[Cell]] = []
    notes: list[str] = []
    without: list[str] = []
    for result in results:
        if result.status == "no_data":
            without.append(target_name(result, lang))
            continue
        name = target_name(result, lang)
        lines = details(result, lang, reason_mark="↳ ")
        marks = f" [{len(notes) + 1}-{len(notes) + len(lines) + 1}]"
        if len(wrap(name + marks, name_width)) > _MAX_LINES:
            lines.insert(0, name)  # whole, first of its footnotes
            name = _cut(name, name_width, marks)
        numbers = []
        for line in lines:
            notes.append(f"[{len(notes) + 1}] {line}")
            numbers.append(len(notes))
        if numbers:
            name += f" [{_span(numbers)}]"
        rows.append(_row(result, lang, name, shown))
    return rows, notes, without


def _span(numbers: Sequence[int]) -> str:
    """1 or 1,2 or 1-3: the footnotes of a target, always consecutive."""
    if len(numbers) > 2:
        return f"{numbers[0]}-{numbers[-1]}"
    return ",".join(str(number) for number in numbers)


def _cut(name: str, width: int, marks: str) -> str:
    """The name cut to fit three lines of `width` with its footnote marks after it."""
    while name and len(wrap(f"{name}…{marks}", width)) > _MAX_LINES:
        name = name[:-1]
    return f"{name.rstrip()}…"


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    color = options.color
    labels = column_labels(lang)
    shown = (*_FIXED, *_YEARLY) if report.yearly_plan else _FIXED  # with a plan, its columns
    columns = _columns(labels, options.width, shown)
    out = [_styled(title(report, lang), "bold", color)]
    out.extend(_styled(line, "bold", color) for line in overview_lines(report, lang))
    out.extend(input_line(summary, lang) for summary in report.inputs)
    for diagnostic in report.diagnostics:
        style = "red" if diagnostic.severity == "error" else "yellow"
        out.append(_styled(diagnostic_line(diagnostic, lang), style, color))
    inferred = False
    for group in report.groups(options.by):
        inferred = inferred or any(r.lead_agencies_inferred for r in group.results)
        out.append("")
        out.append(_styled(group_heading(group, lang), "bold", color))
        if options.explain:
            rows = [_row(result, lang, _explained(result, lang), shown) for result in group.results]
            notes: list[str] = []
            without: list[str] = []
        else:
            rows, notes, without = _compact(group.results, lang, columns[0].width, shown)
        if rows:
            # the grid, or the rows stacked on a terminal narrower than the grid
            grid = render_fitted(columns, rows, options.width, Ink(color, options.degrade))
            out.append(grid.rstrip("\n"))
        # footnotes and the line of targets without data, wrapped to the table's width
        for note in notes:
            out.extend(_styled(line, "dim", color) for line in wrap(note, options.width))
        if without:
            names = word("list.separator", lang).join(without)
            line = word("check.without_data", lang, count=len(without), names=names)
            out.extend(wrap(line, options.width, break_wide=True))
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
