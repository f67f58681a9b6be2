"""Nothing szq writes replaces what is not a regular file, and no run loses data.

`-o` through a symbolic link writes the file the link names; a character device or a
FIFO is written into; `template --all` keeps a filled-in form; the report's default
name follows its format; concurrent reports each leave a consistent set.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sz_quality.atomic import NotRegularFileError, write_bytes_atomic
from sz_quality.cli import app

DATA = "indicator,year,value,unit,region\ngdp,2010,9510.91,亿元,\ngdp,2013,14500.23,亿元,\n"


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "d.csv").write_text(DATA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_link_writes_the_file_it_names(work: Path) -> None:
    (work / "real").mkdir()
    (work / "real" / "out.csv").write_text("old\n", encoding="utf-8")
    os.symlink("real/out.csv", work / "link.csv")
    result = run("check", "d.csv", "--format", "csv", "-o", "link.csv", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (work / "link.csv").is_symlink()
    assert os.readlink(work / "link.csv") == "real/out.csv"
    assert (work / "real" / "out.csv").read_text(encoding="utf-8").startswith("group,target,")
    # written beside the target: no temporary file left anywhere
    assert sorted(path.name for path in (work / "real").iterdir()) == ["out.csv"]


def test_a_dangling_link_creates_the_file_it_names(work: Path) -> None:
    (work / "real").mkdir()
    os.symlink("real/new.csv", work / "link.csv")
    assert run("check", "d.csv", "--format", "csv", "-o", "link.csv").exit_code == 0
    assert (work / "link.csv").is_symlink()
    assert (work / "real" / "new.csv").read_text(encoding="utf-8").startswith("group,target,")


def _null_device() -> None:
    if not stat.S_ISCHR(os.lstat("/dev/null").st_mode):
        pytest.skip("/dev/null is not a device here (replaced by another program)")


def test_a_character_device_is_written_into_not_replaced(work: Path) -> None:
    """A null device of the test's own (mknod, as root): nothing else can change it."""
    if os.geteuid() != 0:
        pytest.skip("mknod needs root")
    device = work / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = os.lstat(device)
    result = run("check", "d.csv", "--format", "csv", "-o", "null")
    assert result.exit_code == 0, result.output
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert sorted(path.name for path in work.iterdir()) == ["d.csv", "null"]


