"""Excel as agencies use it: hidden sheets, percent-formatted cells, formula errors.

as-used.xlsx (tests/fixtures/sheets/make_sheets.py) has a hidden first sheet, an old copy
with GDP 99999亿元, then the data: GDP, R&D share 0.0405 in a cell formatted 0.00% (it
shows 4.05%), and good-air days as the formula =1/0 (#DIV/0!). The .xls and .ods are
LibreOffice's conversions of it; the .ods here is also built by hand (content.xml).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.read.reader import read_files
from sz_quality.read.reading import ReadOptions

pytest.importorskip("python_calamine")

SHEETS = Path(__file__).resolve().parents[1] / "fixtures" / "sheets"
AS_USED = [path for path in sorted(SHEETS.glob("as-used.*")) if path.suffix != ".py"]


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup()


def _found(result: object) -> list[tuple[str, str, int | None, int | None, str]]:
    return [
        (d.code, d.severity, d.line, d.column, d.message_in("en"))
        for d in result.diagnostics  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("path", AS_USED, ids=lambda path: path.suffix)
def test_the_first_visible_sheet_is_read(lookup: Lookup, path: Path) -> None:
    result = read_files([path], lookup, ReadOptions(lang="en"))
    values = {(o.series, o.year): o.value for o in result.observations}
    # not the hidden old copy's 99999; the percent cell is the 4.05 (%) it shows
    assert values == {("gdp", 2015): 17502.99, ("rd_share", 2015): 4.05}
    assert _found(result) == [
        (
            "no-value",
            "warning",
            4,
            3,
            "no value for good_air_days in 2015: the cell's formula gives the error #DIV/0!",
        )
    ]


@pytest.mark.parametrize("path", AS_USED, ids=lambda path: path.suffix)
def test_a_hidden_sheet_chosen_with_sheet_says_so(lookup: Lookup, path: Path) -> None:
    for chosen in ("旧表", "1"):
        result = read_files([path], lookup, ReadOptions(sheet=chosen, lang="en"))
        assert [(o.series, o.value) for o in result.observations] == [("gdp", 99999.0)]
        assert _found(result) == [
            (
                "hidden-sheet",
                "warning",
                None,
                None,
                "reading the hidden sheet '旧表' (chosen with --sheet)",
            )
        ]


def test_check_uses_the_visible_sheet(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["check", str(SHEETS / "as-used.xlsx"), "--format", "csv", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    rows = {row["target"]: row for row in csv.DictReader(io.StringIO(result.output))}
    assert (rows["rd_share_2015"]["status"], rows["rd_share_2015"]["actual"]) == ("met", "4.05")
    assert rows["gdp_2015"]["actual"] != "99999.0"
    assert "99999" not in result.output


def test_a_formula_without_a_cached_value_says_so(lookup: Lookup, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "year", "value", "unit"])
    sheet.append(["gdp", 2015, "=17000+502.99", "亿元"])  # openpyxl stores no result
    path = tmp_path / "formula.xlsx"
    book.save(path)
    result = read_files([path], lookup, ReadOptions(lang="en"))
    assert result.observations == ()
    assert _found(result) == [
        (
            "no-value",
            "warning",
            2,
            3,
            "no value for gdp in 2015: the cell is a formula whose result the file does not "
            "hold (recalculate and save it in Excel)",
        )
    ]


def test_a_percent_cell_in_a_filled_template(lookup: Lookup, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    form = tmp_path / "form.xlsx"
    written = CliRunner().invoke(
        app, ["template", "--all", "--year", "2015", "-o", str(form), "--lang", "en"]
    )
    assert written.exit_code == 0, written.output
    book = openpyxl.load_workbook(form)
    sheet, line = next(
        (sheet, row[0].row)
        for sheet in book.worksheets
        for row in sheet.iter_rows(min_row=2)
        if row[0].value == "rd_share" and row[4].value == 2015
    )
    cell = sheet.cell(line, 6)  # the value column
    cell.value = 0.0405
    cell.number_format = "0.00%"  # what the agency's Excel shows: 4.05%
    book.save(form)
    result = read_files([form], lookup, ReadOptions(sheet=sheet.title, lang="en"))
    values = {(o.series, o.year): o.value for o in result.observations}
    assert values == {("rd_share", 2015): 4.05}
    assert "suspect-fraction" not in {d.code for d in result.diagnostics}


def _ods(tables: str) -> bytes:
    """A minimal OpenDocument spreadsheet around `tables` (content.xml's body)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        "<office:automatic-styles>"
        '<style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
        "</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def _row(*cells: str) -> str:
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def _text(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def _number(value: float, kind: str = "float") -> str:
    return (
        f'<table:table-cell office:value-type="{kind}" office:value="{value}">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def test_an_ods_hidden_table_and_percent_cell(lookup: Lookup, tmp_path: Path) -> None:
    header = _row(_text("indicator"), _text("year"), _text("value"), _text("unit"))
    old = (
        '<table:table table:name="旧表" table:style-name="ta2">'
        + header
        + _row(_text("gdp"), _number(2015), _number(99999), _text("亿元"))
        + "</table:table>"
    )
    data = (
        '<table:table table:name="数据" table:style-name="ta1">'
        + header
        + _row(_text("gdp"), _number(2015), _number(17502.99), _text("亿元"))
        + '<table:table-row table:number-rows-repeated="1">'
        + '<table:table-cell table:number-columns-repeated="1" office:value-type="string">'
        + "<text:p>rd_share</text:p></table:table-cell>"
        + _number(2015)
        + _number(0.0405, "percentage")
        + _text("%")
        + "</table:table-row></table:table>"
    )
    path = tmp_path / "book.ods"
    path.write_bytes(_ods(old + data))
    result = read_files([path], lookup, ReadOptions(lang="en"))
    values = {(o.series, o.year): o.value for o in result.observations}
    assert values == {("gdp", 2015): 17502.99, ("rd_share", 2015): 4.05}
    assert result.diagnostics == ()
    hidden = read_files([path], lookup, ReadOptions(sheet="旧表", lang="en"))
    assert [d.code for d in hidden.diagnostics] == ["hidden-sheet"]


def _bad_file(lookup: Lookup, path: Path, lang: str = "en") -> list[tuple[str, str, str]]:
    result = read_files([path], lookup, ReadOptions(lang=lang))
    assert result.observations == ()
    return [(d.code, d.message_in(lang), d.hint_in(lang) or "") for d in result.diagnostics]


def test_an_encrypted_workbook_says_so(lookup: Lookup) -> None:
    assert _bad_file(lookup, SHEETS / "encrypted.xlsx") == [
        (
            "bad-file",
            "the workbook is password-protected (encrypted): it cannot be read",
            "remove the password in Excel (File > Info > Protect Workbook > Encrypt with "
            "Password) and save a copy",
        )
    ]
    assert _bad_file(lookup, SHEETS / "encrypted.xlsx", "zh")[0][1] == (
        "工作簿有密码保护（已加密），无法读取"
    )


SAVED_AS_WEB_PAGE = (
    '\ufeff<html xmlns:o="urn:schemas-microsoft-com:office:office"\n'
    'xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head>\n'
    '<meta http-equiv=Content-Type content="text/html; charset=utf-8">\n</head>\n<body>\n'
    "<table><tr><td>indicator</td><td>year</td><td>value</td></tr>\n"
    "<tr><td>gdp</td><td>2015</td><td>17502.99</td></tr></table>\n</body>\n</html>\n"
)
XML_2003 = (
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">\n</Workbook>\n'
)
MHT = "MIME-Version: 1.0\nX-Document-Type: Workbook\nContent-Type: multipart/related\n"
WEB = "open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (SAVED_AS_WEB_PAGE, "an HTML page (a sheet saved as a web page)"),
        (
            "<!DOCTYPE html>\n<html><body><table></table></body></html>\n",
            "an HTML page (a sheet saved as a web page)",
        ),
        (MHT, "an HTML page (a sheet saved as a web page)"),
        (XML_2003, "an Excel 2003 XML spreadsheet"),
    ],
    ids=["web-page", "doctype", "mht", "xml-2003"],
)
def test_a_web_page_saved_as_xls_says_what_it_is(
    lookup: Lookup, tmp_path: Path, text: str, kind: str
) -> None:
    path = tmp_path / "data.xls"
    path.write_text(text, encoding="utf-8")
    assert _bad_file(lookup, path) == [
        ("bad-file", f"this is {kind}, not a CSV, .xlsx, .xls or .ods table", WEB)
    ]


@pytest.mark.parametrize(
    ("header", "note"),
    [("2015（初步）", "初步"), ("2015年（快报）", "快报"), ("2015 (preliminary)", "preliminary")],
)
def test_a_qualified_year_header_is_the_year(
    lookup: Lookup, tmp_path: Path, header: str, note: str
) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        f"指标,单位,2014,{header},备注\n地区生产总值,亿元,16001.82,17502.99,\n"
        f"全社会研发支出占GDP比重,%,4.02,4.05,含估算\n",
        encoding="utf-8",
    )
    result = read_files([path], lookup, ReadOptions(lang="en"))
    assert result.diagnostics == ()
    found = {(o.series, o.year): (o.value, o.note) for o in result.observations}
    assert found == {
        ("gdp", 2014): (16001.82, None),
        ("gdp", 2015): (17502.99, note),
        ("rd_share", 2014): (4.02, "含估算"),
        ("rd_share", 2015): (4.05, f"{note}; 含估算"),
    }


