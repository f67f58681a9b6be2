"""Language and terminals: what the command line says in Chinese, colour, widths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from sz_quality.cli import app

ROOT = Path(__file__).resolve().parents[2]
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


def _szq(*arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **environment}
    command = [sys.executable, "-m", "sz_quality", *arguments]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)


def test_usage_errors_in_chinese(tmp_path: Path) -> None:
    """Under --lang zh (or SZQ_LANG=zh), bad usage is said in Chinese, click's too."""
    data = "examples/data-2015.csv"
    cases = [
        (("check", "nofile.csv", "--lang", "zh"), {}, "szq：错误：没有这个文件：nofile.csv"),
        (("check", "nofile.csv"), {"SZQ_LANG": "zh"}, "szq：错误：没有这个文件：nofile.csv"),
        (
            ("targets", "--agency", "nosuch", "--lang", "zh"),
            {},
            "szq：错误：未知的牵头单位 'nosuch'；`szq agencies` 列出全部单位",
        ),
        (
            ("check", data, "-o", str(tmp_path / "gone" / "x.md"), "--lang", "zh"),
            {},
            f"szq：错误：无法写入 {tmp_path / 'gone' / 'x.md'}：文件夹 {tmp_path / 'gone'} 不存在",
        ),
        (("check", "--bogus", "--lang", "zh"), {}, "错误：没有这个选项：--bogus"),
        (("nosuchcmd", "--lang", "zh"), {}, "错误：没有这个命令：'nosuchcmd'"),
        (("check", "--lang", "zh"), {}, "错误：缺少参数 'FILE...'。"),
        (
            ("check", data, "--by", "nope", "--lang", "zh"),
            {},
            "错误：'--by' 的值无效：'nope' 不是 'agency', 'chapter', 'region' 之一",
        ),
        (("targets", "extra", "--lang", "zh"), {}, "错误：多余的参数（extra）"),
        (
            ("template", "--year", "2015", "--lang", "zh"),
            {},
            "szq：错误：请用 --agency 指定一个牵头单位，或给出 --all",
        ),
        (
            ("template", "--agency", "nosuch", "--year", "2015", "--lang", "zh"),
            {},
            "szq：错误：未知的牵头单位 'nosuch'；`szq agencies` 列出全部单位",
        ),
        (
            ("validate", data, "--expect-agency", "wrb", "--lang", "zh"),
            {},
            "szq：错误：--expect-agency 与 --year 须一起使用",
        ),
        *(
            (
                (command, data, "--encoding", "nope", "--lang", "zh"),
                {},
                "szq：错误：未知的编码 'nope'（可试 utf-8、utf-8-sig 或 gb18030）",
            )  # check, calc, report and assess said Python's "unknown encoding: nope"
            for command in ("validate", "check", "calc", "report", "assess")
        ),
        (  # the report's format was worded in English under --lang zh
            ("report", data, "-o", "r.txt", "--lang", "zh"),
            {},
            "szq：错误：无法从 'r.txt' 判断报告格式：文件名请用 .html、.md、.json 或 .docx 结尾，"
            "或给出 --format",
        ),
        (
            ("check", data, "--region", "福田区", "--by", "region", "--lang", "zh"),
            {},
            "szq：错误：--region 与 --by region 只能选一个",
        ),
    ]
    for arguments, environment, expected in cases:
        run = _szq(*arguments, **environment)
        assert run.returncode == 2, arguments
        assert run.stderr.splitlines()[-1] == expected, arguments
        assert "Usage" not in run.stderr and "error:" not in run.stderr
    english = _szq("check", data, "-o", str(tmp_path / "gone" / "x.md"), "--lang", "en")
    assert english.stderr == (
        f"szq: error: cannot write {tmp_path / 'gone' / 'x.md'}: "
        f"the folder {tmp_path / 'gone'} does not exist\n"
    )  # it named an internal temporary file before
    click = _szq("check", "--bogus", "--lang", "en")
    assert click.stderr.splitlines()[-1] == "Error: No such option: --bogus"


def test_tables_fit_a_narrow_terminal() -> None:
    """At 40 and 80 columns the check's and the registry's tables fit (rows stacked);
    at 120 the check's table is the grid it was."""
    from sz_quality.render.grid import text_width

    for command in (
        ["check", "examples/data-2015.csv", "--lang", "zh"],
        ["check", "examples/data-2015.csv", "--lang", "en"],
        ["targets", "--lang", "en"],
        ["measures", "--lang", "zh"],
    ):
        for columns in (40, 80):
            shown = _on_a_terminal(command, columns, NO_COLOR="1").splitlines()
            table = [line for line in shown if line[:1] in "┏┃┡│└─" or line.startswith("  ")]
            assert table, (command, columns)
            assert max(map(text_width, table)) <= columns, (command, columns)
    stacked = _on_a_terminal(["check", "examples/data-2015.csv", "--lang", "zh"], 40)
    assert "  目标值：≥ 1.5 万亿元 (2015)" in stacked and "┏" not in stacked
    wide = _on_a_terminal(["check", "examples/data-2015.csv", "--lang", "en"], 120)
    assert "┏" in wide


def test_template_all_onto_a_file_or_a_device_is_bad_usage(tmp_path: Path) -> None:
    existing = tmp_path / "forms"
    existing.write_text("a form filled in\n", encoding="utf-8")
    for target, expected in (
        (str(existing), f"szq: error: cannot write {existing}: a file of that name exists"),
        ("/dev/full", "szq: error: cannot write /dev/full: a file of that name exists"),
    ):
        run = _szq("template", "--all", "--year", "2015", "-o", target, "--lang", "en")
        assert run.returncode == 2, target
        assert run.stderr.startswith(expected), run.stderr
    assert existing.read_text(encoding="utf-8") == "a form filled in\n"
    zh = _szq("template", "--all", "--year", "2015", "-o", str(existing), "--lang", "zh")
    assert zh.stderr.startswith(f"szq：错误：无法写入 {existing}：已有同名文件")


def test_what_szq_says_beside_its_output_is_in_the_runs_language(tmp_path: Path) -> None:
    """The lines on standard error about a file written were English whatever --lang."""
    form = tmp_path / "drc.csv"
    zh = runner.invoke(
        app, ["template", "--agency", "drc", "--year", "2015", "-o", str(form), "--lang", "zh"]
    )
    assert zh.exit_code == 0, zh.output
    assert zh.output.startswith(f"szq：已写入 {form}：1 个单位的报送表，共 ")
    en = runner.invoke(
        app, ["template", "--agency", "drc", "--year", "2015", "-o", str(form), "--lang", "en"]
    )
    assert en.output.startswith(f"szq: wrote {form}: 1 agency form(s), ")
