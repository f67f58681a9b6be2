"""Districts: a milestone stated for every district, --region and --by region."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate, evaluate_regions
from sz_quality.check.results import Report, Result
from sz_quality.check.run import district_series
from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.read.observations import Observation
from sz_quality.read.reader import read_files
from sz_quality.render.verdict_words import reason_text, reason_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"
runner = CliRunner()


@pytest.fixture(scope="module")
def registry() -> Registry:
    base = load_registry(FIXTURES / "registry.yaml")
    target = replace(base.targets_by_id["districts_milestone"], every_district=True)
    return replace(base, targets=(target,))


def obs(year: int, value: float, region: str) -> Observation:
    return Observation("districts", year, value, region)


def one(registry: Registry, data: list[Observation], year: int) -> Result:
    (result,) = evaluate(registry, data, year).results
    return result


DISTRICTS = [obs(2015, 100, "福田区"), obs(2015, 0, "坪山区"), obs(2015, 100, "南山区")]


def test_one_district_failing_fails_the_milestone(registry: Registry) -> None:
    result = one(registry, DISTRICTS, 2015)
    assert result.status == "not_met"
    assert result.lagging_regions == ("坪山区",)
    assert result.actual == 0.0  # the district furthest from the target
    assert result.reason is not None
    assert reason_text(result.reason, "zh") == "未达到的区：坪山区"
    assert reason_text(result.reason, "en") == "districts not meeting it: 坪山区"


def test_every_district_meeting_it_meets_it(registry: Registry) -> None:
    data = [*DISTRICTS[:1], obs(2015, 100, "坪山区"), *DISTRICTS[2:]]
    result = one(registry, data, 2015)
    assert (result.status, result.lagging_regions, result.reason) == ("met", (), None)


def test_before_the_target_year_a_lagging_district_is_off_track(registry: Registry) -> None:
    data = [replace(item, year=2013) for item in DISTRICTS]
    result = one(registry, data, 2013)
    assert (result.status, result.lagging_regions) == ("off_track", ("坪山区",))


def test_without_district_rows_it_stays_not_assessable(registry: Registry) -> None:
    assert one(registry, [], 2015).status == "not_assessable"
    # the city's own figure still counts when no district is listed
    assert one(registry, [obs(2015, 100, "")], 2015).status == "met"


def test_region_checks_one_district(registry: Registry) -> None:
    (result,) = evaluate(registry, DISTRICTS, 2015, region="坪山区").results
    assert (result.status, result.region, result.actual) == ("not_met", "坪山区", 0.0)


def test_by_region_checks_every_region(registry: Registry) -> None:
    report = evaluate_regions(registry, [obs(2015, 100, ""), *DISTRICTS], 2015)
    assert [(group.key, group.counts["met"]) for group in report.by_region()] == [
        ("", 0),  # the city total is judged on the districts: 坪山区 fails it
        ("福田区", 1),
        ("坪山区", 0),
        ("南山区", 1),
    ]


# --- through the CLI, on the shipped registry ----------------------------------------


@pytest.fixture()
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.csv"
    path.write_text(
        "indicator,year,value,unit,region\n"
        "gdp,2010,9581.5,亿元,\n"
        "gdp,2015,17500,亿元,\n"
        "gdp,2015,3000,亿元,福田区\n"
        "districts_with_tertiary_hospital_share,2015,100,%,福田区\n"
        "districts_with_tertiary_hospital_share,2015,0,%,坪山区\n",
        encoding="utf-8",
    )
    return path


def _cli_json(*arguments: str) -> dict[str, object]:
    result = runner.invoke(app, ["check", *arguments, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _library_json(report: Report) -> dict[str, object]:
    data: dict[str, object] = json.loads(json.dumps(report.to_dict(reason_words("en"))))
    return data


def test_the_default_check_reads_the_district_rows_it_needs(data_file: Path) -> None:
    shipped = load_registry()
    assert district_series(shipped) == {"districts_with_tertiary_hospital_share"}
    data = read_files(
        [data_file],
        Lookup.from_registry(shipped),
        regions={""},
        every_region=district_series(shipped),
    )
    assert {(o.series, o.region) for o in data.observations if o.region} == {
        ("districts_with_tertiary_hospital_share", "福田区"),
        ("districts_with_tertiary_hospital_share", "坪山新区"),
    }
    assert _cli_json(str(data_file)) == _library_json(evaluate(shipped, data))
    hospital = next(
        item
        for item in evaluate(shipped, data).results
        if item.target == "tertiary_hospital_every_district_2015"
    )
    assert (hospital.status, hospital.lagging_regions) == ("not_met", ("坪山新区",))


def test_cli_region_and_by_region_are_the_librarys(data_file: Path) -> None:
    shipped = load_registry()
    lookup = Lookup.from_registry(shipped)
    district = read_files([data_file], lookup, regions={"福田区"})
    assert _cli_json(str(data_file), "--region", "福田区") == _library_json(
        evaluate(shipped, district, region="福田区")
    )
    everything = read_files([data_file], lookup)
    assert _cli_json(str(data_file), "--by", "region") == _library_json(
        evaluate_regions(shipped, everything)
    )


def test_an_unknown_region_is_bad_usage(data_file: Path) -> None:
    result = runner.invoke(app, ["check", str(data_file), "--region", "宝安区"])
    assert result.exit_code == 2
    assert "no rows of region '宝安区'" in result.stderr