YEARBOOK_GDP = "9581.51,11505.53,12950.06,14500.23,16001.82,17502.99"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_a_yearbook_csv_reads_as_the_sheet_does(
    lookup: Lookup, tmp_path: Path, encoding: str
) -> None:
    """yearbook.xlsx's sheet saved as CSV by Excel: title rows above the header (which
    starts in column B), a blank row and notes below the table."""
    years = ",".join(f"{year}年" for year in range(2010, 2016))
    lines = [
        ",深圳市主要指标(2010—2015年),,,,,,,",
        ",资料来源:深圳统计年鉴,,,,,,,",
        ",,,,,,,,",
        f",指标,单位,{years}",
        f",地区生产总值,亿元,{YEARBOOK_GDP}",
        ",研究与试验发展经费支出,亿元,333.31,416.14,488.37,584.61,640.07,abc",
        ",常住人口,万人,1037.2,1046.74,1054.74,1062.89,1077.89,1137.87",
        ",,,,,,,,",
        ",注:1. 2015年数据为初步核算数。,,,,,,,",
        ",2. 地区生产总值按当年价格计算。,,,,,,,",
    ]
    path = tmp_path / "yearbook.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    from_csv = read_files([path], lookup, ReadOptions(lang="en"))
    from_sheet = read_files([SHEETS / "yearbook.xlsx"], lookup, ReadOptions(lang="en"))
    assert [(d.code, d.line, d.column, d.message_in("en")) for d in from_csv.diagnostics] == [
        (d.code, d.line, d.column, d.message_in("en")) for d in from_sheet.diagnostics
    ]
    assert [(o.series, o.year, o.value, o.line) for o in from_csv.observations] == [
        (o.series, o.year, o.value, o.line) for o in from_sheet.observations
    ]
    assert len(from_csv.observations) == 17
    (summary,) = from_csv.inputs
    assert (summary.rows, summary.accepted, summary.rejected) == (18, 17, 1)


