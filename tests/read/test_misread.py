"""Nothing misread: every value szq accepts is the value the submitter meant.

Each case is a file a submitter could send, read by `szq validate` (and `szq check`
where it differs), against the shipped registry; the CLI's JSON is compared with the
library's result.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.read import batches
from sz_quality.read.observations import ReadResult
from sz_quality.read.reader import read_files, validate_files
from sz_quality.read.reading import ReadOptions
from sz_quality.render.format import format_number
from sz_quality.render.validate.as_json import to_dict

ROOT = Path(__file__).resolve().parents[2]
HEADER = "indicator,year,value,unit\n"
runner = CliRunner()


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup()


def write(tmp_path: Path, content: str | bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def found(result: ReadResult, ignore: str = "") -> list[tuple[str, str, int | None, int | None]]:
    """The diagnostics' codes and places; `ignore`: a code beside the point of a test (the
    unknown-region warnings of made-up regions r0, r1, ...)."""
    return [(d.code, d.severity, d.line, d.column) for d in result.diagnostics if d.code != ignore]


def validate_cli(path: Path, *options: str) -> tuple[int, dict[str, Any]]:
    """`szq validate --format json`: its exit code and JSON, which must equal the library's."""
    arguments = ["validate", str(path), "--format", "json", "--lang", "en", *options]
    outcome = runner.invoke(app, arguments)
    data = json.loads(outcome.stdout)
    library = validate_files([path], load_lookup(), ReadOptions(lang="en"))
    assert data == to_dict(library, strict="--strict" in options, lang="en")
    return outcome.exit_code, data


# -- values accepted that must not be ---------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["1_7502.99", "0x10", "0X1F", "infinity", "INFINITY", "-Infinity", "inf", "NaN", "١٢"]
)
def test_what_float_accepts_beyond_a_table_is_a_bad_number(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, HEADER + f"gdp,2015,{text},亿元\ngdp,2014,16001.98,亿元\n")
    code, data = validate_cli(path)
    assert code == 1
    assert [(d["code"], d["line"], d["column"]) for d in data["diagnostics"]] == [
        ("bad-number", 2, 3)
    ]
    assert data["files"][0] == {"path": str(path), "rows": 2, "accepted": 1, "rejected": 1}


def test_a_multiplier_in_the_value_is_a_bad_number_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "gdp,2015,1.5万,亿元\n")
    code, data = validate_cli(path)
    assert code == 1
    (diagnostic,) = data["diagnostics"]
    assert diagnostic["code"] == "bad-number"
    assert diagnostic["hint_key"] == "bad-number.multiplier"
    assert diagnostic["hint"] == (
        "write the number without '万' and put '万' in the unit column (such as 万元, 万人)"
    )


def test_a_value_infinite_after_conversion_is_out_of_range(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "gdp,2015,1e308,万亿元\ngdp,2014,16001.98,亿元\n")
    code, data = validate_cli(path)
    assert code == 1
    assert [(d["code"], d["line"], d["message_key"]) for d in data["diagnostics"]] == [
        ("out-of-range", 2, "out-of-range.absurd")
    ]
    assert data["diagnostics"][0]["params"]["value"] == "inf"
    # szq check: an error, named, and JSON without Infinity
    checked = runner.invoke(app, ["check", str(path), "--format", "json", "--lang", "en"])
    assert checked.exit_code == 1
    report = json.loads(checked.stdout, parse_constant=pytest.fail)
    assert [d["code"] for d in report["diagnostics"]] == ["out-of-range"]
    assert report["inputs"][0]["rejected"] == 1


def test_an_absurd_finite_value_is_out_of_range(lookup: Lookup, tmp_path: Path) -> None:
    # 1e304 亿元 is finite, and no statistics table's figure
    path = write(tmp_path, HEADER + "gdp,2015,1e304,亿元\ngdp,2014,999999999999999,亿元\n")
    result = read_files([path], lookup)
    assert found(result) == [("out-of-range", "error", 2, 3)]
    assert [observation.value for observation in result.observations] == [999999999999999.0]


