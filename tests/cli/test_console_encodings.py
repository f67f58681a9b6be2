"""Output through a console or pipe in GBK, cp1252 or ASCII (a Chinese or western Windows
desk, a bare C locale): no command fails, Chinese is written where the encoding has it,
symbols it lacks become ASCII, JSON stays the same JSON, and -o files stay UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from sz_quality.cli.streams import ASCII_FALLBACKS

ROOT = Path(__file__).resolve().parents[2]
DATA = str(ROOT / "examples" / "data-2015.csv")
ENCODINGS = ("gbk", "cp1252", "ascii")
# a submission with an error and a warning, both worded around Chinese names and symbols
BAD = (
    "指标,年份,数值,单位\n地区生产总值,2015,17502.99,亿元\n"
    "本市生产总值,2015,12,亿美元\ngdp,2014,—,亿元\n"
)

COMMANDS: dict[str, tuple[list[str], tuple[str, ...], int]] = {
    # name: (arguments, formats, expected exit code)
    "check": (["check", DATA], ("table", "json", "csv", "markdown"), 0),
    "validate": (["validate", "{bad}"], ("text", "json", "github", "junit", "gitlab"), 1),
    "targets": (["targets"], ("table", "json"), 0),
    "measures": (["measures", "--table", "1"], ("table", "json"), 0),
    "agencies": (["agencies"], ("table", "json"), 0),
}


def _run(arguments: list[str], encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "120"}
    env.pop("SZQ_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "sz_quality", *arguments],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@cache
def _reference(arguments: tuple[str, ...]) -> subprocess.CompletedProcess[bytes]:
    return _run(list(arguments), "utf-8")


@pytest.fixture(scope="module")
def bad_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("enc") / "提交.csv"
    path.write_text(BAD, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("encoding", "lang"),
    # a Chinese desk (GBK), a western one (cp1252), a bare C locale in both languages
    [("gbk", "zh"), ("cp1252", "en"), ("cp1252", "zh"), ("ascii", "en"), ("ascii", "zh")],
)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_format_in_every_encoding(
    command: str, encoding: str, lang: str, bad_file: str
) -> None:
    arguments, formats, exit_code = COMMANDS[command]
    arguments = [bad_file if a == "{bad}" else a for a in arguments]
    for output_format in formats:
        full = (*arguments, "--format", output_format, "--lang", lang)
        reference = _reference(full)
        assert reference.returncode == exit_code, reference.stderr
        done = _run(list(full), encoding)
        assert done.returncode == exit_code, (output_format, done.stderr.decode(encoding))
        assert b"internal error" not in done.stderr
        text = done.stdout.decode(encoding)  # written in the console's encoding, nothing else
        expected = reference.stdout.decode("utf-8")
        if output_format in ("json", "gitlab"):
            # JSON escapes what the encoding lacks: the very same data
            assert json.loads(text) == json.loads(expected)
            continue
        if output_format == "junit":
            # XML declared UTF-8: all ASCII with character references, the same document
            assert done.stdout.isascii()
            assert ET.tostring(ET.fromstring(text)) == ET.tostring(ET.fromstring(expected))
            continue
        if encoding == "gbk":
            # GBK has every Chinese character: the Chinese text is all there
            chinese = {c for c in expected if "\u4e00" <= c <= "\u9fff"}
            assert chinese <= set(text)
            assert chinese or lang == "en"
        lacking = {c for c in expected if c not in text and not _encodable(c, encoding)}
        for char in lacking & set(ASCII_FALLBACKS):
            assert ASCII_FALLBACKS[char] in text
        if encoding != "gbk" and lang == "zh":
            # a Chinese name the encoding lacks is its escape, never a question mark
            assert "\\u" in text


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_the_gbk_table_of_the_issue() -> None:
    """`PYTHONIOENCODING=gbk szq check examples/data-2015.csv --lang zh` ended in
    UnicodeEncodeError on '↳', exit 3."""
    done = _run(["check", DATA, "--lang", "zh"], "gbk")
    assert done.returncode == 0, done.stderr.decode("gbk")
    text = done.stdout.decode("gbk")
    assert "市发展改革委" in text
    assert "> " in text and "↳" not in text  # the reason marker, in ASCII
    assert "┃" in text  # GBK has the box characters: kept


def test_cp1252_english_table_in_ascii_symbols() -> None:
    done = _run(["check", DATA, "--lang", "en"], "cp1252")
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("cp1252")
    # ≥ 1.5 万亿元, laid out as shown: the escapes may wrap within their column
    assert ">= 1.5 \\u4e07" in text and "\\u5143" in text
    assert "+====" in text and "| Target " in text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_files_written_with_o_stay_utf8(encoding: str, tmp_path: Path) -> None:
    for output_format in ("table", "csv", "json"):
        target = tmp_path / f"{encoding}.{output_format}"
        done = _run(
            ["check", DATA, "--lang", "zh", "-f", output_format, "-o", str(target)], encoding
        )
        assert done.returncode == 0, done.stderr
        reference = _reference(("check", DATA, "--lang", "zh", "-f", output_format))
        # the file is the UTF-8 text (the table at the fixed width of a file: 120 columns)
        assert target.read_bytes() == reference.stdout


def test_escaped_text_is_announced_once_and_only_where_it_happens() -> None:
    """A \\uXXXX in a table or a CSV must not pass for data: one note on stderr says so."""
    example = str(Path(__file__).resolve().parents[2] / "examples" / "data-2015.csv")
    western = _run(["check", example, "--format", "csv", "--lang", "zh"], "cp1252")
    assert western.returncode == 0
    notes = western.stderr.decode("ascii").splitlines()
    assert [line for line in notes if line.startswith("szq: note:")] == [
        "szq: note: the console's encoding (cp1252) lacks some characters, written here as "
        "\\uXXXX escapes; -o FILE writes UTF-8, or set PYTHONIOENCODING=utf-8"
    ]
    chinese = _run(["check", example, "--format", "csv", "--lang", "zh"], "gbk")
    assert chinese.returncode == 0 and b"szq: note:" not in chinese.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize(
    "arguments",
    [["check", "examples/data-2015.csv", "--lang", "zh"], ["targets"], ["agencies"]],
    ids=lambda arguments: arguments[0],
)
def test_tables_keep_their_columns_in_any_encoding(encoding: str, arguments: list[str]) -> None:
    """The stand-ins (`->`, `\\uXXXX`) are laid out, not swapped in after the layout."""
    done = _run(arguments, encoding)
    assert done.returncode == 0
    grid = [line for line in done.stdout.decode(encoding).splitlines() if line[:1] in ("|", "+")]
    assert len(grid) > 10
    widths = {len(line) for line in grid if line.startswith("+")}  # one table's rules
    for line in grid:
        assert len(line) in widths, line
