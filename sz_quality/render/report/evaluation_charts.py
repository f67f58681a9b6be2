"""The evaluation report's pictures for Word: PNGs drawn by matplotlib.

- One overall picture: the targets of each chapter stacked by status.
- One picture per chapter: a small panel per target with data and several years, the
  series its verdict uses (up to the year of the value compared, never a series that
  stops before the verdict's year has no data), the target as a dashed line of its own
  colour, the path from the baseline (dotted) and the last value labelled.

One figure per chapter rather than one per target keeps the report short and quick to
write. Chinese is drawn with the CJK font report_docx_charts.cjk_font finds (the
Simplified Chinese face of a collection, `cjk_font`); without one, no Chinese goes into
the image and the caption names what it shows. The same data give the same bytes.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from typing import Any

from ...check.results import STATUSES
from ...plan.lang import Lang
from ...report.charts import STATUS_COLOURS
from ...report.evaluation import (
    ChapterProgress,
    Evaluation,
    IndicatorRow,
    charted_lines,
    charted_series,
)
from ...report.model import AnnualReport
from ..format import format_number, unit_name
from ..verdict_words import status_word, word
from .docx_charts import ChartImage, cjk_font, has_cjk, png

__all__ = ["evaluation_images"]

_TARGET_COLOUR = "#d1242f"  # the target line: dashed, never the colour of the data
_DATA_COLOUR = "#0969da"
_PATH_COLOUR = "#57606a"
_NOT_ASSESSABLE = "#d0d7de"  # lighter than no data's grey, beside it in the stack
_COLUMNS = 3
_PANEL = (2.1, 1.45)  # inches per target's panel
_MAX_LABEL = 30  # characters of a panel's title, on two lines


def evaluation_images(annual: AnnualReport) -> dict[str, ChartImage]:
    """ "statuses" (the overall picture) and each chapter's key -> its PNG and caption."""
    found = annual.evaluation
    if found is None:
        return {}
    import matplotlib

    matplotlib.use("Agg", force=False)
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    font = cjk_font()
    families = [font[0], "DejaVu Sans"] if font else ["DejaVu Sans"]
    cjk = font is not None
    images: dict[str, ChartImage] = {}
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*[Gg]lyph.*missing.*")
        with matplotlib.rc_context(
            {
                "font.family": "sans-serif",
                "font.sans-serif": families,
                "font.size": 7.5,
                "axes.unicode_minus": False,
            }
        ):
            images["statuses"] = _statuses(found, annual.lang, cjk)
            for chapter in found.chapters:
                lines = charted_lines(chapter, found)
                if lines:
                    images[chapter.key] = _chapter(chapter, lines, annual.lang, cjk)
    return images


def _text(text: str, cjk: bool) -> str:
    return text if cjk or not has_cjk(text) else ""


def _statuses(found: Evaluation, lang: Lang, cjk: bool) -> ChartImage:
    """Each chapter's targets stacked by status, the count written in each segment."""
    import matplotlib.pyplot as plt

    chapters = found.chapters
    figure, axes = plt.subplots(figsize=(6.2, 0.5 + 0.32 * len(chapters)))
    positions = list(range(len(chapters)))[::-1]
    counts = {chapter.key: _chapter_counts(chapter, found) for chapter in chapters}
    left = [0.0] * len(chapters)
    for status in STATUSES:
        widths = [counts[chapter.key].get(status, 0) for chapter in chapters]
        if not any(widths):
            continue
        label = status_word(status, lang)
        bars = axes.barh(
            positions,
            widths,
            left=left,
            height=0.6,
            color=_NOT_ASSESSABLE if status == "not_assessable" else STATUS_COLOURS[status],
            label=_text(label, cjk) or status,
        )
        for bar, width in zip(bars, widths, strict=True):
            if width:
                x = bar.get_x() + bar.get_width() / 2
                y = bar.get_y() + bar.get_height() / 2
                ink = "#24292f" if status == "not_assessable" else "white"
                axes.text(x, y, str(width), ha="center", va="center", fontsize=6.5, color=ink)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    names = [_text(chapter.label, cjk) or str(index + 1) for index, chapter in enumerate(chapters)]
    axes.set_yticks(positions, names)
    axes.set_xlim(0, max(left, default=1) * 1.02)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=6, fontsize=6.5, frameon=False)
    figure.tight_layout()
    return ChartImage("statuses", png(figure), word("eval.figure.statuses", lang))