def test_a_count_of_days_does_not_convert_from_hours(tmp_path: Path) -> None:
    rows = "good_air_days,2015,351,小时\ngood_air_days,2014,340,日\ngood_air_days,2013,324,天\n"
    code, data = validate_cli(write(tmp_path, HEADER + rows))
    assert code == 1
    assert [(d["code"], d["line"], d["column"], d["message_key"]) for d in data["diagnostics"]] == [
        ("unit-mismatch", 2, 4, "unit-meaning")
    ]
    assert data["files"][0]["accepted"] == 2


def test_measure_words_do_not_convert_into_each_other(lookup: Lookup, tmp_path: Path) -> None:
    # beds per 1,000 people: 家 (enterprises) is not 张 (beds); 万张 and 个 are fine
    rows = (
        "beds_per_10k,2015,3.5,家/千人\n"
        "beds_per_10k,2014,3.4,张/千人\n"
        "beds_per_10k,2013,0.00033,万张/千人\n"
        "beds_per_10k,2012,3.2,个/千人\n"
    )
    result = read_files([write(tmp_path, HEADER + rows)], lookup)
    assert found(result) == [("unit-mismatch", "error", 2, 4)]
    assert sorted(round(o.value, 9) for o in result.observations) == [32.0, 33.0, 34.0]


def test_a_fraction_for_a_percentage_is_suspect(tmp_path: Path) -> None:
    rows = (
        "forest_coverage,2015,0.415,%\n"
        "unemployment_rate,2015,2.3,%\n"  # a plausible small share: no warning
        "unemployment_rate,2014,0.023,%\n"  # 2.3% written as a fraction
        "forest_coverage,2014,41.5,%\n"
    )
    path = write(tmp_path, HEADER + rows)
    code, data = validate_cli(path)
    assert code == 0  # a warning: the value is kept
    assert [(d["code"], d["severity"], d["line"]) for d in data["diagnostics"]] == [
        ("suspect-fraction", "warning", 2),
        ("suspect-fraction", "warning", 4),
    ]
    assert data["diagnostics"][0]["hint"] == "if 41.5% is meant, write 41.5"
    assert data["files"][0]["accepted"] == 4
    assert validate_cli(path, "--strict")[0] == 1


# -- text garbled that must not be ------------------------------------------------------------


def _mixed_encodings(utf8_lines: int) -> bytes:
    lines = [f"gdp,{1900 + n % 200},{n},亿元,r{n // 200}" for n in range(utf8_lines)]
    return (
        ("indicator,year,value,unit,region\n" + "\n".join(lines) + "\n").encode()
        + "gdp,2015,1,亿元,\n".encode("gb18030")
        + b"rd_share,2015,4.05,%,\n"
        + "registered_population,2015,369.63,万人,\n".encode()
    )


@pytest.mark.parametrize("utf8_lines", [3, 4000])
def test_a_gb18030_line_in_a_utf8_file_is_an_encoding_error(
    lookup: Lookup, tmp_path: Path, utf8_lines: int
) -> None:
    # 3: the GB18030 line is in the first 64 KiB, which detection reads; 4000: after them
    path = write(tmp_path, _mixed_encodings(utf8_lines))
    result = read_files([path], lookup)
    assert found(result, ignore="unknown-region") == [
        ("encoding-error", "error", utf8_lines + 2, 4)
    ]
    assert result.diagnostics[0].hint_key == "encoding-error.gb18030"
    assert "gdp,2015,1,亿元," in (result.diagnostics[0].hint_in("en") or "")
    # every other line read as written: 万人 and 亿元 converted, not garbled
    values = {(o.series, o.year, o.region): o.value for o in result.observations}
    assert values[("registered_population", 2015, "")] == 369.63
    assert values[("gdp", 1902, "r0")] == 2.0
    assert len(result.observations) == result.inputs[0].accepted == result.inputs[0].rows - 1
    code, data = validate_cli(path)
    assert code == 1 and data["diagnostics"][0]["hint"].startswith("the rest of the file is UTF-8")


