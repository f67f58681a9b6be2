"""A small, fast text grid for terminal tables, aware of wide (CJK) characters.

Why not rich's Table: laying out and wrapping the ~800 cells of a full `szq check`
report cost rich ~0.3–0.4 s, twice the whole start-up budget of the command. The
grid below does the same job for fixed column widths in a few milliseconds, draws
the same box characters, and colours cells with plain ANSI codes when asked to.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "CHECK_WIDTH",
    "LISTING_WIDTH",
    "Cell",
    "Column",
    "Degrade",
    "Ink",
    "grid_width",
    "render_fitted",
    "render_grid",
    "sgr",
    "text_width",
    "wrap",
]

# The width a table is laid out to where no terminal says its own (a file, a pipe, or
# the fallback of shutil.get_terminal_size). Two widths, on purpose: `szq check`'s table
# has six fixed columns and the target's name takes the rest, and at 120 a row still
# fits a laptop's screen; a registry listing (`szq targets`, `measures`, `agencies`) has
# long texts in several flexible columns, which at 160 wrap into fewer lines.
CHECK_WIDTH = 120
LISTING_WIDTH = 160

Degrade = Callable[[str], str]
"""Text as the output stream will show it (ASCII for symbols a console lacks): applied
before the layout, so that the columns still line up."""

_RESET = "\x1b[0m"
# a style is words as rich spells them ("bold red"), each word its ANSI SGR code
_ATTRIBUTES = {"bold": 1, "dim": 2}
_COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")  # 30-37


@lru_cache(maxsize=64)
def sgr(style: str) -> str:
    """The ANSI escape that starts text in `style`: "bold red" -> ESC[1;31m."""
    codes = [
        _ATTRIBUTES[name] if name in _ATTRIBUTES else 30 + _COLOURS.index(name)
        for name in style.split()
    ]
    return f"\x1b[{';'.join(map(str, codes))}m"


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal columns `text` takes: 2 for a wide (CJK) character, 1 otherwise."""
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


# marks that close what comes before them (never the first thing on a line) and that
# open what follows them (never the last)
_CLOSING = frozenset("，。、；：）》」』！？,.;:)]")
_OPENING = frozenset("（《「『“([")


def wrap(text: str, width: int, *, break_wide: bool = False) -> list[str]:
    """Split `text` into lines of at most `width` columns: at spaces where possible,
    anywhere in a word that is too long (Chinese has no spaces to break at).

    `break_wide`: running text rather than a cell: a line may also break before or after
    any wide (Chinese) character, and a closing mark stays with what it closes."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        used = 0
        for word in _words(paragraph, break_wide):
            size = text_width(word)
            if used + size <= width:
                line += word
                used += size
                continue
            if size <= width and line.strip():
                # the word fits a line of its own: carry it over whole
                lines.append(line.rstrip())
                line, used = "", 0
                word = word.lstrip()
            # a word longer than a line (or Chinese text) breaks where it stands
            for char in word:
                char_size = _char_width(char)
                if used + char_size > width and line:
                    lines.append(line.rstrip())
                    line, used = "", 0
                    if char == " ":
                        continue
                line += char
                used += char_size
        lines.append(line.rstrip())
    return lines or [""]


def _breaks(before: str, char: str) -> bool:
    """Whether running text may break between `before` and `char`."""
    return (
        char not in _CLOSING
        and before not in _OPENING
        and (_char_width(char) == 2 or _char_width(before) == 2)
    )


def _words(text: str, break_wide: bool = False) -> list[str]:
    """Words with their leading space, so joining them restores the text; with
    `break_wide`, each wide character is a word of its own (its closing marks with it)."""
    words: list[str] = []
    current = ""
    for char in text:
        if current.strip() and (char == " " or (break_wide and _breaks(current[-1], char))):
            words.append(current)
            current = char
        else:
            current += char
    if current:
        words.append(current)
    return words


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    justify: str = "left"  # left | right


@dataclass(frozen=True)
class Cell:
    text: str
    style: str | None = None


@dataclass(frozen=True)
class Ink:
    """How a table's text is drawn for its output: `color`, a cell's style as ANSI codes;
    `degrade`, the output stream's stand-ins, applied to every cell and border before the
    layout (so that the columns line up as the console shows them)."""

    color: bool = False
    degrade: Degrade | None = None

    def text(self, cell: Cell | str) -> tuple[str, str | None]:
        """A cell's text as the output shows it, and its style."""
        text, style = (cell.text, cell.style) if isinstance(cell, Cell) else (cell, None)
        return self.shown(text), style

    def shown(self, text: str) -> str:
        return text if self.degrade is None else self.degrade(text)

    def paint(self, text: str, style: str | None) -> str:
        """`text` in `style` where colour is on (blank text stays plain)."""
        if self.color and style and text.strip():
            return f"{sgr(style)}{text}{_RESET}"
        return text


def _fit(text: str, width: int, justify: str) -> str:
    pad = " " * max(width - text_width(text), 0)
    return pad + text if justify == "right" else text + pad


def _row_lines(
    cells: Sequence[Cell | str],
    columns: Sequence[Column],
    ink: Ink,
    bold: bool = False,
    bar: str = "│",
) -> list[str]:
    wrapped = []
    styles = []
    for cell, column in zip(cells, columns, strict=True):
        text, style = ink.text(cell)
        wrapped.append(wrap(text, column.width))
        styles.append("bold" if bold and style is None else style)
    height = max(len(lines) for lines in wrapped)
    out = []
    for index in range(height):
        parts = []
        for lines, column, style in zip(wrapped, columns, styles, strict=True):
            piece = _fit(lines[index] if index < len(lines) else "", column.width, column.justify)
            parts.append(f" {ink.paint(piece, style)} ")
        out.append(bar + bar.join(parts) + bar)
    return out


def render_grid(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell | str]], ink: Ink = Ink()
) -> str:
    """The table as text lines: a heavy header rule as rich draws it, light borders."""
    box = ink.shown
    spans = [box("━") * (column.width + 2) for column in columns]
    lines = [box("┏") + box("┳").join(spans) + box("┓")]
    header_cells = [column.header for column in columns]
    lines.extend(_row_lines(header_cells, columns, ink, bold=True, bar=box("┃")))
    lines.append(box("┡") + box("╇").join(spans) + box("┩"))
    for row in rows:
        lines.extend(_row_lines(row, columns, ink, bar=box("│")))
    rule = [box("─") * (column.width + 2) for column in columns]
    lines.append(box("└") + box("┴").join(rule) + box("┘"))
    return "\n".join(lines) + "\n"


