"""`szq validate --format junit|gitlab`: reports for CI servers beyond GitHub, checked
against the JUnit schema Jenkins uses and the fields GitLab documents, and against the
library's own diagnostics."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan.lookup import load_lookup
from sz_quality.read.reader import validate_files
from sz_quality.read.reading import ReadOptions
from sz_quality.render.validate.dispatch import DiagnosticsFormat, renderer_for

HERE = Path(__file__).resolve().parents[1]  # tests/
JUNIT_XSD = HERE / "schemas" / "junit-10.xsd"
TARGETS = str(HERE / "fixtures" / "validate" / "targets.yaml")
# two errors, a warning, and a cell with what XML must escape or cannot hold
BAD = 'indicator,year,value\ngpd,2015,1\ngdp,20x5,2\ngdp,2014,-\n"<a&b>""\x01",2015,3\n'
GOOD = "indicator,year,value,unit\ngdp,2015,15000,亿元\n"

# GitLab's Code Quality report: the fields its documentation lists
# (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format)
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}

runner = CliRunner()


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(BAD, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    return [str(bad), str(good)]


def _cli(files: list[str], output_format: str, *extra: str) -> tuple[int, str]:
    done = runner.invoke(
        app, ["--targets", TARGETS, "validate", *files, "--format", output_format, *extra]
    )
    return done.exit_code, done.stdout


def test_every_format_has_a_renderer() -> None:
    for member in DiagnosticsFormat:
        assert callable(renderer_for(member)), member


def test_junit_conforms_to_the_jenkins_schema_and_holds_every_error(files: list[str]) -> None:
    code, text = _cli(files, "junit")
    assert code == 1
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(text)  # raises on any violation
    result = validate_files(files, load_lookup(TARGETS), ReadOptions(lang="en"))
    errors = [d for d in result.diagnostics if d.severity == "error"]
    warnings = [d for d in result.diagnostics if d.severity == "warning"]
    assert errors and warnings
    root = ET.fromstring(text)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == files  # a test case per file
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == [d.code for d in errors]
    assert [f.get("message") for f in failures] == [
        f"line {d.line}, column {d.column}: {d.message_in('en')}"
        + (f" ({d.hint_in('en')})" if d.hint_in("en") else "")
        for d in errors
    ]
    assert suite.get("failures") == root.get("failures") == str(len(errors))
    assert suite.get("tests") == "2"
    assert cases[1].findall("failure") == []  # the good file passes
    out = cases[0].find("system-out")
    assert out is not None and out.text is not None
    assert [line.split(":")[0] for line in out.text.splitlines()] == [
        f"warning {d.code}" for d in warnings
    ]
    # the cell's <, & and " are escaped; its control character (which XML cannot hold)
    # reaches the XML as the reader's visible escape
    assert failures[-1].get("message") == "line 5, column 1: unknown indicator '<a&b>\"\\x01'"


def test_junit_strict_fails_warnings_too(files: list[str]) -> None:
    code, text = _cli(files, "junit", "--strict")
    assert code == 1
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(text)
    result = validate_files(files, load_lookup(TARGETS), ReadOptions(lang="en"))
    root = ET.fromstring(text)
    assert root.get("failures") == str(len(result.diagnostics))


def test_junit_of_valid_data_has_no_failure(files: list[str]) -> None:
    code, text = _cli(files[1:], "junit")
    assert code == 0
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(text)
    assert ET.fromstring(text).get("failures") == "0"


def test_gitlab_code_quality_fields(files: list[str]) -> None:
    code, text = _cli(files, "gitlab")
    assert code == 1
    issues = json.loads(text)
    jsonschema.validate(issues, GITLAB_CODE_QUALITY)
    result = validate_files(files, load_lookup(TARGETS), ReadOptions(lang="en"))
    assert [
        (i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"], i["severity"])
        for i in issues
    ] == [
        (d.code, d.file, d.line or 1, "major" if d.severity == "error" else "minor")
        for d in result.diagnostics
    ]
    assert issues[0]["description"] == (
        f"{result.diagnostics[0].message_in('en')} ({result.diagnostics[0].hint_in('en')})"
    )
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab shows one issue per print


def test_gitlab_fingerprints_stable_across_runs_and_languages(files: list[str]) -> None:
    first = json.loads(_cli(files, "gitlab")[1])
    again = json.loads(_cli(files, "gitlab")[1])
    chinese = json.loads(_cli(files, "gitlab", "--lang", "zh")[1])
    assert first == again
    assert [i["fingerprint"] for i in chinese] == [i["fingerprint"] for i in first]
    assert [i["description"] for i in chinese] != [i["description"] for i in first]


def test_gitlab_of_valid_data_is_an_empty_report(files: list[str]) -> None:
    code, text = _cli(files[1:], "gitlab")
    assert code == 0
    assert json.loads(text) == []


def test_junit_in_chinese_says_where_and_what_in_chinese(files: list[str]) -> None:
    """It said 第 2 行, 第 1 列: and `error` with ASCII marks under --lang zh."""
    _, text = _cli(files, "junit", "--lang", "zh")
    assert 'message="第 2 行，第 1 列：' in text
    assert ">错误 unknown-indicator：第 2 行，第 1 列：" in text
    _, english = _cli(files, "junit", "--lang", "en")
    assert ">error unknown-indicator: line 2, column 1: " in english
