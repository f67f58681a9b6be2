"""The colours of the statuses: one table for every output that shows one.

`szq check`'s table (terminal styles), its workbook (cell fill and font), the annual
report's charts (SVG and Word) and the HTML report's badges all read STATUS_PALETTE, so a
status changes colour in one place. A status has a colour per medium: a badge carries
white text, so its colour is darker than the chart's (WCAG AA contrast); a workbook cell
is a pale fill under dark text, as a spreadsheet's own conditional formats are.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check.results import Status

__all__ = ["MEASURE_BADGES", "STATUS_PALETTE", "StatusColour", "chart_colours"]


@dataclass(frozen=True)
class StatusColour:
    chart: str  # a chart's line, bar or tint (SVG, Word) and a Word cell's shading
    badge: str  # the HTML report's badge, white text on it
    terminal: str  # a style as render/grid.py's sgr reads it ("bold" first when bold)
    fill: str  # a workbook cell's background
    font: str  # and its text

    @property
    def bold(self) -> bool:
        return self.terminal.startswith("bold")


STATUS_PALETTE: dict[Status, StatusColour] = {
    "met": StatusColour("#1a7f37", "#1a7f37", "bold green", "#C6EFCE", "#006100"),
    "not_met": StatusColour("#cf222e", "#cf222e", "bold red", "#FFC7CE", "#9C0006"),
    "on_track": StatusColour("#2da44e", "#2da44e", "green", "#C6EFCE", "#006100"),
    "off_track": StatusColour("#bf8700", "#9a6700", "yellow", "#FFEB9C", "#9C5700"),
    "no_data": StatusColour("#8c959f", "#6e7781", "dim", "#EDEDED", "#595959"),
    "not_assessable": StatusColour("#8c959f", "#6e7781", "magenta", "#E4DFEC", "#60497A"),
}

# a measure's status, as the HTML report's badge shows it (white text)
MEASURE_BADGES: dict[str, str] = {
    "done": "#1a7f37",
    "in_progress": "#0969da",
    "not_started": "#9a6700",
    "not_reported": "#6e7781",
}


def chart_colours() -> dict[str, str]:
    """status -> the colour a chart draws it in."""
    return {status: colour.chart for status, colour in STATUS_PALETTE.items()}
