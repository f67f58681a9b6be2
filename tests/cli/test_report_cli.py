"""`szq report`: the CLI writes what the library builds; usage errors exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("matplotlib")
pytest.importorskip("sz_quality.read.reader")

from typer.testing import CliRunner  # noqa: E402

from sz_quality.cli import app  # noqa: E402
from sz_quality.read.reading import ReadOptions

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [str(ROOT / "examples" / "data-2013.csv"), str(ROOT / "examples" / "data-2015.csv")]


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def test_cli_json_equals_the_library(tmp_path: Path, registry: Any, measure_registry: Any) -> None:
    from sz_quality.check.evaluate import evaluate
    from sz_quality.plan.lookup import Lookup
    from sz_quality.read.reader import read_files
    from sz_quality.render.report.as_json import report_dict
    from sz_quality.report.build import build_report

    out = tmp_path / "r.json"
    result = run(
        "--targets",
        str(ROOT / "targets.yaml"),
        "--measures",
        str(ROOT / "measures.yaml"),
        "report",
        *EXAMPLES,
        "--year",
        "2015",
        "--lang",
        "en",
        "-o",
        str(out),
    )
    assert result.exit_code in (0, 1), result.output
    data = read_files(EXAMPLES, Lookup.from_registry(registry), ReadOptions(lang="en"))
    annual = build_report(
        evaluate(registry, data, 2015),
        registry,
        measures=measure_registry,
        data=data,
        lang="en",
        charts=False,
    )
    cli = json.loads(out.read_text(encoding="utf-8"))
    library = report_dict(annual)
    cli["registry"].pop("sha256"), library["registry"].pop("sha256")
    assert cli == json.loads(json.dumps(library, ensure_ascii=False))


def test_cli_html_twice_is_byte_identical(tmp_path: Path) -> None:
    pages = []
    for name in ("a.html", "b.html"):
        result = run("report", *EXAMPLES, "--lang", "zh", "-o", str(tmp_path / name))
        assert result.exit_code in (0, 1), result.output
        pages.append((tmp_path / name).read_bytes())
    assert pages[0] == pages[1]
    stamped = run("report", *EXAMPLES, "--stamp", "-o", str(tmp_path / "s.html"))
    assert stamped.exit_code in (0, 1)
    assert b"Generated" in (tmp_path / "s.html").read_bytes() or "生成时间" in (
        tmp_path / "s.html"
    ).read_text(encoding="utf-8")


def test_cli_usage_errors(tmp_path: Path) -> None:
    assert run("report", *EXAMPLES, "-o", str(tmp_path / "r.txt")).exit_code == 2
    assert (
        run("report", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "r.json")).exit_code == 2
    )
    assert (
        run(
            "report",
            *EXAMPLES,
            "--measures-status",
            str(tmp_path / "nope.csv"),
            "-o",
            str(tmp_path / "r.json"),
        ).exit_code
        == 2
    )


def test_cli_measures_status_errors_exit_1(tmp_path: Path) -> None:
    status = tmp_path / "status.csv"
    status.write_text("measure,status,note\nm01_01,done,ok\nm_nope,done,\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = run("report", *EXAMPLES, "--measures-status", str(status), "-o", str(out))
    assert result.exit_code == 1
    loaded = json.loads(out.read_text(encoding="utf-8"))
    assert any(d["code"] == "status-unknown-measure" for d in loaded["diagnostics"])
    assert loaded["measures_status"]["counts"]["done"] == 1


@pytest.mark.parametrize("suffix", ["html", "md"])
def test_the_rate_still_needed_is_in_the_prose(tmp_path: Path, suffix: str) -> None:
    """A lagging target's sentence says the yearly rate it still needs against the rate so
    far (2013, a mid-term year); a target without a rate says none, never an empty one."""
    import re

    out = tmp_path / f"r.{suffix}"
    result = run("report", EXAMPLES[0], "--year", "2013", "--lang", "en", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "needing +1.75% a year from now against +1.27% a year since 2010" in text
    assert not re.search(r"needing\s+a year|against\s+a year", text)


@pytest.mark.parametrize("command", ["report", "assess"])
def test_a_missing_measures_status_is_named_as_every_missing_input_is(
    tmp_path: Path, command: str
) -> None:
    """`report` said "cannot read the measures status file: No such file or directory"
    without the file's name, `assess` named it: both now check it with the data files,
    before anything is read."""
    missing = tmp_path / "nope.csv"
    result = run(
        "--lang",
        "en",
        command,
        *EXAMPLES,
        "--measures-status",
        str(missing),
        "-o",
        str(tmp_path / "out.json"),
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == f"szq: error: no such file: {missing}"
    assert not (tmp_path / "out.json").exists()


def test_english_agency_names_are_listed_apart_from_their_own_commas(tmp_path: Path) -> None:
    """An English agency name holds commas ("Science, Technology, Industry, ..."): a list
    of them joined by ", " could not be read back, so the report joins them with "; "."""
    out = tmp_path / "r.md"
    assert run("report", *EXAMPLES, "--lang", "en", "-o", str(out)).exit_code == 0
    row = next(
        line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| 7 |")
    )
    assert row.endswith(
        "| Shenzhen Municipal Development and Reform Commission; Shenzhen Municipal Science, "
        "Technology, Industry, Trade and Information Technology Commission; Shenzhen Municipal "
        "Bureau of Culture, Sports and Tourism |"
    )
