"""The Word report's charts: PNG images drawn by matplotlib from the report's chart data.

A .docx holds its charts as pictures. The data are report/charts.py's (TargetChart,
AgencyChart); the drawing is here, apart from the HTML report's SVG charts.

Chinese needs a CJK font, and matplotlib's font cache may predate the fonts installed
since: `cjk_font()` searches the system's font folders afresh, adds the files whose names
say CJK and which hold the glyphs (中文) to matplotlib's font manager, and returns the
family. Without one, no Chinese is drawn (no boxes): titles, legends and labels with
Chinese stay out of the image and go into the document's caption (`ChartImage.caption`).
PNGs carry no date or version: the same data give the same bytes.
"""

from __future__ import annotations

import io
import logging
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ...report.charts import STATUS_COLOURS, TARGET_LEGEND, AgencyChart, TargetChart
from ...report.model import AnnualReport
from ..format import format_number
from ..verdict_words import status_word, word

__all__ = ["FONT_FOLDERS", "ChartImage", "chart_images", "cjk_font", "font_note"]

FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
# file names of fonts with Chinese glyphs: Noto/Source Han, WenQuanYi, AR PL, Windows, macOS
_CJK_NAMES = (
    "cjk",
    "sourcehan",
    "wqy",
    "wenquanyi",
    "uming",
    "ukai",
    "droidsansfallback",
    "simsun",
    "simhei",
    "msyh",
    "msjh",
    "pingfang",
    "hiragino",
    "stheiti",
    "songti",
)
_PROBE = "中文"
_DPI = 150


@dataclass(frozen=True)
class ChartImage:
    """A chart as a PNG, its caption (the Chinese the image could not hold, if any)."""

    chart_id: str
    png: bytes
    caption: str


def _font_files() -> Iterator[Path]:
    """Candidate CJK font files: regular weights first, Simplified Chinese first."""
    found: list[Path] = []
    for folder in FONT_FOLDERS:
        root = Path(os.path.expanduser(folder))
        if root.is_dir():
            found.extend(
                path
                for path in root.rglob("*")
                if path.suffix.lower() in (".ttf", ".otf", ".ttc")
                and any(name in path.name.lower() for name in _CJK_NAMES)
            )

    def rank(path: Path) -> tuple[bool, bool, bool, str]:
        name = path.name.lower()
        heavy = any(weight in name for weight in ("bold", "black", "heavy", "light", "thin"))
        chinese = any(hint in name for hint in ("sc", "simsun", "msyh", "wqy", "song"))
        return heavy, not chinese, "serif" in name, str(path)

    yield from sorted(found, key=rank)


@cache
def cjk_font() -> tuple[str, str] | None:
    """(family, file) of a CJK font found on the system now, added to matplotlib; None."""
    from matplotlib import font_manager, ft2font

    for path in _font_files():
        try:
            face = ft2font.FT2Font(str(path))
            if not all(face.get_char_index(ord(char)) for char in _PROBE):
                continue
            font_manager.fontManager.addfont(str(path))
            family = font_manager.FontProperties(fname=str(path)).get_name()
        except (OSError, RuntimeError, ValueError):
            continue
        return family, str(path)
    return None


def font_note(lang: str) -> str:
    """The one line the CLI prints: how Chinese is drawn in the charts (English: a log)."""
    found = cjk_font()
    if found is not None:
        return f"charts: Chinese drawn with {found[0]} ({found[1]})"
    return (
        "charts: no CJK font found on this system: Chinese text is kept out of the "
        "chart images and given in their captions (apt-get install fonts-noto-cjk)"
    )


def _has_cjk(text: str) -> bool:
    return any("\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\uffef" for char in text)


