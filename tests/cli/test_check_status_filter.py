"""`szq check --status` and the summary at the top of the table."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate
from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.registry import load_registry
from sz_quality.read.reader import read_files
from sz_quality.render.verdict_words import reason_words

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data-2013.csv"
runner = CliRunner()


def test_status_filter_json_is_the_librarys() -> None:
    result = runner.invoke(
        app, ["check", str(EXAMPLE), "--status", "off_track,not_met", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    registry = load_registry()
    report = evaluate(registry, read_files([EXAMPLE], Lookup.from_registry(registry), regions={""}))
    expected = report.only(frozenset({"off_track", "not_met"}))
    assert json.loads(result.stdout) == json.loads(json.dumps(expected.to_dict(reason_words("en"))))
    shown = json.loads(result.stdout)["results"]
    # data-2013: tertiary share and good-air days are off track, nothing is not met
    assert sorted(item["target"] for item in shown) == [
        "good_air_days_2015",
        "tertiary_share_2015",
    ]


def test_the_table_opens_with_the_summary() -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE), "--status", "off_track"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Target check for 2013"
    assert lines[1] == (
        # GDP per capita is met by the example's figure in US dollars (22,112 美元/人)
        "Summary: met 2 · not met 0 · on track 1 · off track 2 · no data 95 · "
        "not assessable 7 (of 107)"
    )
    assert lines[2].startswith("Agencies with the widest gaps (not met or off track): ")
    assert lines[3] == "Showing off track only: 2 of 107"


def test_fail_on_sees_every_target_whatever_is_shown() -> None:
    result = runner.invoke(
        app, ["check", str(EXAMPLE), "--status", "met", "--fail-on", "off_track"]
    )
    assert result.exit_code == 1


def test_an_unknown_status_is_bad_usage() -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE), "--status", "late"])
    assert result.exit_code == 2
    assert "--status: unknown status 'late'" in result.stderr
