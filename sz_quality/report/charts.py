"""Charts of the annual report, drawn as small deterministic SVG (report/svg.py).

- One chart per target with several years of data: the series, the target's path from
  the baseline value to the target (straight, 时间过半、任务过半, or compound, the same
  growth every year), the target line (a band for a
  range), and the target year.
- One overall picture: each chapter's targets stacked by status, the counts written.

Text is text: titles, legends and axis labels are SVG `<text>` in a CJK-capable font
stack (svg.FONT_STACK), drawn by the reader's browser. The machine that writes the
report needs no font at all, and no charting library: the two examples' report draws
its 18 charts in a few milliseconds (matplotlib took 1.5-2.5 s, most of `szq report`).
The same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..words import word
from .colours import chart_colours
from .svg import Svg, nice_ticks, text_width

__all__ = [
    "TARGET_LEGEND",
    "STATUS_COLOURS",
    "ReportExtraMissing",
    "StatusChart",
    "TargetChart",
    "statuses_svg",
    "target_svg",
]

INSTALL_HINT = "pip install 'sz-quality[report]'"

STATUS_COLOURS: dict[str, str] = chart_colours()  # report/colours.py


class ReportExtraMissing(ImportError):
    """jinja2 is not installed: the report needs the `report` extra."""

    def __init__(self, name: str) -> None:
        super().__init__(f"the report needs {name}: {INSTALL_HINT}")
        self.name = name


# the keys of the legend's words (sz_quality.words) of a target's chart
TARGET_LEGEND = ("chart.data", "chart.path", "chart.target", "chart.target_year")
_TARGET_LEGEND_EN = tuple(word(key, "en") for key in TARGET_LEGEND)


@dataclass(frozen=True)
class TargetChart:
    """What a target's chart shows; values in the target's unit."""

    chart_id: str
    title: str
    unit: str
    history: tuple[tuple[int, float], ...]
    baseline_year: int
    baseline_value: float | None
    target_year: int
    target_value: float | None
    target_min: float | None = None
    target_max: float | None = None
    year: int | None = None  # the report's year, marked when inside the period
    status: str = "no_data"
    labels: tuple[str, ...] = _TARGET_LEGEND_EN
    path: str = "straight"  # the target's path (docs/rules.md, section 4)


NumberFormat = Callable[[float], str]


def _plain_number(value: float) -> str:
    return f"{value:,.10g}"


def _fit(text: str, size: float, room: float) -> str:
    """`text`, cut with … where it would be wider than `room`."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


# the target's line: dashed, in a colour that is no status's (the data take the status's)
_TARGET, _TARGET_DASH = "#8250df", "6 3"
_COMPOUND_DASH = "2 2"  # a compound path, told from the straight path's "5 3"

# the target chart's frame (px): a 640 × 320 picture, the plot inside these margins
_WIDTH, _HEIGHT = 640, 320
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 20, 52, 62


