"""Districts and the city total, and the checks between values (read/consistency.py)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate
from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.plan.registry import load_registry
from sz_quality.read.observations import ReadResult
from sz_quality.read.reader import read_files, validate_files

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
# the published figures: the shared folder's, beside the checkout, else the copy the
# examples cite (never skipped: one of the two is always there)
SHARED = next(
    (
        path
        for path in (ROOT.parent / "shared" / "data" / "shenzhen-statistics-2010-2016.csv",)
        if path.is_file()
    ),
    ROOT / "examples" / "sources" / "shenzhen-statistics-2010-2016.csv",
)
NEW_CODES = {
    "unknown-region",
    "district-column",
    "suspect-magnitude",
    "repeated-value",
    "parts-total-mismatch",
}
HEADER = "indicator,year,value,unit,region\n"


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup()


def write(tmp_path: Path, text: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(result: ReadResult) -> list[tuple[str, str, int | None, int | None]]:
    return [(d.code, d.severity, d.line, d.column) for d in result.diagnostics]


def gdp_2015(path: Path) -> tuple[str, float | None]:
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--year", "2015"])
    (gdp,) = [item for item in json.loads(result.stdout)["results"] if item["target"] == "gdp_2015"]
    return gdp["status"], gdp["actual"]


# -- districts and the city total ------------------------------------------------------------


@pytest.mark.parametrize("total", ["全市", "深圳市", "合计", "总计", " 全 市 ", ""])
def test_the_city_totals_names_are_the_city_total(
    tmp_path: Path, lookup: Lookup, total: str
) -> None:
    path = write(tmp_path, HEADER + f"gdp,2015,17502.99,亿元,{total}\n")
    assert gdp_2015(path) == ("met", 1.750299)
    (observation,) = read_files([path], lookup).observations
    assert observation.region == ""
    assert codes(validate_files([path], lookup)) == []


def test_a_district_milestone_never_lists_the_city_total_as_a_district(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "districts_with_tertiary_hospital_share,2015,100,%,福田区\n"
        + "districts_with_tertiary_hospital_share,2015,90,%,全市\n",
    )
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--lang", "en"])
    (hospital,) = [
        item
        for item in json.loads(result.stdout)["results"]
        if item["target"] == "tertiary_hospital_every_district_2015"
    ]
    assert (hospital["status"], hospital["lagging_regions"]) == ("met", [])


def _agency_form(tmp_path: Path, region: str) -> Path:
    """szq template's form for 市水务局 2015, every value filled in, in `region`."""
    form = runner.invoke(app, ["template", "--agency", "wrb", "--year", "2015"]).stdout
    rows = list(csv.DictReader(io.StringIO(form)))
    lines = [HEADER]
    for row in rows:
        lines.append(f"{row['indicator']},{row['year']},50,{row['unit']},{region}\n")
    return write(tmp_path, "".join(lines), f"wrb-{region or 'blank'}.csv")


@pytest.mark.parametrize(("region", "valid"), [("全市", True), ("深圳市", True), ("福田区", False)])
def test_validate_expect_agency_and_check_decide_alike(
    tmp_path: Path, lookup: Lookup, region: str, valid: bool
) -> None:
    path = _agency_form(tmp_path, region)
    result = validate_files([path], lookup, expect_agency="wrb", year=2015)
    missing = [d for d in result.diagnostics if d.code == "missing-indicator"]
    assert (not missing) is valid
    registry = load_registry()
    report = evaluate(registry, read_files([path], lookup, regions={""}), 2015)
    led = {t.id for t in registry.targets if "市水务局" in t.leads}
    without = [r.target for r in report.results if r.target in led and r.status == "no_data"]
    assert (not without) is valid


@pytest.mark.parametrize(
    "header",
    [
        "辖区",
        "区",
        "区县",
        "区域",
        "行政区",
        "行政区划",
        "地区名称",
        "district",
        "region_name",
        "地区",
    ],
)
def test_the_region_headers_people_use(tmp_path: Path, lookup: Lookup, header: str) -> None:
    path = write(tmp_path, f"indicator,year,value,unit,{header}\ngdp,2015,3200,亿元,福田区\n")
    assert gdp_2015(path) == ("no_data", None)  # 福田区's GDP is not Shenzhen's
    (observation,) = read_files([path], lookup).observations
    assert observation.region == "福田区"
    assert codes(validate_files([path], lookup)) == []


