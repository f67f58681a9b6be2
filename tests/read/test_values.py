"""Values as agencies really write them: a unit that is a number, a number split by its
thousands separator, one figure under two names, a note in another encoding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.read.observations import ReadResult
from sz_quality.read.reader import read_files
from sz_quality.read.reading import READ_DEFAULTS, ReadOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "validate"


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup(FIXTURES / "targets.yaml")


def read(
    lookup: Lookup, tmp_path: Path, content: str | bytes, reading: ReadOptions = READ_DEFAULTS
) -> ReadResult:
    path = tmp_path / "data.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    result = read_files([path], lookup, reading)
    for summary in result.inputs:
        assert summary.rows == summary.accepted + summary.rejected, summary
    return result


def found(result: ReadResult) -> list[tuple[str, str, int | None, int | None]]:
    return [(d.code, d.severity, d.line, d.column) for d in result.diagnostics]


# -- a unit is a unit -------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["5", "1.1", "亿元*1.1", "1.1*亿元", "10^4元", "亿元+5", "亿元×2"])
def test_a_number_in_the_unit_column_is_bad_unit(lookup: Lookup, tmp_path: Path, unit: str) -> None:
    result = read(lookup, tmp_path, f"indicator,year,value,unit\ngdp,2015,45,{unit}\n")
    assert found(result) == [("bad-unit", "error", 2, 4)]
    assert not result.observations
    assert "not a unit" in result.diagnostics[0].message_in("en")


@pytest.mark.parametrize("unit", ["km2", "m^2", "万亿元", "吨标准煤/万元", "m3", "μg/m³"])
def test_units_with_digits_are_units(unit: str) -> None:
    from sz_quality.plan.lookup import is_arithmetic

    assert not is_arithmetic(unit)


# -- internal errors that are diagnostics -----------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be", "utf-32-le", "utf-7"])
def test_a_forced_encoding_the_bytes_cannot_be_is_an_encoding_error(
    lookup: Lookup, tmp_path: Path, encoding: str
) -> None:
    result = read(lookup, tmp_path, "指标,年份,数值\ngdp,2015,17502.99\n", ReadOptions(encoding))
    assert [d.code for d in result.diagnostics][:1] == ["encoding-error"]
    assert not result.observations


def test_an_exchange_rate_of_zero_is_out_of_range_and_never_divides(
    registry: Any, tmp_path: Path
) -> None:
    from sz_quality import check_files
    from sz_quality.check.series import SeriesIndex
    from sz_quality.plan.lookup import Lookup as FullLookup
    from sz_quality.read.observations import Observation

    path = tmp_path / "rate.csv"
    path.write_text(
        "indicator,year,value\ngdp_per_capita,2015,150000\ncny_per_usd,2015,0\n", encoding="utf-8"
    )
    result = read_files([path], FullLookup.from_registry(registry))
    assert found(result) == [("out-of-range", "error", 3, 3)]
    report = check_files([path], registry)  # a ZeroDivisionError before
    assert report.summary
    # a registry that bounds no rate: a rate of 0 in the data converts nothing
    index = SeriesIndex([Observation("cny_per_usd", 2015, 0.0)])
    rate = index.rate(2015)
    assert rate is not None and rate.cny_per_usd == pytest.approx(6.2284)


# -- a number split by its thousands separator ------------------------------------------

ZH_NOTE = "指标,年份,数值,备注\n"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("地区生产总值,2015,17,502.99", [("split-number", "error", 2, 3)]),  # note "502.99"
        ("地区生产总值,2015,17,502.99,", [("split-number", "error", 2, 3)]),  # one more field
        ("地区生产总值,2015,1,234,初步", [("split-number", "error", 2, 3)]),
        ("地区生产总值,2015,17,502,初步核算", [("split-number", "error", 2, 3)]),
        ("地区生产总值,2015,17502.99,初步核算,", [("ragged-row", "error", 2, None)]),
    ],
)
def test_a_number_split_by_an_unquoted_thousands_comma_is_an_error(
    lookup: Lookup, tmp_path: Path, row: str, expected: list[Any]
) -> None:
    result = read(lookup, tmp_path, ZH_NOTE + row + "\n")
    assert found(result) == expected
    assert not result.observations
    hint = result.diagnostics[0].hint_in("en") or ""
    assert "quote" in hint


def test_a_split_number_in_a_long_file_is_found_by_both_paths(
    lookup: Lookup, tmp_path: Path
) -> None:
    rows = [f"gdp,{2000 + n % 10},{n}.5,r{n},note {n}" for n in range(400)]
    rows[300] = "gdp,2015,17,502.99,"  # the region "502.99"
    text = "indicator,year,value,region,note\n" + "\n".join(rows) + "\n"
    result = read(lookup, tmp_path, text)
    assert found(result) == [("split-number", "error", 302, 3)]
    assert len(result.observations) == 399


@pytest.mark.parametrize(
    "text",
    [
        '地区生产总值,2015,"17,502.99",初步核算\n',  # quoted: one number
        "地区生产总值,2015,17502.99,502\n",  # a four-digit value: no thousands group
        "地区生产总值,2015,17.5,502\n",  # decimals before: no thousands group
    ],
)
def test_numbers_that_are_not_split(lookup: Lookup, tmp_path: Path, text: str) -> None:
    result = read(lookup, tmp_path, ZH_NOTE + text)
    assert found(result) == []


def test_a_tab_separated_file_splits_nothing(lookup: Lookup, tmp_path: Path) -> None:
    result = read(lookup, tmp_path, "指标\t年份\t数值\t备注\n地区生产总值\t2015\t17\t502\n")
    assert found(result) == [] and result.observations[0].value == 17


# -- one figure under two names ---------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, None])
def test_a_figure_under_its_indicator_and_its_target_is_one_figure(
    lookup: Lookup, tmp_path: Path, jobs: int | None
) -> None:
    text = (
        "indicator,year,value,unit\n"
        "gdp,2015,17502.99,亿元\n"
        "gdp_2015,2015,17000,亿元\n"  # another value: a conflict
        "gdp,2014,16001.98,亿元\n"
        "gdp_2015,2014,1.600198,万亿元\n"  # the same value: a warning
    )
    result = read(lookup, tmp_path, text, ReadOptions(jobs=jobs))
    assert found(result) == [
        ("duplicate-row", "error", 3, None),
        ("duplicate-row", "warning", 5, None),
    ]
    assert result.diagnostics[0].message_in("en") == (
        "'gdp_2015' and 'gdp' name one figure: 2015 is 1.750299 (万亿元) on line 2; here 1.7"
    )
    kept = sorted((obs.series, obs.year, obs.value) for obs in result.observations)
    assert kept == [("gdp", 2014, 16001.98), ("gdp", 2015, 17502.99), ("gdp_2015", 2014, 1.600198)]


def test_the_check_uses_the_first_figure_of_two_names(registry: Any, tmp_path: Path) -> None:
    from sz_quality import check_files

    path = tmp_path / "gdp.csv"
    path.write_text(
        "indicator,year,value,unit\ngdp_2015,2015,9.9,万亿元\ngdp,2015,17502.99,亿元\n",
        encoding="utf-8",
    )
    report = check_files([path], registry)
    gdp = next(result for result in report.results if result.target == "gdp_2015")
    assert gdp.status == "met"  # 9.9 万亿元 is the first figure: 17502.99 is refused
    assert [d.code for d in report.diagnostics] == ["duplicate-row"]


# -- a note in another encoding than the file's -----------------------------------------

BIG5_NOTE = "初步核算，修訂後較高".encode("big5")


def test_a_big5_note_in_a_gb18030_file_is_an_encoding_error(lookup: Lookup, tmp_path: Path) -> None:
    head = "指标,年份,数值,备注\n地区生产总值,2014,16001.98,初步核算\n".encode("gb18030")
    garbled = BIG5_NOTE.decode("gb18030")
    assert any("\ue000" <= char <= "\uf8ff" for char in garbled)  # what the note showed as
    result = read(lookup, tmp_path, head + b"gdp,2015,17502.99," + BIG5_NOTE + b"\n")
    assert found(result) == [("encoding-error", "error", 3, 4)]
    assert "Big5" in result.diagnostics[0].message_in("en")
    assert [(obs.year, obs.note) for obs in result.observations] == [(2014, "初步核算")]


def test_a_big5_note_after_a_long_ascii_start_is_found_too(lookup: Lookup, tmp_path: Path) -> None:
    rows = "".join(f"gdp,2015,{n}.5,r{n}\n" for n in range(5000))  # > 64 KiB of ASCII
    text = b"indicator,year,value,region,note\n" + rows.replace("\n", ",ok\n").encode()
    text += "gdp,2014,1.5,福田区,初步\n".encode("gb18030")  # the file turns out GB18030
    text += b"gdp,2013,1.5,r1," + BIG5_NOTE + b"\n"
    result = read(lookup, tmp_path, text)
    assert found(result) == [("encoding-error", "error", 5003, 5)]


def test_the_series_own_unit_1_is_a_unit(tmp_path: Path) -> None:
    """A ratio's unit "1" is its own unit, not a number; "1" for a % is bad-unit."""
    from sz_quality.plan.lookup import load_lookup as load

    root = Path(__file__).resolve().parents[2] / "examples" / "five-year-plan"
    lookup = load(root / "targets.yaml")
    ratio = next(info for info in lookup.series if info.unit == "1")
    percent = next(info for info in lookup.series if info.unit == "%")
    assert lookup.factor("1", ratio.unit) == 1.0
    assert lookup.factor("1", percent.unit) == "expression"


def test_a_sheet_after_a_csv_splits_nothing(lookup: Lookup, tmp_path: Path) -> None:
    """A sheet's cells are never split by a comma, whichever file was read before it."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    pytest.importorskip("python_calamine")
    first = tmp_path / "first.csv"
    first.write_text("indicator,year,value\ngdp,2014,16.5\n", encoding="utf-8")
    sheet = tmp_path / "second.xlsx"
    book = xlsxwriter.Workbook(str(sheet))
    page = book.add_worksheet("数据")
    page.write_row(0, 0, ["指标", "年份", "数值", "备注"])
    page.write_row(1, 0, ["地区生产总值", 2015, 17, "502"])  # a value, and a note of 502
    book.close()
    result = read_files([first, sheet], lookup)
    assert found(result) == []
    assert [(obs.year, obs.value, obs.note) for obs in result.observations] == [
        (2014, 16.5, None),
        (2015, 17.0, "502"),
    ]
