"""`-o` never names an input: refused before anything is read, exit 2, whatever the spelling."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app

ROOT = Path(__file__).resolve().parents[2]
DATA = "indicator,year,value,unit,region\ngdp,2010,9510.91,亿元,\ngdp,2013,14500.23,亿元,\n"


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """d.csv, a little data, in the current directory (tmp_path/work)."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "d.csv").write_text(DATA, encoding="utf-8")
    monkeypatch.chdir(work)

    def never(*_: object, **__: object) -> None:
        pytest.fail("the data was read although -o names an input")

    import sz_quality.read.reader as reader

    monkeypatch.setattr(reader, "read_files", never)
    monkeypatch.setattr(reader, "validate_files", never)
    return work / "d.csv"


def _link(kind: str) -> Callable[[Path], str]:
    """How -o spells the data file d.csv (the input stays `d.csv`)."""

    def spell(data: Path) -> str:
        if kind == "relative":
            return "d.csv"
        if kind == "dot":
            return "./d.csv"
        if kind == "absolute":
            return str(data)
        if kind == "dotdot":
            (data.parent / "sub").mkdir()
            return "sub/../d.csv"
        if kind == "symlink":
            os.symlink(data, data.parent / "link.csv")
            return "link.csv"
        assert kind == "hardlink"
        os.link(data, data.parent / "hard.csv")
        return "hard.csv"

    return spell


SPELLINGS = ["relative", "dot", "absolute", "dotdot", "symlink", "hardlink"]
COMMANDS = [
    ["check", "d.csv", "--format", "csv"],
    ["check", "d.csv", "--format", "json"],
    ["validate", "d.csv"],
    ["calc", "d.csv"],
    ["report", "d.csv", "--format", "md"],
    ["report", "d.csv", "--format", "html"],
    ["report", "d.csv", "--format", "json"],
]


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[::2]))
def test_output_naming_an_input_is_refused(data: Path, command: list[str], spelling: str) -> None:
    before = data.read_bytes()
    output = _link(spelling)(data)
    code, _, err = _invoke(*command, "-o", output, "--lang", "en")
    assert code == 2
    assert err == (
        f"szq: error: -o {output} is the input d.csv: szq never writes over an "
        "input; choose another output file\n"
    )
    assert data.read_bytes() == before
    assert sorted(path.name for path in data.parent.iterdir() if path.is_file()) == sorted(
        {"d.csv", output} if spelling in ("symlink", "hardlink") else {"d.csv"}
    )


def test_the_message_in_chinese(data: Path) -> None:
    code, _, err = _invoke("check", "./d.csv", "-o", "d.csv", "--lang", "zh")
    assert code == 2
    assert err == "szq: error: -o d.csv 就是输入文件 ./d.csv：szq 不会覆盖输入，请另选输出文件\n"


def test_the_measures_status_file_is_an_input(data: Path) -> None:
    status = data.parent / "status.csv"
    status.write_text("measure,status,note\n", encoding="utf-8")
    code, _, err = _invoke(
        "report",
        "d.csv",
        "--measures-status",
        "status.csv",
        "-o",
        str(status),
        "--format",
        "md",
        "--lang",
        "en",
    )
    assert code == 2
    assert "is the input status.csv" in err
    assert status.read_text(encoding="utf-8") == "measure,status,note\n"


def test_a_registry_is_an_input(data: Path) -> None:
    targets = data.parent / "targets.yaml"
    shutil.copyfile(ROOT / "targets.yaml", targets)
    before = targets.read_bytes()
    for command in (["check", "d.csv"], ["targets"], ["agencies"]):
        code, _, err = _invoke(
            "--targets", "targets.yaml", *command, "-o", "./targets.yaml", "--lang", "en"
        )
        assert (code, "is the input targets.yaml" in err) == (2, True), command
    assert targets.read_bytes() == before


def test_the_chart_folder_holds_no_input(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (data.parent / "r_charts").mkdir()
    moved = data.parent / "r_charts" / "d.csv"
    data.rename(moved)
    code, _, err = _invoke("report", "r_charts/d.csv", "-o", "r.md", "--lang", "en")
    assert code == 2
    assert err == (
        "szq: error: the input r_charts/d.csv is in the Markdown report's chart "
        "folder r_charts, which szq writes: choose another report name\n"
    )
    assert not (data.parent / "r.md").exists()
    # an HTML report has no chart folder: the same input is fine there
    monkeypatch.undo()  # reading allowed again
    monkeypatch.chdir(data.parent)
    code, _, err = _invoke("report", "r_charts/d.csv", "-o", "r.html", "--lang", "en")
    assert code == 0, err
    assert (data.parent / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_other_outputs_are_not_refused(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # reading allowed again
    monkeypatch.chdir(data.parent)
    code, _, err = _invoke("check", "d.csv", "-o", "d2.csv", "--format", "csv", "--lang", "en")
    assert code == 0, err
    _, printed, _ = _invoke("check", "d.csv", "--format", "csv", "--lang", "en")
    assert (data.parent / "d2.csv").read_text(encoding="utf-8") == printed
    assert printed.startswith("group,target,")


def _invoke(*args: str) -> tuple[int, str, str]:
    result = run(*args)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["check", "-", "--format", "csv"],
        ["validate", "-", "--format", "json"],
        ["calc", "-"],
    ],
    ids=lambda command: command[0],
)
def test_standard_input_redirected_from_the_output_is_refused(
    tmp_path: Path, command: list[str]
) -> None:
    """`szq check - -o d.csv < d.csv`: `-` is then the file -o names."""
    import subprocess
    import sys

    data = tmp_path / "d.csv"
    data.write_text(DATA, encoding="utf-8")
    with open(data, "rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "sz_quality", *command, "-o", str(data)],
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    assert "never writes over an input" in done.stderr
    assert data.read_text(encoding="utf-8") == DATA
    # a pipe is never the output file: the same command from a pipe writes it
    piped = subprocess.run(
        [sys.executable, "-m", "sz_quality", *command, "-o", str(tmp_path / "out")],
        input=DATA,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert piped.returncode in (0, 1), piped.stderr
    assert (tmp_path / "out").exists()