def target_svg(chart: TargetChart, number: NumberFormat = _plain_number) -> str:
    """The SVG of one target's chart; `number` writes the figures of the value axis."""
    svg = Svg(chart.chart_id, _WIDTH, _HEIGHT, chart.title)
    data_label, path_label, target_label, year_label = chart.labels
    years = [year for year, _ in chart.history]
    values = [value for _, value in chart.history]
    levels = [
        *values,
        *(
            v
            for v in (chart.baseline_value, chart.target_value, chart.target_min, chart.target_max)
            if v is not None
        ),
    ]
    low, high = (min(levels), max(levels)) if levels else (0.0, 1.0)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    ticks = nice_ticks(low - pad, high + pad)
    y_low, y_high = min(ticks[0], low - pad), max(ticks[-1], high + pad)
    first_year = min([chart.baseline_year, *years])
    last_year = max([chart.target_year, *years])
    x_low, x_high = first_year - 0.5, last_year + 0.5
    plot_right, plot_bottom = _WIDTH - _RIGHT, _HEIGHT - _BOTTOM

    def x(year: float) -> float:
        return _LEFT + (year - x_low) / (x_high - x_low) * (plot_right - _LEFT)

    def y(value: float) -> float:
        return plot_bottom - (value - y_low) / (y_high - y_low) * (plot_bottom - _TOP)

    svg.text(12, 20, _fit(chart.title, 13, _WIDTH - 24), size=13, bold=True)
    svg.text(12, 40, chart.unit, size=10, colour="#57606a")
    for tick in ticks:
        svg.line(_LEFT, y(tick), plot_right, y(tick), "#d0d7de", width=0.5)
        svg.text(_LEFT - 6, y(tick) + 3.5, number(tick), size=10, anchor="end", colour="#57606a")
    step = max(1, (last_year - first_year) // 10 + 1)
    for year in range(first_year, last_year + 1, step):
        svg.line(x(year), plot_bottom, x(year), plot_bottom + 4, "#57606a", width=0.8)
        svg.text(x(year), plot_bottom + 16, str(year), size=10, anchor="middle", colour="#57606a")
    svg.line(_LEFT, plot_bottom, plot_right, plot_bottom, "#57606a", width=0.8)
    svg.line(_LEFT, _TOP, _LEFT, plot_bottom, "#57606a", width=0.8)

    legend: list[tuple[str, str, str | None]] = []  # label, colour, dash
    if chart.target_min is not None and chart.target_max is not None:
        top, bottom = y(chart.target_max), y(chart.target_min)
        svg.rect(_LEFT, top, plot_right - _LEFT, bottom - top, _TARGET, opacity=0.12)
        legend.append((target_label, _TARGET, None))
    elif chart.target_value is not None:
        # the target: dashed, in a colour no status takes, its figure written at its end
        level = y(chart.target_value)
        svg.line(_LEFT, level, plot_right, level, _TARGET, width=1.2, dash=_TARGET_DASH)
        figure = number(chart.target_value)
        svg.text(plot_right - 2, level - 4, figure, size=10, anchor="end", colour=_TARGET)
        legend.append((target_label, _TARGET, _TARGET_DASH))
    base, goal = chart.baseline_value, chart.target_value
    if base is not None and goal is not None:
        if chart.path == "compound" and base > 0 and goal > 0:
            span = chart.target_year - chart.baseline_year
            points = [
                (x(year), y(base * (goal / base) ** ((year - chart.baseline_year) / span)))
                for year in range(chart.baseline_year, chart.target_year + 1)
            ]
            # a compound path: a curve, in its own dash, so that it is told from a straight one
            svg.polyline(points, "#6e7781", width=1.0, dash=_COMPOUND_DASH)
            legend.append((path_label, "#6e7781", _COMPOUND_DASH))
        else:
            line_from = (x(chart.baseline_year), y(base))
            svg.line(*line_from, x(chart.target_year), y(goal), "#6e7781", dash="5 3")
            legend.append((path_label, "#6e7781", "5 3"))
    svg.line(
        x(chart.target_year),
        _TOP,
        x(chart.target_year),
        plot_bottom,
        "#6e7781",
        width=0.8,
        dash="1.5 2",
    )
    legend.append((year_label, "#6e7781", "1.5 2"))
    colour = STATUS_COLOURS.get(chart.status, "#0969da")
    if len(values) > 1:
        svg.polyline([(x(year), y(value)) for year, value in chart.history], colour)
    for year, value in chart.history:
        svg.circle(x(year), y(value), 3.2, colour)
    if chart.history:  # the last value, written beside its point
        last_year, last = chart.history[-1]
        svg.text(x(last_year), y(last) - 8, number(last), size=10, anchor="middle", bold=True)
    legend.append((data_label, colour, None))

    left = float(_LEFT)
    for label, swatch, dash in legend:
        svg.line(left, _HEIGHT - 18, left + 22, _HEIGHT - 18, swatch, width=2, dash=dash)
        svg.text(left + 27, _HEIGHT - 14, label, size=10)
        left += 40 + text_width(label, 10)
    return svg.render()


@dataclass(frozen=True)
class StatusChart:
    """The evaluation report's overall picture: each chapter's targets stacked by status.
    `rows`: (chapter, ((status, count), …)); `labels`: the statuses' words, in the
    order of the first row's statuses (render/report_charts.py sets them)."""

    chart_id: str
    title: str
    rows: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    labels: tuple[str, ...] = ()


_STACK_LABELS, _STACK_ROW = 200, 24


def statuses_svg(chart: StatusChart) -> str:
    """Stacked bars, one per chapter, each status's count written in its segment."""
    top = 44
    bottom = top + _STACK_ROW * max(1, len(chart.rows))
    height = bottom + 40
    svg = Svg(chart.chart_id, _WIDTH, height, chart.title)
    svg.text(12, 22, _fit(chart.title, 13, _WIDTH - 24), size=13, bold=True)
    right = _WIDTH - 20
    most = max((sum(n for _, n in counts) for _, counts in chart.rows), default=1) or 1
    scale = (right - _STACK_LABELS) / most
    for index, (label, counts) in enumerate(chart.rows):
        y = top + _STACK_ROW * index
        svg.text(
            _STACK_LABELS - 8, y + 16, _fit(label, 11, _STACK_LABELS - 16), size=11, anchor="end"
        )
        x = float(_STACK_LABELS)
        for status, count in counts:
            if not count:
                continue
            width = count * scale
            svg.rect(x, y + 4, width, _STACK_ROW - 8, STATUS_COLOURS.get(status, "#8c959f"))
            if width >= 14:
                svg.text(
                    x + width / 2, y + 16, str(count), size=10, anchor="middle", colour="#ffffff"
                )
            x += width
    left = float(_STACK_LABELS)
    statuses = [status for status, _ in chart.rows[0][1]] if chart.rows else []
    for status, label in zip(statuses, chart.labels, strict=False):
        svg.rect(left, height - 26, 10, 10, STATUS_COLOURS.get(status, "#8c959f"))
        svg.text(left + 14, height - 17, label, size=10)
        left += 24 + text_width(label, 10)
    return svg.render()
