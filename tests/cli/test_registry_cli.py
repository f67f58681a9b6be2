"""`szq targets`, `szq measures`, `szq agencies`: the CLI's JSON equals the library's."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan.listing import agency_counts, filter_measures, measure_record, target_record
from sz_quality.plan.measures import MeasureRegistry
from sz_quality.plan.registry import Registry

runner = CliRunner()


def run_json(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_targets_json_equals_the_library(registry: Registry) -> None:
    data = run_json("targets", "--format", "json")
    assert data == [target_record(target) for target in registry.targets]
    keys = {
        "id",
        "indicator",
        "name_zh",
        "name_en",
        "chapter",
        "clause",
        "table",
        "kind",
        "comparator",
        "value",
        "min",
        "max",
        "tolerance",
        "unit",
        "baseline_year",
        "target_year",
        "lead_agencies",
        "lead_agencies_inferred",
        "aspirational",
        "quote",
        "note",
    }
    assert all(keys <= set(item) for item in data)  # type: ignore[union-attr]


def test_target_filters(registry: Registry) -> None:
    water = run_json("targets", "--format", "json", "--agency", "市水务局")
    assert isinstance(water, list)
    assert {item["id"] for item in water} == {
        t.id for t in registry.targets if "市水务局" in t.leads
    }
    # the agency is found by id, by name without 市 and by English name alike
    assert run_json("targets", "-f", "json", "--agency", "水务局") == water
    assert (
        run_json("targets", "-f", "json", "--agency", "SHENZHEN MUNICIPAL WATER RESOURCES BUREAU")
        == water
    )
    chapter5 = run_json("targets", "-f", "json", "--chapter", "5", "--kind", "change")
    assert [item["id"] for item in chapter5] == [  # type: ignore[union-attr]
        "co2_intensity_decline_2015",
        "cod_decline_2015",
        "ammonia_nitrogen_decline_2015",
        "so2_decline_2015",
        "nox_decline_2015",
    ]


def test_bad_usage_exits_2_with_a_hint() -> None:
    result = runner.invoke(app, ["targets", "--agency", "水务"])
    assert result.exit_code == 2
    assert "unknown agency '水务'" in result.stderr
    result = runner.invoke(app, ["targets", "--kind", "levels"])
    assert result.exit_code == 2 and "unknown kind 'levels'" in result.stderr
    result = runner.invoke(app, ["targets", "--chapter", "9"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["measures", "--target", "gdp_2016"])
    assert result.exit_code == 2 and "did you mean 'gdp_2015'" in result.stderr


def test_targets_table_in_both_languages() -> None:
    zh = runner.invoke(app, ["targets", "--lang", "zh", "--chapter", "1"])
    en = runner.invoke(app, ["targets", "--lang", "en", "--chapter", "1"])
    assert zh.exit_code == en.exit_code == 0
    assert "本市生产总值达到1.5万亿元" in zh.stdout and "（推定）市发展改革委" in zh.stdout
    assert "GDP reaches 1.5 trillion yuan" in en.stdout and "(inferred)" in en.stdout


def test_a_targets_leads_are_listed_as_each_language_lists_names() -> None:
    """The leads were joined with ", " in Chinese too, and (推定) took ASCII brackets."""
    wide = {"COLUMNS": "300"}
    zh = runner.invoke(app, ["targets", "--lang", "zh", "--chapter", "2"], env=wide)
    assert "（推定）市发展改革委、市科工贸信委 " in zh.stdout
    en = runner.invoke(app, ["targets", "--lang", "en", "--chapter", "2"], env=wide)
    assert (
        "(inferred) Shenzhen Municipal Development and Reform Commission; Shenzhen Municipal "
        "Science, Technology,"
    ) in en.stdout


def test_measures_json(registry: Registry, measure_registry: MeasureRegistry) -> None:
    data = run_json("measures", "--format", "json")
    assert data == [measure_record(m, measure_registry) for m in measure_registry.measures]
    assert len(data) == 136  # type: ignore[arg-type]
    boilers = run_json("measures", "-f", "json", "--target", "boilers_retrofitted_2015")
    assert [item["id"] for item in boilers] == ["m13_05"]  # type: ignore[union-attr]
    table9 = run_json("measures", "-f", "json", "--table", "9", "--agency", "stiic")
    assert table9 == [
        measure_record(m, measure_registry)
        for m in filter_measures(measure_registry, table=9)
        if m.agency == "市科工贸信委"
    ]


def test_agencies_counts(registry: Registry, measure_registry: MeasureRegistry) -> None:
    data = run_json("agencies", "--format", "json")
    assert data == [row.to_dict() for row in agency_counts(registry, measure_registry)]
    assert sum(item["measures"] for item in data) == 136  # type: ignore[union-attr]
    by_text = sum(len(t.lead_agencies) for t in registry.targets)
    assert sum(item["targets"] for item in data) == by_text  # type: ignore[union-attr]


def test_another_registry_with_targets_option(tmp_path: Path) -> None:
    from samples import GOOD

    path = tmp_path / "other.yaml"
    path.write_text(GOOD, encoding="utf-8")
    data = run_json("--targets", str(path), "targets", "--format", "json")
    assert [item["id"] for item in data] == ["gdp_2015"]  # type: ignore[union-attr]
    broken = tmp_path / "broken.yaml"
    broken.write_text(GOOD.replace("direction: higher", "direction: up"), encoding="utf-8")
    result = runner.invoke(app, ["--targets", str(broken), "targets"])
    assert result.exit_code == 2
    assert f"{broken}:17: indicators[0].direction:" in result.stderr
    result = runner.invoke(app, ["--targets", str(tmp_path / "missing.yaml"), "targets"])
    assert result.exit_code == 2 and "cannot read the targets registry" in result.stderr


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "targets.json"
    result = runner.invoke(app, ["targets", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 107
