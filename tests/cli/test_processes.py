"""No process outlives szq, and an interrupted run keeps the older -o file intact.

A CSV file from 8 MiB up is read by two processes (sz_quality/read/split.py). These
tests start `python -m sz_quality` on such a file, wait until the second process exists,
end the first one as a user, `timeout` or the system would, and watch the second.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not Path("/proc/self/stat").exists(),
    reason="the two-process read runs on Linux only (and the test reads /proc)",
)


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 10 MiB of valid long rows: large enough to be read by two processes."""
    path = tmp_path_factory.mktemp("big") / "big.csv"
    rows = (
        f"gdp,{2000 + index % 20},{index % 997}.5,,r{index // 20}\n" for index in range(560_000)
    )
    with path.open("w", encoding="ascii", newline="") as stream:
        stream.write("indicator,year,value,unit,region\n")
        stream.writelines(rows)
    assert path.stat().st_size > 9 << 20
    return path


def _state(pid: int) -> str | None:
    """The process's state letter (R, S, Z, ...), None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return stat[stat.rindex(")") + 2]


def _alive(pid: int) -> bool:
    return _state(pid) not in (None, "Z", "X")  # a zombie has ended (its reaper is not us)


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def _start(*arguments: str, cwd: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start szq; return it and its second process once that exists."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sz_quality", *arguments, "--jobs", "2"],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # Ctrl-C as at a terminal, even when the tests run with SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        children = [pid for pid in _children(process.pid) if _alive(pid)]
        if children:
            return process, children[0]
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    process.wait()
    pytest.fail("szq never started its second process")


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.02)
    return not _alive(pid)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_the_second_process_goes_with_the_first(big_csv: Path, sig: signal.Signals) -> None:
    process, child = _start("validate", str(big_csv), cwd=big_csv.parent)
    try:
        process.send_signal(sig)
        code = process.wait(timeout=30)
        assert _gone_within(child, 1.5), f"the second process outlived szq ({sig.name})"
        assert code == (-9 if sig == signal.SIGKILL else 143)
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize(
    ("sig", "code", "said", "lang"),
    [
        (signal.SIGINT, 130, b"", "en"),  # Ctrl-C: typer's exit 130, quietly
        (signal.SIGTERM, 143, b"szq: terminated\n", "en"),
        (signal.SIGTERM, 143, "szq：已终止\n".encode(), "zh"),
    ],
)
def test_an_interrupted_run_keeps_the_older_output(
    big_csv: Path, tmp_path: Path, sig: signal.Signals, code: int, said: bytes, lang: str
) -> None:
    output = tmp_path / "diagnostics.json"
    older = b'{"an": "older report"}\n'
    output.write_bytes(older)
    process, child = _start(
        "validate",
        str(big_csv),
        "--format",
        "json",
        "-o",
        str(output),
        "--lang",
        lang,
        cwd=tmp_path,
    )
    try:
        process.send_signal(sig)
        _, err = process.communicate(timeout=30)
        assert process.returncode == code
        assert err == said
        assert _gone_within(child, 1.5)
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)
    assert output.read_bytes() == older
    assert sorted(path.name for path in tmp_path.iterdir()) == ["diagnostics.json"]  # no temp file


WATCHED_CHILD = """
import os, sys, time
from sz_quality.read import split
split._parent_death_signal = lambda: False  # as where prctl is missing or fails
parent = os.getpid()
child = os.fork()
if child == 0:
    split.die_with_parent(parent)
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


def test_without_a_death_signal_a_watchdog_ends_the_child() -> None:
    process = subprocess.Popen([sys.executable, "-c", WATCHED_CHILD], stdout=subprocess.PIPE)
    assert process.stdout is not None
    child = int(process.stdout.readline())
    try:
        assert _alive(child)
        time.sleep(0.3)
        assert _alive(child)  # the watchdog leaves it alone while the parent lives
        process.kill()
        process.wait()
        assert _gone_within(child, 1.5)
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)
