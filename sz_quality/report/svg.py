"""A small SVG writer for the report's charts: lines, rectangles, circles and text.

Text stays text (`<text>`), drawn by the reader's browser in the font stack below, so a
Chinese chart reads in Chinese on any machine with a CJK font, whatever fonts the
machine that wrote it has. Coordinates carry one decimal; the same calls give the same
bytes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

__all__ = ["FONT_STACK", "Svg", "nice_ticks", "text_width"]

# CJK-capable fonts of Linux, Windows and macOS desks, then any sans-serif
FONT_STACK = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', "
    "'PingFang SC', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', SimHei, "
    "'Helvetica Neue', Arial, sans-serif"
)

# characters XML cannot hold (controls, lone surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    text = _NOT_XML.sub("\ufffd", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text: str, size: float) -> float:
    """An estimate of the drawn width: a CJK character is a square, Latin about half."""
    width = 0.0
    for char in text:
        if ord(char) >= 0x2E80:
            width += 1.0
        elif char in "il.,:;|'!":
            width += 0.3
        elif char.isupper() or char in "mw%@":
            width += 0.72
        else:
            width += 0.56
    return width * size


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 × 10^k apart) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low]
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [round(index * step, 10) for index in range(first, last + 1)]


class Svg:
    """Elements appended in drawing order; `render()` gives the document."""

    def __init__(self, chart_id: str, width: int, height: int, title: str) -> None:
        self.chart_id = chart_id
        self.width = width
        self.height = height
        self.title = title
        self._parts: list[str] = []

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        colour: str,
        *,
        width: float = 1,
        dash: str | None = None,
    ) -> None:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self._parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{colour}" stroke-width="{_n(width)}"{dashed}/>'
        )

    def polyline(
        self,
        points: Sequence[tuple[float, float]],
        colour: str,
        *,
        width: float = 1.8,
        dash: str | None = None,
    ) -> None:
        joined = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self._parts.append(
            f'<polyline points="{joined}" fill="none" stroke="{colour}" '
            f'stroke-width="{_n(width)}" stroke-linejoin="round"{dashed}/>'
        )

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        colour: str,
        *,
        opacity: float | None = None,
    ) -> None:
        faded = f' fill-opacity="{opacity}"' if opacity is not None else ""
        self._parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(0.0, width))}" '
            f'height="{_n(max(0.0, height))}" fill="{colour}"{faded}/>'
        )

    def circle(self, x: float, y: float, radius: float, colour: str) -> None:
        self._parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius)}" fill="{colour}"/>')

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 10,
        anchor: str = "start",
        colour: str = "#24292f",
        bold: bool = False,
    ) -> None:
        attributes = f'x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}"'
        if anchor != "start":
            attributes += f' text-anchor="{anchor}"'
        if colour != "#24292f":
            attributes += f' fill="{colour}"'
        if bold:
            attributes += ' font-weight="600"'
        self._parts.append(f"<text {attributes}>{escape(text)}</text>")

    def render(self) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" id="{escape(self.chart_id)}" '
            f'class="szq-chart" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" '
            f'aria-label="{escape(self.title)}" font-family="{FONT_STACK}" fill="#24292f">'
        )
        body = "\n".join(self._parts)
        return f"{head}\n<title>{escape(self.title)}</title>\n{body}\n</svg>\n"