def chart_images(annual: AnnualReport) -> dict[str, ChartImage]:
    """Chart id -> its PNG and caption, for every chart of the report."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    found = cjk_font()
    families = [found[0], "DejaVu Sans"] if found else ["DejaVu Sans"]
    images: dict[str, ChartImage] = {}
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*[Gg]lyph.*missing.*")
        warnings.filterwarnings("ignore", message=".*Matplotlib currently does not support.*")
        with matplotlib.rc_context(
            {
                "font.family": "sans-serif",
                "font.sans-serif": families,
                "font.size": 8,
                "axes.unicode_minus": False,
            }
        ):
            for chart_id, spec in sorted(annual.charts.items()):
                if isinstance(spec, AgencyChart):
                    images[chart_id] = _bullet(spec, annual.lang, found is not None)
                else:
                    images[chart_id] = _target(spec, annual.lang, found is not None)
    return images


def _safe(text: str, cjk: bool, left_out: list[str]) -> str:
    """The text itself when it can be drawn, else "" (kept for the caption)."""
    if cjk or not _has_cjk(text):
        return text
    left_out.append(text)
    return ""


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    import matplotlib.pyplot as plt

    plt.close(figure)
    return buffer.getvalue()


def _target(chart: TargetChart, lang: str, cjk: bool) -> ChartImage:
    import matplotlib.pyplot as plt

    left_out: list[str] = []
    labels = [
        word(key, lang) for key in ("chart.data", "chart.path", "chart.target", "chart.target_year")
    ]
    figure, axes = plt.subplots(figsize=(6.0, 2.6))
    years = [year for year, _ in chart.history]
    values = [value for _, value in chart.history]
    colour = STATUS_COLOURS.get(chart.status, "#1f6feb")
    axes.plot(
        years,
        values,
        marker="o",
        color=colour,
        linewidth=1.8,
        label=_safe(labels[0], cjk, left_out),
    )
    if chart.baseline_value is not None and chart.target_value is not None:
        axes.plot(
            [chart.baseline_year, chart.target_year],
            [chart.baseline_value, chart.target_value],
            linestyle="--",
            color="#57606a",
            linewidth=1,
            label=_safe(labels[1], cjk, left_out),
        )
    if chart.target_min is not None and chart.target_max is not None:
        axes.axhspan(
            chart.target_min,
            chart.target_max,
            color="#1a7f37",
            alpha=0.12,
            label=_safe(labels[2], cjk, left_out),
        )
    elif chart.target_value is not None:
        axes.axhline(
            chart.target_value,
            color="#1a7f37",
            linestyle=":",
            linewidth=1.2,
            label=_safe(labels[2], cjk, left_out),
        )
    axes.axvline(
        chart.target_year, color="#8c959f", linewidth=0.8, label=_safe(labels[3], cjk, left_out)
    )
    axes.set_ylabel(_safe(chart.unit, cjk, left_out))
    axes.set_title(_safe(chart.title, cjk, left_out), loc="left", fontsize=9)
    first = min([*years, chart.baseline_year])
    axes.set_xticks(range(first, max([*years, chart.target_year]) + 1))
    axes.grid(axis="y", color="#d0d7de", linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    labels_drawn = [str(line.get_label()) for line in axes.get_lines()]
    if any(text and not text.startswith("_") for text in labels_drawn):
        axes.legend(loc="best", fontsize=7, frameon=False)
    figure.tight_layout()
    caption = chart.title
    if left_out and not cjk:
        legend = _legend_words(lang) + word("punct.semicolon", lang) + chart.unit
        caption = chart.title + word("punct.parenthesised", lang, text=legend)
    return ChartImage(chart.chart_id, _png(figure), caption)


def _legend_words(lang: str) -> str:
    """The legend in words, for a chart drawn without its Chinese legend."""
    styles = ("chart.solid_line", "chart.dashed_line", "chart.dotted_line", "chart.vertical_line")
    parts = zip(TARGET_LEGEND, styles, strict=True)
    comma, colon = word("list.comma", lang), word("punct.colon", lang)
    return comma.join(f"{word(style, lang)}{colon}{word(key, lang)}" for key, style in parts)


def _bullet(chart: AgencyChart, lang: str, cjk: bool) -> ChartImage:
    import matplotlib.pyplot as plt

    left_out: list[str] = []
    rows = chart.rows
    height = 0.6 + 0.28 * max(len(rows), 1)
    figure, axes = plt.subplots(figsize=(6.0, height))
    positions = list(range(len(rows)))[::-1]
    for position, row in zip(positions, rows, strict=True):
        if row.progress is None:
            axes.text(
                0.02,
                position,
                status_word("no_data", lang) if cjk or lang == "en" else "—",
                va="center",
                fontsize=7,
                color="#57606a",
            )
            continue
        shown = max(min(row.progress, 1.5), 0.0)
        axes.barh(position, shown, height=0.5, color=STATUS_COLOURS.get(row.status, "#8c959f"))
        axes.text(
            shown + 0.02, position, f"{format_number(row.progress * 100)}%", va="center", fontsize=7
        )
        if row.expected is not None:
            axes.plot(
                [row.expected] * 2,
                [position - 0.35, position + 0.35],
                color="#24292f",
                linewidth=1.2,
            )
    axes.axvline(1.0, color="#1a7f37", linestyle=":", linewidth=1)
    axes.set_xlim(0, 1.7)
    axes.set_yticks(
        positions,
        [_safe(row.label, cjk, left_out) or str(index + 1) for index, row in enumerate(rows)],
    )
    axes.set_title(_safe(chart.title, cjk, left_out), loc="left", fontsize=9)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    caption = chart.title + word("punct.parenthesised", lang, text=word("chart.progress", lang))
    if left_out and not cjk:
        numbered = "；".join(f"{index + 1}. {row.label}" for index, row in enumerate(rows))
        caption = f"{caption}：{numbered}"
    return ChartImage(chart.chart_id, _png(figure), caption)
