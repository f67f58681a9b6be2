"""Every spreadsheet in: .xlsx, .xls and .ods read alike, yearbook titles and notes.

The fixtures (tests/fixtures/sheets/) are one yearbook-style workbook: a title and a
subtitle above a wide table that starts in column B, a bad cell, a blank row, then notes
(注：…). yearbook.xlsx is written by XlsxWriter; the .xls and .ods are LibreOffice's
conversions of it (make_sheets.py), since no library here writes .xls.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.read.reader import read_files
from sz_quality.read.reading import ReadOptions

pytest.importorskip("python_calamine")

SHEETS = Path(__file__).resolve().parents[1] / "fixtures" / "sheets"
FORMATS = ("xlsx", "xls", "ods")

GDP = (9581.51, 11505.53, 12950.06, 14500.23, 16001.82, 17502.99)
RD = (333.31, 416.14, 488.37, 584.61, 640.07)
POPULATION = (1037.2, 1046.74, 1054.74, 1062.89, 1077.89, 1137.87)


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup()


def _values(lookup: Lookup) -> dict[tuple[str, int], float]:
    ids = [lookup.resolve(name) for name in ("地区生产总值", "研究与试验发展经费支出", "常住人口")]
    assert all(ids), ids
    gdp, rd, population = (info.id for info in ids if info is not None)
    values = {(gdp, 2010 + i): v for i, v in enumerate(GDP)}
    values.update({(rd, 2010 + i): v for i, v in enumerate(RD)})
    values.update({(population, 2010 + i): v for i, v in enumerate(POPULATION)})
    return values


@pytest.mark.parametrize("suffix", FORMATS)
def test_yearbook_sheet_in_every_format(lookup: Lookup, suffix: str) -> None:
    path = SHEETS / f"yearbook.{suffix}"
    result = read_files([path], lookup, ReadOptions(lang="en"))
    found = [(d.code, d.severity, d.line, d.column) for d in result.diagnostics]
    # the title rows are reported once; the bad cell keeps its sheet row and column (I6);
    # the blank row before the notes and the notes themselves are neither data nor errors
    assert found == [("skipped-rows", "warning", 1, None), ("bad-number", "error", 6, 9)]
    assert result.diagnostics[0].message_in("en") == (
        "rows 1-2 above the header (row 4) were skipped: '深圳市主要指标(2010—2015年)'"
    )
    values = {(o.series, o.year): o.value for o in result.observations}
    assert values == _values(lookup)
    (summary,) = result.inputs
    assert (summary.rows, summary.accepted, summary.rejected) == (18, 17, 1)
    assert {o.line for o in result.observations} == {5, 6, 7}


@pytest.mark.parametrize("suffix", FORMATS)
def test_sheet_by_name_in_every_format(lookup: Lookup, suffix: str) -> None:
    result = read_files(
        [SHEETS / f"yearbook.{suffix}"], lookup, ReadOptions(sheet="long", lang="en")
    )
    assert result.diagnostics == ()
    values = {(o.series, o.year): o.value for o in result.observations}
    assert values == {("gdp", 2015): 17502.99, ("good_air_days", 2015): 340.0}
    by_number = read_files(
        [SHEETS / f"yearbook.{suffix}"], lookup, ReadOptions(sheet="2", lang="en")
    )
    assert by_number.observations == result.observations


def test_the_same_table_as_csv_reads_the_same(lookup: Lookup, tmp_path: Path) -> None:
    csv = tmp_path / "yearbook.csv"
    rows = ["指标,单位," + ",".join(f"{y}年" for y in range(2010, 2016))]
    rows.append("地区生产总值,亿元," + ",".join(map(str, GDP)))
    rows.append("研究与试验发展经费支出,亿元," + ",".join(map(str, RD)) + ",abc")
    rows.append("常住人口,万人," + ",".join(map(str, POPULATION)))
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    from_csv = read_files([csv], lookup)
    from_xls = read_files([SHEETS / "yearbook.xls"], lookup)
    assert {(o.series, o.year, o.value) for o in from_csv.observations} == {
        (o.series, o.year, o.value) for o in from_xls.observations
    }


def test_a_file_that_is_not_a_workbook_is_still_bad_file(lookup: Lookup, tmp_path: Path) -> None:
    ole = tmp_path / "old.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = read_files([ole], lookup, ReadOptions(lang="en"))
    assert [(d.code, d.severity) for d in result.diagnostics] == [("bad-file", "error")]
    assert result.diagnostics[0].message_in("en").startswith("cannot read the spreadsheet:")


def test_header_on_the_first_row_is_not_reported(lookup: Lookup, tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for index, row in enumerate([["indicator", "year", "value"], ["gdp", 2015, 1.5]]):
        sheet.write_row(index, 0, row)
    book.close()
    result = read_files([path], lookup)
    assert result.diagnostics == ()
    assert [(o.series, o.year, o.value, o.line) for o in result.observations] == [
        ("gdp", 2015, 1.5, 2)
    ]


def test_no_header_anywhere_takes_the_first_row(lookup: Lookup, tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "title-only.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["深圳市主要指标"])
    sheet.write_row(1, 0, ["gdp", 2015, 1.5])
    book.close()
    result = read_files([path], lookup)
    found = [(d.code, d.line) for d in result.diagnostics]
    assert found == [("unknown-column", 1)] + [("missing-column", 1)] * 3


@pytest.mark.parametrize(
    ("cells", "note"),
    [
        (["注：1. 2015年数据为初步核算数。"], True),
        (["", "注:数据来源于统计局"], True),
        (["资料来源：深圳统计年鉴"], True),
        (["Note: preliminary"], True),
        (["注册登记人口", "", ""], False),  # a name that starts with 注 is no note
        (["注：", "1"], False),  # two cells: a row of the table
        (["gdp"], False),
    ],
)
def test_is_note(cells: list[str], note: bool) -> None:
    from sz_quality.read.xlsx import is_note

    assert is_note(cells) is note
