"""The Word report's content: the parts of a plan evaluation report, in order.

总体情况 (prose, the statuses by chapter), 主要指标完成情况 (one table, a line per target
with data), 分领域进展 (prose and a picture per chapter), 存在的问题, 下一步工作, then the
annexes: each lead agency's targets and measures, the data used (numbered: the table
cites them), the notes of the data, inputs and diagnostics, the registry's identity.
The prose is render/evaluation_text.py's, the table's cells render/result_row.py's; the
page layout and fonts are report_docx.py's. Tables and pictures are numbered (表1, 图1).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...plan.assessment import COMPONENTS
from ...report.evaluation import Evaluation, IndicatorRow
from ...report.model import AgencySection, AnnualReport
from ..assess.table import component_line, figure, rules_line
from ..check.summary import summary_text
from ..format import target_label
from ..result_row import common_years, indicator_cells, indicator_headers, yearly_cell
from ..verdict_words import word
from .docx_style import DocxStyle, set_fonts, text_width
from .evaluation_charts import evaluation_images
from .evaluation_text import Prose, refs_text

__all__ = ["SectionWriter"]

# the widths (mm) of 主要指标完成情况's columns, shared out over the text's width
_INDICATOR_WIDTHS = {
    "zh": (8, 46, 13, 15, 18, 15, 17, 13, 21),
    # English units and agencies' names run longer than Chinese ones
    "en": (7, 36, 24, 13, 15, 13, 14, 16, 28),
}
# the same with a yearly plan's 年度目标 last, the text's width shared out again
_YEARLY_WIDTHS = {
    "zh": (8, 38, 12, 14, 16, 14, 15, 12, 18, 19),
    "en": (7, 30, 20, 12, 13, 12, 13, 14, 24, 21),
}


class SectionWriter:
    """Writes an AnnualReport's evaluation into a Document."""

    def __init__(
        self, document: Any, annual: AnnualReport, style: DocxStyle, author: str | None
    ) -> None:
        assert annual.evaluation is not None
        self.document = document
        self.annual = annual
        self.found: Evaluation = annual.evaluation
        self.lang = annual.lang
        self.style = style
        self.author = author
        self.tables = 0
        self.figures = 0
        self.images = evaluation_images(annual)
        self.prose = Prose(annual)

    def w(self, key: str, **fields: object) -> str:
        return word(key, self.lang, **fields)

    def write(self) -> None:
        self._title()
        self._overall()
        self._indicators()
        self._chapters()
        self._problems()
        self._next()
        self._annexes()
        write_assessment(self)

    # -- pieces ---------------------------------------------------------------------------

    def paragraph(self, text: str, *, indent: bool = True) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.document.add_paragraph(text)
        if indent and self.style.first_line_indent:
            paragraph.paragraph_format.first_line_indent = Pt(self.style.body_size * 2)
        if self.style.first_line_indent:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        return paragraph

    def small(self, text: str, size: float | None = None) -> Any:
        """A paragraph in the tables' size (or `size`): notes under a table, an annex's
        long lists."""
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        paragraph.add_run(text).font.size = Pt(size or self.style.table_size)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level=level)

    def caption(self, kind: str, title: str) -> None:
        if kind == "table":
            self.tables += 1
            text = self.w("eval.table", number=self.tables, title=title)
        else:
            self.figures += 1
            text = self.w("eval.figure", number=self.figures, title=title)
        paragraph = self.document.add_paragraph(text, style="Caption")
        paragraph.paragraph_format.keep_with_next = kind == "table"

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        centred: Sequence[int] = (),
    ) -> None:
        add_table(self.document, self.style, headers, rows, widths, centred)

    def picture(self, key: str) -> None:
        image = self.images.get(key)
        if image is None:
            return
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm

        self.document.add_picture(io.BytesIO(image.png), width=Mm(min(140, text_width(self.style))))
        picture = self.document.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.first_line_indent = Mm(0)
        picture.paragraph_format.keep_with_next = True
        picture.paragraph_format.line_spacing = 1.0
        self.caption("figure", image.caption)

    # -- the parts ------------------------------------------------------------------------

    def _title(self) -> None:
        annual = self.annual
        title = self.document.add_paragraph(style="Title")
        title.add_run(annual.plan)
        title.add_run().add_break()
        title.add_run(self.w("eval.title.kind", year=annual.year))
        if self.author:
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            line = self.document.add_paragraph(self.author)
            line.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_fonts(line.runs[0], self.style.heading2)

    def _overall(self) -> None:
        self.heading(self.w("eval.overall"), 1)
        for text in self.prose.overall:
            self.paragraph(text)
        colon = self.w("punct.colon")
        for label, counts, total in self.annual.natures:  # binding targets reported apart
            self.paragraph(f"{label}{colon}{summary_text(dict(counts), total, self.lang)}")
        self.picture("statuses")

    def _indicators(self) -> None:
        self.heading(self.w("eval.indicators"), 1)
        lines = self.found.indicators
        years = common_years(lines)
        self.caption("table", self.w("eval.table.indicators"))
        yearly = bool(self.annual.yearly_plan)  # a yearly plan's 年度目标, last
        self.table(
            [*indicator_headers(self.lang, years), *([self.w("yearly_target")] if yearly else [])],
            [
                [
                    *self._indicator_row(line, years),
                    *([yearly_cell(line.result, self.lang)] if yearly else []),
                ]
                for line in lines
            ],
            (_YEARLY_WIDTHS if yearly else _INDICATOR_WIDTHS)[self.lang],
            centred=(0, 2, 6, 7),
        )
        notes = [self.w("eval.table.notes")]
        if any(line.result.lead_agencies_inferred for line in lines):
            notes.append(self.w("check.footnote"))
        if any(line.nominal for line in lines):
            notes.append(self.w("eval.nominal_note"))
        for text in notes:
            self.small(text)

    def _indicator_row(self, line: IndicatorRow, years: dict[str, int]) -> list[str]:
        cells = indicator_cells(line, self.lang, years)
        if len(line.leads) > 1:  # all of them in annex 1
            cells[-1] = self.w("eval.and_others", first=line.leads[0])
        if line.refs:
            cells[1] += " " + self.w("eval.refs", refs=refs_text(line.refs))
        return cells

    def _chapters(self) -> None:
        self.heading(self.w("eval.chapters"), 1)
        for chapter in self.found.chapters:
            self.heading(chapter.label, 2)
            for text in self.prose.chapter(chapter):
                self.paragraph(text)
            self.picture(chapter.key)

    def _problems(self) -> None:
        self.heading(self.w("eval.problems"), 1)
        for text in self.prose.problems:
            self.paragraph(text)

    def _next(self) -> None:
        self.heading(self.w("eval.next"), 1)
        for text in self.prose.next_steps:
            self.paragraph(text)

    # -- annexes --------------------------------------------------------------------------

    def _annex(self, number: int, key: str) -> None:
        """An annex's heading: the first starts a page, the others follow on."""
        self.heading(self.w("eval.annex", number=number, title=self.w(key)), 1)
        if number == 1:
            self.document.paragraphs[-1].paragraph_format.page_break_before = True

    def _annexes(self) -> None:
        self._annex(1, "eval.annex.agencies")
        self._agencies()
        self._annex(2, "eval.annex.data")
        self._data_used()
        self._annex(3, "eval.annex.notes")
        self._notes()
        self._annex(4, "eval.annex.inputs")
        self._inputs()
        self._annex(5, "eval.annex.registry")
        annual = self.annual
        self.paragraph(
            self.w(
                "eval.annex.registry_line",
                file=Path(annual.registry_path).name,
                sha=annual.registry_sha256,
            )
        )
        if annual.status_file:
            self.paragraph(f"{self.w('status_file')}{self.w('punct.colon')}{annual.status_file}")

    def _agencies(self) -> None:
        """Annex 1: one row per lead agency: its targets with data and their completion,
        how many have none, its measures (those reported one by one, the rest counted)."""
        self.caption("table", self.w("eval.annex.agencies"))
        self.table(
            [self.w("col.lead"), self.w("eval.annex.targets"), self.w("eval.annex.measures")],
            [self._agency(section) for section in self.annual.agencies],
            (26, 84, 46),
        )

    def _agency(self, section: AgencySection) -> list[str]:
        by_target = {line.result.target: line for line in self.found.indicators}
        colon = self.w("punct.colon")
        lines = []
        for row in section.targets:
            line = by_target.get(row.result.target)
            if line is not None:
                completion = self.w(f"completion.{line.completion}")
                name = target_label(line.result.spec, self.lang)
                lines.append(f"{line.number}. {name}{colon}{completion}")
        without = sum(1 for row in section.targets if row.result.target not in by_target)
        if without:
            lines.append(self.w("eval.annex.without_data_count", count=without))
        measures = []
        for measure in section.measures:
            if measure.status != "not_reported":
                note = f" {measure.note}" if measure.note else ""
                measures.append(f"{measure.text}{colon}{self.w('measure.' + measure.status)}{note}")
        unreported = self.prose.unreported(section)
        if unreported:
            measures.append(unreported)
        # run on, not a line each: the cell stays short
        return [section.label, self.w("punct.semicolon").join(lines), "\n".join(measures)]

    def _data_used(self) -> None:
        if not self.found.data_used:
            self.paragraph(self.w("no_sources"))
            return
        self.caption("table", self.w("eval.annex.data"))
        self.table(
            [self.w(key) for key in ("col.number", "series", "year", "eval.data.value")]
            + [self.w("eval.data.file"), self.w("source")],
            self.prose.data_rows(),
            (10, 40, 14, 34, 40, 18),
            centred=(0, 2, 5),
        )
        colon = self.w("punct.colon")
        for source, number in self.prose.sources.items():
            source_line = f"{self.w('eval.data.source', number=number)}{colon}{source}"
            self.small(source_line, self.style.list_size)

    def _notes(self) -> None:
        entries = self.prose.notes
        if not entries:
            self.paragraph(self.w("no_data_notes"))
        for entry in entries:  # the annexes' lists of sources and notes: 五号 (10.5 pt)
            self.small(entry, self.style.list_size)

    def _inputs(self) -> None:
        annual = self.annual
        self.caption("table", self.w("inputs"))
        self.table(
            [self.w(k) for k in ("file", "rows", "accepted", "rejected")],
            [
                [Path(i.path).name, str(i.rows), str(i.accepted), str(i.rejected)]
                for i in annual.inputs
            ],
            (90, 22, 22, 22),
            centred=(1, 2, 3),
        )
        if not annual.diagnostics:
            self.small(f"{self.w('diagnostics')}{self.w('punct.colon')}{self.w('no_diagnostics')}")
            return
        self.caption("table", self.w("diagnostics"))
        self.table(
            [self.w(k) for k in ("severity", "code", "file", "line", "message")],
            [
                [
                    d.severity,
                    d.code,
                    Path(d.file).name,
                    "" if d.line is None else str(d.line),
                    d.message_in(self.lang),
                ]
                for d in annual.diagnostics
            ],
            (16, 30, 30, 12, 68),
        )


