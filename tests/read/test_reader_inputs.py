"""The reader: values, names and units; layouts, encodings, line endings, .xlsx; the
lookup it reads against."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest
from reader_helpers import FIXTURES, HEADER, check, found, read, write

from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.read import batches, sniff
from sz_quality.read.reader import read_files, validate_files
from sz_quality.read.reading import ReadOptions

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
    result = read(lookup, tmp_path, CHINESE.encode("gb18030"), ReadOptions(encoding="gb18030"))
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
    by_name = check(read_files([path], lookup, ReadOptions(sheet="Wide")))
    by_number = check(read_files([path], lookup, ReadOptions(sheet="2")))
    assert found(by_name) == [] and by_name.observations == by_number.observations
    assert len(by_name.observations) == 2
    missing = check(read_files([path], lookup, ReadOptions(sheet="Nope")))
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
        "from sz_quality.render.validate import as_json, github, text\n"
        f"r = validate_files([{str(path)!r}], load_lookup({str(FIXTURES / 'targets.yaml')!r}))\n"
        "as_json.render(r); github.render(r); text.render(r)\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'pint', 'rich') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_encoding_detection_rules() -> None:
    assert sniff.detect_encoding(codecs.BOM_UTF8 + b"a") == "utf-8-sig"
    assert sniff.detect_encoding("指标".encode("gb18030")) == "gb18030"
    assert sniff.detect_encoding("指标".encode()) == "utf-8"
    assert sniff.detect_encoding(b"plain") == "utf-8"