def test_dev_null_is_written_into_not_replaced(work: Path) -> None:
    _null_device()
    before = os.stat("/dev/null")
    result = run("check", "d.csv", "--format", "csv", "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_dev_full_is_a_write_error_and_stays_a_device(work: Path) -> None:
    result = run("check", "d.csv", "--format", "csv", "-o", "/dev/full", "--lang", "en")
    assert result.exit_code == 2
    assert "cannot write /dev/full" in result.output
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_a_link_to_a_device_writes_into_the_device(work: Path) -> None:
    _null_device()
    os.symlink("/dev/null", work / "sink")
    assert run("check", "d.csv", "--format", "csv", "-o", "sink").exit_code == 0
    assert os.readlink(work / "sink") == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_into(work: Path) -> None:
    fifo = work / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def drain() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    result = run("check", "d.csv", "--format", "csv", "-o", "pipe")
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received[0].decode("utf-8").startswith("group,target,")


def test_dev_stdout_writes_to_standard_output(work: Path) -> None:
    out = work / "captured.txt"
    with out.open("wb") as stream:
        process = subprocess.run(
            [sys.executable, "-m", "sz_quality", "check", "d.csv", "--format", "csv"]
            + ["-o", "/dev/stdout"],
            stdout=stream,
            stderr=subprocess.PIPE,
            cwd=work,
            check=False,
        )
    assert process.returncode == 0, process.stderr
    assert out.read_text(encoding="utf-8").startswith("group,target,")
    assert sorted(path.name for path in work.iterdir()) == ["captured.txt", "d.csv"]


def test_a_socket_or_folder_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(NotRegularFileError):
            write_bytes_atomic(path, b"x")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()
    with pytest.raises(IsADirectoryError):
        write_bytes_atomic(tmp_path, b"x")


@pytest.mark.parametrize(("fmt", "name"), [("docx", "report.docx"), ("md", "report.md")])
def test_the_default_report_name_follows_the_format(work: Path, fmt: str, name: str) -> None:
    pytest.importorskip("docx" if fmt == "docx" else "jinja2")
    (work / "report.html").write_text("mine\n", encoding="utf-8")
    result = run("report", "d.csv", "--format", fmt, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (work / "report.html").read_text(encoding="utf-8") == "mine\n"
    written = (work / name).read_bytes()
    assert written.startswith(b"PK") if fmt == "docx" else written.startswith(b"# ")


def test_the_default_report_is_html(work: Path) -> None:
    pytest.importorskip("jinja2")
    assert run("report", "d.csv", "--lang", "en").exit_code == 0
    assert (work / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _language(text: str) -> str:
    """A report's first line, or a chart's labels (进度 / 目标 against progress / target,
    the statuses' chart's title)."""
    marks = (">进度<", ">目标<", "深圳质量的行动计划", "各领域目标完成情况")
    return "zh" if any(mark in text for mark in marks) else "en"


def test_concurrent_reports_each_leave_a_consistent_set(work: Path) -> None:
    """Six runs at once, Chinese and English mixed: the report and every chart beside it
    are in one language, whichever run came last."""
    pytest.importorskip("jinja2")
    command = [sys.executable, "-m", "sz_quality", "report", "d.csv", "-o", "r.md", "--lang"]
    for _ in range(3):
        processes = [
            subprocess.Popen(
                [*command, "zh" if index % 2 else "en"],
                cwd=work,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for index in range(6)
        ]
        for process in processes:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        report = _language((work / "r.md").read_text(encoding="utf-8").splitlines()[0])
        charts = sorted((work / "r_charts").glob("*.svg"))
        assert [chart.name for chart in charts] == ["chart-gdp_2015.svg", "chart-statuses.svg"]
        assert {_language(chart.read_text(encoding="utf-8")) for chart in charts} == {report}
        leftovers = [path.name for path in work.rglob(".*") if path.name.endswith(".tmp")]
        assert leftovers == []


def _forms(folder: Path, *extra: str) -> Any:
    return run("template", "--all", "--year", "2015", "-o", str(folder), "--lang", "en", *extra)


def test_template_all_keeps_a_filled_form(work: Path) -> None:
    folder = work / "forms"
    assert _forms(folder).exit_code == 0
    filled = folder / "wrb-2015.csv"
    blank = filled.read_text(encoding="utf-8")
    lines = blank.splitlines()
    lines[1] = lines[1].replace(",2015,,", ",2015,17502.99,", 1)
    assert lines[1] != blank.splitlines()[1]
    (folder / "wrb-2015.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    other = folder / "drc-2015.csv"
    other_text = other.read_text(encoding="utf-8")
    other.unlink()  # a form deleted: written again
    result = _forms(folder)
    assert result.exit_code == 0, result.output
    assert f"kept {filled}: it is not the form szq wrote" in result.output
    assert (folder / "wrb-2015.csv").read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    assert other.read_text(encoding="utf-8") == other_text
    # a third run still keeps it; --force replaces it with the blank form
    assert _forms(folder).exit_code == 0
    assert "17502.99" in filled.read_text(encoding="utf-8")
    forced = _forms(folder, "--force")
    assert forced.exit_code == 0
    assert "kept" not in forced.output
    assert filled.read_text(encoding="utf-8") == blank


def test_template_all_keeps_a_file_szq_did_not_write(work: Path) -> None:
    folder = work / "forms"
    folder.mkdir()
    (folder / "wrb-2015.csv").write_text("mine\n", encoding="utf-8")
    result = _forms(folder)
    assert result.exit_code == 0
    assert (folder / "wrb-2015.csv").read_text(encoding="utf-8") == "mine\n"
    manifest = (folder / "szq-forms.txt").read_text(encoding="utf-8")
    assert "wrb-2015.csv" not in manifest
    assert "  drc-2015.csv\n" in manifest


def test_a_markdown_report_to_a_device_writes_no_chart_folder(work: Path) -> None:
    """Its charts went beside the device: `-o /dev/null` made a folder /dev/null_charts."""
    if os.geteuid() != 0:
        pytest.skip("mknod needs root")
    device = work / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run("report", "d.csv", "--format", "md", "-o", "null")
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert sorted(path.name for path in work.iterdir()) == ["d.csv", "null"]
