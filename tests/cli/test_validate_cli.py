"""`szq validate` and `szq schema`: exit codes, formats, and the CLI's JSON equal to the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.cli.validate_commands import DiagnosticsFormat, renderer_for
from sz_quality.plan.lookup import load_lookup
from sz_quality.read.reader import validate_files
from sz_quality.read.reading import ReadOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "validate"
TARGETS = str(FIXTURES / "targets.yaml")
GOOD = "indicator,year,value,unit\ngdp,2015,15000,亿元\nhightech_share,2015,35,%\n"
BAD = "indicator,year,value\ngpd,2015,1\ngdp,20x5,2\n"
WARN = "indicator,year,value\ngdp,2015,1\ngdp,2014,-\n"

runner = CliRunner()


def run(*arguments: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--targets", TARGETS, *arguments])


def write(tmp_path: Path, text: str | bytes, name: str = "data.csv") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def test_exit_codes(tmp_path: Path) -> None:
    good, bad, warn = (write(tmp_path, text, name) for text, name in
                       ((GOOD, "good.csv"), (BAD, "bad.csv"), (WARN, "warn.csv")))  # fmt: skip
    assert run("validate", good).exit_code == 0
    assert run("validate", bad).exit_code == 1
    assert run("validate", good, bad).exit_code == 1
    assert run("validate", warn).exit_code == 0
    assert run("validate", "--strict", warn).exit_code == 1
    assert run("validate", "--strict", good).exit_code == 0


@pytest.mark.parametrize(
    "arguments",
    [
        ["validate", "no-such-file.csv"],
        ["validate", "{good}", "--no-such-option"],
        ["validate", "{good}", "--encoding", "klingon"],
        ["validate", "{good}", "--year", "2015"],
        ["validate", "{good}", "--expect-agency", "drc"],
        ["validate", "{good}", "--expect-agency", "nobody", "--year", "2015"],
        ["validate", "{good}", "--format", "yaml"],
        ["validate", "{dir}"],
        ["validate"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, arguments: list[str]) -> None:
    good = write(tmp_path, GOOD)
    filled = [part.format(good=good, dir=str(tmp_path)) for part in arguments]
    result = run(*filled)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_missing_file_message(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "gone.csv"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_json_equals_the_library(tmp_path: Path) -> None:
    first = write(tmp_path, BAD, "a.csv")
    second = write(tmp_path, "indicator,year,value\ngdp,2014,3\nxx,2015,1\n", "b.csv")
    result = run("validate", "--format", "json", "--lang", "zh", first, second)
    assert result.exit_code == 1
    library = validate_files([first, second], load_lookup(TARGETS), ReadOptions(lang="zh"))
    expected = {
        "valid": False,
        "files": [
            {"path": s.path, "rows": s.rows, "accepted": s.accepted, "rejected": s.rejected}
            for s in library.inputs
        ],
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity,
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "field": d.field,
                "message": d.message_in("zh"),
                "hint": d.hint_in("zh"),
                **d.structured(),
            }
            for d in library.diagnostics
        ],
    }
    assert json.loads(result.stdout) == expected
    assert expected["diagnostics"][0]["message"] == "未知的指标 'gpd'"


def test_json_valid_and_strict(tmp_path: Path) -> None:
    warn = write(tmp_path, WARN)
    plain = json.loads(run("validate", "-f", "json", warn).stdout)
    strict = json.loads(run("validate", "-f", "json", "--strict", warn).stdout)
    assert plain["valid"] is True and strict["valid"] is False
    assert plain["files"][0] == {"path": warn, "rows": 2, "accepted": 1, "rejected": 1}


def test_github_annotations(tmp_path: Path) -> None:
    bad = write(tmp_path, BAD)
    result = run("validate", "--format", "github", "--lang", "en", bad)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::error file={bad},line=2,col=1,title=unknown-indicator::unknown indicator 'gpd' "
        "(did you mean 'gdp' (Gross domestic product)?)"
    )
    assert lines[1].startswith(f"::error file={bad},line=3,col=2,title=bad-year::")
    assert lines[-1].startswith(
        "szq validate: invalid: 1 file(s), 2 row(s), 2 rejected; diagnostics listed: 2 error(s)"
    )


def test_github_escapes() -> None:
    from sz_quality.read.codes import make
    from sz_quality.read.messages import template
    from sz_quality.render.validate.github import annotation

    text = template("bad-csv", error="50% of\nx")
    diagnostic = make("bad-csv", "a,b:c.csv", 2, 3, "value", text)
    assert annotation(diagnostic) == (
        "::error file=a%2Cb%3Ac.csv,line=2,col=3,title=bad-csv::"
        "cannot parse the CSV here: 50%25 of%0Ax"
    )


def test_text_output_groups_by_file(tmp_path: Path) -> None:
    bad = write(tmp_path, BAD)
    result = run("validate", "--lang", "en", bad)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{bad}: 2 row(s), 0 accepted, 2 rejected"
    assert "unknown-indicator" in lines[1] and "2:1" in lines[1]
    assert lines[-1] == (
        "invalid: 1 file(s), 2 row(s), 2 rejected; diagnostics listed: 2 error(s), 0 warning(s)"
    )
    zh = run("validate", "--lang", "zh", bad)
    assert "无效" in zh.stdout.splitlines()[-1]


def test_output_file(tmp_path: Path) -> None:
    good = write(tmp_path, GOOD)
    target = tmp_path / "report.json"
    result = run("validate", "-f", "json", "-o", str(target), good)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["valid"] is True


def test_expect_agency(tmp_path: Path) -> None:
    data = write(tmp_path, "indicator,year,value\ngdp,2015,15000\n")
    result = run(
        "validate", "-f", "json", "--expect-agency", "市发展改革委", "--year", "2015", data
    )
    assert result.exit_code == 1
    diagnostics = json.loads(result.stdout)["diagnostics"]
    # energy_intensity_decline, a change, needs energy_intensity in 2015 and in 2010
    found = [(d["code"], d["params"]["id"], d["params"]["year"]) for d in diagnostics]
    assert found == [("missing-indicator", "energy_intensity", year) for year in (2015, 2010)]


def test_every_format_has_a_renderer() -> None:
    for choice in DiagnosticsFormat:
        assert callable(renderer_for(choice))


def test_schema_command() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["required"]) == {"indicator", "year", "value"}
    assert "指标" in schema["properties"]["indicator"]["x-headers"]


def test_schema_accepts_a_good_row() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.validate({"indicator": "gdp", "year": 2015, "value": 1.5, "unit": "亿元"}, schema)
    jsonschema.validate({"indicator": "gdp", "year": "2015年", "value": "1,234.5"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"indicator": "gdp", "year": 1800, "value": 1}, schema)


def test_xlsx_through_the_cli(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["indicator", "year", "value"])
    book.active.append(["gdp", 2015, 15000])
    path = tmp_path / "data.xlsx"
    book.save(path)
    assert run("validate", str(path)).exit_code == 0


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_any_bytes_exit_0_or_1(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data, "any.csv")
    result = run("validate", "-f", "json", path)
    assert result.exit_code in (0, 1), (result.exit_code, result.output, result.exception)
    report = json.loads(result.stdout)
    for summary in report["files"]:
        assert summary["rows"] == summary["accepted"] + summary["rejected"]


PREFIXES = [b"", b"indicator,year,value\n", "指标,年份,数值\n".encode("gb18030"), b"\xef\xbb\xbf"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=300))
def test_any_bytes_after_a_header_never_raise(tmp_path: Path, prefix: bytes, body: bytes) -> None:
    path = write(tmp_path, prefix + body, "any.csv")
    result = validate_files([path], load_lookup(TARGETS))
    for summary in result.inputs:
        assert summary.rows == summary.accepted + summary.rejected


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(
        st.lists(
            st.sampled_from(["gdp", "2015", "1", "", "-", "x", '"1,5"', "亿元", "nan", "\n", ","]),
            min_size=0,
            max_size=6,
        ),
        max_size=8,
    )
)
def test_text_tables_never_raise(tmp_path: Path, cells: list[list[str]]) -> None:
    text = "indicator,year,value,unit\n" + "\n".join(",".join(row) for row in cells)
    path = write(tmp_path, text, "table.csv")
    result = run("validate", "-f", "json", path)
    assert result.exit_code in (0, 1), (result.output, result.exception)


def test_a_registry_that_does_not_load_is_usage(tmp_path: Path) -> None:
    broken = tmp_path / "targets.yaml"
    broken.write_text("schema_version: 1\nplan: {id: x}\n", encoding="utf-8")
    good = write(tmp_path, GOOD)
    result = runner.invoke(app, ["--targets", str(broken), "validate", good])
    assert result.exit_code == 2
    assert "registry does not load" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_header_over_only_blank_rows_is_an_empty_file(tmp_path: Path, suffix: str) -> None:
    """More blank rows than are listed (1,500 > 1,000): still no data rows, in both formats."""
    blank_rows = 1500
    if suffix == ".csv":
        path = write(tmp_path, "indicator,year,value\n" + ", , \n" * blank_rows)
    else:
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        book.active.append(["indicator", "year", "value"])
        for _ in range(blank_rows):
            book.active.append([" ", " ", " "])
        path = str(tmp_path / "data.xlsx")
        book.save(path)
    result = run("validate", "-f", "json", path)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    codes = [diagnostic["code"] for diagnostic in report["diagnostics"]]
    assert codes.count("empty-file") == 1
    assert report["files"][0]["rows"] == report["files"][0]["rejected"] == blank_rows


def test_json_keeps_the_fields_and_builds_the_text_in_the_language(tmp_path: Path) -> None:
    """Only `message` and `hint` follow --lang; the structured fields do not."""
    bad = write(tmp_path, BAD + "gdp,2015,5\ngdp,2015,6\n")
    english = json.loads(run("validate", "-f", "json", "--lang", "en", bad).stdout)
    chinese = json.loads(run("validate", "-f", "json", "--lang", "zh", bad).stdout)
    texts = ("message", "hint")
    for en, zh in zip(english["diagnostics"], chinese["diagnostics"], strict=True):
        assert {k: v for k, v in en.items() if k not in texts} == {
            k: v for k, v in zh.items() if k not in texts
        }
    first = english["diagnostics"][0]
    assert first["message"] == "unknown indicator 'gpd'"
    assert chinese["diagnostics"][0]["message"] == "未知的指标 'gpd'"
    assert (first["message_key"], first["params"]) == ("unknown-indicator", {"name": "gpd"})
    assert first["hint_key"] == "suggest-series"
    assert first["hint_params"]["id"] == "gdp"
    assert {"name_zh", "name_en"} <= set(first["hint_params"])
    duplicate = english["diagnostics"][-1]
    assert duplicate["code"] == "duplicate-row"
    assert duplicate["params"]["old"] == 5.0 and duplicate["params"]["new"] == 6.0


def test_a_diagnostic_is_shown_in_the_language_asked_for(tmp_path: Path) -> None:
    from sz_quality.render.validate import github, text

    bad = write(tmp_path, BAD)
    result = validate_files([bad], load_lookup(TARGETS), ReadOptions(lang="en"))
    assert "未知的指标 'gpd'" in text.render(result, lang="zh")
    assert "未知的指标 'gpd'" in github.render(result, lang="zh")
    assert "unknown indicator 'gpd'" in text.render(result, lang="en")