def test_an_unknown_column_of_district_names_is_an_error(tmp_path: Path, lookup: Lookup) -> None:
    path = write(
        tmp_path,
        "indicator,year,value,unit,所属\ngdp,2015,3200,亿元,福田区\ngdp,2015,900,亿元,坪山\n",
    )
    result = validate_files([path], lookup)
    assert codes(result) == [("district-column", "error", 1, 5)]
    assert result.diagnostics[0].message_in("en") == (
        "column '所属' holds district names (such as '福田区') and the file has no region "
        "column: read as the region column"
    )
    assert gdp_2015(path) == ("no_data", None)  # never taken for the city's
    regions = {o.region for o in read_files([path], lookup).observations}
    assert regions == {"福田区", "坪山新区"}


def test_an_unknown_column_of_other_words_stays_a_warning(tmp_path: Path, lookup: Lookup) -> None:
    path = write(tmp_path, "indicator,year,value,unit,口径\ngdp,2015,17502.99,亿元,初步核算\n")
    assert codes(validate_files([path], lookup)) == [("unknown-column", "warning", 1, 5)]
    assert gdp_2015(path) == ("met", 1.750299)


def test_a_district_with_or_without_its_suffix_is_one_district(
    tmp_path: Path, lookup: Lookup
) -> None:
    path = write(
        tmp_path,
        HEADER + "gdp,2014,3000,亿元,福田\ngdp,2015,3200,亿元,福田区\ngdp,2015,300,亿元,光明区\n",
    )
    assert codes(validate_files([path], lookup)) == []
    found = {(o.region, o.year) for o in read_files([path], lookup).observations}
    assert found == {("福田区", 2014), ("福田区", 2015), ("光明新区", 2015)}
    result = runner.invoke(app, ["check", str(path), "--region", "福田", "--format", "json"])
    regions = {item["region"] for item in json.loads(result.stdout)["results"]}
    assert regions == {"福田区"}


def test_an_unknown_region_is_a_warning_with_a_suggestion(tmp_path: Path, lookup: Lookup) -> None:
    path = write(tmp_path, HEADER + "gdp,2015,17502.99,亿元,\ngdp,2015,3200,亿元,福田县\n")
    result = validate_files([path], lookup)
    assert codes(result) == [("unknown-region", "warning", 3, 5)]
    assert result.diagnostics[0].message_in("en") == "unknown region '福田县'"
    assert result.diagnostics[0].hint_in("en") == (
        "did you mean '福田区'? Leave the city total blank or write 全市"
    )


def test_the_registry_validates_its_districts(tmp_path: Path) -> None:
    from sz_quality.plan.registry import RegistryError

    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        "{id: luohu, name_zh: 罗湖区, name_en: Luohu District, aliases: [罗湖]}",
        "{id: luohu, name_zh: 罗湖区, name_en: Luohu District, aliases: [福田]}",
    )
    assert broken != text
    path = tmp_path / "targets.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(RegistryError, match="the name '福田' also means futian"):
        load_registry(path)


# -- checks between values -------------------------------------------------------------------


def test_a_figure_typed_in_wan_yuan_under_yi_yuan(tmp_path: Path, lookup: Lookup) -> None:
    path = write(tmp_path, HEADER + "gdp,2014,16001.98,亿元,\ngdp,2015,175029900,亿元,\n")
    result = validate_files([path], lookup)
    assert codes(result) == [("suspect-magnitude", "warning", 3, 3)]
    assert result.diagnostics[0].message_in("en") == (
        f"'gdp' 2015: 175029900 亿元 against 2014: 16001.98 亿元 ({path} line 2), "
        "about 10^4 times apart"
    )
    assert result.diagnostics[0].hint_in("en") == "万元 written as 亿元?"
    check = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert "suspect-magnitude" in {d["code"] for d in json.loads(check.stdout)["diagnostics"]}


def test_the_odd_year_out_is_the_one_doubted(tmp_path: Path, lookup: Lookup) -> None:
    path = write(
        tmp_path,
        HEADER + "gdp,2013,14500.23,亿元,\ngdp,2014,1.600198,亿元,\ngdp,2015,17502.99,亿元,\n",
    )
    assert codes(validate_files([path], lookup)) == [("suspect-magnitude", "warning", 3, 3)]


def test_a_slip_between_files_is_a_suspect_not_a_revision(tmp_path: Path, lookup: Lookup) -> None:
    first = write(tmp_path, HEADER + "gdp,2015,17502.99,亿元,\n", "a.csv")
    second = write(tmp_path, HEADER + "gdp,2015,175029900,亿元,\n", "b.csv")
    result = validate_files([first, second], lookup)
    assert [(d.code, d.file) for d in result.diagnostics] == [("suspect-magnitude", str(second))]
    third = write(tmp_path, HEADER + "gdp,2015,17600,亿元,\n", "c.csv")
    revised = validate_files([first, third], lookup)
    assert [d.code for d in revised.diagnostics] == ["revision"]


