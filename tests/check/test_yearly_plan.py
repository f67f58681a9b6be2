"""Yearly plans (年度推进计划): reading them, `szq check --plan`, and their consistency."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sz_quality.check.results import Report, Result
from sz_quality.check.run import check_files, read_plan
from sz_quality.cli import app
from sz_quality.plan.registry import Registry
from sz_quality.render.verdict_words import reason_words

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PLAN = EXAMPLES / "plans" / "plan-2013-illustrative.csv"
DATA_2013 = EXAMPLES / "data-2013.csv"
DISTRICTS_2013 = EXAMPLES / "districts-2013-illustrative.csv"
runner = CliRunner()


def _result(report: Report, target: str, region: str = "") -> Result:
    return next(r for r in report.results if r.target == target and r.region == region)


@pytest.fixture(scope="module")
def report_2013(registry: Registry) -> Report:
    return check_files([DATA_2013], registry, year=2013, plan=[PLAN])


# -- reading ---------------------------------------------------------------------------


def test_the_example_plan_reads_without_a_problem(registry: Registry) -> None:
    plan = read_plan([PLAN], registry)
    assert [d.code for d in plan.diagnostics] == []
    assert [(s.series, s.region, s.year, s.value) for s in plan.sub_targets] == [
        ("gdp_2015", "", 2013, 1.48),
        ("tertiary_share_2015", "", 2013, 56.0),
        ("rd_share_2015", "", 2013, 4.1),
        ("good_air_days_2015", "", 2013, 320.0),
        ("gdp", "福田区", 2013, 2600.0),
        ("gdp", "坪山新区", 2013, 300.0),
    ]
    assert plan.get("gdp", "福田区", 2013) is not None
    assert plan.get("gdp", "", 2013) is None


def test_a_plan_is_read_as_a_data_file_with_positions_and_codes(
    registry: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "indicator,year,value,unit,region,source,note\n"
        "gdp_2015,2013,1.4,万亿元,,区发展改革局 2013 年度计划,\n"  # fine
        "gdpp,2013,1.4,万亿元,,plan,\n"  # unknown indicator
        "rd_share_2015,2013,abc,%,,plan,\n"  # not a number
        "rd_share_2015,2013,4.1,%,,,\n"  # no source
        "resident_population,2013,1100,万人,,plan,\n",  # no target is on it
        encoding="utf-8",
    )
    plan = read_plan([path], registry)
    found = [(d.code, d.severity, d.line, d.field) for d in plan.diagnostics]
    assert found == [
        ("unknown-indicator", "error", 3, "indicator"),
        ("bad-number", "error", 4, "value"),
        ("plan-no-source", "warning", 5, "source"),
        ("plan-no-target", "warning", 6, "indicator"),
    ]
    assert plan.has_errors
    # a unit is converted as in a data file: 万亿元 of the target
    assert plan.get("gdp_2015", "", 2013).value == pytest.approx(1.4)  # type: ignore[union-attr]


def test_a_plan_in_a_unit_of_its_own_is_converted(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "indicator,year,value,unit,source\ngdp_2015,2013,14800,亿元,plan\n", encoding="utf-8"
    )
    (item,) = read_plan([path], registry).sub_targets
    assert item.value == pytest.approx(1.48)


# -- the check's verdicts --------------------------------------------------------------


def test_the_example_plan_changes_the_2013_verdicts_where_it_differs_from_the_path(
    registry: Registry, report_2013: Report
) -> None:
    without = check_files([DATA_2013], registry, year=2013)
    # the path-based status is the same with a plan or without
    assert [r.status for r in report_2013.results] == [r.status for r in without.results]
    verdicts = {
        r.target: (r.status, r.yearly.status) for r in report_2013.results if r.yearly is not None
    }
    assert verdicts == {
        "gdp_2015": ("on_track", "not_met"),  # 1.45 against a sub-target of 1.48万亿元
        "tertiary_share_2015": ("off_track", "met"),  # 56.5% against 56%
        "rd_share_2015": ("met", "not_met"),  # 4.0% against 4.1%
        "good_air_days_2015": ("off_track", "met"),  # 324 days against 320
    }
    gdp = _result(report_2013, "gdp_2015").yearly
    assert gdp is not None
    assert (gdp.value, gdp.actual, gdp.unit, gdp.line) == (1.48, 1.450023, "万亿元", 2)
    assert gdp.gap == pytest.approx(-0.029977)
    assert report_2013.yearly_summary == {"met": 2, "not_met": 2, "no_data": 0}
    assert all(r.yearly is None for r in without.results)


def test_by_region_judges_districts_against_their_own_sub_targets(registry: Registry) -> None:
    report = check_files([DATA_2013, DISTRICTS_2013], registry, year=2013, by="region", plan=[PLAN])
    futian = _result(report, "gdp_2015", "福田区").yearly
    pingshan = _result(report, "gdp_2015", "坪山新区").yearly
    city = _result(report, "gdp_2015").yearly
    assert futian is not None and pingshan is not None and city is not None
    # each district against its own figure, in the indicator's unit (亿元)
    assert (futian.series, futian.value, futian.actual, futian.status) == (
        "gdp",
        2600.0,
        2650.0,
        "met",
    )
    assert (pingshan.value, pingshan.actual, pingshan.status) == (300.0, 290.0, "not_met")
    # the city against the city's
    assert (city.value, city.status) == (1.48, "not_met")
    # a district without a sub-target of its own is not judged against the city's
    assert _result(report, "tertiary_share_2015", "福田区").yearly is None


def test_region_option_judges_one_district_against_its_own(registry: Registry) -> None:
    report = check_files([DISTRICTS_2013], registry, year=2013, region="坪山区", plan=[PLAN])
    judged = {r.target: r.yearly.status for r in report.results if r.yearly is not None}
    assert judged == {"gdp_2015": "not_met"}


def test_no_data_for_the_year_is_said(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "indicator,year,value,unit,source\nretail_sales_2015,2013,4500,亿元,plan\n",
        encoding="utf-8",
    )
    report = check_files([DATA_2013], registry, year=2013, plan=[path])
    verdict = _result(report, "retail_sales_2015").yearly
    assert verdict is not None
    assert (verdict.status, verdict.actual) == ("no_data", None)


# -- the plans' consistency ------------------------------------------------------------


def test_a_sub_target_whose_path_falls_short_of_the_target_is_a_warning(
    report_2013: Report,
) -> None:
    planned = [d for d in report_2013.diagnostics if d.code.startswith("plan-")]
    assert [(d.code, d.severity, d.line, d.field) for d in planned] == [
        ("plan-short-of-target", "warning", 3, "value")
    ]
    (warning,) = planned
    params = dict(warning.params)
    # 52.7% in 2010 through 56% in 2013 reaches 58.2% in 2015: 1.8 points short of 60%
    assert (params["id"], params["projected"], params["goal"], params["gap"]) == (
        "tertiary_share_2015",
        "58.2",
        "60",
        "1.8",
    )
    assert "58.2" in warning.message_in("zh") and "1.8" in warning.message_in("en")


def test_the_path_through_a_sub_target_is_the_targets_own(
    registry: Registry, tmp_path: Path
) -> None:
    # GDP's path is compound: 0.95万亿元 in 2010 through 1.25 in 2013 grows to 1.50 in
    # 2015 (a straight line would end at 1.45, short); 1.2 falls short either way
    path = tmp_path / "plan.csv"
    path.write_text(
        "indicator,year,value,unit,source\ngdp_2015,2013,1.25,万亿元,plan\n", encoding="utf-8"
    )
    report = check_files([DATA_2013], registry, year=2013, plan=[path])
    assert not [d for d in report.diagnostics if d.code == "plan-short-of-target"]
    path.write_text(
        "indicator,year,value,unit,source\ngdp_2015,2013,1.2,万亿元,plan\n", encoding="utf-8"
    )
    report = check_files([DATA_2013], registry, year=2013, plan=[path])
    (short,) = [d for d in report.diagnostics if d.code == "plan-short-of-target"]
    assert dict(short.params)["projected"] == "1.40223"  # 0.95 × (1.2 / 0.95)^(5/3)


def test_a_later_sub_target_continues_the_path_of_an_earlier_one(
    registry: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "indicator,year,value,unit,source\n"
        "tertiary_share_2015,2012,56,%,plan\n"  # 52.7 -> 56 in two years: 60 is reached
        "tertiary_share_2015,2013,57,%,plan\n",  # 56 -> 57 in one year: 59 in 2015
        encoding="utf-8",
    )
    report = check_files([DATA_2013], registry, year=2013, plan=[path])
    short = [d for d in report.diagnostics if d.code == "plan-short-of-target"]
    assert [(d.line, dict(d.params)["projected"]) for d in short] == [(3, "59")]


DISTRICTS = [
    "福田区",
    "罗湖区",
    "南山区",
    "盐田区",
    "宝安区",
    "龙岗区",
    "光明新区",
    "坪山新区",
    "龙华新区",
    "大鹏新区",
]


def _district_plan(tmp_path: Path, city: float, each: float) -> Path:
    rows = [f"gdp,2013,{city},亿元,,plan"]
    rows += [f"gdp,2013,{each},亿元,{name},plan" for name in DISTRICTS]
    path = tmp_path / "plan.csv"
    path.write_text("indicator,year,value,unit,region,source\n" + "\n".join(rows) + "\n", "utf-8")
    return path


def test_districts_adding_up_to_less_than_the_city_is_a_warning(
    registry: Registry, tmp_path: Path
) -> None:
    path = _district_plan(tmp_path, 15000, 1400)  # 10 × 1400 = 14000 < 15000
    report = check_files([DATA_2013], registry, year=2013, plan=[path])
    (warning,) = [d for d in report.diagnostics if d.code == "plan-parts-short"]
    assert (warning.severity, warning.line, warning.field) == ("warning", 2, "value")
    params = dict(warning.params)
    assert (params["count"], params["parts"], params["city"], params["gap"]) == (
        10,
        "14000",
        "15000",
        "1000",
    )


def test_districts_aiming_higher_than_the_city_is_no_problem(
    registry: Registry, tmp_path: Path
) -> None:
    path = _district_plan(tmp_path, 15000, 1600)  # 16000: more than the city's, fine
    plan = read_plan([path], registry)
    assert plan.diagnostics == ()  # no parts-total-mismatch: goals are not data
    report = check_files([DATA_2013], registry, year=2013, plan=[path])
    assert not [d for d in report.diagnostics if d.code.startswith("plan-")]


def test_some_districts_only_say_nothing_of_the_sum(registry: Registry, tmp_path: Path) -> None:
    report = check_files([DATA_2013], registry, year=2013, plan=[PLAN])  # two districts
    assert not [d for d in report.diagnostics if d.code == "plan-parts-short"]


def test_district_sub_targets_are_not_held_to_the_city_figure(report_2013: Report) -> None:
    # 2600 亿元 for 福田区 is far below 1.5万亿元: not a gap, the city's figure is not its own
    assert not any("福田区" in d.message_in("en") for d in report_2013.diagnostics)


# -- every output ----------------------------------------------------------------------


def _cli(*args: str) -> Any:
    return runner.invoke(app, ["check", str(DATA_2013), "--year", "2013", *args])


def test_the_cli_json_equals_the_library(report_2013: Report) -> None:
    out = _cli("--plan", str(PLAN), "--format", "json", "--lang", "en")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    expected = json.loads(json.dumps(report_2013.to_dict(reason_words("en"))))
    # the library was called with absolute paths, the CLI with the ones given
    for section in (data, expected):
        section["inputs"] = [i["path"].rsplit("/", 1)[-1] for i in section["inputs"]]
        section["yearly_plan"]["files"] = [
            f.rsplit("/", 1)[-1] for f in section["yearly_plan"]["files"]
        ]
        for item in (*section["diagnostics"], *(r["yearly"] or {} for r in section["results"])):
            if "file" in item:
                item["file"] = item["file"].rsplit("/", 1)[-1]
    assert data == expected
    assert data["yearly_plan"]["summary"] == {"met": 2, "not_met": 2, "no_data": 0}
    gdp = next(r for r in data["results"] if r["target"] == "gdp_2015")
    assert gdp["yearly"]["status"] == "not_met" and gdp["yearly"]["value"] == 1.48
    assert all("yearly" in r for r in data["results"])


def test_without_a_plan_the_json_has_no_yearly_fields() -> None:
    data = json.loads(_cli("--format", "json").stdout)
    assert "yearly_plan" not in data
    assert not any("yearly" in r for r in data["results"])


def test_csv_markdown_and_table_show_the_yearly_target() -> None:
    rows = list(csv.DictReader(io.StringIO(_cli("--plan", str(PLAN), "--format", "csv").stdout)))
    gdp = next(r for r in rows if r["target"] == "gdp_2015")
    assert (gdp["yearly_target"], gdp["yearly_unit"], gdp["yearly_status"]) == (
        "1.48",
        "万亿元",
        "not_met",
    )
    assert next(r for r in rows if r["target"] == "hightech_share_2015")["yearly_status"] == ""
    markdown = _cli("--plan", str(PLAN), "--format", "markdown", "--lang", "zh").stdout
    assert "| 年度目标 | 年度完成 |" in markdown
    assert "| 1.48 万亿元 (2013) | 未达到 |" in markdown
    table = _cli("--plan", str(PLAN), "--lang", "en").stdout
    assert "Yearly target" in table and "1.48 万亿元" in table
    assert "Yearly target" not in _cli("--lang", "en").stdout


def test_the_workbook_has_the_yearly_columns(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    out = tmp_path / "check.xlsx"
    assert _cli("--plan", str(PLAN), "-o", str(out), "--lang", "en").exit_code == 0
    sheet = openpyxl.load_workbook(out).worksheets[1]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    gdp = next(row for row in rows if row[0] == "gdp_2015")
    assert gdp[header.index("Yearly target")] == 1.48
    assert gdp[header.index("For the year")] == "not met"


# -- the form and the schema -----------------------------------------------------------


def test_the_yearly_plan_form_reads_back_as_a_plan(registry: Registry, tmp_path: Path) -> None:
    out = runner.invoke(
        app, ["template", "--agency", "市发展改革委", "--year", "2013", "--yearly-plan"]
    )
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == "indicator,name_zh,name_en,unit,year,value,region,source,note"
    assert lines[1].startswith("gdp_2015,本市生产总值达到1.5万亿元,") and lines[1].endswith(
        ",万亿元,2013,,,,"
    )
    filled = lines[0] + "\n" + lines[1].replace(",2013,,,,", ",2013,1.4,,区计划 2013,") + "\n"
    path = tmp_path / "plan.csv"
    path.write_text(filled, encoding="utf-8")
    plan = read_plan([path], registry)
    assert plan.diagnostics == ()
    assert [(s.series, s.year, s.value) for s in plan.sub_targets] == [("gdp_2015", 2013, 1.4)]


def test_the_yearly_plan_form_as_a_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    out = tmp_path / "plan.xlsx"
    args = ["template", "-a", "wrb", "-y", "2014", "--yearly-plan", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    header = next(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert header[:7] == ("indicator", "name_zh", "name_en", "unit", "year", "value", "region")


def test_the_yearly_plan_schema_requires_a_source() -> None:
    out = runner.invoke(app, ["schema", "--yearly-plan", "--lang", "en"])
    schema = json.loads(out.stdout)
    assert schema["title"] == "szq yearly plan row"
    assert schema["required"] == ["indicator", "year", "value", "source"]
    assert "sub-target" in schema["properties"]["value"]["description"]
    both = json.loads(runner.invoke(app, ["schema", "--yearly-plan"]).stdout)
    assert "分解目标" in both["description"] and "sub-target" in both["description"]
    plain = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert plain["required"] == ["indicator", "year", "value"]


def test_an_error_in_the_plan_makes_the_exit_code_1(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("indicator,year,value,source\ngdpp,2013,1.4,plan\n", encoding="utf-8")
    out = _cli("--plan", str(path), "--format", "json")
    assert out.exit_code == 1
    (diagnostic,) = json.loads(out.stdout)["diagnostics"]
    assert (diagnostic["code"], diagnostic["file"], diagnostic["line"]) == (
        "unknown-indicator",
        str(path),
        2,
    )
    assert _cli("--plan", str(tmp_path / "none.csv")).exit_code == 2  # no such file


@pytest.mark.parametrize(
    ("lang", "gap"), [("en", "1.8 pp short of the target 60 %"), ("zh", "差 1.8个百分点")]
)
def test_a_share_short_of_its_target_is_short_by_points(lang: str, gap: str) -> None:
    args = ["check", str(EXAMPLES / "data-2013.csv"), "--plan", str(PLAN), "--year", "2013"]
    done = runner.invoke(app, [*args, "--lang", lang, "--format", "json"])
    messages = [d["message"] for d in json.loads(done.stdout)["diagnostics"]]
    assert any(gap in message for message in messages), messages
