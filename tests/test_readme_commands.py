"""Every `szq` command of the README's shell blocks runs, so that its examples cannot drift.

The README's commands name the user's own files (data.csv, submissions/drc-2015.csv…):
each such name is mapped to a shipped example (or a copy of it in the format the command
reads); outputs (-o) go to a temporary folder. A command that needs an extra that is not
installed is skipped, saying which.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCK = re.compile(r"```(?:bash|console|sh)\n(.*?)```", re.DOTALL)

# The user's file names in the README -> what the test gives the command instead.
STAND_INS = {
    "data.csv": "data-2015.csv",
    "data-2014.csv": "data-2015.csv",
    "a.csv": "data-2013.csv",
    "b.csv": "data-2015.csv",
    "drc-2015.csv": "data-2015.csv",
    "submissions/drc-2015.csv": "data-2015.csv",
    "yearbook.csv": "<gb18030>",
    "b.xlsx": "<xlsx>",
    "book.xlsx": "<xlsx>",
    "status.csv": "<status>",
    "other-plan.yaml": "<targets>",
    "districts.csv": "<districts>",
    # a yearbook sheet: a title above the header, notes below (tests/test_sheets.py)
    "yearbook-2015.xls": "../tests/fixtures/sheets/yearbook.xls",
    "yearbook-2015.ods": "../tests/fixtures/sheets/yearbook.ods",
}
# Commands whose documented exit code is not 0, and why.
EXIT_CODES = {
    # the shipped example does not hold every indicator 市发展改革委's targets need
    "szq validate drc-2015.csv --expect-agency 市发展改革委 --year 2015": 1,
    # a CI gate: the 2015 example has targets not met
    "szq check data.csv --fail-on not_met,off_track": 1,
    # the yearbook fixture holds one bad cell on purpose
    "szq validate yearbook-2015.xls --sheet 2015年": 1,
}


def readme_commands() -> list[str]:
    commands = []
    for block in SHELL_BLOCK.findall(README):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            line = line.split("&&")[-1].strip()  # the install line ends with its szq command
            if line.startswith("szq "):
                commands.append(line.split("  #")[0].split(" # ")[0].strip())
    return commands


def needs(*modules: str) -> None:
    for module in modules:
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"needs {module} (an extra that is not installed)")


def stand_in(name: str, tmp_path: Path) -> str:
    kind = STAND_INS[name]
    source = EXAMPLES / "data-2015.csv"
    if kind == "<targets>":
        return str(ROOT / "targets.yaml")
    if kind == "<districts>":  # the 2015 example with two districts' hospital rows
        path = tmp_path / "districts.csv"
        rows = "".join(
            f"districts_with_tertiary_hospital_share,2015,{value},%,{region},,\n"
            for region, value in (("福田区", 100), ("坪山区", 0))
        )
        path.write_text(source.read_text(encoding="utf-8") + rows, encoding="utf-8")
        return str(path)
    if kind == "<status>":
        path = tmp_path / "status.csv"
        path.write_text("measure,status,note\nm01_01,done,\n", encoding="utf-8")
        return str(path)
    if kind == "<gb18030>":
        path = tmp_path / "yearbook.csv"
        path.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
        return str(path)
    if kind == "<xlsx>":
        needs("openpyxl")
        import csv

        from openpyxl import Workbook

        path = tmp_path / name
        if not path.exists():
            book = Workbook()
            sheet = book.active
            assert sheet is not None
            sheet.title = "2015年"
            with source.open(encoding="utf-8", newline="") as handle:
                for row in csv.reader(handle):
                    sheet.append(row)
            book.save(path)
        return str(path)
    return str(EXAMPLES / kind)


def arguments(command: str, tmp_path: Path) -> list[str]:
    words = shlex.split(command)[1:]
    result: list[str] = []
    for index, word in enumerate(words):
        if index and words[index - 1] in ("-o", "--output"):
            result.append(str(tmp_path / Path(word).name))
        elif word in STAND_INS:
            result.append(stand_in(word, tmp_path))
        elif word.endswith((".csv", ".xlsx", ".yaml")):
            assert (ROOT / word).exists(), f"{word}: neither shipped nor a known stand-in"
            result.append(str(ROOT / word))
        else:
            result.append(word)
    return result


COMMANDS = readme_commands()


def test_the_readme_has_commands() -> None:
    assert len(COMMANDS) >= 20
    assert "szq check examples/data-2015.csv --lang en" in COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str, tmp_path: Path) -> None:
    if command.startswith("szq report"):
        needs("jinja2", "matplotlib")
    result = CliRunner().invoke(app, arguments(command, tmp_path))
    expected = EXIT_CODES.get(command, 0)
    assert result.exit_code == expected, (command, result.output)
    assert result.output or any(tmp_path.iterdir()), command


def test_agency_ids_named_in_the_commands_comments_exist() -> None:
    """`# by lead agency: id (wrb)`: an id a comment offers must work with --agency."""
    ids = {
        match
        for block in SHELL_BLOCK.findall(README)
        for line in block.splitlines()
        if "--agency" in line and "#" in line
        for match in re.findall(r"\bid \(([A-Za-z_]+)\)", line.split("#", 1)[1])
    }
    assert ids
    for agency in sorted(ids):
        result = CliRunner().invoke(app, ["targets", "--agency", agency, "--format", "json"])
        assert result.exit_code == 0, (agency, result.output)


def pasted_output(heading: str, next_heading: str) -> list[str]:
    """The table rows and count lines the README pastes between two headings."""
    section = README[README.index(heading) : README.index(next_heading)]
    return [
        line
        for line in section.splitlines()
        if (line.startswith("| ") and not line.startswith("| Target |")) or line.startswith("**")
    ]


@pytest.mark.parametrize(
    ("heading", "next_heading", "arguments"),
    [
        (
            "#### Shenzhen in 2015",
            "#### The mid-term: 2013",
            ["check", "examples/data-2015.csv", "--format", "markdown", "--lang", "en"],
        ),
        (
            "#### The mid-term: 2013",
            "### Speed",
            [
                "check",
                "examples/data-2013.csv",
                "--year",
                "2013",
                "--format",
                "markdown",
                "--lang",
                "en",
            ],
        ),
    ],
)
def test_the_pasted_example_output_is_real(
    heading: str, next_heading: str, arguments: list[str]
) -> None:
    arguments = [str(ROOT / word) if word.startswith("examples/") else word for word in arguments]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    real = set(result.output.splitlines())
    pasted = pasted_output(heading, next_heading)
    assert len(pasted) >= 10
    assert [line for line in pasted if line not in real] == []
