"""The Word report's layouts: GB/T 9704-2012 (OFFICIAL) and szq's earlier neutral look
(PLAIN), as page margins, named fonts and sizes; and naming a style's or a run's fonts.

report_docx.py sets a document up in one of them, report_docx_sections.py writes into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["OFFICIAL", "PLAIN", "STYLES", "DocxStyle", "Fonts", "set_fonts", "text_width"]

Fonts = tuple[str, str]  # (East Asian, Latin)


@dataclass(frozen=True)
class DocxStyle:
    """A Word layout: page, fonts (named, not embedded) and sizes in points."""

    name: str
    margins: tuple[float, float, float, float]  # mm: top, bottom, left, right
    body: Fonts
    body_size: float
    title: Fonts
    title_size: float
    heading1: Fonts
    heading2: Fonts
    heading_size: float
    heading2_size: float
    table_size: float
    caption_size: float
    list_size: float  # the annexes' lists of sources and notes
    line_pitch: float | None  # an exact line spacing (pt) for the body, else Word's own
    first_line_indent: bool  # 2 characters, as official documents indent a paragraph
    page_number: Literal["dashes", "words"]
    page_number_size: float
    # a named font -> the one Word takes where a desk lacks it (the font table's altName)
    fallbacks: tuple[tuple[str, str], ...] = ()


OFFICIAL = DocxStyle(
    name="official",
    margins=(37, 35, 28, 26),
    body=("仿宋_GB2312", "Times New Roman"),
    body_size=16,  # 三号
    title=("方正小标宋简体", "Times New Roman"),
    title_size=22,  # 二号
    heading1=("黑体", "Times New Roman"),
    heading2=("楷体_GB2312", "Times New Roman"),
    heading_size=16,
    heading2_size=16,
    table_size=12,  # 小四
    caption_size=14,  # 四号
    list_size=10.5,  # 五号
    line_pitch=28.95,  # (297 - 37 - 35) mm / 22 lines
    first_line_indent=True,
    page_number="dashes",
    page_number_size=14,  # 四号
    fallbacks=(("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")),
)
PLAIN = DocxStyle(
    name="plain",
    margins=(22, 22, 22, 22),
    body=("宋体", "Times New Roman"),
    body_size=10.5,
    title=("微软雅黑", "Arial"),
    title_size=20,
    heading1=("微软雅黑", "Arial"),
    heading2=("微软雅黑", "Arial"),
    heading_size=16,
    heading2_size=13,
    table_size=9,
    caption_size=9,
    list_size=9,
    line_pitch=None,
    first_line_indent=False,
    page_number="words",
    page_number_size=9,
)
STYLES = {style.name: style for style in (OFFICIAL, PLAIN)}


def text_width(style: DocxStyle) -> float:
    """The width of the text (mm): A4 less the side margins."""
    return 210.0 - style.margins[2] - style.margins[3]


def set_fonts(element_owner: Any, fonts: Fonts, lang: str | None = None) -> None:
    """Name the East Asian and Latin fonts of a style or a run (no theme fonts)."""
    from docx.oxml.ns import qn

    element = element_owner.element
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attribute), fonts[1])
    rfonts.set(qn("w:eastAsia"), fonts[0])
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    if lang is not None:
        language = rpr.find(qn("w:lang"))
        if language is None:
            language = rpr.makeelement(qn("w:lang"), {})
            rpr.append(language)
        language.set(qn("w:eastAsia"), "zh-CN")
        language.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-GB")
