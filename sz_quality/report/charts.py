"""Charts of the annual report, drawn by matplotlib as deterministic SVG.

- One chart per target with several years of data: the series, the straight path from
  the baseline value to the target (时间过半、任务过半), the target line (a band for a
  range), and the target year.
- One bullet chart per agency: the progress of each of its targets against the share of
  the period elapsed, with the target (100%) marked.

Determinism: the Agg-free SVG canvas, a fixed `svg.hashsalt` and `svg.id` per chart, no
date in the metadata, text drawn as paths (so a browser needs no font). The same inputs
give the same bytes.

Chinese needs a CJK font: Debian's `fonts-noto-cjk` ("Noto Sans CJK SC"). Without it the
charts still draw (missing glyphs as boxes) and `cjk_font_warning()` says what to install.
matplotlib is imported on first use only; a missing extra raises ReportExtraMissing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CJK_FONT",
    "CJK_FONT_PACKAGE",
    "STATUS_COLOURS",
    "AgencyChart",
    "BulletRow",
    "ReportExtraMissing",
    "TargetChart",
    "agency_bullet_svg",
    "cjk_font_available",
    "cjk_font_warning",
    "target_svg",
]

CJK_FONT = "Noto Sans CJK SC"
CJK_FONT_PACKAGE = "fonts-noto-cjk"
INSTALL_HINT = "pip install 'sz-quality[report]'"

STATUS_COLOURS: dict[str, str] = {
    "met": "#1a7f37",
    "not_met": "#cf222e",
    "on_track": "#2da44e",
    "off_track": "#bf8700",
    "no_data": "#8c959f",
    "not_assessable": "#8c959f",
}


class ReportExtraMissing(ImportError):
    """jinja2 or matplotlib is not installed: the report needs the `report` extra."""

    def __init__(self, name: str) -> None:
        super().__init__(f"the report needs {name}: {INSTALL_HINT}")
        self.name = name


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
    labels: tuple[str, str, str, str] = ("data", "path to target", "target", "target year")


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


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ModuleNotFoundError as error:
        raise ReportExtraMissing("matplotlib") from error


@cache
def cjk_font_available() -> bool:
    _require_matplotlib()
    from matplotlib import font_manager

    try:
        found = font_manager.findfont(
            font_manager.FontProperties(family=CJK_FONT), fallback_to_default=False
        )
    except ValueError:
        return False
    return bool(found)


def cjk_font_warning() -> str | None:
    """A message when Chinese charts will lack their font, else None."""
    if cjk_font_available():
        return None
    return (
        f"the CJK font {CJK_FONT!r} is not installed: Chinese text in charts may show as "
        f"boxes (Debian/Ubuntu: apt-get install {CJK_FONT_PACKAGE})"
    )


def _rc(chart_id: str) -> Any:  # matplotlib types rc keys as Literals
    families = [CJK_FONT, "DejaVu Sans"] if cjk_font_available() else ["DejaVu Sans"]
    return {
        "svg.hashsalt": f"szq-{chart_id}",
        "svg.id": chart_id,
        "svg.fonttype": "path",
        "font.family": "sans-serif",
        "font.sans-serif": families,
        "font.size": 9,
        "axes.unicode_minus": False,
        "path.simplify": False,
    }


def _figure(width: float, height: float, *, left: float, bottom: float, top: float) -> Figure:
    # fixed margins: a constrained layout costs a second text layout of every label
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    figure.subplots_adjust(left=left, right=0.97, bottom=bottom / height, top=1 - top / height)
    return figure


_ID = re.compile(r'(\bid="|xlink:href="#|\bhref="#|url\(#)([^")]+)')


def _to_svg(figure: Figure, chart_id: str) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "szq (matplotlib)"})
    text = buffer.getvalue().decode("utf-8")
    # keep the <svg> element only, so it can be inlined in HTML as well as saved
    start = text.find("<svg")
    text = text[start:] if start >= 0 else text
    # every id unique in the page the SVG is inlined in (matplotlib numbers from 1 in each)

    def prefix(match: re.Match[str]) -> str:
        name = match.group(2)
        return match.group(0) if name == chart_id else f"{match.group(1)}{chart_id}-{name}"

    return _ID.sub(prefix, text)


def target_svg(chart: TargetChart) -> str:
    """The SVG of one target's chart."""
    _require_matplotlib()
    import matplotlib
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(_rc(chart.chart_id)):
        figure = _figure(6.4, 3.2, left=0.11, bottom=0.4, top=0.35)
        axes = figure.add_subplot()
        data_label, path_label, target_label, year_label = chart.labels
        years = [year for year, _ in chart.history]
        values = [value for _, value in chart.history]
        colour = STATUS_COLOURS.get(chart.status, "#0969da")
        if chart.target_min is not None and chart.target_max is not None:
            axes.axhspan(chart.target_min, chart.target_max, color="#1a7f37", alpha=0.12,
                         label=target_label)
        elif chart.target_value is not None:
            axes.axhline(chart.target_value, color="#1a7f37", linewidth=1.2, linestyle="-",
                         label=target_label)
        if chart.baseline_value is not None and chart.target_value is not None:
            axes.plot([chart.baseline_year, chart.target_year],
                      [chart.baseline_value, chart.target_value],
                      color="#6e7781", linewidth=1, linestyle="--", label=path_label)
        axes.axvline(chart.target_year, color="#6e7781", linewidth=0.8, linestyle=":",
                     label=year_label)
        axes.plot(years, values, color=colour, marker="o", markersize=4, linewidth=1.8,
                  label=data_label)
        axes.set_title(chart.title, fontsize=10, loc="left")
        axes.set_ylabel(chart.unit)
        low = min([chart.baseline_year, *years])
        high = max([chart.target_year, *years])
        axes.set_xlim(low - 0.5, high + 0.5)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(True, color="#d0d7de", linewidth=0.5)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(loc="best", fontsize=7, frameon=False)
        return _to_svg(figure, chart.chart_id)


