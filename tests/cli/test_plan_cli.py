"""The command line for another plan (issue 21): --targets after the command, no
Shenzhen measures for another plan, --nature, szq lint, szq schema --registry, szq
units, and a help that names the plan loaded."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.cli.root import hoist_globals

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "five-year-plan"
PLAN = str(EXAMPLE / "targets.yaml")
runner = CliRunner()


def test_the_registry_options_are_global_wherever_written() -> None:
    commands = {"check": None, "report": None}
    assert hoist_globals(["check", "--targets", "p.yaml", "d.csv"], commands) == [
        "--targets",
        "p.yaml",
        "check",
        "d.csv",
    ]
    assert hoist_globals(["--lang", "zh", "check", "d.csv", "--measures=m.yaml"], commands) == [
        "--lang",
        "zh",
        "--measures=m.yaml",
        "check",
        "d.csv",
    ]
    assert hoist_globals(["check", "--", "--targets"], commands) == ["check", "--", "--targets"]
    before = runner.invoke(app, ["--targets", PLAN, "check", str(EXAMPLE / "data-2025.csv")])
    after = runner.invoke(app, ["check", "--targets", PLAN, str(EXAMPLE / "data-2025.csv")])
    assert before.exit_code == after.exit_code == 0, after.output
    assert after.output == before.output


def test_another_plan_loads_no_shipped_measures(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    data = str(EXAMPLE / "data-2023.csv")
    result = runner.invoke(app, ["report", "--targets", PLAN, data, "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "unknown agency" not in result.output
    report = json.loads(out.read_text("utf-8"))
    assert [row["label"] for row in report["summary_by_nature"]] == [
        "binding targets",
        "expected targets",
    ]


def test_nature_filters_the_check() -> None:
    data = str(EXAMPLE / "data-2025.csv")
    result = runner.invoke(
        app, ["--targets", PLAN, "check", data, "--nature", "binding", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    results = json.loads(result.output)["results"]
    assert len(results) == 6 and {row["nature"] for row in results} == {"binding"}


def test_lint_exit_codes_and_lines(tmp_path: Path) -> None:
    clean = runner.invoke(app, ["lint", PLAN])
    assert clean.exit_code == 0 and clean.output.endswith(": 0 error(s), 0 warning(s)\n")
    broken = tmp_path / "targets.yaml"
    text = (EXAMPLE / "targets.yaml").read_text("utf-8").replace("kind: cumulative", "kind: sum")
    broken.write_text(text, encoding="utf-8")
    failed = runner.invoke(app, ["lint", str(broken), "--format", "json"])
    assert failed.exit_code == 1
    (issue,) = json.loads(failed.output)["issues"]
    line = text.splitlines().index("    kind: sum") + 1
    assert (issue["line"], issue["field"], issue["severity"]) == (line, "targets[5].kind", "error")
    assert "cumulative" in issue["hint"]


def test_schema_of_a_registry() -> None:
    result = runner.invoke(app, ["schema", "--registry"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["targets"]["items"] == {"$ref": "#/$defs/Target"}


def test_units_lists_the_vocabulary() -> None:
    result = runner.invoke(app, ["units", "--format", "json"])
    assert result.exit_code == 0
    units = {row["name"]: row for row in json.loads(result.output)["units"]}
    assert units["亩"]["means"] == "2000 / 3 * m**2"
    assert units["个百分点"]["means"] == "percent"
    assert units["万"] == {"name": "万", "means": "10000", "source": "magnitude", "names": []}


def test_the_help_names_the_plan_loaded() -> None:
    shipped = runner.invoke(app, ["--help"])
    assert "Shenzhen" in shipped.output
    other = runner.invoke(app, ["--targets", PLAN, "--help"])
    assert other.exit_code == 0
    assert "示例市国民经济和社会发展第十四个五年规划纲要" in other.output, other.output
    assert "Shenzhen" not in other.output
    check_help = runner.invoke(app, ["check", "--help"])
    assert "2010" not in check_help.output
