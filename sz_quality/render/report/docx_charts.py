"""What the Word report's pictures need: a CJK font for matplotlib, and PNG bytes.

A .docx holds its charts as pictures, drawn by evaluation_charts.py with matplotlib,
apart from the HTML report's SVG charts.

Chinese needs a CJK font, and matplotlib's font cache may predate the fonts installed
since: `cjk_font()` searches the system's font folders afresh, adds the files whose names
say CJK and which hold the glyphs (中文) to matplotlib's font manager, and returns the
family. Without one, no Chinese is drawn (no boxes): titles, legends and labels with
Chinese stay out of the image and go into the document's caption (`ChartImage.caption`).
PNGs carry no date or version: the same data give the same bytes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ...words import word

__all__ = ["FONT_FOLDERS", "ChartImage", "cjk_font", "font_note", "has_cjk", "png"]

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
    """(family, file) of a CJK font found on the system now, added to matplotlib; None.

    Of a collection (.ttc) the Simplified Chinese face: Noto Sans CJK SC, not the JP face
    that comes first in the file and draws some characters in their Japanese forms."""
    from matplotlib import font_manager, ft2font

    for path in _font_files():
        try:
            face = ft2font.FT2Font(str(path))
            if not all(face.get_char_index(ord(char)) for char in _PROBE):
                continue
            font_manager.fontManager.addfont(str(path))  # every face of a collection
            family = _simplified_face(path, face.num_faces) or face.family_name
        except (OSError, RuntimeError, ValueError):
            continue
        return family, str(path)
    return None


def _simplified_face(path: Path, faces: int) -> str | None:
    """The family name of a collection's Simplified Chinese face (… SC), if it has one."""
    from matplotlib import ft2font

    for index in range(1, faces):
        try:
            face = ft2font.FT2Font(str(path), face_index=index)
        except TypeError:  # a matplotlib that reads the first face only
            return None
        if face.family_name.endswith(" SC"):
            return str(face.family_name)
    return None


def font_note(lang: str) -> str:
    """The one line the CLI prints: how Chinese is drawn in the charts."""
    found = cjk_font()
    if found is not None:
        return word("cli.charts_font", lang, font=found[0], path=found[1])
    return word("cli.charts_no_font", lang)


def has_cjk(text: str) -> bool:
    return any("\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\uffef" for char in text)


def png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    import matplotlib.pyplot as plt

    plt.close(figure)
    return buffer.getvalue()
