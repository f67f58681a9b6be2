"""Excel out: `szq check -o gaps.xlsx` and `szq calc -o derived.xlsx`, read back by openpyxl.

The workbook is written by XlsxWriter and read back by openpyxl, an independent library:
every cell of the results sheet equals the value `--format json` gives.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.render.check.workbook import RESULT_COLUMNS
from sz_quality.render.verdict_words import status_word, trend_word, word

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("xlsxwriter")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "data-2015.csv"
runner = CliRunner()


def _rows(path: Path, index: int) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path)
    return list(book.worksheets[index].iter_rows(values_only=True))


def _blank(value: Any) -> Any:
    return None if value == "" else value


def _agency_names(lang: str) -> dict[str, str]:
    result = runner.invoke(app, ["agencies", "--format", "json", "--lang", lang])
    assert result.exit_code == 0, result.output
    agencies = json.loads(result.stdout)
    items = agencies if isinstance(agencies, list) else agencies.get("agencies", [])
    return {item["name_zh"]: item["name_zh" if lang == "zh" else "name_en"] for item in items}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_workbook_equals_check_json_cell_for_cell(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "gaps.xlsx"
    written = runner.invoke(app, ["check", str(EXAMPLE), "-o", str(out), "--lang", lang])
    assert written.exit_code == 0, written.output
    as_json = runner.invoke(app, ["check", str(EXAMPLE), "--format", "json", "--lang", lang])
    data = json.loads(as_json.stdout)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == (
        ["Summary", "Results", "Inputs", "Diagnostics"]
        if lang == "en"
        else ["总览", "各目标结果", "输入文件", "诊断信息"]
    )
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == len(data["results"]) == 107
    assert any(result["used"] and result["used"][0]["note"] for result in data["results"])
    names = _agency_names(lang)
    assert header == tuple(column.label(lang) for column in RESULT_COLUMNS)
    keys = [column.header for column in RESULT_COLUMNS]  # the words' keys, in any language
    for row, expected in zip(body, data["results"], strict=True):
        cell = dict(zip(keys, row, strict=True))
        assert cell["id"] == expected["target"]
        assert cell["indicator"] == expected["indicator"]
        assert cell["status"] == status_word(expected["status"], lang)
        # gap_pct as progress is: a share of one, formatted %
        gap_pct = expected["gap_pct"]
        assert cell["gap_pct"] == (None if gap_pct is None else pytest.approx(gap_pct / 100))
        for key in (
            "actual",
            "target_value",
            "gap",
            "progress",
            "observed_rate",
            "required_rate",
            "projected_value",
        ):
            assert cell[key] == expected[key], (expected["target"], key)
        assert cell["actual_year"] == expected["actual_year"]
        assert _blank(cell["rate_unit"]) == _blank(expected["rate_unit"])
        projected = expected["projected_status"]
        assert cell["projected_status"] == (status_word(projected, lang) if projected else None)
        assert _blank(cell["unit"]) == _blank(expected["unit"])
        assert cell["trend_ratio"] == expected["trend"]["ratio"]
        category = expected["trend"]["category"]
        assert cell["trend"] == (trend_word(category, lang) if category else None)
        assert cell["lead"] == (
            ("、" if lang == "zh" else "; ").join(names[name] for name in expected["lead_agencies"])
            or None
        )
        inferred = expected["lead_agencies_inferred"]
        assert cell["lead_inferred"] == (("是" if inferred else "否") if lang == "zh" else inferred)
        assert cell["reason"] == expected["reason"]
        assert cell["reason_code"] == expected["reason_code"]
        # the caveats: the notes of the rows the JSON lists as used, one line each
        notes = [
            word(
                "evidence.note",
                lang,
                series=used["indicator"],
                year=used["year"],
                note=used["note"],
            )
            for used in expected["used"]
            if used["note"]
        ]
        assert cell["data_notes"] == ("\n".join(notes) or None), expected["target"]
    # the summary's counts are the JSON's
    summary = {
        row[0]: row[1]
        for row in book.worksheets[0].iter_rows(min_row=4, max_row=9, values_only=True)
    }
    assert summary == {status_word(key, lang): n for key, n in data["summary"].items()}
    # the agencies with the widest gaps: the JSON's agencies with open gaps, in its order
    cells = list(book.worksheets[0].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(cells) if row[0] == word("widest_gaps", lang)) + 2
    widest = [row[:4] for row in cells[start:] if row[0] is not None]
    expected_widest = []
    for item in data["agencies"]:
        counts = item["counts"]
        open_gaps = counts["not_met"] + counts["off_track"]
        if open_gaps:
            expected_widest.append(
                (names[item["agency"]], open_gaps, counts["no_data"], sum(counts.values()))
            )
    assert widest == expected_widest[:5] and len(widest) == 5
    inputs = list(book.worksheets[2].iter_rows(min_row=2, values_only=True))
    assert inputs == [tuple(item.values()) for item in data["inputs"]]


def test_results_sheet_is_filterable_and_coloured(tmp_path: Path) -> None:
    out = tmp_path / "gaps.xlsx"
    runner.invoke(app, ["check", str(EXAMPLE), "--format", "xlsx", "-o", str(out), "--lang", "en"])
    sheet = openpyxl.load_workbook(out)["Results"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:AE108"  # 31 columns: the data notes last
    statuses = {row[6].value: row[6].fill.fgColor.rgb for row in sheet.iter_rows(min_row=2)}
    assert statuses["met"].endswith("C6EFCE")
    assert statuses["not met"].endswith("FFC7CE")
    assert statuses["no data"].endswith("EDEDED")
    # numbers are numbers, with a number format
    actual = sheet["H2"]
    assert isinstance(actual.value, float) and actual.number_format == "#,##0.####"
    assert sheet["O2"].number_format == "0.00%"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_workbook_reads_as_analysts_use_it(tmp_path: Path, lang: str) -> None:
    """Read back with openpyxl: whole numbers without a trailing point, gap and progress
    in one convention, 是/否 in Chinese, chapter names beside numbers, wrapped notes, and
    the print setup (A4 landscape, one page wide, the header on every page)."""
    out = tmp_path / "gaps.xlsx"
    runner.invoke(app, ["check", str(EXAMPLE), "-o", str(out), "--lang", lang])
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[1]
    header = [cell.value for cell in sheet[1]]
    column = {
        key: header.index(word(key, lang))
        for key in (
            "chapter",
            "xlsx.chapter_name",
            "target_value",
            "gap_pct",
            "progress",
            "lead_inferred",
            "data_notes",
        )
    }
    rows = list(sheet.iter_rows(min_row=2))
    # whole numbers: a format without a decimal point ("60", never "60.")
    whole = [
        row[column["target_value"]]
        for row in rows
        if isinstance(row[column["target_value"]].value, int | float)
        and float(row[column["target_value"]].value).is_integer()
    ]
    assert len(whole) > 20
    assert {cell.number_format for cell in whole} == {"#,##0"}
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            value = cell.value
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and float(value).is_integer():
                assert not cell.number_format.endswith(".####"), cell.coordinate
    # gap and progress: both shares formatted %, the header says so for the gap
    assert "%" in header[column["gap_pct"]]
    formats = {
        rows[n][column[key]].number_format
        for n in range(len(rows))
        for key in ("gap_pct", "progress")
        if rows[n][column[key]].value is not None
    }
    assert formats == {"0.00%"}
    # yes/no in the book's language
    inferred = {row[column["lead_inferred"]].value for row in rows}
    assert inferred == ({"是", "否"} if lang == "zh" else {True, False})
    # the chapter's name beside its number
    names = {row[column["chapter"]].value: row[column["xlsx.chapter_name"]].value for row in rows}
    assert names[1] == ("一、总体要求和主要目标" if lang == "zh" else names[1]) and all(
        names.values()
    )
    # the indicator's name beside its id
    ids = header.index(word("indicator", lang))
    assert header[ids + 1] == word("xlsx.indicator_name", lang)
    indicator_names = {row[ids].value: row[ids + 1].value for row in rows}
    assert indicator_names["gdp"] == ("本市生产总值" if lang == "zh" else "Gross domestic product")
    # notes wrapped in their cells
    noted = [row[column["data_notes"]] for row in rows if row[column["data_notes"]].value]
    assert noted and all(cell.alignment.wrap_text for cell in noted)
    # printing: A4 landscape, one page wide, the header row on every page
    for printed in book.worksheets[1:]:
        assert printed.page_setup.orientation == "landscape"
        assert printed.page_setup.paperSize == 9
        # one page wide (1, OOXML's default when absent), as many pages long as needed
        assert printed.page_setup.fitToWidth in (None, 1)
        assert printed.page_setup.fitToHeight == 0
        assert printed.sheet_properties.pageSetUpPr.fitToPage
        assert printed.print_title_rows == "$1:$1"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text(
        "indicator,year,value,unit,region,source\n"
        'gdp,2015,17502.99,亿元,,"=HYPERLINK(""http://evil.example"",""click"")"\n'
        "gdp,2010,9500,亿元,,@SUM(1+1)\n",
        encoding="utf-8",
    )
    out = tmp_path / "gaps.xlsx"
    result = runner.invoke(app, ["check", str(data), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Results"]
    (gdp,) = [row for row in sheet.iter_rows(min_row=2) if row[0].value == "gdp_2015"]
    source = gdp[[column.header for column in RESULT_COLUMNS].index("source")]
    assert source.value == '=HYPERLINK("http://evil.example","click")'
    assert source.data_type == "s"  # a string, not a formula ("f")


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        runner.invoke(app, ["check", str(EXAMPLE), "-o", str(out), "--lang", "zh"])
    assert first.read_bytes() == second.read_bytes()


def test_calc_workbook_equals_calc_json(tmp_path: Path) -> None:
    out = tmp_path / "derived.xlsx"
    written = runner.invoke(app, ["calc", str(EXAMPLE), "-o", str(out), "--lang", "en"])
    assert written.exit_code == 0, written.output
    as_json = json.loads(runner.invoke(app, ["calc", str(EXAMPLE), "--format", "json"]).stdout)
    rows = _rows(out, 0)
    assert rows[0] == (
        "Indicator",
        "Region",
        "Year",
        "Value",
        "Unit",
        "Formula",
        "Value in the data",
    )
    expected = [
        tuple(
            _blank(item[key])
            for key in ("indicator", "region", "year", "value", "unit", "formula", "own_value")
        )
        for item in as_json["series"]
    ]
    assert rows[1:] == expected
    assert expected  # the example derives some series


def test_check_and_validate_do_not_import_xlsxwriter(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from sz_quality.cli import app\n"
        f"r = CliRunner().invoke(app, ['check', {str(EXAMPLE)!r}, '--format', 'json'])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(app, ['validate', {str(EXAMPLE)!r}])\n"
        "heavy = [m for m in ('xlsxwriter', 'openpyxl', 'python_calamine', 'docx',\n"
        "                     'matplotlib') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env={**os.environ, "SZQ_CACHE_DIR": str(tmp_path / "cache")},
    )