def test_utf8_text_before_a_gb18030_line_in_one_batch_is_never_garbled(
    lookup: Lookup, tmp_path: Path
) -> None:
    # ASCII for the first 64 KiB (detection says UTF-8 and may switch later), then UTF-8
    # Chinese and a GB18030 line in the same batch: no switch, the GB18030 line is the error
    ascii_part = "".join(f"gdp,{1900 + n % 200},{n},,r{n // 200}\n" for n in range(7000))
    tail = "registered_population,2015,369.63,万人,\n".encode()
    tail += "gdp,2015,1.5,万亿元,\n".encode("gb18030")
    header = b"indicator,year,value,unit,region\n"
    path = write(tmp_path, header + ascii_part.encode() + tail)
    result = read_files([path], lookup)
    assert found(result, ignore="unknown-region") == [("encoding-error", "error", 7003, 4)]
    values = {(o.series, o.year, o.region): o.value for o in result.observations}
    assert values[("registered_population", 2015, "")] == 369.63


@pytest.mark.parametrize("quoted_elsewhere", [False, True])
def test_a_field_over_the_csv_limit_is_refused_by_both_paths(
    lookup: Lookup, tmp_path: Path, quoted_elsewhere: bool
) -> None:
    note = '"a, b"' if quoted_elsewhere else "b"
    content = (
        f"indicator,year,value,note\ngdp,2015,1,{'x' * 131_073}\ngdp,2014,2,{note}\ngdp,2013,3,c\n"
    )
    result = read_files([write(tmp_path, content)], lookup)
    assert found(result) == [("bad-csv", "error", 2, None)]
    assert (result.inputs[0].accepted, result.inputs[0].rejected) == (2, 1)


# -- diagnostics that mislead or cost too much ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("R&D占GDP比重", "rd_share"), ("森林复盖率", "forest_coverage"), ("PM2.5年均浓度", None)],
)
def test_did_you_mean_for_chinese_names(
    lookup: Lookup, tmp_path: Path, name: str, expected: str | None
) -> None:
    result = read_files([write(tmp_path, f"indicator,year,value\n{name},2015,4\n")], lookup)
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "unknown-indicator"
    if expected is None:
        assert diagnostic.hint_key is None
    else:
        assert diagnostic.hint_key == "suggest-series"
        assert dict(diagnostic.hint_params)["id"] == expected


def test_did_you_mean_is_computed_once_per_distinct_name(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    original = Lookup.suggest

    def counting(self: Lookup, name: str) -> Any:
        asked.append(name)
        return original(self, name)

    monkeypatch.setattr(Lookup, "suggest", counting)
    rows = "".join(f"PM2.5年均浓度,{2000 + n % 16},30\n森林复盖率,2015,{n}\n" for n in range(3000))
    result = validate_files(
        [write(tmp_path, "indicator,year,value\n" + rows)], lookup, ReadOptions(max_per_code=100)
    )
    assert sorted(asked) == ["PM2.5年均浓度", "森林复盖率"]
    assert result.inputs[0].rejected == 6000


def test_the_summary_says_diagnostics_listed_and_rows_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "indicator,year,value\n" + "nope,2015,1\n" * 5 + "gdp,2015,1\n")
    outcome = runner.invoke(app, ["validate", str(path), "--max-diagnostics", "2", "--lang", "en"])
    assert outcome.exit_code == 1
    assert outcome.stdout.splitlines()[-1] == (
        "invalid: 1 file(s), 6 row(s), 5 rejected; diagnostics listed: 3 error(s), 0 warning(s)"
    )
    zh = runner.invoke(app, ["validate", str(path), "--max-diagnostics", "2", "--lang", "zh"])
    assert (
        zh.stdout.splitlines()[-1] == "无效：1 个文件，6 行，拒绝 5 行；列出诊断 3 个错误、0 个警告"
    )


