"""The evaluation report as a Word document (python-docx, the `report` extra).

The parts of a plan evaluation report (report_docx_sections.py writes them) in the layout
of GB/T 9704-2012 (党政机关公文格式) wherever Word allows, style OFFICIAL: A4; margins
top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 仿宋_GB2312 三号 (16 pt) on an
exact line pitch of 22 lines a page; title 方正小标宋简体 二号, centred; first-level headings
黑体 三号, second-level 楷体_GB2312 三号; tables 仿宋_GB2312 小四 with their header row
repeated and rows that never split across pages; page numbers `— N —` 四号 at the outer
side (right on odd pages, left on even). The fonts are named in the document: the
machine that writes it needs none of them. Style PLAIN keeps the neutral look szq had
before (22 mm margins, 宋体 10.5 pt, 微软雅黑 headings, "第 N 页" centred).

Document properties are real: the title, the author given, the created date given
(`szq report` passes SOURCE_DATE_EPOCH or the time of writing), else the end of the year
reported on. Deterministic: fixed zip entry times, so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from ...report.model import AnnualReport
from ..verdict_words import word
from .docx_style import OFFICIAL, PLAIN, STYLES, DocxStyle, set_fonts
from .evaluation_text import evaluation_title

__all__ = ["OFFICIAL", "PLAIN", "STYLES", "DocxStyle", "render_docx"]

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def render_docx(
    annual: AnnualReport,
    *,
    style: DocxStyle = OFFICIAL,
    author: str | None = None,
    created: datetime | None = None,
) -> bytes:
    """The .docx's bytes."""
    from docx import Document
    from docx.shared import Mm

    from .docx_sections import SectionWriter

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = style.margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.footer_distance = Mm(max(bottom - 7, 10))
    _styles(document, style, annual.lang)
    _page_numbers(document, section, style, annual.lang)
    properties = document.core_properties
    properties.title = evaluation_title(annual)
    properties.subject = annual.plan
    properties.language = "zh-CN" if annual.lang == "zh" else "en"
    properties.author = author or ""
    properties.last_modified_by = author or ""
    when = created or _stamp_date(annual) or datetime(annual.year, 12, 31)
    properties.created = properties.modified = when.replace(tzinfo=None)
    properties.last_printed = when.replace(tzinfo=None)
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""
    properties.category = word("eval.category", annual.lang)

    _font_fallbacks(document, style)
    _application(document, author)
    SectionWriter(document, annual, style, author).write()
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _font_fallbacks(document: Any, style: DocxStyle) -> None:
    """Name in the font table, for each font of the style a desk may lack, the one Word
    takes instead (仿宋_GB2312 -> 仿宋): `<w:font w:name=…><w:altName w:val=…/>`."""
    if not style.fallbacks:
        return
    from xml.sax.saxutils import quoteattr

    for part in document.part.package.iter_parts():
        if str(part.partname) != "/word/fontTable.xml":
            continue
        entries = "".join(
            f"<w:font w:name={quoteattr(font)}><w:altName w:val={quoteattr(other)}/>"
            '<w:charset w:val="86"/><w:family w:val="auto"/></w:font>'
            for font, other in style.fallbacks
        )
        text = part.blob.decode("utf-8")
        closing = text.rindex("</w:fonts>")
        part._blob = (text[:closing] + entries + text[closing:]).encode("utf-8")


def _application(document: Any, author: str | None) -> None:
    """The extended properties say szq wrote it (python-docx's template says Microsoft
    Macintosh Word, one page, no words), with the author as the company; the template's
    thumbnail of an empty page goes."""
    import re
    from xml.sax.saxutils import escape

    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype.endswith("/thumbnail"):
            package.rels.pop(key)
    for part in package.iter_parts():
        if str(part.partname) != "/docProps/app.xml":
            continue
        text = part.blob.decode("utf-8")
        text = re.sub(r"<Application>.*?</Application>", "<Application>szq</Application>", text)
        text = re.sub(
            r"\s*<(Pages|Words|Characters|Lines|Paragraphs|CharactersWithSpaces)>"
            r"\d+</\1>",
            "",
            text,
        )
        text = text.replace("<Company/>", f"<Company>{escape(author or '')}</Company>")
        part._blob = text.encode("utf-8")


