"""The check report: counting in Report, every output format, golden outputs byte for byte.

Regenerate the golden files only deliberately:
SZQ_REGEN_GOLDEN=1 pytest tests/render/test_check_render.py
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import STATUSES, Report
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.read.codes import make
from sz_quality.read.messages import did_you_mean, template
from sz_quality.read.observations import InputSummary, Observation, ReadResult
from sz_quality.render.check.dispatch import OutputFormat, RenderOptions, renderer_for
from sz_quality.render.check.records import safe_text
from sz_quality.render.verdict_words import reason_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "check"


def data_2013() -> ReadResult:
    rows = [
        ("gdp", 2010, 9510.91),
        ("gdp", 2013, 14500.23),
        ("population", 2010, 1037.2),
        ("population", 2013, 1062.89),
        ("energy", 2010, 3800),
        ("energy", 2013, 4000),
        ("share", 2010, 97),
        ("share", 2013, 99.5),
        ("rate", 2010, 2.6),
        ("rate", 2013, 2.5),
        ("firms", 2010, 0),
        ("firms", 2013, 25),
        ("count", 2010, 100),
        ("count", 2013, 5100),
        ("air_days", 2011, 361),
        ("air_days", 2012, 355),
        ("air_days", 2013, 362),
        ("phase_out", 2011, 12),
        ("phase_out", 2012, 11),
        ("phase_out", 2013, 10.0),
    ]
    observations = tuple(
        Observation(series, year, value, "", "data.csv", line)
        for line, (series, year, value) in enumerate(rows, start=2)
    )
    district = Observation("gdp", 2013, 3000.0, "福田区", "data.csv", len(rows) + 2)
    diagnostic = make(
        "unknown-indicator",
        "data.csv",
        len(rows) + 3,
        1,
        "indicator",
        template("unknown-indicator", name="gpd"),
        did_you_mean("gdp"),
    )
    return ReadResult(
        observations=(*observations, district),
        diagnostics=(diagnostic,),
        inputs=(InputSummary("data.csv", len(rows) + 2, len(rows) + 1, 1),),
    )


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(FIXTURES / "registry.yaml")


@pytest.fixture(scope="module")
def report(registry: Registry) -> Report:
    return evaluate(registry, data_2013())


# --- counting lives in Report ----------------------------------------------------------


def test_summary_counts_every_status(report: Report) -> None:
    assert list(report.summary) == list(STATUSES)
    assert sum(report.summary.values()) == len(report.results) == 14
    assert report.summary == {
        "met": 4,
        "not_met": 0,
        "on_track": 5,
        "off_track": 3,
        "no_data": 1,
        "not_assessable": 1,
    }


def test_agencies_most_open_gaps_first(report: Report) -> None:
    groups = report.by_agency()
    # 丙 has two open gaps; 甲 and 乙 one each, 甲 more no_data; no lead at all comes last
    assert [group.key for group in groups] == ["市丙局", "市甲局", "市乙局", ""]
    assert [group.open_gaps for group in groups] == [2, 1, 1, 0]
    alpha = groups[1]
    assert alpha.counts["off_track"] == 1
    assert alpha.counts["no_data"] == 1
    assert alpha.total == 5


def test_several_leads_and_inferred_leads(report: Report) -> None:
    groups = {group.key: group for group in report.by_agency()}
    in_beta = {result.target for result in groups["市乙局"].results}
    in_gamma = {result.target for result in groups["市丙局"].results}
    assert "share_full" in in_beta and "share_full" in in_gamma
    inferred = [r for r in groups["市甲局"].results if r.lead_agencies_inferred]
    assert {r.target for r in inferred} == {"gdp_level", "gdp_per_capita_usd"}


def test_a_target_without_lead_is_never_dropped(report: Report) -> None:
    groups = report.by_agency()
    assert groups[-1].key == ""
    assert [r.target for r in groups[-1].results] == ["districts_milestone"]
    assert groups[-1].label("zh") == "未指定牵头单位"
    filed = {r.target for group in groups for r in group.results}
    assert filed == {r.target for r in report.results}


def test_for_agency_filters_results_and_agencies(report: Report) -> None:
    filtered = report.for_agency("市丙局")
    assert all("市丙局" in r.lead_agencies for r in filtered.results)
    assert [group.key for group in filtered.by_agency()] == ["市丙局"]
    assert sum(filtered.summary.values()) == len(filtered.results) == 5
    assert filtered.to_dict(reason_words("en"))["agencies"][0]["agency"] == "市丙局"


def test_by_chapter(report: Report) -> None:
    groups = report.by_chapter()
    assert [group.key for group in groups] == ["1", "2", "3", "5"]
    assert groups[0].label("zh") == "一、总体要求和主要目标"
    assert sum(group.total for group in groups) == len(report.results)


def test_json_contract(report: Report) -> None:
    data = report.to_dict(reason_words("en"))
    assert list(data) == [
        "year",
        "inputs",
        "diagnostics",
        "results",
        "agencies",
        "summary",
        "summary_by_nature",
    ]
    assert data["year"] == 2013
    assert data["inputs"] == [{"path": "data.csv", "rows": 22, "accepted": 21, "rejected": 1}]
    assert list(data["diagnostics"][0]) == [
        "code",
        "severity",
        "file",
        "line",
        "column",
        "field",
        "message",
        "hint",
        "message_key",
        "params",
        "hint_key",
        "hint_params",
    ]
    assert list(data["results"][0]) == [
        "target",
        "indicator",
        "nature",
        "status",
        "actual",
        "actual_year",
        "target_value",
        "unit",
        "gap",
        "gap_pct",
        "progress",
        "nominal",
        "path",
        "other_path_status",
        "trend",
        "lead_agencies",
        "lead_agencies_inferred",
        "reason",
        "reason_code",
        "missing",
        "reason_fields",
        "used",
        "exchange_rates",
        "observed_rate",
        "required_rate",
        "rate_basis",
        "rate_unit",
        "projected_value",
        "projected_year",
        "projected_status",
        "region",
        "lagging_regions",
    ]
    assert list(data["results"][0]["trend"]) == ["ratio", "category"]
    assert list(data["agencies"][0]) == ["agency", "counts"]
    assert data["summary"] == dict(report.summary)


def test_has_errors_comes_from_the_diagnostics(report: Report) -> None:
    assert report.has_errors


# --- formats ------------------------------------------------------------------------


def test_every_output_format_has_a_renderer(report: Report) -> None:
    # as pip-audit's test_to_format_is_exhaustive
    for output_format in OutputFormat:
        rendered = renderer_for(output_format)(report, RenderOptions())
        if output_format.binary:  # a workbook: a zip file
            assert isinstance(rendered, bytes) and rendered.startswith(b"PK")
        else:
            assert isinstance(rendered, str) and rendered.endswith("\n")


GOLDEN_CASES = [
    ("report.txt", OutputFormat.table, RenderOptions(lang="en")),
    ("report.zh.txt", OutputFormat.table, RenderOptions(lang="zh", by="chapter")),
    ("report.json", OutputFormat.json, RenderOptions(lang="en")),
    ("report.csv", OutputFormat.csv, RenderOptions(lang="en")),
    ("report.zh.md", OutputFormat.markdown, RenderOptions(lang="zh")),
    ("report.md", OutputFormat.markdown, RenderOptions(lang="en", by="chapter")),
]


@pytest.mark.parametrize(("name", "output_format", "options"), GOLDEN_CASES)
def test_golden(
    registry: Registry, name: str, output_format: OutputFormat, options: RenderOptions
) -> None:
    report = evaluate(registry, data_2013())
    text = renderer_for(output_format)(report, options)
    path = GOLDEN / name
    if os.environ.get("SZQ_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == path.read_bytes()
    again = renderer_for(output_format)(evaluate(registry, data_2013()), options)
    assert again == text  # same input, byte-identical output


def test_table_in_colour_has_styles(report: Report) -> None:
    text = renderer_for(OutputFormat.table)(report, RenderOptions(color=True))
    assert "\x1b[" in text
    plain = renderer_for(OutputFormat.table)(report, RenderOptions(color=False))
    assert "\x1b[" not in plain


# --- CSV safety -----------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_like_text_is_quoted(start: str) -> None:
    assert safe_text(start + "1+1") == "'" + start + "1+1"
    assert safe_text("GDP") == "GDP"


def test_csv_keeps_numbers_numeric_and_text_safe(registry: Registry) -> None:
    report = evaluate(registry, data_2013())
    text = renderer_for(OutputFormat.csv)(report, RenderOptions())
    assert not text.startswith("\ufeff")  # UTF-8 without a byte-order mark
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == sum(group.total for group in report.by_agency())
    gaps = [row["gap"] for row in rows if row["gap"].startswith("-")]
    assert gaps and all(float(gap) < 0 for gap in gaps)  # negative numbers stay numbers
    equal = [row for row in rows if row["target"] == "share_full"]
    assert equal[0]["comparator"] == "'=="  # text that starts with = is quoted


def test_json_renderer_is_the_report_dict(report: Report) -> None:
    text = renderer_for(OutputFormat.json)(report, RenderOptions())
    assert json.loads(text) == report.to_dict(reason_words("en"))


# --- szq calc's outputs, without the CLI ------------------------------------------------


def test_calc_csv_and_json_render_the_derived_series() -> None:
    from sz_quality.check.derive import DerivedValue
    from sz_quality.render.calc.records import calc_csv, calc_json

    derived = [DerivedValue("share", "-区", 2015, 0.1 + 0.2, "%", "a / b", own_value=0.3)]
    rows = list(csv.reader(io.StringIO(calc_csv(derived))))
    assert rows == [
        ["indicator", "year", "value", "unit", "region", "source", "note"],
        ["share", "2015", "0.3", "%", "'-区", "szq calc: a / b", "data reports 0.3"],
    ]
    loaded = json.loads(calc_json(data_2013(), derived))
    assert list(loaded) == ["inputs", "diagnostics", "series"]
    assert loaded["series"] == [derived[0].to_dict()]


def test_every_calc_format_has_a_renderer() -> None:
    # as pip-audit's test_to_format_is_exhaustive; the CLI's --format is this enum
    from sz_quality.check.derive import DerivedValue
    from sz_quality.render.calc.dispatch import CalcFormat, renderer_for

    derived = [DerivedValue("share", "", 2015, 0.3, "%", "a / b")]
    for output_format in CalcFormat:
        rendered = renderer_for(output_format)(data_2013(), derived, "en")
        if output_format.binary:  # a workbook: a zip file
            assert isinstance(rendered, bytes) and rendered.startswith(b"PK")
        else:
            assert isinstance(rendered, str) and "share" in rendered