def _chapter_counts(chapter: ChapterProgress, found: Evaluation) -> dict[str, int]:
    return {
        "met": len(chapter.met),
        "on_track": len(chapter.on_track),
        "not_met": sum(1 for line in chapter.lagging if line.result.status == "not_met"),
        "off_track": sum(1 for line in chapter.lagging if line.result.status == "off_track"),
        "no_data": chapter.without_data,
        "not_assessable": chapter.total - chapter.checked - chapter.without_data,
    }


def _title(text: str) -> str:
    """A panel's title on at most two lines, cut only where it cannot fit."""
    if len(text) > _MAX_LABEL:
        text = text[: _MAX_LABEL - 1] + "…"
    cut = _MAX_LABEL // 2
    if len(text) <= cut:
        return text
    while cut > 1 and _in_figure(text, cut):  # never between the digits of a figure
        cut -= 1
    return f"{text[:cut]}\n{text[cut:]}"


def _in_figure(text: str, cut: int) -> bool:
    figure = "0123456789.,%"
    return text[cut - 1] in figure and text[cut] in figure


def _chapter(
    chapter: ChapterProgress, lines: Sequence[IndicatorRow], lang: Lang, cjk: bool
) -> ChartImage:
    import matplotlib.pyplot as plt

    rows = (len(lines) + _COLUMNS - 1) // _COLUMNS
    figure, grid = plt.subplots(
        rows,
        _COLUMNS,
        figsize=(_PANEL[0] * _COLUMNS, _PANEL[1] * rows),
        squeeze=False,
    )
    for index, line in enumerate(lines):
        _panel(grid[index // _COLUMNS][index % _COLUMNS], line, lang, cjk)
    for index in range(len(lines), rows * _COLUMNS):
        grid[index // _COLUMNS][index % _COLUMNS].set_visible(False)
    # fixed room for two lines of title above each panel: tight_layout costs a draw
    height = _PANEL[1] * rows
    figure.subplots_adjust(
        left=0.07,
        right=0.98,
        bottom=0.25 / height,
        top=1 - 0.42 / height,
        wspace=0.38,
        hspace=0.62 / _PANEL[1] * 1.6,
    )
    legend = word("eval.figure.legend", lang)
    caption = chapter.label + word("punct.parenthesised", lang, text=legend)
    return ChartImage(chapter.key, png(figure), caption)


def _panel(axes: Any, line: IndicatorRow, lang: Lang, cjk: bool) -> None:
    result = line.result
    spec = result.spec
    series = charted_series(line)
    years = [year for year, _ in series]
    values = [value for _, value in series]
    axes.plot(years, values, marker="o", markersize=3, color=_DATA_COLOUR, linewidth=1.5)
    last_year, last = series[-1]
    axes.annotate(
        format_number(last),
        (last_year, last),
        textcoords="offset points",
        xytext=(0, 5),
        ha="center",
        fontsize=6.5,
    )
    if result.target_value is not None:
        if result.baseline_value is not None:
            axes.plot(
                [spec.baseline_year, spec.target_year],
                [result.baseline_value, result.target_value],
                linestyle=":",
                color=_PATH_COLOUR,
                linewidth=1,
            )
        if spec.min is not None and spec.max is not None:
            axes.axhspan(spec.min, spec.max, color=_TARGET_COLOUR, alpha=0.1)
        axes.axhline(result.target_value, color=_TARGET_COLOUR, linestyle="--", linewidth=1)
    first = min([*years, spec.baseline_year])
    if result.target_value is not None:  # the target's figure at the left, over its line
        axes.annotate(
            format_number(result.target_value),
            (first, result.target_value),
            textcoords="offset points",
            xytext=(0, 3),
            ha="left",
            fontsize=6.5,
            color=_TARGET_COLOUR,
        )
    axes.set_xlim(first - 0.4, spec.target_year + 0.4)
    axes.set_xticks(range(first, spec.target_year + 1))
    axes.tick_params(labelsize=6)
    name = f"{line.number}. {_text(line.row.name, cjk)}"
    unit = _text(unit_name(result.unit, lang), cjk)
    if unit:
        name += word("punct.parenthesised", lang, text=unit)
    axes.set_title(_title(name), loc="left", fontsize=7)
    axes.grid(axis="y", color="#d0d7de", linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
