"""The annual report as Word: opened with python-docx, and converted by LibreOffice.

python-docx reads back the headings (Word's Heading styles), the tables, the pictures,
the page size, the footer's PAGE field and the East Asian font. Where LibreOffice and
poppler are installed (`.ci/run` installs them), the document is converted to PDF and its
pages are read as a person would: A4, the title on page 1, "第 2 页" at the foot of page
2, each page rendered as an image.
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
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate
from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.measures import load_measures
from sz_quality.plan.registry import load_registry
from sz_quality.read.reader import read_files
from sz_quality.render.report.writer import write_report
from sz_quality.render.verdict_words import status_word, word

docx = pytest.importorskip("docx")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[2]
FILES = [str(ROOT / "examples" / "data-2013.csv"), str(ROOT / "examples" / "data-2015.csv")]
STATUSES = ("met", "not_met", "on_track", "off_track", "no_data", "not_assessable")
runner = CliRunner()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    registry = load_registry()
    data = read_files(FILES, Lookup.from_registry(registry), lang="zh")
    report = evaluate(registry, data, 2015)
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    annual, paths = write_report(
        path, report, registry, measures=load_measures(registry), data=data, lang="zh"
    )
    assert paths == [path]
    return path, annual


def test_headings_tables_pictures_page_and_fonts(written: tuple[Path, object]) -> None:
    path, annual = written
    document = docx.Document(str(path))
    headings = {1: [], 2: [], 3: []}  # type: dict[int, list[str]]
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name.startswith("Heading "):
            headings[int(name.split()[1])].append(paragraph.text)
    assert headings[1] == [
        word(key, "zh") for key in ("summary", "chapters", "agencies", "appendix")
    ]
    chapters = [c.label for c in annual.chapters]  # type: ignore[attr-defined]
    agencies = [a.label for a in annual.agencies]  # type: ignore[attr-defined]
    appendix = [word(key, "zh") for key in ("inputs", "diagnostics", "revisions", "sources")]
    assert headings[2] == [word("widest_gaps", "zh"), *chapters, *agencies, *appendix]
    with_measures = [a for a in annual.agencies if a.measures]  # type: ignore[attr-defined]
    assert headings[3] == [word("measures", "zh")] * len(with_measures)

    tables = document.tables
    summary = tables[0]
    assert [cell.text for cell in summary.rows[0].cells] == [
        word("chapters", "zh"),
        *(status_word(s, "zh") for s in STATUSES),
        word("total", "zh"),
    ]
    last = [cell.text for cell in summary.rows[-1].cells]
    totals = annual.summary  # type: ignore[attr-defined]
    assert last == [word("total", "zh"), *(str(totals[s]) for s in STATUSES), "107"]
    # summary, widest gaps, a table per chapter and per agency, their measures, appendix
    appendix_tables = (
        1
        + bool(annual.diagnostics)
        + bool(annual.revisions)
        + bool(  # type: ignore[attr-defined]
            annual.sources
        )
    )  # type: ignore[attr-defined]
    assert len(tables) == 2 + len(chapters) + len(agencies) + len(with_measures) + (appendix_tables)
    first_chapter = tables[2]
    assert len(first_chapter.rows) == 1 + len(annual.chapters[0].targets)  # type: ignore[attr-defined]

    charts = annual.charts  # type: ignore[attr-defined]
    assert len(document.inline_shapes) == len(charts) > 10
    for shape in document.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        assert document.part.related_parts[blip.embed].blob.startswith(b"\x89PNG")

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer._element.xml
    assert "PAGE" in footer and "fldChar" in footer and "第 " in footer

    from docx.oxml.ns import qn

    def east_asian(style: str) -> str | None:
        fonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
        return fonts.get(qn("w:eastAsia"))

    assert east_asian("Normal") == "宋体"
    assert east_asian("Heading 1") == east_asian("Heading 2") == "微软雅黑"


def test_each_target_row_shows_the_caveats_of_its_data(written: tuple[Path, object]) -> None:
    path, annual = written
    document = docx.Document(str(path))
    first_cells = {row.cells[0].text for table in document.tables for row in table.rows}
    noted = [
        row.result
        for chapter in annual.chapters  # type: ignore[attr-defined]
        for row in chapter.targets
        if row.result.evidence.noted
    ]
    assert len(noted) > 5
    for result in noted:
        lines = [
            word("evidence.note", "zh", series=each.series, year=each.year, note=each.note)
            for each in result.evidence.noted
        ]
        shown = [cell for cell in first_cells if cell.startswith(result.name("zh"))]
        assert shown and all(line in cell for cell in shown for line in lines), result.target


def test_the_same_data_give_the_same_bytes(written: tuple[Path, object], tmp_path: Path) -> None:
    path, _ = written
    again = tmp_path / "again.docx"
    result = runner.invoke(
        app, ["report", *FILES, "--year", "2015", "--lang", "zh", "-o", str(again)]
    )
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == path.read_bytes()
    font_lines = [line for line in result.stderr.splitlines() if "charts:" in line]
    assert len(font_lines) == 1, result.stderr


def test_without_a_cjk_font_chinese_goes_to_the_caption(
    written: tuple[Path, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sz_quality.render.report import docx_charts as report_docx_charts

    _, annual = written
    monkeypatch.setattr(report_docx_charts, "cjk_font", lambda: None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        images = report_docx_charts.chart_images(annual)  # type: ignore[arg-type]
    assert [str(w.message) for w in caught] == []
    gdp = images["chart-gdp_2015"]
    assert gdp.png.startswith(b"\x89PNG")
    assert gdp.caption.startswith("本市生产总值达到1.5万亿元（")
    assert "虚线：达标路径" in gdp.caption and "万亿元" in gdp.caption
    assert report_docx_charts.font_note("zh").startswith("charts: no CJK font found")


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


def test_libreoffice_prints_it_on_a4_with_page_numbers(
    written: tuple[Path, object], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip(
            "needs LibreOffice (soffice) and poppler-utils: apt-get install "
            "libreoffice-writer-nogui poppler-utils (.ci/run does)"
        )
    path, annual = written
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
    assert pages > 5

    def page_text(number: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    first = page_text(1)
    assert "年度进展报告" in first and word("summary", "zh") in first

    def footer(number: int) -> bool:  # pdftotext may drop the spaces around the number
        return re.search(rf"第\s*{number}\s*页", page_text(number)) is not None

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


def test_each_target_row_shows_its_outlook(written: tuple[Path, object]) -> None:
    """What is still needed and where it is heading, as the HTML report shows it."""
    from sz_quality.render.format import outlook_text

    path, annual = written
    document = docx.Document(str(path))
    first_cells = {row.cells[0].text for table in document.tables for row in table.rows}
    results = [
        row.result
        for chapter in annual.chapters  # type: ignore[attr-defined]
        for row in chapter.targets
    ]
    with_outlook = [result for result in results if outlook_text(result, "zh")]
    assert len(with_outlook) > 5
    for result in with_outlook:
        shown = [cell for cell in first_cells if cell.startswith(result.name("zh"))]
        assert shown and all("→ " + outlook_text(result, "zh") in cell for cell in shown)
