"""The reader: every diagnostic code with a tiny file, and every code documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_helpers import HEADER, check, found, read, write

from sz_quality.plan.lookup import Lookup
from sz_quality.read.codes import CODES
from sz_quality.read.reader import read_files, validate_files
from sz_quality.read.reading import ReadOptions

# -- each diagnostic code ---------------------------------------------------------------------


def test_encoding_error(lookup: Lookup, tmp_path: Path) -> None:
    data = (HEADER + "gdp,2015,1,,福田\n").encode() + b"gdp,2014,1,,\xff\xfe\n"
    result = read(lookup, tmp_path, data, ReadOptions(encoding="utf-8"))
    assert found(result) == [("encoding-error", "error", 3, 5)]
    assert result.inputs[0].accepted == 1 and result.inputs[0].rejected == 1


def test_encoding_error_detected_utf8(lookup: Lookup, tmp_path: Path) -> None:
    rows = "".join(f"gdp,{year},1,,福田区\n" for year in range(1990, 2030))
    data = (HEADER + rows).encode() + b"population,2015,1,,\xff\n"
    result = read(lookup, tmp_path, data)
    assert found(result) == [("encoding-error", "error", 42, 5)]


def test_unknown_encoding_is_a_usage_error(lookup: Lookup, tmp_path: Path) -> None:
    with pytest.raises(LookupError):
        read_files([write(tmp_path, HEADER)], lookup, ReadOptions(encoding="no-such-codec"))


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
    result = read(lookup, tmp_path, data, ReadOptions(max_per_code=2))
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
        "too-many", "bad-unit", "split-number",
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
    readme = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        for code in CODES:
            assert f"`{code}`" in text, code
