"""Language and terminals: what the command line says in Chinese, colour, widths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from sz_quality.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_the_checks_diagnostic_lines_say_warning_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("indicator,year,value\ngdp,2015,-\n", encoding="utf-8")
    zh = runner.invoke(app, ["check", str(path), "--lang", "zh"])
    assert f"{path}:2:3: 警告 no-value: gdp 2015 没有数值" in zh.output
    en = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert f"{path}:2:3: warning no-value: no value for gdp in 2015" in en.output


def _on_a_terminal(arguments: list[str], columns: int, **environment: str) -> str:
    """What szq writes to a terminal `columns` wide (a pseudo-terminal as its stdout)."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {name: value for name, value in os.environ.items() if name != "NO_COLOR"}
    env.update(COLUMNS=str(columns), **environment)
    process = subprocess.Popen(
        [sys.executable, "-m", "sz_quality", *arguments],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_a_dumb_terminal_gets_no_colour() -> None:
    command = ["check", "examples/data-2015.csv", "--lang", "en"]
    assert "\x1b[" in _on_a_terminal(command, 120, TERM="xterm-256color")
    plain = _on_a_terminal(command, 120, TERM="dumb")
    assert "\x1b[" not in plain and "met" in plain