@pytest.mark.parametrize(
    "rows",
    [
        "gdp,2014,16001.98,亿元,\ngdp,2015,20802.57,亿元,\n",  # +30%
        "hospital_beds,2014,30000,张,\nhospital_beds,2015,60000,张,\n",  # doubling
        "rd_share,2014,4.02,%,\nrd_share,2015,4.05,%,\n",
    ],
)
def test_fast_growth_is_no_slip(tmp_path: Path, lookup: Lookup, rows: str) -> None:
    assert codes(validate_files([write(tmp_path, HEADER + rows)], lookup)) == []


def test_a_copied_row(tmp_path: Path, lookup: Lookup) -> None:
    path = write(tmp_path, HEADER + "gdp,2014,16001.98,亿元,\ngdp,2015,16001.98,亿元,\n")
    result = validate_files([path], lookup)
    assert codes(result) == [("repeated-value", "warning", 3, 3)]
    assert (
        result.diagnostics[0].message_in("en") == "'gdp' 2015: 16001.98, the same as 2014 (line 2)"
    )


@pytest.mark.parametrize(
    "rows",
    [
        "good_air_days,2014,360,天,\ngood_air_days,2015,360,天,\n",  # a whole count
        "hospital_beds,2014,30000,张,\nhospital_beds,2015,30000,张,\n",  # 1 significant figure
        "gdp,2013,16001.98,亿元,\ngdp,2015,16001.98,亿元,\n",  # not consecutive
        "rd_share,2014,4.021,%,\nrd_share,2015,4.021,%,\n",  # a share may stay put
    ],
)
def test_values_that_may_repeat(tmp_path: Path, lookup: Lookup, rows: str) -> None:
    assert codes(validate_files([write(tmp_path, HEADER + rows)], lookup)) == []


def test_districts_summing_to_more_than_the_city(tmp_path: Path, lookup: Lookup) -> None:
    path = write(
        tmp_path,
        HEADER + "gdp,2015,17502.99,亿元,\ngdp,2015,3200,亿元,福田区\ngdp,2015,15000,亿元,南山区\n",
    )
    result = validate_files([path], lookup)
    assert codes(result) == [("parts-total-mismatch", "warning", 2, 3)]
    assert result.diagnostics[0].message_in("en") == (
        "'gdp' 2015: the districts sum to 18200 against the city total 17502.99 (福田区、南山区)"
    )


def _all_districts(total: float, each: float) -> str:
    names = ["福田", "罗湖", "南山", "盐田", "宝安", "龙岗", "光明", "坪山", "龙华", "大鹏"]
    return (
        HEADER
        + f"gdp,2015,{total},亿元,\n"
        + "".join(f"gdp,2015,{each},亿元,{name}\n" for name in names)
    )


def test_every_district_summing_to_other_than_the_city(tmp_path: Path, lookup: Lookup) -> None:
    result = validate_files([write(tmp_path, _all_districts(17502.99, 1500))], lookup)
    assert codes(result) == [("parts-total-mismatch", "warning", 2, 3)]


@pytest.mark.parametrize(
    "text",
    [
        _all_districts(15000, 1500),  # every district, the sum is the total
        _all_districts(15050, 1500),  # within 0.5% (rounding)
        HEADER + "gdp,2015,17502.99,亿元,\ngdp,2015,3200,亿元,福田区\n",  # some districts, less
        HEADER + "good_air_days,2015,360,天,\ngood_air_days,2015,361,天,福田区\n",  # not additive
    ],
)
def test_parts_and_totals_that_agree(tmp_path: Path, lookup: Lookup, text: str) -> None:
    assert codes(validate_files([write(tmp_path, text)], lookup)) == []


# -- real data gives none of the new diagnostics ---------------------------------------------


def test_the_shipped_examples_give_no_new_diagnostic(lookup: Lookup) -> None:
    paths = sorted((ROOT / "examples").glob("*.csv"))
    assert paths
    for path in paths:
        result = validate_files([path], lookup)
        assert not NEW_CODES & {d.code for d in result.diagnostics}, path
    together = validate_files(paths, lookup)
    assert not NEW_CODES & {d.code for d in together.diagnostics}


