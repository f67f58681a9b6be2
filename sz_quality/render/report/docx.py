"""The annual report as a Word document (python-docx, the `report` extra).

The sections of the HTML report (summary, chapters, lead agencies with their measures,
appendix) as real Word headings (Heading 1-3: Word builds a table of contents from
them), real tables, the charts as PNG pictures (docx_charts.py), a page number
(a PAGE field) in every footer, on A4. Chinese text has an East Asian font Word has on
every Windows desk: 宋体 (SimSun) for the text, 微软雅黑 (Microsoft YaHei) for headings.
Deterministic: fixed document dates and zip entry times, so the same data give the
same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ...check.results import STATUSES
from ...plan.assessment import COMPONENTS
from ...report.charts import STATUS_COLOURS
from ...report.model import AgencySection, AnnualReport, TargetRow
from .. import format as figures
from ..assess.table import component_line, figure, rules_line
from ..result_row import details, row_cells
from ..verdict_words import status_word, word
from .docx_charts import ChartImage, chart_images
from .templating import report_title

__all__ = ["BODY_FONT", "HEADING_FONT", "render_docx"]

BODY_FONT = ("宋体", "Times New Roman")  # (East Asian, Latin)
HEADING_FONT = ("微软雅黑", "Arial")
_FIXED_DATE = datetime(2012, 1, 1)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_TEXT_WIDTH = 166.0  # mm: A4 less two margins of 22
# the columns of a target's row (render/result_row.py), the status last
_COLUMNS = ("target", "target_value", "actual", "gap", "progress", "trend", "status")


def render_docx(annual: AnnualReport) -> bytes:
    """The .docx's bytes."""
    from docx import Document
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(22))
    section.top_margin = section.bottom_margin = Mm(22)
    _fonts(document, annual.lang)
    _page_numbers(section, annual.lang)
    properties = document.core_properties
    properties.title = report_title(annual)
    properties.language = "zh-CN" if annual.lang == "zh" else "en"
    properties.author = "szq"
    properties.created = properties.modified = _FIXED_DATE
    properties.last_printed = _FIXED_DATE
    properties.revision = 1

    images = chart_images(annual)
    _Writer(document, annual, images).write()
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


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


def _set_fonts(style: Any, fonts: tuple[str, str], lang: str) -> None:
    from docx.oxml.ns import qn

    style.font.name = fonts[1]
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    for attribute in ("w:ascii", "w:hAnsi"):
        rfonts.set(qn(attribute), fonts[1])
    rfonts.set(qn("w:eastAsia"), fonts[0])
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(theme), None)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = rpr.makeelement(qn("w:lang"), {})
        rpr.append(language)
    language.set(qn("w:eastAsia"), "zh-CN")
    language.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-GB")


def _fonts(document: Any, lang: str) -> None:
    from docx.shared import Pt, RGBColor

    styles = document.styles
    _set_fonts(styles["Normal"], BODY_FONT, lang)
    styles["Normal"].font.size = Pt(10.5)
    for name, size in (("Title", 20), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        style = styles[name]
        _set_fonts(style, HEADING_FONT, lang)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x23, 0x28)
    _set_fonts(styles["Caption"], BODY_FONT, lang)