def test_a_cover_page_names_the_sheets_that_look_like_data(lookup: Lookup, tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "submission.xlsx"
    book = xlsxwriter.Workbook(str(path))
    cover = book.add_worksheet("封面")
    cover.write(2, 1, "深圳质量指标报送表(2015年)")
    cover.write(4, 1, "报送单位:市发展改革委")
    cover.write(5, 1, "填报日期:2016年3月")
    data = book.add_worksheet("数据")
    data.write_row(0, 0, ["指标", "年份", "数值", "单位"])
    data.write_row(1, 0, ["地区生产总值", 2015, 17502.99, "亿元"])
    notes = book.add_worksheet("填表说明")
    notes.write(0, 0, "数值请填写当年价格")
    book.close()
    result = read_files([path], lookup, ReadOptions(lang="en"))
    assert result.observations == ()
    assert [
        (d.code, d.severity, d.message_in("en"), d.hint_in("en")) for d in result.diagnostics
    ] == [
        (
            "cover-sheet",
            "error",
            "the first sheet '封面' holds no table (a cover page?); sheets that look like "
            "data: '数据'",
            "choose one with --sheet, e.g. --sheet 数据",
        )
    ]
    chosen = read_files([path], lookup, ReadOptions(sheet="数据", lang="en"))
    assert [(o.series, o.value) for o in chosen.observations] == [("gdp", 17502.99)]
    assert chosen.diagnostics == ()