def grid_width(columns: Sequence[Column]) -> int:
    """The columns the grid of these columns takes, borders and padding included."""
    return sum(column.width for column in columns) + 3 * len(columns) + 1


def _stacked(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell | str]], width: int, ink: Ink
) -> str:
    """Each row as a block for a terminal too narrow for the grid: its first cell, then
    one "header: value" line per other cell that holds something, all wrapped to `width`."""
    width = max(width, 20)
    rule = ink.shown("─") * width
    lines = [rule]
    for row in rows:
        first, style = ink.text(row[0])
        lines.extend(ink.paint(line, style) for line in wrap(first, width))
        for cell, column in zip(row[1:], columns[1:], strict=True):
            text, style = ink.text(cell)
            if not text.strip():
                continue
            header = ink.shown(column.header)
            shown = " ".join(text.split())
            colon = "：" if text_width(header) > len(header) else ": "  # 目标值：, Actual:
            for line in wrap(f"{header}{colon}{shown}", width - 2):
                lines.append("  " + ink.paint(line, style))
        lines.append(rule)
    return "\n".join(lines) + "\n"


def render_fitted(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell | str]], width: int, ink: Ink = Ink()
) -> str:
    """The grid when it fits `width` columns, else each row stacked as a block."""
    if grid_width(columns) <= width:
        return render_grid(columns, rows, ink)
    return _stacked(columns, rows, width, ink)
