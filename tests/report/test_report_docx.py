"""The evaluation report as Word: read back with python-docx, and converted by LibreOffice.

python-docx reads back the parts (Word's Heading styles), the main indicators table, the
pictures and their numbered captions, and the GB/T 9704 layout: page, margins, fonts and
sizes, the repeated header rows and rows that never split, `— N —` at the outer side,
the document's properties. Where LibreOffice and poppler are installed (`.ci/run`
installs them), the document is converted to PDF and its pages are read as a person would:
A4, the title on page 1, `— 2 —` at the foot of page 2, at most 15 pages.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import signal
import subprocess
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate
from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.measures import load_measures
from sz_quality.plan.registry import load_registry
from sz_quality.read.reader import read_files
from sz_quality.read.reading import ReadOptions
from sz_quality.render.report.writer import ReportOptions, write_report
from sz_quality.render.verdict_words import word

docx = pytest.importorskip("docx")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[2]
FILES = [str(ROOT / "examples" / "data-2013.csv"), str(ROOT / "examples" / "data-2015.csv")]
runner = CliRunner()


def write(
    folder: Path, year: int, files: list[str], options: ReportOptions | None = None
) -> tuple[Path, Any]:
    registry = load_registry()
    data = read_files(files, Lookup.from_registry(registry), ReadOptions(lang="zh"))
    report = evaluate(registry, data, year)
    path = folder / "report.docx"
    annual, paths = write_report(
        path,
        report,
        registry,
        measures=load_measures(registry),
        data=data,
        lang="zh",
        options=options or ReportOptions(),
    )
    assert paths == [path]
    return path, annual


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    return write(tmp_path_factory.mktemp("docx"), 2015, FILES)


def _fonts(element: Any) -> dict[str, str]:
    from docx.oxml.ns import qn

    rpr = element.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is None:
        return {}
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}


def test_the_parts_of_an_evaluation_report(written: tuple[Path, Any]) -> None:
    path, annual = written
    document = docx.Document(str(path))
    headings: dict[int, list[str]] = {1: [], 2: []}
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name in ("Heading 1", "Heading 2"):
            headings[int(name.split()[1])].append(paragraph.text)
    annexes = [
        word("eval.annex", "zh", number=number, title=word(key, "zh"))
        for number, key in enumerate(
            (
                "eval.annex.agencies",
                "eval.annex.data",
                "eval.annex.notes",
                "eval.annex.inputs",
                "eval.annex.registry",
            ),
            start=1,
        )
    ]
    parts = ("eval.overall", "eval.indicators", "eval.chapters", "eval.problems", "eval.next")
    assert headings[1] == [word(key, "zh") for key in parts] + annexes
    assert headings[2] == [chapter.label for chapter in annual.chapters]
    title = document.paragraphs[0]
    assert title.style.name == "Title" and title.text.startswith(annual.plan)
    # the registry's identity is in the last annex, not on the first page
    first_page = " ".join(p.text for p in document.paragraphs[:6])
    assert annual.registry_sha256[:12] not in first_page
    assert annual.registry_sha256 in document.paragraphs[-1].text


def test_the_main_indicators_table(written: tuple[Path, Any]) -> None:
    path, annual = written
    document = docx.Document(str(path))
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header == [
        "序号",
        "指标",
        "单位",
        "基期值\n2010年",
        "目标值\n2015年",
        "当前值\n2015年",
        "年均增长",
        "完成情况",
        "牵头单位",
    ]
    lines = annual.evaluation.indicators
    assert len(table.rows) == 1 + len(lines)
    first = [cell.text for cell in table.rows[1].cells]
    assert first[0] == "1" and first[1].startswith("本市生产总值达到1.5万亿元 *")
    assert first[2:8] == ["万亿元", "0.95", "≥ 1.5", "1.75", "+13%", "已完成"]
    # no internal id, URL nor file line in a cell of the table
    text = " ".join(cell.text for row in table.rows for cell in row.cells)
    assert "http" not in text and ".csv" not in text and "_2015" not in text
    # targets without data: not a row of the table, counted in the prose once
    assert all(line.result.status != "no_data" for line in lines)


def _mm(length: Any) -> float:
    return round(length.mm, 1)


def test_gbt_9704_layout_read_back(written: tuple[Path, Any]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn

    path, annual = written
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210.0, 297.0)
    margins = (section.top_margin, section.bottom_margin, section.left_margin)
    assert [_mm(m) for m in (*margins, section.right_margin)] == [37.0, 35.0, 28.0, 26.0]
    styles = document.styles
    normal = styles["Normal"]
    assert _fonts(normal.element)["eastAsia"] == "仿宋_GB2312"
    assert normal.font.size.pt == 16  # 三号
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    # 22 lines on the 225 mm of text
    assert round(225 / 25.4 * 72 / normal.paragraph_format.line_spacing.pt) == 22
    title = styles["Title"]
    assert _fonts(title.element)["eastAsia"] == "方正小标宋简体" and title.font.size.pt == 22
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _fonts(styles["Heading 1"].element)["eastAsia"] == "黑体"
    assert _fonts(styles["Heading 2"].element)["eastAsia"] == "楷体_GB2312"
    assert styles["Heading 1"].font.size.pt == styles["Heading 2"].font.size.pt == 16
    # the title on two lines, broken between the plan's name and the report's kind
    assert document.paragraphs[0].text == f"{annual.plan}\n实施情况评估报告（2015年）"
    # tables: 小四, the header row repeated, no row split across pages
    for table in document.tables:
        rows = table.rows
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        sizes = {
            run.font.size.pt
            for row in rows
            for c in row.cells
            for p in c.paragraphs
            for run in p.runs
        }
        assert sizes == {12}
    # — N — at the outer side: odd pages right, even pages left, 四号
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        assert footer.text == "— 1 —"  # the PAGE field's placeholder between the dashes
        assert "PAGE" in footer._p.xml and {r.font.size.pt for r in footer.runs} == {14}
    # numbered captions: 表1…, 图1…
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    tables = [c for c in captions if c.startswith("表")]
    figures = [c for c in captions if c.startswith("图")]
    assert [c.split("\u3000")[0] for c in tables] == [f"表{n}" for n in range(1, len(tables) + 1)]
    assert [c.split("\u3000")[0] for c in figures] == [f"图{n}" for n in range(1, len(figures) + 1)]
    assert len(figures) == len(document.inline_shapes) >= 4


def test_document_properties_are_real(tmp_path: Path) -> None:
    when = datetime(2016, 3, 1, 9, 30)
    path, annual = write(tmp_path, 2015, FILES, ReportOptions(author="深圳市统计局", created=when))
    properties = docx.Document(str(path)).core_properties
    assert properties.title == "关于创造深圳质量的行动计划实施情况评估报告（2015年）"
    assert properties.author == "深圳市统计局" and properties.created == when.replace(tzinfo=UTC)
    assert properties.language == "zh-CN"
    # the extended properties: szq, the author as the company, no template thumbnail
    import zipfile

    with zipfile.ZipFile(path) as package:
        app = package.read("docProps/app.xml").decode("utf-8")
        assert not any("thumbnail" in name for name in package.namelist())
    assert "<Application>szq</Application>" in app and "<Company>深圳市统计局</Company>" in app
    assert "Macintosh" not in app and "<Pages>" not in app
    # without a date given: the end of the year reported on, never python-docx's own
    (tmp_path / "b").mkdir()
    again, _ = write(tmp_path / "b", 2015, FILES)
    plain = docx.Document(str(again)).core_properties
    assert plain.created == datetime(2015, 12, 31, tzinfo=UTC) and plain.author == ""
    assert plain.last_modified_by != "python-docx"


def test_the_plain_style_keeps_the_neutral_look(tmp_path: Path) -> None:
    path, _ = write(tmp_path, 2015, FILES, ReportOptions(style="plain"))
    document = docx.Document(str(path))
    section = document.sections[0]
    assert {_mm(section.top_margin), _mm(section.left_margin)} == {22.0}
    normal = document.styles["Normal"]
    assert _fonts(normal.element)["eastAsia"] == "宋体" and normal.font.size.pt == 10.5
    assert section.footer.paragraphs[0].text == "第 1 页"


def test_the_same_data_give_the_same_bytes(written: tuple[Path, Any], tmp_path: Path) -> None:
    path, _ = written
    again = tmp_path / "again.docx"
    result = runner.invoke(
        app, ["report", *FILES, "--year", "2015", "--lang", "zh", "-o", str(again)]
    )
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == path.read_bytes()
    font_lines = [line for line in result.stderr.splitlines() if "szq：图表：" in line]
    assert len(font_lines) == 1, result.stderr


def test_without_a_cjk_font_no_chinese_goes_into_the_pictures(
    written: tuple[Path, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sz_quality.render.report import evaluation_charts

    _, annual = written
    monkeypatch.setattr(evaluation_charts, "cjk_font", lambda: None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        images = evaluation_charts.evaluation_images(annual)
    assert [str(w.message) for w in caught] == []
    assert images["statuses"].png.startswith(b"\x89PNG")
    first = annual.chapters[0]
    assert images[first.key].caption.startswith(first.label)
    assert "红色虚线为目标值" in images[first.key].caption


def _run_in_group(command: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run a command in its own process group; the group is killed at the end, always."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return subprocess.CompletedProcess(command, process.returncode, out, err)


@pytest.mark.parametrize("year", [2015, 2013])
def test_libreoffice_prints_it_on_a4_within_15_pages(
    written: tuple[Path, Any], tmp_path: Path, year: int
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip(
            "needs LibreOffice (soffice) and poppler-utils: apt-get install "
            "libreoffice-writer-nogui poppler-utils (.ci/run does)"
        )
    if year == 2015:
        path = written[0]
    else:
        path, _ = write(tmp_path, 2013, FILES[:1])
    profile = tmp_path / "profile"
    converted = _run_in_group(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        timeout=240,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.exists(), converted.stderr.decode("utf-8", "replace")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    assert 5 < pages <= 15  # 43 (2015) and 37 (2013) before the evaluation report

    def page_text(number: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    first = page_text(1)
    assert "实施情况评估报告" in first and word("eval.overall", "zh") in first

    def footer(number: int) -> bool:  # pdftotext may drop the spaces around the number
        return re.search(rf"—\s*{number}\s*—", page_text(number)) is not None

    assert footer(1) and footer(2) and footer(pages)
    rendered = subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "3", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        check=True,
    )
    assert rendered.returncode == 0
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 3 and all(image.stat().st_size > 2000 for image in images)
    assert io.BytesIO(images[0].read_bytes()).read(4) == b"\x89PNG"


def test_the_notes_of_the_data_are_numbered_in_an_annex(written: tuple[Path, Any]) -> None:
    """Notes leave the table's cells: annex 3 lists them, by the number of the row of data
    (annex 2) they belong to; the table cites those numbers."""
    path, annual = written
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    used = annual.evaluation.data_used
    noted = [(index, row) for index, row in enumerate(used, start=1) if row.note]
    assert len(noted) > 5
    for index, row in noted:
        note = word("evidence.note", "zh", series=row.series, year=row.year, note=row.note)
        assert f"[{index}] {note}" in texts
    # every other note of the data follows, unnumbered
    assert sum(1 for text in texts if text.startswith("※ 数据备注")) > 10
    data = document.tables[-2 if annual.diagnostics else -1]
    numbers = [row.cells[0].text for row in document.tables[2].rows[1:]]
    assert numbers == [str(n) for n in range(1, len(used) + 1)]
    assert data is not None
    cited = document.tables[0].rows[1].cells[1].text
    assert re.search(r"\[\d+(–\d+)?(, \d+(–\d+)?)*\]$", cited)


def test_raster_charts_draw_chinese_with_the_simplified_face() -> None:
    from sz_quality.render.report.docx_charts import cjk_font

    found = cjk_font()
    if found is None or not found[1].endswith("NotoSansCJK-Regular.ttc"):
        pytest.skip("needs Noto Sans CJK's collection (apt-get install fonts-noto-cjk)")
    # the JP face is the collection's first: the SC face draws 骨, 直, 说 as China writes them
    assert found[0] == "Noto Sans CJK SC"


def test_the_font_note_is_in_the_runs_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The line about the charts' font was English under --lang zh."""
    from sz_quality.render.report import docx_charts

    monkeypatch.setattr(docx_charts, "cjk_font", lambda: ("Noto Sans CJK SC", "/fonts/n.ttc"))
    assert docx_charts.font_note("zh") == "图表：中文以 Noto Sans CJK SC（/fonts/n.ttc）绘制"
    assert (
        docx_charts.font_note("en") == "charts: Chinese drawn with Noto Sans CJK SC (/fonts/n.ttc)"
    )
    monkeypatch.setattr(docx_charts, "cjk_font", lambda: None)
    assert docx_charts.font_note("zh").startswith("图表：本机没有中文字体")
    assert docx_charts.font_note("en").startswith("charts: no CJK font found on this system")


def test_the_font_table_names_a_fallback_for_each_gb2312_font(written: tuple[Path, Any]) -> None:
    import zipfile
    from xml.etree import ElementTree

    path, _ = written
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as package:
        table = ElementTree.fromstring(package.read("word/fontTable.xml"))
    fallbacks = {
        font.get(f"{namespace}name"): alt.get(f"{namespace}val")
        for font in table.iter(f"{namespace}font")
        if (alt := font.find(f"{namespace}altName")) is not None
    }
    assert fallbacks["仿宋_GB2312"] == "仿宋" and fallbacks["楷体_GB2312"] == "楷体"
    assert fallbacks["方正小标宋简体"] == "宋体"
