"""`szq check` and `szq calc` through the CLI: JSON equal to the library's, exit codes."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.read.reading import ReadOptions

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "check"
EXAMPLES = ROOT / "examples"
REGISTRY = str(FIXTURES / "registry.yaml")

runner = CliRunner()


def szq(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.csv"
    path.write_text(
        "indicator,year,value,unit,region,source\n"
        "gdp,2010,10000,亿元,,test\n"
        "gdp,2013,14000,亿元,,test\n"
        "share,2013,99.5,%,,test\n"
        "share,2013,=1+1,%,,test\n"  # a bad number: an error, the row rejected
        "rate,2013,2.4,%,,test\n",
        encoding="utf-8",
    )
    return path


# --- usage errors (no reading needed) ------------------------------------------------


def test_missing_file_is_bad_usage(tmp_path: Path) -> None:
    code, _, err = szq("check", str(tmp_path / "none.csv"))
    assert code == 2
    assert "no such file" in err


def test_unknown_fail_on_status_is_bad_usage(data_file: Path) -> None:
    code, _, err = szq("check", str(data_file), "--fail-on", "not_met,late")
    assert code == 2
    assert "unknown status 'late'" in err


def test_unknown_agency_is_bad_usage(data_file: Path) -> None:
    code, _, err = szq("--targets", REGISTRY, "check", str(data_file), "--agency", "甲")
    assert code == 2
    assert "unknown agency" in err


def test_unknown_format_is_bad_usage(data_file: Path) -> None:
    code, _, _ = szq("check", str(data_file), "--format", "html")
    assert code == 2


# --- with the reader ----------------------------------------------------------------


@pytest.fixture(autouse=False)
def needs_reader() -> None:
    pytest.importorskip("sz_quality.read.reader")


with_reader = pytest.mark.usefixtures("needs_reader")


def library_report(files: list[Path], year: int | None = None, lang: str = "en") -> dict:  # type: ignore[type-arg]
    from sz_quality.check.evaluate import evaluate
    from sz_quality.plan.lookup import Lookup
    from sz_quality.plan.registry import load_registry
    from sz_quality.render.verdict_words import reason_words

    read_files = importlib.import_module("sz_quality.read.reader").read_files

    registry = load_registry(REGISTRY)
    data = read_files(
        [str(f) for f in files], Lookup.from_registry(registry), ReadOptions(lang=lang)
    )
    return evaluate(registry, data, year).to_dict(reason_words(lang))  # type: ignore[arg-type]


@with_reader
def test_cli_json_equals_the_library(data_file: Path) -> None:
    code, out, _ = szq(
        "--targets", REGISTRY, "check", str(data_file), "--format", "json", "--lang", "en"
    )
    assert json.loads(out) == library_report([data_file])
    assert code == 1  # the data had an error: results still computed and shown


@with_reader
def test_json_reasons_are_words_in_the_language_and_data_in_any(data_file: Path) -> None:
    outputs = {}
    for lang in ("zh", "en"):
        _, out, _ = szq(
            "--targets", REGISTRY, "check", str(data_file), "--format", "json", "--lang", lang
        )
        outputs[lang] = json.loads(out)["results"]
    zh = {r["target"]: r for r in outputs["zh"]}
    worded = 0
    for result in outputs["en"]:
        other = zh[result["target"]]
        if result["reason"] is not None:
            worded += 1
            assert result["reason"] != other["reason"]
        for key in ("reason_code", "missing", "reason_fields"):
            assert result[key] == other[key]
    assert worded
    missing = {r["target"]: r["missing"] for r in outputs["en"] if r["reason_code"] == "missing"}
    assert {"series": "rd_share", "year": 2013} in missing["rd_share_level"]


@with_reader
def test_results_come_from_the_accepted_rows(data_file: Path) -> None:
    _, out, _ = szq(
        "--targets", REGISTRY, "check", str(data_file), "--format", "json", "--lang", "en"
    )
    data = json.loads(out)
    assert data["year"] == 2013
    assert data["inputs"][0]["rejected"] >= 1
    assert any(d["severity"] == "error" for d in data["diagnostics"])
    statuses = {r["target"]: r["status"] for r in data["results"]}
    assert statuses["gdp_level"] == "on_track"
    assert statuses["share_over"] == "met"


@with_reader
def test_exit_zero_whatever_the_statuses(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("indicator,year,value\ngdp,2015,1000\n", encoding="utf-8")
    code, out, _ = szq(
        "--targets", REGISTRY, "check", str(path), "--format", "json", "--lang", "en"
    )
    assert code == 0
    assert json.loads(out)["summary"]["not_met"] == 1
    code, _, _ = szq(
        "--targets", REGISTRY, "check", str(path), "--fail-on", "not_met", "--lang", "en"
    )
    assert code == 1
    code, _, _ = szq(
        "--targets", REGISTRY, "check", str(path), "--fail-on", "off_track", "--lang", "en"
    )
    assert code == 0


@with_reader
def test_output_file_and_year_and_agency(data_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    code, out, _ = szq(
        "--targets",
        REGISTRY,
        "check",
        str(data_file),
        "--format",
        "json",
        "--year",
        "2015",
        "--agency",
        "乙局",
        "-o",
        str(target),
        "--lang",
        "en",
    )
    assert out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["year"] == 2015
    assert [a["agency"] for a in data["agencies"]] == ["市乙局"]
    assert all("市乙局" in r["lead_agencies"] for r in data["results"])


@with_reader
@pytest.mark.parametrize("fmt", ["table", "csv", "markdown", "json"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format_is_deterministic(data_file: Path, fmt: str, lang: str) -> None:
    args = (
        "--targets",
        REGISTRY,
        "check",
        str(data_file),
        "--format",
        fmt,
        "--lang",
        lang,
        "--by",
        "chapter",
    )
    first = szq(*args)[1]
    assert first and first == szq(*args)[1]


@with_reader
def test_examples_run_with_the_shipped_registry() -> None:
    for name, year in (("data-2015.csv", 2015), ("data-2013.csv", 2013)):
        code, out, err = szq("check", str(EXAMPLES / name), "--format", "json", "--lang", "en")
        assert code == 0, err
        data = json.loads(out)
        assert data["year"] == year
        assert data["diagnostics"] == [] or all(
            d["severity"] == "warning" for d in data["diagnostics"]
        )
        summary = data["summary"]
        assert sum(summary.values()) == len(data["results"])
        assert summary["met"] > 0


@with_reader
def test_calc_writes_derived_series(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "indicator,year,value,region\n"
        "gdp,2015,12000,\npopulation,2015,1000,\n"
        "gdp,2015,600,福田区\npopulation,2015,100,福田区\n",
        encoding="utf-8",
    )
    code, out, _ = szq("--targets", REGISTRY, "calc", str(path), "--format", "json")
    assert code == 0
    series = json.loads(out)["series"]
    per_capita = {
        (s["region"], s["year"]): s["value"] for s in series if s["indicator"] == "gdp_per_capita"
    }
    assert per_capita == {("", 2015): 120000.0, ("福田区", 2015): 60000.0}
    code, out, _ = szq("--targets", REGISTRY, "calc", str(path))
    assert out.splitlines()[0] == "indicator,year,value,unit,region,source,note"
    assert "gdp_per_capita,2015,120000.0,元/人,,szq calc: gdp / population," in out


EXAMPLE_CHECKS = [
    (["data-2015.csv"], {}),
    (["data-2013.csv"], {"year": 2013, "lang": "zh"}),
    (["data-2013.csv", "data-2015.csv"], {"agency": "市水务局"}),
    (["districts-2015-illustrative.csv"], {}),
    (["districts-2015-illustrative.csv"], {"region": "福田区"}),
    (["districts-2015-illustrative.csv"], {"by": "region"}),
]


@pytest.mark.parametrize(("names", "options"), EXAMPLE_CHECKS)
def test_the_cli_is_the_library_call_on_the_examples(
    names: list[str], options: dict[str, object]
) -> None:
    """`szq check` renders what `sz_quality.check_files` returns for the same options."""
    import sz_quality
    from sz_quality.render.verdict_words import reason_words

    files = [str(EXAMPLES / name) for name in names]
    lang = str(options.get("lang", "en"))
    flags = [
        word for key, value in options.items() if key != "lang" for word in (f"--{key}", str(value))
    ]
    code, out, _ = szq("check", *files, *flags, "--format", "json", "--lang", lang)
    assert code == 0
    keywords = {key: value for key, value in options.items() if key != "lang"}
    reading = sz_quality.ReadOptions(lang=lang)
    report = sz_quality.check_files(files, sz_quality.load_registry(), reading, **keywords)  # type: ignore[arg-type]
    assert json.loads(out) == json.loads(json.dumps(report.to_dict(reason_words(lang))))  # type: ignore[arg-type]
    assert report.results