def _page_numbers(section: Any, lang: str) -> None:
    """A centred "第 N 页" / "Page N" footer: N is a PAGE field Word and LibreOffice fill."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, after = word("docx.page", lang, page="\0").split("\0")
    paragraph.add_run(before)
    run = paragraph.add_run()
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
    if after:
        paragraph.add_run(after)


class _Writer:
    """Writes the report's sections into a Document, in the HTML report's order."""

    def __init__(self, document: Any, annual: AnnualReport, images: dict[str, ChartImage]) -> None:
        self.document = document
        self.annual = annual
        self.lang = annual.lang
        self.images = images

    def w(self, key: str, **fields: object) -> str:
        return word(key, self.lang, **fields)

    def write(self) -> None:
        annual = self.annual
        self.document.add_heading(report_title(annual), level=0)
        meta = (
            f"{self.w('year_of_report')}: {annual.year} · {self.w('registry')}: "
            f"{annual.registry_sha256[:12]}"
        )
        if annual.stamp:
            meta += f" · {self.w('generated')}: {annual.stamp}"
        self.document.add_paragraph(meta)
        self._summary()
        self._chapters()
        self._agencies()
        self._appendix()
        self._assessment()

    # -- pieces -------------------------------------------------------------------------

    def _table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        statuses: Sequence[str | None] | None = None,
        status_column: int | None = None,
        widths: Sequence[float] | None = None,
    ) -> None:
        """A table; `widths` in mm (default: the first column 45, the rest shared)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.autofit = False
        if widths is None:
            first = 45.0 if len(headers) > 2 else 110.0
            rest = (_TEXT_WIDTH - first) / max(len(headers) - 1, 1)
            widths = [first] + [rest] * (len(headers) - 1)
        header = table.rows[0]
        flag = OxmlElement("w:tblHeader")  # repeated at the top of every page
        header._tr.get_or_add_trPr().append(flag)
        for cell, text in zip(header.cells, headers, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(9)
        for index, values in enumerate(rows):
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).font.size = Pt(9)
            status = statuses[index] if statuses is not None else None
            if status is not None and status_column is not None:
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:fill"), _tint(STATUS_COLOURS.get(status, "#8c959f")))
                cells[status_column]._tc.get_or_add_tcPr().append(shading)
        for column, width in enumerate(widths):  # the grid (LibreOffice), each cell (Word)
            table.columns[column].width = Mm(width)
            for cell in table.columns[column].cells:
                cell.width = Mm(width)

    def _picture(self, chart_id: str | None) -> None:
        if chart_id is None or chart_id not in self.images:
            return
        from docx.shared import Mm

        image = self.images[chart_id]
        self.document.add_picture(io.BytesIO(image.png), width=Mm(160))
        self.document.add_paragraph(image.caption, style="Caption")

    def _counts(self, label: str, counts: Any, total: int) -> list[str]:
        return [label, *(str(counts[status]) for status in STATUSES), str(total)]

    def _targets(self, rows: Sequence[TargetRow]) -> None:
        lang = self.lang
        yearly = bool(self.annual.yearly_plan)  # a yearly plan: its 年度目标 last
        columns = (*_COLUMNS, "yearly_target") if yearly else _COLUMNS
        headers = [self.w(key) for key in columns]
        body = []
        for row in rows:
            result = row.result
            name = row.name
            if result.lead_agencies_inferred:
                name += word("punct.parenthesised", lang, text=self.w("lead_inferred"))
            # why, what is still needed and where it is heading, the data's caveats
            name = "\n".join([name, *details(result, lang)])
            cells = [name, *row_cells(result, lang, _COLUMNS[1:])]
            if yearly:
                verdict = row_cells(result, lang, ("yearly_target", "yearly_status"))
                cells.append("\n".join(text for text in verdict if text))
            body.append(cells)
        self._table(
            headers,
            body,
            [row.result.status for row in rows],
            status_column=6,
            widths=(40, 22, 20, 18, 14, 20, 16, 16) if yearly else (46, 24, 22, 20, 16, 22, 16),
        )

    # -- sections -----------------------------------------------------------------------

    def _summary(self) -> None:
        annual = self.annual
        self.document.add_heading(self.w("summary"), level=1)
        headers = [
            self.w("chapters"),
            *(status_word(s, self.lang) for s in STATUSES),
            self.w("total"),
        ]
        rows = [self._counts(c.label, c.counts, len(c.targets)) for c in annual.chapters]
        rows.append(self._counts(self.w("total"), annual.summary, annual.total))
        rows.extend(self._counts(label, counts, total) for label, counts, total in annual.natures)
        self._table(headers, rows)
        self.document.add_heading(self.w("widest_gaps"), level=2)
        if annual.widest_gaps:
            self._table(
                [
                    self.w("agencies"),
                    self.w("open_gaps"),
                    status_word("no_data", self.lang),
                    self.w("total"),
                ],
                [
                    [a.label, str(a.open_gaps), str(a.counts["no_data"]), str(len(a.targets))]
                    for a in annual.widest_gaps
                ],
            )
        else:
            self.document.add_paragraph(self.w("no_open_gaps"))
        if annual.measure_counts is not None:
            self.document.add_heading(self.w("measures_summary"), level=2)
            for key, count in annual.measure_counts.items():
                self.document.add_paragraph(
                    f"{self.w('measure.' + key)}: {count}", style="List Bullet"
                )
        self.document.add_paragraph(f"{self.w('path_note')} {self.w('inferred_note')}")

    def _chapters(self) -> None:
        self.document.add_heading(self.w("chapters"), level=1)
        for chapter in self.annual.chapters:
            self.document.add_heading(chapter.label, level=2)
            self._targets(chapter.targets)
            for row in chapter.targets:
                self._picture(row.chart)

    def _agencies(self) -> None:
        self.document.add_heading(self.w("agencies"), level=1)
        for agency in self.annual.agencies:
            self._agency(agency)

    def _agency(self, agency: AgencySection) -> None:
        lang = self.lang
        self.document.add_heading(agency.label, level=2)
        counts = " · ".join(
            f"{status_word(s, lang)} {agency.counts[s]}" for s in STATUSES if agency.counts[s]
        )
        self.document.add_paragraph(f"{counts} · {self.w('total')} {len(agency.targets)}")
        self._targets(agency.targets)
        self._picture(agency.chart)
        if agency.measures:
            self.document.add_heading(self.w("measures"), level=3)
            self._table(
                [self.w("table"), self.w("measure"), self.w("status"), self.w("note")],
                [
                    [str(m.table), m.text, self.w("measure." + m.status), m.note or ""]
                    for m in agency.measures
                ],
                widths=(12, 104, 20, 30),
            )

    def _appendix(self) -> None:
        annual = self.annual
        lang = self.lang
        self.document.add_heading(self.w("appendix"), level=1)
        self.document.add_heading(self.w("inputs"), level=2)
        self._table(
            [self.w(k) for k in ("file", "rows", "accepted", "rejected")],
            [[i.path, str(i.rows), str(i.accepted), str(i.rejected)] for i in annual.inputs],
        )
        registry = f"{self.w('registry')}: sha256 {annual.registry_sha256}"
        if annual.status_file:
            registry += f" · {self.w('status_file')}: {annual.status_file}"
        self.document.add_paragraph(registry)
        self.document.add_heading(self.w("diagnostics"), level=2)
        if annual.diagnostics:
            self._table(
                [self.w(k) for k in ("severity", "code", "file", "line", "message")],
                [
                    [
                        d.severity,
                        d.code,
                        d.file,
                        "" if d.line is None else str(d.line),
                        d.message_in(lang) + (f"\n{d.hint_in(lang)}" if d.hint_in(lang) else ""),
                    ]
                    for d in annual.diagnostics
                ],
            )
        else:
            self.document.add_paragraph(self.w("no_diagnostics"))
        self.document.add_heading(self.w("revisions"), level=2)
        if annual.revisions:
            self._table(
                [self.w(k) for k in ("series", "year", "old", "new", "file")],
                [
                    [
                        v.series + (f" ({v.region})" if v.region else ""),
                        str(v.year),
                        figures.format_number(v.old),
                        figures.format_number(v.new),
                        f"{v.old_file}:{v.old_line} → {v.new_file}:{v.new_line}",
                    ]
                    for v in annual.revisions
                ],
            )
        else:
            self.document.add_paragraph(self.w("no_revisions"))
        self.document.add_heading(self.w("sources"), level=2)
        if annual.sources:
            self._table(
                [self.w("source"), self.w("series")],
                [[s.source, ", ".join(s.series)] for s in annual.sources],
            )
        else:
            self.document.add_paragraph(self.w("no_sources"))

    def _assessment(self) -> None:
        """The assessment's annex (szq report --assessment): rules, then a table per kind
        of unit with each unit's points and how they were earned."""
        found = self.annual.assessment
        if found is None:
            return
        lang = self.lang
        self.document.add_heading(self.w("assess.annex", year=found.year), level=1)
        self.document.add_paragraph(rules_line(found, lang))
        self.document.add_paragraph(self.w("assess.ties"))
        headers = [
            self.w("assess.rank"),
            self.w("assess.unit"),
            self.w("assess.score"),
            *(self.w(f"assess.component.{name}") for name in COMPONENTS),
        ]
        for key, units in (
            ("assess.agencies", found.agencies),
            ("assess.districts", found.districts),
        ):
            if not units:
                continue
            self.document.add_heading(self.w(key), level=2)
            body = []
            for unit in units:
                lines = (
                    [component_line(c, lang) for c in unit.components]
                    if unit.score is not None
                    else [self.w("assess.not_assessable")]
                )
                body.append(
                    [
                        "" if unit.rank is None else str(unit.rank),
                        "\n".join([unit.name(lang), *lines]),
                        figure(unit.score),
                        *(figure(c.points) if c.used else "—" for c in unit.components),
                    ]
                )
            self._table(headers, body, widths=(12, 74, 16, 16, 16, 16, 16))


def _tint(colour: str) -> str:
    """A light tint of a status colour for a table cell's shading (hex without #)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "".join(f"{round(c + (255 - c) * 0.75):02X}" for c in (red, green, blue))