def _shared_as_long(lookup: Lookup, tmp_path: Path) -> Path:
    """The published figures in szq's long format: one value per indicator and year."""
    rows: dict[tuple[str, str], tuple[str, str]] = {}
    with SHARED.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            info = lookup.resolve(row["indicator_zh"]) or lookup.resolve(row["indicator_en"])
            if info is None:
                continue
            unit = row["unit"].split("(")[0].split("(")[0].strip()
            rows[(info.id, row["year"])] = (row["value"], unit)
    lines = [HEADER] + [
        f"{series},{year},{value},{unit},\n" for (series, year), (value, unit) in rows.items()
    ]
    assert len(lines) > 20
    return write(tmp_path, "".join(lines), "shared.csv")


def test_the_published_figures_give_no_new_diagnostic(tmp_path: Path, lookup: Lookup) -> None:
    result = validate_files([_shared_as_long(lookup, tmp_path)], lookup)
    assert not NEW_CODES & {d.code for d in result.diagnostics}, [
        d.message_in("en") for d in result.diagnostics if d.code in NEW_CODES
    ]


# -- submitted against derived ---------------------------------------------------------------

DERIVED = (
    HEADER
    + "gdp,2015,17502.99,亿元,\nresident_population,2015,1137.87,万人,\n"
    + "gdp_per_capita,2015,157985,元/人,\nrd_expenditure,2015,732.39,亿元,\n"
)


def test_a_submitted_share_its_inputs_contradict(tmp_path: Path, lookup: Lookup) -> None:
    path = write(tmp_path, DERIVED + "rd_share,2015,5.05,%,\n")
    result = validate_files([path], lookup)
    assert codes(result) == [("derived-mismatch", "warning", 6, 3)]
    assert result.diagnostics[0].message_in("en") == (
        "'rd_share' 2015: submitted 5.05 %, 4.18437078465 from rd_expenditure / gdp "
        "(lines 2, 5): 20.7% apart, beyond the tolerance of 5%; the check uses the submitted "
        "figure"
    )
    check = runner.invoke(app, ["check", str(path), "--format", "json"])
    loaded = json.loads(check.stdout)
    assert "derived-mismatch" in {d["code"] for d in loaded["diagnostics"]}
    (rd,) = [item for item in loaded["results"] if item["target"] == "rd_share_2015"]
    assert rd["actual"] == 5.05  # the submitted figure decides, as the message says


def test_year_end_against_average_population_is_within_the_tolerance(
    tmp_path: Path, lookup: Lookup
) -> None:
    # 157,985 submitted against 153,822 from the totals: 2.7% apart, under 5%
    path = write(tmp_path, DERIVED + "rd_share,2015,4.18,%,\n")
    assert codes(validate_files([path], lookup)) == []


def test_the_tolerance_is_the_registrys(tmp_path: Path) -> None:
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    strict = text.replace("    tolerance: 5 ", "    tolerance: 1 ", 1)
    assert strict != text
    registry = tmp_path / "targets.yaml"
    registry.write_text(strict, encoding="utf-8")
    path = write(tmp_path, DERIVED)
    result = validate_files([path], load_lookup(registry))
    assert codes(result) == [("derived-mismatch", "warning", 4, 3)]
    broken = text.replace("    additive: true\n", "    additive: true\n    tolerance: 3\n", 1)
    registry.write_text(broken, encoding="utf-8")
    from sz_quality.plan.registry import RegistryError

    with pytest.raises(RegistryError, match="'tolerance' goes with a 'formula' only"):
        load_registry(registry)


def test_calc_shows_both_figures_and_their_difference() -> None:
    result = runner.invoke(app, ["calc", str(ROOT / "examples" / "data-2015.csv")])
    (row,) = [
        line for line in result.stdout.splitlines() if line.startswith("gdp_per_capita,2015,")
    ]
    assert row.endswith("data reports 157985.0; difference +4162.595 (+2.7%)")
    loaded = json.loads(
        runner.invoke(
            app, ["calc", str(ROOT / "examples" / "data-2015.csv"), "--format", "json"]
        ).stdout
    )
    (item,) = [
        s for s in loaded["series"] if (s["indicator"], s["year"]) == ("gdp_per_capita", 2015)
    ]
    assert (item["own_value"], item["difference"], item["difference_percent"]) == (
        157985.0,
        4162.595,
        2.706104484,
    )


# -- the right form --------------------------------------------------------------------------


def _form(tmp_path: Path, agency: str, year: int, suffix: str, *extra: str) -> Path:
    path = tmp_path / f"{agency}-{year}{suffix}"
    result = runner.invoke(
        app, ["template", "--agency", agency, "--year", str(year), "-o", str(path), *extra]
    )
    assert result.exit_code == 0, result.output
    return path


