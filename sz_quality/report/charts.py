"""Charts of the annual report, drawn as small deterministic SVG (report/svg.py).

- One chart per target with several years of data: the series, the target's path from
  the baseline value to the target (straight, 时间过半、任务过半, or compound, the same
  growth every year), the target line (a band for a
  range), and the target year.
- One bullet chart per agency: the progress of each of its targets against the share of
  the period elapsed, with the target (100%) marked.

Text is text: titles, legends and axis labels are SVG `<text>` in a CJK-capable font
stack (svg.FONT_STACK), drawn by the reader's browser. The machine that writes the
report needs no font at all, and no charting library: the two examples' report draws
its 18 charts in a few milliseconds (matplotlib took 1.5-2.5 s, most of `szq report`).
The same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..words import word
from .colours import chart_colours
from .svg import Svg, nice_ticks, text_width

__all__ = [
    "BULLET_LEGEND",
    "TARGET_LEGEND",
    "STATUS_COLOURS",
    "AgencyChart",
    "BulletRow",
    "ReportExtraMissing",
    "TargetChart",
    "agency_bullet_svg",
    "target_svg",
]

INSTALL_HINT = "pip install 'sz-quality[report]'"

STATUS_COLOURS: dict[str, str] = chart_colours()  # report/colours.py


class ReportExtraMissing(ImportError):
    """jinja2 is not installed: the report needs the `report` extra."""

    def __init__(self, name: str) -> None:
        super().__init__(f"the report needs {name}: {INSTALL_HINT}")
        self.name = name


# the keys of the legends' words (sz_quality.words): a target's chart, an agency's bullets
TARGET_LEGEND = ("chart.data", "chart.path", "chart.target", "chart.target_year")
BULLET_LEGEND = ("chart.progress", "chart.expected", "status.no_data")
_TARGET_LEGEND_EN = tuple(word(key, "en") for key in TARGET_LEGEND)
_BULLET_LEGEND_EN = tuple(word(key, "en") for key in BULLET_LEGEND)


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


@dataclass(frozen=True)
class BulletRow:
    label: str
    progress: float | None  # 1.0 = reached
    expected: float | None  # the share of the period elapsed
    status: str


@dataclass(frozen=True)
class AgencyChart:
    """What an agency's bullet chart shows (`agency_bullet_svg` draws it)."""

    chart_id: str
    title: str
    rows: tuple[BulletRow, ...]


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
        svg.rect(_LEFT, top, plot_right - _LEFT, bottom - top, "#1a7f37", opacity=0.12)
        legend.append((target_label, "#1a7f37", None))
    elif chart.target_value is not None:
        svg.line(
            _LEFT, y(chart.target_value), plot_right, y(chart.target_value), "#1a7f37", width=1.2
        )
        legend.append((target_label, "#1a7f37", None))
    base, goal = chart.baseline_value, chart.target_value
    if base is not None and goal is not None:
        if chart.path == "compound" and base > 0 and goal > 0:
            span = chart.target_year - chart.baseline_year
            points = [
                (x(year), y(base * (goal / base) ** ((year - chart.baseline_year) / span)))
                for year in range(chart.baseline_year, chart.target_year + 1)
            ]
            svg.polyline(points, "#6e7781", width=1.0, dash="5 3")
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
    legend.append((data_label, colour, None))

    left = float(_LEFT)
    for label, swatch, dash in legend:
        svg.line(left, _HEIGHT - 18, left + 22, _HEIGHT - 18, swatch, width=2, dash=dash)
        svg.text(left + 27, _HEIGHT - 14, label, size=10)
        left += 40 + text_width(label, 10)
    return svg.render()


# the bullet chart's frame (px): the labels' column, then the bars from -20% to 120%
_LABELS, _ROW = 236, 26
_SHOWN_LOW, _SHOWN_HIGH = -0.2, 1.2


def agency_bullet_svg(
    chart_id: str,
    title: str,
    rows: Sequence[BulletRow],
    labels: tuple[str, ...] = _BULLET_LEGEND_EN,
) -> str:
    """A bullet chart: one bar per target (its progress), a tick at the expected share."""
    progress_label, expected_label, no_data_label = labels
    top = 44
    plot_bottom = top + _ROW * max(1, len(rows))
    height = plot_bottom + 58
    svg = Svg(chart_id, _WIDTH, height, title)
    right = _WIDTH - 20

    def x(share: float) -> float:
        return _LABELS + (share - _SHOWN_LOW) / (_SHOWN_HIGH - _SHOWN_LOW) * (right - _LABELS)

    svg.text(12, 22, _fit(title, 13, _WIDTH - 24), size=13, bold=True)
    for start, end, shade in (
        (0.0, 0.6, "#eaeef2"),
        (0.6, 1.0, "#d8dee4"),
        (1.0, _SHOWN_HIGH, "#dafbe1"),
    ):
        svg.rect(x(start), top, x(end) - x(start), plot_bottom - top, shade)
    for index, row in enumerate(rows):
        middle = top + _ROW * index + _ROW / 2
        svg.text(_LABELS - 8, middle + 4, _fit(row.label, 11, _LABELS - 16), size=11, anchor="end")
        if row.progress is None:
            svg.text(x(0.02), middle + 4, no_data_label, size=10, colour="#57606a")
        else:
            shown = max(_SHOWN_LOW, min(_SHOWN_HIGH, row.progress))
            start, end = sorted((x(0.0), x(shown)))
            svg.rect(start, middle - 6, end - start, 12, STATUS_COLOURS.get(row.status, "#0969da"))
        if row.expected is not None:
            svg.line(x(row.expected), middle - 9, x(row.expected), middle + 9, "#24292f", width=2)
    svg.line(x(1.0), top, x(1.0), plot_bottom, "#1a7f37", width=1.2)
    for tick in (-0.2, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2):
        svg.line(x(tick), plot_bottom, x(tick), plot_bottom + 4, "#57606a", width=0.8)
        svg.text(
            x(tick),
            plot_bottom + 16,
            f"{tick * 100:.0f}%",
            size=10,
            anchor="middle",
            colour="#57606a",
        )
    svg.line(_LABELS, plot_bottom, right, plot_bottom, "#57606a", width=0.8)
    # the legend: a bar is the progress, a tick the share of the period elapsed
    legend_y = height - 16
    svg.rect(_LABELS, legend_y - 9, 22, 10, "#8c959f")
    svg.text(_LABELS + 27, legend_y, progress_label, size=10)
    tick_x = _LABELS + 44 + text_width(progress_label, 10)
    svg.line(tick_x + 8, legend_y - 11, tick_x + 8, legend_y + 3, "#24292f", width=2)
    svg.text(tick_x + 16, legend_y, expected_label, size=10)
    return svg.render()