def write_assessment(self: SectionWriter) -> None:
    """The assessment (szq report --assessment): the rules, then a table per kind of
    unit with each unit's points and how they were earned."""
    found = self.annual.assessment
    if found is None:
        return
    lang = self.lang
    self.heading(self.w("assess.annex", year=found.year), 1)
    self.paragraph(rules_line(found, lang))
    self.paragraph(self.w("assess.ties"))
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
        self.heading(self.w(key), 2)
        rows = []
        for unit in units:
            lines = (
                [component_line(c, lang) for c in unit.components]
                if unit.score is not None
                else [self.w("assess.not_assessable")]
            )
            rows.append(
                [
                    "" if unit.rank is None else str(unit.rank),
                    "\n".join([unit.name(lang), *lines]),
                    figure(unit.score),
                    *(figure(c.points) if c.used else "—" for c in unit.components),
                ]
            )
        self.table(headers, rows, (10, 80, 14, 14, 14, 14, 14), centred=(0,))


def add_table(
    document: Any,
    style: DocxStyle,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    centred: Sequence[int] = (),
) -> None:
    """A table whose header row repeats on every page and whose rows never split."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    scale = text_width(style) / sum(widths)
    widths = [width * scale for width in widths]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = Pt(style.table_size)

    def fill(cells: Any, texts: Sequence[str], bold: bool) -> None:
        for column, (cell, text) in enumerate(zip(cells, texts, strict=True)):
            paragraph = cell.paragraphs[0]
            layout = paragraph.paragraph_format
            layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
            layout.first_line_indent = Pt(0)
            if bold or column in centred:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.font.size = size
            run.bold = bold
            if bold and style.name == "official":
                set_fonts(run, style.heading1)

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "57")  # twips: 1 mm
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    fill(header.cells, headers, bold=True)
    for values in rows:
        row = table.add_row()
        fill(row.cells, values, bold=False)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for column, width in enumerate(widths):  # the grid (LibreOffice), each cell (Word)
        table.columns[column].width = Mm(width)
        for cell in table.columns[column].cells:
            cell.width = Mm(width)
