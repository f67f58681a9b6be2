"""The reader: every diagnostic code with a tiny file, layouts, encodings, units, accounting."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.read import batches, csvfile, reader, session, sniff, split
from sz_quality.read.codes import CODES
from sz_quality.read.observations import ReadResult
from sz_quality.read.reader import read_files, validate_files

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "validate"
HEADER = "indicator,year,value,unit,region\n"


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup(FIXTURES / "targets.yaml")


def write(tmp_path: Path, content: str | bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def check(result: ReadResult) -> ReadResult:
    """Every row is accounted for."""
    for summary in result.inputs:
        assert summary.rows == summary.accepted + summary.rejected, summary
    return result


def read(lookup: Lookup, tmp_path: Path, content: str | bytes, **options: Any) -> ReadResult:
    name = options.pop("name", "data.csv")
    return check(read_files([write(tmp_path, content, name)], lookup, **options))


def found(result: ReadResult) -> list[tuple[str, str, int | None, int | None]]:
    return [(d.code, d.severity, d.line, d.column) for d in result.diagnostics]


# -- each diagnostic code ---------------------------------------------------------------------


def test_encoding_error(lookup: Lookup, tmp_path: Path) -> None:
    data = (HEADER + "gdp,2015,1,,福田\n").encode() + b"gdp,2014,1,,\xff\xfe\n"
    result = read(lookup, tmp_path, data, encoding="utf-8")
    assert found(result) == [("encoding-error", "error", 3, 5)]
    assert result.inputs[0].accepted == 1 and result.inputs[0].rejected == 1


def test_encoding_error_detected_utf8(lookup: Lookup, tmp_path: Path) -> None:
    rows = "".join(f"gdp,{year},1,,福田区\n" for year in range(1990, 2030))
    data = (HEADER + rows).encode() + b"population,2015,1,,\xff\n"
    result = read(lookup, tmp_path, data)
    assert found(result) == [("encoding-error", "error", 42, 5)]


def test_unknown_encoding_is_a_usage_error(lookup: Lookup, tmp_path: Path) -> None:
    with pytest.raises(LookupError):
        read_files([write(tmp_path, HEADER)], lookup, encoding="no-such-codec")


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00", b"ab\x00cd\x00\x01\x02"],
)
def test_bad_file(lookup: Lookup, tmp_path: Path, content: bytes) -> None:
    result = read(lookup, tmp_path, content)
    assert [d.code for d in result.diagnostics] == ["bad-file"]
    assert result.inputs[0].rows == 0


def test_bad_file_zip_that_is_not_xlsx(lookup: Lookup, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    result = check(read_files([path], lookup))
    assert [d.code for d in result.diagnostics] == ["bad-file"]


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff"])
def test_empty_file(lookup: Lookup, tmp_path: Path, content: str) -> None:
    result = read(lookup, tmp_path, content)
    assert found(result) == [("empty-file", "error", None, None)]


def test_header_without_rows_is_empty(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, HEADER)
    assert found(result) == [("empty-file", "error", None, None)]


def test_missing_column(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "indicator,value\ngdp,1\ngdp,2\n")
    assert found(result) == [("missing-column", "error", 1, None)]
    assert result.diagnostics[0].field == "year"
    assert result.inputs[0].rows == 2 and result.inputs[0].rejected == 2


def test_not_a_table_is_missing_columns(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, '{"json": true}\n')
    assert {d.code for d in result.diagnostics} == {"missing-column", "unknown-column"}


def test_duplicate_column(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "indicator,指标,year,value\ngdp,gdp,2015,1\n")
    assert found(result) == [("duplicate-column", "error", 1, 2)]


def test_unknown_column_with_hint(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "indicator,year,value,regoin\ngdp,2015,1,x\n")
    assert found(result) == [("unknown-column", "warning", 1, 4)]
    assert result.diagnostics[0].hint_in("en") == "did you mean 'region'?"


def test_ragged_row(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "indicator,year,value\ngdp,2015,1,2,3\ngdp,2014\n")
    assert found(result) == [("ragged-row", "error", 2, None), ("ragged-row", "error", 3, None)]


def test_trailing_empty_cells_are_not_ragged(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "indicator,year,value\ngdp,2015,1,,\n")
    assert found(result) == []


def test_blank_row(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "indicator,year,value\ngdp,2015,1\n\n,,\ngdp,2014,2\n")
    assert found(result) == [("blank-row", "warning", 3, None), ("blank-row", "warning", 4, None)]
    assert result.inputs[0].rows == 4 and result.inputs[0].accepted == 2


def test_unknown_indicator(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "year,indicator,value\n2015,gpd,1\n2015,,1\n")
    assert found(result) == [
        ("unknown-indicator", "error", 2, 2),
        ("unknown-indicator", "error", 3, 2),
    ]
    assert result.diagnostics[0].hint_in("en") == "did you mean 'gdp' (Gross domestic product)?"


def test_bad_year(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "indicator,year,value\ngdp,20x5,1\ngdp,1850,1\ngdp,2015年,1\n")
    assert found(result) == [("bad-year", "error", 2, 2), ("bad-year", "error", 3, 2)]


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-Infinity", "1.2.3", "12%"])
def test_bad_number(lookup: Lookup, tmp_path: Path, text: str) -> None:
    result = read(lookup, tmp_path, f"indicator,year,value\ngdp,2015,{text}\n")
    assert found(result) == [("bad-number", "error", 2, 3)]


@pytest.mark.parametrize("text", ["", "-", "—", "…", " — "])
def test_no_value(lookup: Lookup, tmp_path: Path, text: str) -> None:
    result = read(lookup, tmp_path, f"indicator,year,value\ngdp,2015,{text}\n")
    assert found(result) == [("no-value", "warning", 2, 3)]
    assert result.inputs[0].rejected == 1 and not result.observations


def test_unknown_unit(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, HEADER + "gdp,2015,1,furlongs,\n")
    assert found(result) == [("unknown-unit", "error", 2, 4)]


def test_unit_mismatch(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, HEADER + "hightech_share,2015,1,亿元,\nexports,2015,1,亿元,\n")
    assert found(result) == [("unit-mismatch", "error", 2, 4), ("unit-mismatch", "error", 3, 4)]
    assert "exchange rate" in result.diagnostics[1].message_in("en")


def test_out_of_range(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, HEADER + "hightech_share,2015,120,,\npopulation,2015,-3,,\n")
    assert found(result) == [("out-of-range", "error", 2, 3), ("out-of-range", "error", 3, 3)]


def test_out_of_range_after_conversion(lookup: Lookup, tmp_path: Path) -> None:
    # bounds apply after conversion to the indicator's unit
    result = read(
        lookup, tmp_path, HEADER + "hightech_share,2015,101,%,\npopulation,2015,150,万人,\n"
    )
    assert found(result) == [("out-of-range", "error", 2, 3)]


def test_duplicate_row(lookup: Lookup, tmp_path: Path) -> None:
    data = HEADER + "gdp,2015,1,,\ngdp,2015,1,,\ngdp,2015,2,,\nGDP,2015,1000,万元,\n"
    result = read(lookup, tmp_path, data)
    assert found(result) == [
        ("duplicate-row", "warning", 3, 3),
        ("duplicate-row", "error", 4, 3),
        ("duplicate-row", "error", 5, 3),  # 1000 万元 is 0.1 亿元, not 1
    ]
    assert result.inputs[0].accepted == 2 and result.inputs[0].rejected == 2


def test_duplicate_row_equal_after_conversion(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, HEADER + "gdp,2015,1,,\ngdp,2015,10000,万元,\n")
    assert found(result) == [("duplicate-row", "warning", 3, 3)]


def test_same_key_in_other_regions_is_no_duplicate(lookup: Lookup, tmp_path: Path) -> None:
    result = read(
        lookup, tmp_path, HEADER + "gdp,2015,1,,福田区\ngdp,2015,1,,南山区\ngdp,2015,1,,\n"
    )
    assert found(result) == []


def test_revision_across_files(lookup: Lookup, tmp_path: Path) -> None:
    first = write(tmp_path, HEADER + "gdp,2015,1,,\ngdp,2014,5,,\n", "a.csv")
    second = write(tmp_path, HEADER + "gdp,2015,2,,\ngdp,2014,5,,\n", "b.csv")
    result = check(read_files([first, second], lookup))
    assert found(result) == [("revision", "warning", 2, 3)]
    assert result.diagnostics[0].file == str(second)
    (revision,) = result.revisions
    assert (revision.old, revision.new, revision.old_line, revision.new_file) == (
        1.0,
        2.0,
        2,
        str(second),
    )
    values = {(o.series, o.year): (o.value, o.file) for o in result.observations}
    assert values == {("gdp", 2015): (2.0, str(second)), ("gdp", 2014): (5.0, str(second))}


def test_missing_indicator(lookup: Lookup, tmp_path: Path) -> None:
    # energy_intensity_decline is a change (from 2010): the 2015 value and the 2010 one
    path = write(tmp_path, HEADER + "gdp,2015,15000,,\n")
    result = check(validate_files([path], lookup, expect_agency="drc", year=2015))
    assert found(result) == [("missing-indicator", "error", None, None)] * 2
    assert [dict(d.params)["year"] for d in result.diagnostics] == [2015, 2010]
    assert "energy_intensity" in result.diagnostics[0].message_in("en")
    assert result.diagnostics[0].file == str(path)


def test_missing_indicator_baseline_of_a_change(lookup: Lookup, tmp_path: Path) -> None:
    data = HEADER + "gdp,2015,15000,,\nenergy_intensity,2015,0.4,,\n"
    result = check(validate_files([write(tmp_path, data)], lookup, expect_agency="drc", year=2015))
    assert [d.message_in("en") for d in result.diagnostics] == [
        "no 2010 value of 'energy_intensity' (Energy use per 10,000 yuan of GDP), needed by "
        "Development and Reform Commission's target(s) energy_intensity_decline"
    ]
    with_baseline = write(tmp_path, data + "energy_intensity,2010,0.5,,\n", "b.csv")
    result = check(validate_files([with_baseline], lookup, expect_agency="drc", year=2015))
    assert found(result) == []


def test_missing_indicator_satisfied_by_target_or_inputs(lookup: Lookup, tmp_path: Path) -> None:
    data = (
        HEADER
        + "gdp,2015,15000,,\nenergy_intensity_decline,2015,21,,\n"
        + "rd_expenditure,2015,600,,\nhightech_share,2015,35,,\n"
    )
    path = write(tmp_path, data)
    for agency in ("drc", "市发展改革委", "发展改革委", "stiic", "科工贸信委"):
        result = check(validate_files([path], lookup, expect_agency=agency, year=2015))
        assert found(result) == [], agency  # rd_share derives from rd_expenditure and gdp


def test_missing_indicator_outside_the_period(lookup: Lookup, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "gdp,2020,1,,\n")
    result = validate_files([path], lookup, expect_agency="drc", year=2020)
    assert found(result) == []


def test_unknown_agency_raises(lookup: Lookup, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        validate_files([write(tmp_path, HEADER)], lookup, expect_agency="nobody", year=2015)


def test_too_many(lookup: Lookup, tmp_path: Path) -> None:
    data = "indicator,year,value\n" + "nope,2015,1\n" * 5
    result = read(lookup, tmp_path, data, max_per_code=2)
    assert [d.code for d in result.diagnostics] == ["unknown-indicator"] * 2 + ["too-many"]
    assert "3 more" in result.diagnostics[-1].message_in("en")
    assert result.diagnostics[-1].severity == "error"


def test_bad_csv_for_a_huge_field(lookup: Lookup, tmp_path: Path) -> None:
    result = read(
        lookup, tmp_path, "indicator,year,value\n" + "x" * 200_000 + ",2015,1\ngdp,2015,1\n"
    )
    assert found(result) == [("bad-csv", "error", 2, None)]
    assert result.inputs[0].accepted == 1


def test_every_code_is_documented() -> None:
    emitted = {
        "encoding-error", "bad-file", "empty-file", "missing-column", "duplicate-column",
        "unknown-column", "bad-csv", "ragged-row", "blank-row", "unknown-indicator",
        "bad-year", "bad-number", "no-value", "unknown-unit", "unit-mismatch",
        "out-of-range", "suspect-fraction", "duplicate-row", "revision", "missing-indicator",
        "too-many",
        # between values, once everything is read (sz_quality.read.consistency)
        "unknown-region", "district-column", "suspect-magnitude", "repeated-value",
        "parts-total-mismatch", "derived-mismatch",
        "wrong-template",  # --expect-agency on another's form (sz_quality.read.form_check)
        "skipped-rows",  # title rows above a spreadsheet's header (sz_quality.read.xlsx)
        "hidden-sheet",  # a hidden sheet chosen with --sheet (sz_quality.read.xlsx)
        "cover-sheet",  # the first visible sheet is a cover page (sz_quality.read.xlsx)
        # --measures-status (sz_quality.read.measures_status)
        "status-encoding", "status-empty", "status-missing-column", "status-unknown-column",
        "status-missing-id", "status-unknown-measure", "status-invalid-status",
        "status-duplicate",
        # --plan (sz_quality.read.yearly_plan, sz_quality.check.yearly)
        "plan-no-source", "plan-no-target", "plan-short-of-target", "plan-parts-short",
    }  # fmt: skip
    assert set(CODES) == emitted
    for code in CODES.values():
        assert code.meaning("en") and code.meaning("zh")
    readme = Path(__file__).resolve().parents[1] / "docs" / "diagnostics.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        for code in CODES:
            assert f"`{code}`" in text, code


# -- values, names, units ---------------------------------------------------------------------


def test_names_units_and_target_rows(lookup: Lookup, tmp_path: Path) -> None:
    data = (
        HEADER
        + "生产总值,2014,1.2,万亿元,\n"
        + 'ＧＤＰ,2013,"1,234.5",,\n'
        + " gross  domestic PRODUCT ,2012,１２３,亿元,\n"
        + "gdp_2015,2015,15000,亿元,\n"
        + "land_area,2015,2,km²,\n"
        + "land_area,2014,3,平方公里,\n"
    )
    result = read(lookup, tmp_path, data)
    assert found(result) == []
    values = {(o.series, o.year): o.value for o in result.observations}
    assert values == {
        ("gdp", 2014): pytest.approx(12000),
        ("gdp", 2013): 1234.5,
        ("gdp", 2012): 123,
        ("gdp_2015", 2015): pytest.approx(1.5),  # in the target's unit, 万亿元
        ("land_area", 2015): 2,
        ("land_area", 2014): 3,
    }


def test_headers_in_chinese_any_order_and_case(lookup: Lookup, tmp_path: Path) -> None:
    data = " 数值 ,年份,指标, 单位 ,地区,来源,备注\n15000,2015年,生产总值,亿元,福田区,统计局,\n"
    result = read(lookup, tmp_path, data)
    assert found(result) == []
    (observation,) = result.observations
    assert (observation.series, observation.year, observation.region, observation.source) == (
        "gdp",
        2015,
        "福田区",
        "统计局",
    )
    upper = read(lookup, tmp_path, "INDICATOR, Year ,VALUE\ngdp,2015,1\n", name="b.csv")
    assert found(upper) == [] and len(upper.observations) == 1


@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_delimiters(lookup: Lookup, tmp_path: Path, delimiter: str) -> None:
    data = delimiter.join(["indicator", "year", "value"]) + "\n"
    data += delimiter.join(["gdp", "2015", "1.5"]) + "\n"
    result = read(lookup, tmp_path, data)
    assert found(result) == [] and result.observations[0].value == 1.5


def test_wide_layout(lookup: Lookup, tmp_path: Path) -> None:
    data = (
        "指标,单位,2010年,2011年,2012\n"
        "生产总值,万亿元,0.95,1.15,\n"
        "hightech_share,,30,…,101\n"
        "nope,,1,2,3\n"
    )
    result = read(lookup, tmp_path, data)
    assert found(result) == [
        ("no-value", "warning", 3, 4),
        ("out-of-range", "error", 3, 5),
        ("unknown-indicator", "error", 4, 1),
    ]
    values = {(o.series, o.year): o.value for o in result.observations}
    assert values == {
        ("gdp", 2010): pytest.approx(9500),
        ("gdp", 2011): pytest.approx(11500),
        ("hightech_share", 2010): 30,
    }
    summary = result.inputs[0]
    assert (summary.rows, summary.accepted, summary.rejected) == (8, 3, 5)


# -- encodings, line endings, line numbers ----------------------------------------------------

CHINESE = "指标,年份,数值,地区\n生产总值,2015,15000,福田区\n常住人口,2015,1000,南山区\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_round_trip(lookup: Lookup, tmp_path: Path, encoding: str) -> None:
    result = read(lookup, tmp_path, CHINESE.encode(encoding))
    assert found(result) == []
    assert [(o.series, o.region) for o in result.observations] == [
        ("gdp", "福田区"),
        ("population", "南山区"),
    ]


def test_gb18030_after_a_long_ascii_start(lookup: Lookup, tmp_path: Path) -> None:
    ascii_rows = "".join(f"gdp,{2015},1,,r{number}\n" for number in range(5000))
    chinese = "population,2015,1,,福田区\n"
    data = (HEADER + ascii_rows).encode("ascii") + chinese.encode("gb18030")
    assert len(data) > 70_000
    result = read(lookup, tmp_path, data)
    assert found(result) == []
    assert result.observations[-1].region == "福田区"


def test_forced_encoding(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, CHINESE.encode("gb18030"), encoding="gb18030")
    assert found(result) == [] and len(result.observations) == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(lookup: Lookup, tmp_path: Path, newline: str) -> None:
    data = newline.join(["indicator,year,value", "gdp,2015,1", "gdp,x,1", "gdp,2014,1"]) + newline
    result = read(lookup, tmp_path, data)
    assert found(result) == [("bad-year", "error", 3, 2)]


def test_line_numbers_with_multiline_cells(lookup: Lookup, tmp_path: Path) -> None:
    data = (
        "indicator,year,value,note\n"
        'gdp,2015,1,"a note\nover three\nlines"\n'
        "gdp,2014,oops,\n"
        '"population",2015,"2",""\n'
        "gdp,2013,bad,\n"
    )
    result = read(lookup, tmp_path, data)
    assert found(result) == [("bad-number", "error", 5, 3), ("bad-number", "error", 7, 3)]
    assert [o.line for o in result.observations] == [2, 6]


def test_batches_never_cut_a_quoted_cell(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 64)
    note = '"' + "line\n" * 40 + '"'
    data = "indicator,year,value,note\n" + f"gdp,2015,1,{note}\n" + "gdp,x,1,\n"
    result = read(lookup, tmp_path, data)
    assert found(result) == [("bad-year", "error", 43, 2)]


# -- .xlsx ------------------------------------------------------------------------------------


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_round_trip(lookup: Lookup, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["指标", "年份", "数值", "单位"],
        ["生产总值", 2015, 15000.5, "亿元"],
        [None, None, None, None],
        ["gdp", 2014.0, "1,234", None],
        ["gdp", "2013", "abc", None],
    ]
    path = _workbook(tmp_path / "data.xlsx", {"Data": rows})
    result = check(read_files([path], lookup))
    assert found(result) == [("blank-row", "warning", 3, None), ("bad-number", "error", 5, 3)]
    assert [(o.year, o.value, o.line) for o in result.observations] == [
        (2015, 15000.5, 2),
        (2014, 1234.0, 4),
    ]


def test_xlsx_sheet_choice_and_wide(lookup: Lookup, tmp_path: Path) -> None:
    wide = [["indicator", 2010, "2011年"], ["gdp", 9581.5, 11505.5]]
    path = _workbook(tmp_path / "book.xlsx", {"Notes": [["nothing"]], "Wide": wide})
    first = check(read_files([path], lookup))
    # the first sheet holds no table and Wide does: named, with --sheet suggested
    assert [(d.code, d.hint_in("en")) for d in first.diagnostics] == [
        ("cover-sheet", "choose one with --sheet, e.g. --sheet Wide")
    ]
    by_name = check(read_files([path], lookup, sheet="Wide"))
    by_number = check(read_files([path], lookup, sheet="2"))
    assert found(by_name) == [] and by_name.observations == by_number.observations
    assert len(by_name.observations) == 2
    missing = check(read_files([path], lookup, sheet="Nope"))
    assert found(missing) == [("bad-file", "error", None, None)]
    assert "Notes, Wide" in (missing.diagnostics[0].hint_in("en") or "")


def test_xlsx_under_a_csv_name_is_read_as_xlsx(lookup: Lookup, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "data.xlsx", {"S": [["indicator", "year", "value"], ["gdp", 2015, 1]]}
    )
    renamed = path.rename(tmp_path / "export.csv")
    result = check(read_files([renamed], lookup))
    assert found(result) == [] and len(result.observations) == 1


def test_damaged_xlsx(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, b"PK\x03\x04garbage", name="broken.xlsx")
    assert [d.code for d in result.diagnostics] == ["bad-file"]


# -- the fast path and the two-process split agree with the row path --------------------------


def _mixed(rows: int, given: bool = False) -> str:
    """Rows of every kind; `given`: with units to convert, a source and a note."""
    lines = [HEADER.rstrip("\n") + (",source,note" if given else "")]
    for number in range(rows):
        region = f"r{number % 37}"
        if given and number % 3 == 0:
            region = ""  # the city total, the rows `szq check` keeps
        year = 2000 + number % 11
        name = ("gdp", "hightech_share", "population", "gdp_2015")[number % 4]
        value = str(number % 97)
        if number % 101 == 0:
            value = "x"
        if number % 211 == 0:
            name = "nope"
        if not given:
            lines.append(f"{name},{year},{value},,{region}")
            continue
        unit = "万亿元" if name == "gdp" and number % 8 == 0 else ""
        note = f"note {number % 5}" if number % 2 else ""
        lines.append(f"{name},{year},{value}.5,{unit},{region},src {number % 7},{note}")
    return "\n".join(lines) + "\n"


def _comparable(result: ReadResult) -> tuple[Any, ...]:
    return (result.diagnostics, result.inputs, sorted(result.observations, key=repr))


@pytest.mark.parametrize("given", [False, True])
def test_fast_path_equals_row_path(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: bool
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 2048)
    path = write(tmp_path, _mixed(3000, given))
    fast = check(read_files([path], lookup))
    slow = check(
        reader._read(
            [path],
            lookup,
            keep=True,
            encoding=None,
            sheet=None,
            lang="en",
            progress=None,
            max_per_code=1000,
            jobs=None,
            fast_path=False,
        )
    )
    assert _comparable(fast) == _comparable(slow)
    assert {d.code for d in fast.diagnostics} >= {"duplicate-row", "bad-number"}
    if given:  # the cells as written, the source and the note are kept
        for obs in fast.observations:
            number = obs.line - 2  # the row's number in _mixed
            assert obs.source == f"src {number % 7}"
            assert obs.note == (f"note {number % 5}" if number % 2 else None)
            assert obs.value_text == f"{number % 97}.5"


def _plain_given(rows: int) -> str:
    """Distinct keys, a unit to convert, a source and a note; a bad row now and then (the
    column path rejects it row by row) and a population out of range (its batch goes to
    the row path)."""
    lines = [HEADER.rstrip("\n") + ",source,note"]
    for number in range(rows):
        name = ("gdp", "population", "gdp_2015")[number % 3]
        region = "" if number % 4 == 0 else f"r{number}"
        value = "x" if number % 500 == 499 else f"{number % 97}.5"
        if number == 250:  # population: a negative count
            value = "-3"
        unit = "万亿元" if name == "gdp" and number % 2 == 0 else ""
        note = f"note {number % 5}" if number % 2 else ""
        year = 1950 + number // 12  # the city's rows: one key each (for rows < 1200)
        lines.append(f"{name},{year},{value},{unit},{region},src {number % 7},{note}")
    return "\n".join(lines) + "\n"


def test_both_paths_keep_the_same_cells_as_given(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 2048)
    taken: list[int | None] = []
    plain = session.check_plain_batch

    def spy(*arguments: Any) -> int | None:
        taken.append(plain(*arguments))
        return taken[-1]

    monkeypatch.setattr(session, "check_plain_batch", spy)
    path = write(tmp_path, _plain_given(1200))
    fast = check(read_files([path], lookup))
    assert any(taken) and None in taken  # both paths took batches
    slow = check(
        reader._read(
            [path],
            lookup,
            keep=True,
            encoding=None,
            sheet=None,
            lang="en",
            progress=None,
            max_per_code=1000,
            jobs=None,
            fast_path=False,
        )
    )
    assert _comparable(fast) == _comparable(slow)
    assert len(fast.observations) == 1200 - 3  # two "x", one negative population
    for obs in fast.observations:
        number = obs.line - 2  # the row's number in _plain_given
        assert obs.source == f"src {number % 7}"
        assert obs.note == (f"note {number % 5}" if number % 2 else None)
        assert obs.value_text == f"{number % 97}.5"
        in_trillions = obs.series == "gdp" and number % 2 == 0
        assert obs.unit_text == ("万亿元" if in_trillions else "")
        assert obs.value == (number % 97 + 0.5) * (1e4 if in_trillions else 1)
    city = check(read_files([path], lookup, regions=frozenset({""})))
    assert city.observations == tuple(obs for obs in fast.observations if obs.region == "")


_CELLS = {
    "indicator": ["gdp", "hightech_share", "population", "gdp_2015", "GDP", "nope", "gpd", ""],
    "year": ["2015", "2014", "2013", "2015年", "20x5", "1850", ""],
    "value": [
        "1", "0.3", "35", "-2", " 7 ", "+5", ".5", "1e3", "1e308", "1e400", "1_000", "0x10",
        "inf", "NaN", "１２", "-", "", "1.2.3", "1e", "99999999999999999", "0.4",
    ],
    "unit": ["", "亿元", "万元", "%", "万人", "furlongs", "小时", "万亿元"],
    "city": ["", "r"],  # "r": a region of its own (r<row>), so that few keys repeat
}  # fmt: skip


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(*(st.sampled_from(choices) for choices in _CELLS.values())),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=64, max_value=1024),
)
def test_fast_path_equals_row_path_on_any_rows(
    lookup: Lookup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[str, ...]],
    chunk: int,
) -> None:
    """Whatever the cells, both read paths accept the same rows and say the same things."""
    rows = sorted(rows, key=lambda row: row[0] in ("nope", "gpd", ""))  # clean rows first
    monkeypatch.setattr(batches, "_CHUNK", chunk)
    text = HEADER + "".join(
        ",".join((*row[:-1], f"{row[-1]}{index}" if row[-1] else "")) + "\n"
        for index, row in enumerate(rows)
    )
    path = write(tmp_path, text)
    options: dict[str, Any] = {
        "keep": True, "encoding": None, "sheet": None, "lang": "en", "progress": None,
        "max_per_code": 1000, "jobs": 1,
    }  # fmt: skip
    fast = check(reader._read([path], lookup, **options))
    slow = check(reader._read([path], lookup, fast_path=False, **options))
    assert _comparable(fast) == _comparable(slow)


@pytest.mark.parametrize("cap", [0, 5])
def test_two_processes_equal_one(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    splits: list[object] = []
    plan = split.plan_split

    def spy(*arguments: Any) -> Any:
        splits.append(plan(*arguments))
        return splits[-1]

    monkeypatch.setattr(split, "plan_split", spy)
    earlier = write(tmp_path, HEADER + "gdp,2003,1,,r3\ngdp,2003,5,,r36\n", "earlier.csv")
    path = write(tmp_path, _mixed(6000))
    assert path.stat().st_size > 40_000
    one = check(validate_files([earlier, path], lookup, jobs=1, max_per_code=cap))
    assert not splits
    two = check(validate_files([earlier, path], lookup, jobs=2, max_per_code=cap))
    assert splits and splits[0] is not None  # the second file was read in two halves
    assert one.diagnostics == two.diagnostics
    assert one.inputs == two.inputs


@pytest.mark.parametrize(
    ("regions", "given"), [({"r3"}, False), ({"r3", "r5", ""}, False), ({""}, True)]
)
def test_a_region_filter_read_in_two_processes_equals_one(
    lookup: Lookup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    regions: set[str],
    given: bool,
) -> None:
    """`szq check` keeps observations of the city total only, and may then split a file:
    duplicates, revisions and sources come out as from one process and no filter."""
    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    splits: list[object] = []
    plan = split.plan_split

    def spy(*arguments: Any) -> Any:
        splits.append(plan(*arguments))
        return splits[-1]

    monkeypatch.setattr(split, "plan_split", spy)
    earlier = write(tmp_path, HEADER + "gdp,2003,1,,r3\ngdp,2004,5,,r5\n", "earlier.csv")
    path = write(tmp_path, _mixed(6000, given))
    one = check(read_files([earlier, path], lookup, regions=regions, jobs=1))
    assert not splits
    two = check(read_files([earlier, path], lookup, regions=regions, jobs=2))
    assert splits and splits[-1] is not None  # the second file was read in two halves
    assert _comparable(one) == _comparable(two)
    assert one.revisions == two.revisions
    everything = check(read_files([earlier, path], lookup, jobs=1))
    assert sorted(two.observations, key=repr) == sorted(
        (obs for obs in everything.observations if obs.region in regions), key=repr
    )
    assert two.observations and {obs.region for obs in two.observations} <= regions


def test_validate_keeps_no_observations(lookup: Lookup, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "gdp,2015,1,,\n")
    assert validate_files([path], lookup).observations == ()
    assert len(read_files([path], lookup).observations) == 1


# -- the lookup -------------------------------------------------------------------------------


def test_lookup_cache_round_trip(lookup: Lookup) -> None:
    again = Lookup.from_json(lookup.to_json())
    assert again.series == lookup.series
    assert again.names == lookup.names
    assert again.factors == lookup.factors


def test_lookup_from_registry_equals_load_lookup() -> None:
    from sz_quality.plan.registry import load_registry

    registry = load_registry(FIXTURES / "targets.yaml")
    built = Lookup.from_registry(registry)
    assert built.series == load_lookup(FIXTURES / "targets.yaml").series


def test_new_unit_spellings_are_remembered(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, HEADER + "gdp,2015,3,百亿元,\n")
    assert result.observations[0].value == pytest.approx(300)
    reloaded = load_lookup(FIXTURES / "targets.yaml")
    assert reloaded.factors.get(("百亿元", "亿元")) == pytest.approx(100)


def test_shipped_registry(tmp_path: Path) -> None:
    shipped = load_lookup()
    assert shipped.resolve("地区生产总值") is shipped.resolve("GDP") is shipped.get("gdp")
    path = write(tmp_path, "indicator,year,value\ngdp,2015,14500\n")
    result = check(validate_files([path], shipped, expect_agency="drc", year=2015))
    codes = {d.code for d in result.diagnostics}
    assert codes == {"missing-indicator"}
    assert result.inputs[0].accepted == 1


def test_warm_path_imports_no_heavy_module(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = write(tmp_path, HEADER + "gdp,2015,1,,\n")
    load_lookup(FIXTURES / "targets.yaml")  # warm the cache
    code = (
        "import sys\n"
        "from sz_quality.plan.lookup import load_lookup\n"
        "from sz_quality.read.reader import validate_files\n"
        "from sz_quality.render import diagnostics_json, diagnostics_github, diagnostics_text\n"
        f"r = validate_files([{str(path)!r}], load_lookup({str(FIXTURES / 'targets.yaml')!r}))\n"
        "diagnostics_json.render(r); diagnostics_github.render(r); diagnostics_text.render(r)\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'pint', 'rich') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_encoding_detection_rules() -> None:
    assert sniff.detect_encoding(codecs.BOM_UTF8 + b"a") == "utf-8-sig"
    assert sniff.detect_encoding("指标".encode("gb18030")) == "gb18030"
    assert sniff.detect_encoding("指标".encode()) == "utf-8"
    assert sniff.detect_encoding(b"plain") == "utf-8"


def test_progress_reports_bytes(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 1024)
    path = write(tmp_path, HEADER + "gdp,2015,1,,x\n" * 2000)
    calls: list[tuple[str, int, int]] = []
    validate_files([path], lookup, progress=lambda *call: calls.append(call), jobs=1)
    done = [call[1] for call in calls]
    assert done == sorted(done) and done[-1] == path.stat().st_size == calls[-1][2]
    assert {call[0] for call in calls} == {str(path)}


def test_a_failed_child_is_replaced(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    path = write(tmp_path, _mixed(6000))
    one = check(validate_files([path], lookup, jobs=1))
    parent = os.getpid()
    original = split.check_second_half

    def crash_in_child(*arguments: Any) -> None:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        original(*arguments)

    monkeypatch.setattr(split, "check_second_half", crash_in_child)
    two = check(validate_files([path], lookup, jobs=2))
    assert (one.diagnostics, one.inputs) == (two.diagnostics, two.inputs)


def _open_descriptors() -> set[str]:
    import os

    return set(os.listdir("/proc/self/fd"))


def _gone(pid: int) -> bool:
    """The child was reaped: waiting for it again finds no such child."""
    import os

    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
@pytest.mark.parametrize("failure", ["long-line", "exception"])
def test_a_failed_first_half_reaps_the_child(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """When the parent's half stops (a line too long, or any exception), the child that
    checks the second half is reaped and its pipe closed, whatever it was doing."""
    import os

    from sz_quality.read.session import Session

    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    body = _mixed(6000)
    if failure == "long-line":
        monkeypatch.setattr(batches, "_LONG_LINE", 20_000)
        cut = body.index("\n", len(body) // 4)
        body = body[:cut] + "\n" + "x" * 30_000 + body[cut:]
    else:
        original = Session.check_batch
        calls = [0]

        def fail_later(self: Session, *arguments: Any) -> int:
            calls[0] += 1
            if calls[0] > 2:
                raise RuntimeError("the first half fails")
            return original(self, *arguments)

        monkeypatch.setattr(Session, "check_batch", fail_later)
    path = write(tmp_path, body)
    halves: list[Any] = []
    plan = split.plan_split

    def spy(*arguments: Any) -> Any:
        halves.append(plan(*arguments))
        return halves[-1]

    monkeypatch.setattr(split, "plan_split", spy)
    before = _open_descriptors()
    parent = os.getpid()
    if failure == "long-line":
        result = check(validate_files([path], lookup, jobs=2))
        assert "bad-csv" in {d.code for d in result.diagnostics}
    else:
        with pytest.raises(RuntimeError, match="first half fails"):
            validate_files([path], lookup, jobs=2)
    assert os.getpid() == parent
    assert halves and halves[0] is not None and halves[0].pid > 0  # a child was started
    assert _gone(halves[0].pid)
    assert _open_descriptors() <= before


def test_every_region_keeps_those_series_in_every_region(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`szq check` keeps the city total, and every district's rows of the series a target
    stated for every district needs: the same on the fast path, the row path and in two
    processes."""
    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    path = write(tmp_path, _mixed(6000))
    options: dict[str, Any] = {"regions": {"r3"}, "every_region": {"population"}}
    one = check(read_files([path], lookup, jobs=1, **options))
    two = check(read_files([path], lookup, jobs=2, **options))
    slow = check(
        reader._read(
            [path],
            lookup,
            keep=True,
            encoding=None,
            sheet=None,
            lang="en",
            progress=None,
            max_per_code=1000,
            jobs=1,
            regions=frozenset({"r3"}),
            every_region=frozenset({"population"}),
            fast_path=False,
        )
    )
    everything = check(read_files([path], lookup, jobs=1))
    expected = sorted(
        (o for o in everything.observations if o.region == "r3" or o.series == "population"),
        key=repr,
    )
    for result in (one, two, slow):
        assert sorted(result.observations, key=repr) == expected
    assert len({o.region for o in expected if o.series == "population"}) == 37
