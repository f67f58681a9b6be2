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
    "grid_width",
    "render_fitted",
    "render_grid",
    "render_stacked",
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
STYLES: dict[str, str] = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "red": "\x1b[31m",
    "green": "\x1b[32m",
    "yellow": "\x1b[33m",
    "magenta": "\x1b[35m",
    "bold red": "\x1b[1;31m",
    "bold green": "\x1b[1;32m",
}


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


def _fit(text: str, width: int, justify: str) -> str:
    pad = " " * max(width - text_width(text), 0)
    return pad + text if justify == "right" else text + pad


def _row_lines(
    cells: Sequence[Cell | str],
    columns: Sequence[Column],
    color: bool,
    bold: bool = False,
    degrade: Degrade | None = None,
    bar: str = "│",
) -> list[str]:
    wrapped = []
    styles = []
    for cell, column in zip(cells, columns, strict=True):
        text, style = (cell.text, cell.style) if isinstance(cell, Cell) else (cell, None)
        if degrade is not None:
            text = degrade(text)
        wrapped.append(wrap(text, column.width))
        styles.append("bold" if bold and style is None else style)
    height = max(len(lines) for lines in wrapped)
    out = []
    for index in range(height):
        parts = []
        for lines, column, style in zip(wrapped, columns, styles, strict=True):
            piece = _fit(lines[index] if index < len(lines) else "", column.width, column.justify)
            if color and style and piece.strip():
                piece = f"{STYLES.get(style, '')}{piece}{_RESET}"
            parts.append(f" {piece} ")
        out.append(bar + bar.join(parts) + bar)
    return out


def render_grid(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell | str]],
    *,
    color: bool = False,
    degrade: Degrade | None = None,
) -> str:
    """The table as text lines: a heavy header rule as rich draws it, light borders.
    `degrade`: the output stream's stand-ins, applied to every cell and border first."""

    def box(char: str) -> str:
        return char if degrade is None else degrade(char)

    spans = [box("━") * (column.width + 2) for column in columns]
    lines = [box("┏") + box("┳").join(spans) + box("┓")]
    header_cells = [column.header for column in columns]
    lines.extend(_row_lines(header_cells, columns, color, bold=True, degrade=degrade, bar=box("┃")))
    lines.append(box("┡") + box("╇").join(spans) + box("┩"))
    for row in rows:
        lines.extend(_row_lines(row, columns, color, degrade=degrade, bar=box("│")))
    rule = [box("─") * (column.width + 2) for column in columns]
    lines.append(box("└") + box("┴").join(rule) + box("┘"))
    return "\n".join(lines) + "\n"


def grid_width(columns: Sequence[Column]) -> int:
    """The columns the grid of these columns takes, borders and padding included."""
    return sum(column.width for column in columns) + 3 * len(columns) + 1


def render_stacked(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell | str]],
    width: int,
    *,
    color: bool = False,
    degrade: Degrade | None = None,
) -> str:
    """Each row as a block for a terminal too narrow for the grid: its first cell, then
    one "header: value" line per other cell that holds something, all wrapped to `width`."""

    def text_of(cell: Cell | str) -> tuple[str, str | None]:
        text, style = (cell.text, cell.style) if isinstance(cell, Cell) else (cell, None)
        return (degrade(text) if degrade is not None else text), style

    def styled(line: str, style: str | None) -> str:
        return f"{STYLES.get(style, '')}{line}{_RESET}" if color and style and line else line

    width = max(width, 20)
    rule = "─" * width if degrade is None else degrade("─") * width
    lines = [rule]
    for row in rows:
        first, style = text_of(row[0])
        lines.extend(styled(line, style) for line in wrap(first, width))
        for cell, column in zip(row[1:], columns[1:], strict=True):
            text, style = text_of(cell)
            if not text.strip():
                continue
            header = degrade(column.header) if degrade is not None else column.header
            shown = " ".join(text.split())
            colon = "：" if text_width(header) > len(header) else ": "  # 目标值：, Actual:
            for line in wrap(f"{header}{colon}{shown}", width - 2):
                lines.append("  " + styled(line, style))
        lines.append(rule)
    return "\n".join(lines) + "\n"


def render_fitted(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell | str]],
    width: int,
    *,
    color: bool = False,
    degrade: Degrade | None = None,
) -> str:
    """The grid when it fits `width` columns, else the rows stacked (render_stacked)."""
    if grid_width(columns) <= width:
        return render_grid(columns, rows, color=color, degrade=degrade)
    return render_stacked(columns, rows, width, color=color, degrade=degrade)
