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
        for key in (
            "actual",
            "target_value",
            "gap",
            "gap_pct",
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
            "、".join(names[name] for name in expected["lead_agencies"]) or None
        )
        assert cell["lead_inferred"] is expected["lead_agencies_inferred"]
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
    assert sheet.auto_filter.ref == "A1:AC108"  # 29 columns: the data notes last
    statuses = {row[4].value: row[4].fill.fgColor.rgb for row in sheet.iter_rows(min_row=2)}
    assert statuses["met"].endswith("C6EFCE")
    assert statuses["not met"].endswith("FFC7CE")
    assert statuses["no data"].endswith("EDEDED")
    # numbers are numbers, with a number format
    actual = sheet["F2"]
    assert isinstance(actual.value, float) and actual.number_format == "#,##0.####"
    assert sheet["M2"].number_format == "0.00%"


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