def agency_bullet_svg(chart_id: str, title: str, rows: Sequence[BulletRow],
                      labels: tuple[str, str, str] = ("progress", "expected", "no data")) -> str:
    """A bullet chart: one bar per target (its progress), a tick at the expected share."""
    _require_matplotlib()
    import matplotlib
    from matplotlib.ticker import PercentFormatter

    progress_label, expected_label, no_data_label = labels
    with matplotlib.rc_context(_rc(chart_id)):
        height = 0.9 + 0.32 * max(1, len(rows))
        figure = _figure(6.4, height, left=0.36, bottom=0.55, top=0.35)
        axes = figure.add_subplot()
        positions = list(range(len(rows)))[::-1]
        axes.axvspan(0, 0.6, color="#eaeef2", zorder=0)
        axes.axvspan(0.6, 1.0, color="#d8dee4", zorder=0)
        axes.axvspan(1.0, 1.2, color="#dafbe1", zorder=0)
        for position, row in zip(positions, rows, strict=True):
            colour = STATUS_COLOURS.get(row.status, "#0969da")
            if row.progress is None:
                axes.text(0.02, position, no_data_label, va="center", fontsize=7,
                          color="#57606a")
            else:
                shown = max(-0.2, min(1.2, row.progress))
                axes.barh(position, shown, height=0.45, color=colour, zorder=2)
            if row.expected is not None:
                axes.plot([row.expected, row.expected], [position - 0.32, position + 0.32],
                          color="#24292f", linewidth=1.6, zorder=3)
        axes.axvline(1.0, color="#1a7f37", linewidth=1, zorder=1)
        axes.set_yticks(positions, [row.label for row in rows], fontsize=7)
        axes.set_xlim(-0.2, 1.2)
        axes.set_ylim(-0.7, len(rows) - 0.3)
        axes.xaxis.set_major_formatter(PercentFormatter(xmax=1.0))
        axes.set_title(title, fontsize=10, loc="left")
        axes.set_xlabel(f"{progress_label}: bar / {expected_label}: |")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        return _to_svg(figure, chart_id)