def test_large_and_tiny_numbers_print_compactly() -> None:
    assert format_number(1e304) == "1e+304"
    assert format_number(-2.5e20) == "-2.5e+20"
    assert format_number(1e-300) == "1e-300"
    assert format_number(17502.99) == "17,503"


def test_a_wrong_sheet_is_a_usage_error(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2015年"
    sheet.append(["indicator", "year", "value"])
    sheet.append(["gdp", 2015, 17502.99])
    path = tmp_path / "book.xlsx"
    book.save(path)
    for command in ("validate", "check"):
        outcome = runner.invoke(app, [command, str(path), "--sheet", "2014年", "--lang", "en"])
        assert outcome.exit_code == 2, command
        assert "the workbook has no sheet '2014年'" in outcome.stderr
        assert "its sheets: 2015年" in outcome.stderr
    assert runner.invoke(app, ["validate", str(path), "--sheet", "2015年"]).exit_code == 0


# -- the registry as input --------------------------------------------------------------------


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
schema_version: 1
plan: *i
indicators: *i
"""


def _szq(*arguments: str, stdin: bytes | None = None, timeout: float = 60) -> Any:
    code = "import sys; from sz_quality.cli import main; sys.argv[0] = 'szq'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )


def test_nested_aliases_are_refused_at_once(tmp_path: Path) -> None:
    registry = write(tmp_path, BILLION_LAUGHS, "laughs.yaml")
    data = ROOT / "examples" / "data-2015.csv"
    started = time.perf_counter()
    outcome = _szq("--targets", str(registry), "check", str(data), timeout=30)
    elapsed = time.perf_counter() - started
    assert outcome.returncode == 2
    assert f"{registry}:2: alias *a refused" in outcome.stderr.decode()
    assert elapsed < 10  # the process start included; the refusal itself takes milliseconds
    started = time.perf_counter()
    assert runner.invoke(app, ["--targets", str(registry), "targets"]).exit_code == 2
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("spelling", [".nan", ".inf", "-.Inf", "1.0e+400"])
def test_non_finite_numbers_in_a_registry_are_load_errors(tmp_path: Path, spelling: str) -> None:
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    line = next(n for n, content in enumerate(lines) if content == "    value: 1.5\n")
    lines[line] = f"    value: {spelling}\n"
    registry = write(tmp_path, "".join(lines), "targets.yaml")
    data = str(ROOT / "examples" / "data-2015.csv")
    outcome = runner.invoke(app, ["--targets", str(registry), "check", data, "--format", "json"])
    assert outcome.exit_code == 2
    assert f"{registry}:{line + 1}: targets[0].value: Input should be a finite number" in (
        outcome.stderr
    )
    assert "NaN" not in outcome.stdout and "Infinity" not in outcome.stdout


def test_json_output_refuses_non_finite_numbers() -> None:
    from sz_quality.render.jsonout import dumps

    with pytest.raises(ValueError, match="JSON compliant"):
        dumps({"value": float("nan")})


# -- pipes ------------------------------------------------------------------------------------


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    data = (ROOT / "examples" / "data-2015.csv").read_bytes()
    piped = _szq("validate", "-", "--format", "json", stdin=data)
    assert piped.returncode == 0, piped.stderr
    from_file = validate_files([ROOT / "examples" / "data-2015.csv"], load_lookup())
    expected = to_dict(from_file, lang="en")
    expected["files"][0]["path"] = "-"
    assert json.loads(piped.stdout) == expected
    checked = _szq("check", "-", "--format", "json", stdin=data)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["summary"]["met"] == 11
    # a pipe that is not a file: /dev/stdin
    assert _szq("validate", "/dev/stdin", stdin=data).returncode == 0
    bad = _szq("validate", "-", "--format", "json", stdin=b"indicator,year,value\ngpd,2015,1\n")
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["files"][0] == {
        "path": "-", "rows": 1, "accepted": 0, "rejected": 1
    }  # fmt: skip
    assert runner.invoke(app, ["validate", "-", "-"]).exit_code == 2


def test_a_workbook_from_standard_input(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2015年"
    sheet.append(["indicator", "year", "value"])
    sheet.append(["gdp", 2015, 17502.99])
    path = tmp_path / "book.xlsx"
    book.save(path)
    piped = _szq("validate", "-", "--format", "json", stdin=path.read_bytes())
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["files"] == [
        {"path": "-", "rows": 1, "accepted": 1, "rejected": 0}
    ]
    wrong = _szq("validate", "-", "--sheet", "nope", stdin=path.read_bytes())
    assert wrong.returncode == 2
    assert "-: the workbook has no sheet 'nope' (its sheets: 2015年)" in wrong.stderr.decode()


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash for a process substitution")
def test_process_substitution(tmp_path: Path) -> None:
    data = ROOT / "examples" / "data-2015.csv"
    szq = f'"{sys.executable}" -c "from sz_quality.cli import main; main()"'
    script = f'{szq} validate <(cat "{data}")'
    outcome = subprocess.run(
        ["bash", "-c", script], capture_output=True, timeout=60, cwd=ROOT, check=False
    )
    assert outcome.returncode == 0, outcome.stderr
    assert b"59 row(s), 59 accepted, 0 rejected" in outcome.stdout


# -- both read paths accept the same rows -----------------------------------------------------


def test_a_dirty_batch_keeps_its_clean_rows_on_the_fast_path(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Misspelt indicators and unreadable numbers no longer send a batch row by row."""
    from sz_quality.read import rows as row_path

    checked: list[int] = []
    original = row_path.RowChecker.check_text

    def counting(self: Any, *arguments: Any) -> int:
        checked.append(1)
        return original(self, *arguments)

    monkeypatch.setattr(row_path.RowChecker, "check_text", counting)
    monkeypatch.setattr(batches, "_CHUNK", 4096)
    lines = []
    for number in range(2000):
        value = "x" if number % 50 == 7 else str(number % 90 + 1)
        name = "gpd" if number % 100 == 3 else "gdp"
        lines.append(f"{name},{1900 + number % 200},{value},,r{number // 200}")
    content = "indicator,year,value,unit,region\n" + "\n".join(lines) + "\n"
    result = read_files([write(tmp_path, content)], lookup)
    assert not checked  # every batch went column-wise
    assert result.inputs[0].rejected == 60 and result.inputs[0].accepted == 1940
    assert [d.code for d in result.diagnostics].count("bad-number") == 40


def test_an_out_of_range_message_writes_its_bound_as_every_output_does(tmp_path: Path) -> None:
    """≥ 0, as check and report write a comparator, not an ASCII >= of its own."""
    data = tmp_path / "neg.csv"
    data.write_text(
        "indicator,year,value,unit\nenergy_consumption,2015,-5,万吨标准煤\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["validate", str(data), "--format", "json", "--lang", "en"])
    (found,) = json.loads(result.stdout)["diagnostics"]
    assert found["code"] == "out-of-range"
    assert found["message"].endswith("is outside the plausible range ≥ 0")
    assert found["params"]["range"] == "≥ 0"


@pytest.mark.parametrize("fast_path", [True, False], ids=["columns", "rows"])
def test_a_figure_too_small_for_any_table_is_out_of_range(
    lookup: Lookup, tmp_path: Path, fast_path: bool
) -> None:
    """1e-300 亿元 is a typo, not GDP; 0 and ordinary small figures stay accepted."""
    from sz_quality.read import reader

    lines = [f"gdp,{1900 + number},{number + 1},亿元" for number in range(197)]
    lines += ["gdp,2097,0.001,亿元", "gdp,2098,1e-300,亿元", "gdp,2099,0,亿元"]
    content = "indicator,year,value,unit\n" + "\n".join(lines) + "\n"
    result = reader._read(
        [write(tmp_path, content)],
        lookup,
        ReadOptions(max_per_code=0, jobs=1),
        keep=True,
        fast_path=fast_path,
    )
    assert [(d.code, d.line) for d in result.diagnostics] == [("out-of-range", 200)]
    assert result.inputs[0].accepted == 199