def _stamp_date(annual: AnnualReport) -> datetime | None:
    if not annual.stamp:
        return None
    try:
        return datetime.fromisoformat(annual.stamp.replace("Z", "+00:00"))
    except ValueError:
        return None


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01: byte-identical runs."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _styles(document: Any, style: DocxStyle, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    set_fonts(normal, style.body, lang)
    normal.font.size = Pt(style.body_size)
    body = normal.paragraph_format
    body.space_before = body.space_after = Pt(0)
    if style.line_pitch is not None:
        body.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        body.line_spacing = Pt(style.line_pitch)
    black = RGBColor(0, 0, 0) if style.name == "official" else RGBColor(0x1F, 0x23, 0x28)
    title = styles["Title"]
    set_fonts(title, style.title, lang)
    title.font.size = Pt(style.title_size)
    title.font.bold = False
    title.font.color.rgb = black
    title_format = title.paragraph_format
    title_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_format.space_before = Pt(0)
    title_format.space_after = Pt(style.body_size)
    if style.line_pitch is not None:
        title_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        title_format.line_spacing = Pt(style.line_pitch + 6)
    # the title's bottom border of python-docx's template: not in an official document
    _drop_border(title)
    for name, fonts, size in (
        ("Heading 1", style.heading1, style.heading_size),
        ("Heading 2", style.heading2, style.heading2_size),
        ("Heading 3", style.heading2, style.body_size),
    ):
        heading = styles[name]
        set_fonts(heading, fonts, lang)
        heading.font.size = Pt(size)
        heading.font.bold = style.name != "official"
        heading.font.italic = False
        heading.font.color.rgb = black
        layout = heading.paragraph_format
        layout.keep_with_next = True
        if style.line_pitch is not None:
            layout.space_before = layout.space_after = Pt(0)
            layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            layout.line_spacing = Pt(style.line_pitch)
            layout.first_line_indent = Pt(style.body_size * 2)
    caption = styles["Caption"]
    set_fonts(caption, style.body, lang)
    caption.font.size = Pt(style.caption_size)
    caption.font.bold = False
    caption.font.italic = False
    caption.font.color.rgb = black
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _drop_border(style: Any) -> None:
    from docx.oxml.ns import qn

    ppr = style.element.find(qn("w:pPr"))
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _page_field(run: Any) -> None:
    """A PAGE field in `run`: Word and LibreOffice fill in the page's number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (
        ("begin", None),
        (None, "PAGE"),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _page_numbers(document: Any, section: Any, style: DocxStyle, lang: str) -> None:
    """`— N —` at the outer side (odd pages right, even pages left), 四号, in the official
    style; "第 N 页" centred in the plain one."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    if style.page_number == "words":
        before, after = word("docx.page", lang, page="\0").split("\0")
        footers = [(section.footer, WD_ALIGN_PARAGRAPH.CENTER, before, after)]
    else:
        document.settings.odd_and_even_pages_header_footer = True
        footers = [
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "— ", " —"),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "— ", " —"),
        ]
    for footer, alignment, before, after in footers:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        # one character in from the outer edge, as GB/T 9704 places it
        indent = Pt(style.page_number_size)
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        elif alignment == WD_ALIGN_PARAGRAPH.LEFT:
            paragraph.paragraph_format.left_indent = indent
        runs = [paragraph.add_run(before), paragraph.add_run(), paragraph.add_run(after)]
        _page_field(runs[1])
        for run in runs:
            run.font.size = Pt(style.page_number_size)
            set_fonts(run, ("宋体", "Times New Roman"))