def _wrong(result: ReadResult) -> list[tuple[str, str, int | None, int | None]]:
    return [item for item in codes(result) if item[0] == "wrong-template"]


def test_a_csv_form_for_another_year(tmp_path: Path, lookup: Lookup) -> None:
    path = _form(tmp_path, "wrb", 2014, ".csv")
    result = validate_files([path], lookup, expect_agency="wrb", year=2015)
    assert _wrong(result) == [("wrong-template", "error", 2, 10)]
    (made,) = [d for d in result.diagnostics if d.code == "wrong-template"]
    assert made.message_in("en") == (
        "this is the form of Shenzhen Municipal Water Resources Bureau for 2014, not of "
        "Shenzhen Municipal Water Resources Bureau for 2015"
    )
    assert made.hint_in("en") == "make the form with szq template --agency wrb --year 2015"
    right = validate_files([path], lookup, expect_agency="wrb", year=2014)
    assert _wrong(right) == []
    assert "unknown-column" not in {d.code for d in right.diagnostics}


def test_an_xlsx_form_for_another_agency_resaved_by_openpyxl(
    tmp_path: Path, lookup: Lookup
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = _form(tmp_path, "wrb", 2015, ".xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.column_dimensions["J"].hidden  # the identity column is out of the way
    sheet["F2"] = 12.5  # filled in, then saved as Excel would
    resaved = tmp_path / "resaved.xlsx"
    book.save(resaved)
    result = validate_files([resaved], lookup, expect_agency="drc", year=2015)
    assert _wrong(result) == [("wrong-template", "error", 2, 10)]
    assert _wrong(validate_files([resaved], lookup, expect_agency="wrb", year=2015)) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_form_resaved_by_libreoffice(tmp_path: Path, lookup: Lookup) -> None:
    path = _form(tmp_path, "wrb", 2015, ".xlsx")
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()
    converted = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=False,
        capture_output=True,
        timeout=300,
    )
    resaved = out / path.name
    if converted.returncode != 0 or not resaved.exists():  # Writer without Calc, say
        pytest.skip(f"LibreOffice could not convert a workbook: {converted.stderr!r}")
    result = validate_files([resaved], lookup, expect_agency="wrb", year=2014)
    assert _wrong(result) == [("wrong-template", "error", 2, 10)]


def test_a_form_from_another_registry_is_a_warning(tmp_path: Path) -> None:
    path = _form(tmp_path, "wrb", 2015, ".csv")
    changed = tmp_path / "targets.yaml"
    changed.write_text((ROOT / "targets.yaml").read_text(encoding="utf-8") + "\n# edited\n")
    result = validate_files([path], load_lookup(changed), expect_agency="wrb", year=2015)
    assert _wrong(result) == [("wrong-template", "warning", 2, 10)]


def test_a_workbooks_unknown_column_of_district_names(tmp_path: Path, lookup: Lookup) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ("深圳市统计表",),
        ("indicator", "year", "value", "unit", "所属"),
        ("gdp", 2015, 3200, "亿元", "福田区"),
        ("gdp", 2015, 900, "亿元", "坪山"),
    ):
        sheet.append(row)
    path = tmp_path / "districts.xlsx"
    book.save(path)
    result = validate_files([path], lookup)
    assert ("district-column", "error", 2, 5) in codes(result)
    regions = {o.region for o in read_files([path], lookup).observations}
    assert regions == {"福田区", "坪山新区"}


def test_a_percentage_a_hundred_times_off(tmp_path: Path, lookup: Lookup) -> None:
    # 0.415 for 41.5%: suspect-fraction says so row by row, and nothing else repeats it
    fraction = HEADER + "forest_coverage,2014,41.5,%,\nforest_coverage,2015,0.415,%,\n"
    result = validate_files([write(tmp_path, fraction)], lookup)
    assert codes(result) == [("suspect-fraction", "warning", 3, 3)]
    # a share no target sets a figure for (no fraction's window): the odd year out
    text = "".join(
        f"registered_population_share,{year},{value},%,\n"
        for year, value in ((2013, 24.2), (2014, 0.243), (2015, 24.5))
    )
    text = HEADER + text
    result = validate_files([write(tmp_path, text, "share.csv")], lookup)
    assert codes(result) == [("suspect-magnitude", "warning", 3, 3)]
    assert (
        result.diagnostics[0].hint_in("en")
        == "a fraction written for a percentage, or the reverse?"
    )
