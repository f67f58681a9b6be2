"""The README and the guides stay true: the two commands, every command, every code, the
examples' figures, the README's length, the generated reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate
from sz_quality.cli import app
from sz_quality.cli.reference import reference, with_codes_table
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.registry import Registry
from sz_quality.read.codes import CODES, markdown_table
from sz_quality.read.reader import read_files

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DIAGNOSTICS = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
CHECKING = (ROOT / "docs" / "checking.md").read_text(encoding="utf-8")
runner = CliRunner()


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert README.index("```") < README.index("\n## ")  # the block comes first
    commands = [line for line in first_block.splitlines() if "pip install" in line]
    assert "pip install . && szq check examples/data-2015.csv" in commands[0]
    assert "pip install '.[test]' && pytest" in commands[1]
    assert (ROOT / "examples" / "data-2015.csv").exists()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q '.[test]'" in ci and "\npytest\n" in ci


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_documented_and_has_help() -> None:
    names = command_names()
    assert set(names) == {
        "agencies",
        "assess",
        "calc",
        "check",
        "measures",
        "report",
        "schema",
        "targets",
        "template",
        "validate",
        "lint",
        "units",
    }
    for name in names:
        assert f"szq {name}" in README, name
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_every_diagnostic_code_is_in_the_docs_table() -> None:
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", DIAGNOSTICS, flags=re.MULTILINE))
    assert set(CODES) <= documented


def _docs_code_table() -> dict[str, tuple[str, str]]:
    """The rows of docs/diagnostics.md's table of codes: code -> (severity, meaning)."""
    start = DIAGNOSTICS.index("| code | severity | meaning |\n")
    end = DIAGNOSTICS.index("\n\n", start)
    rows: dict[str, tuple[str, str]] = {}
    for line in DIAGNOSTICS[start:end].splitlines()[2:]:
        match = re.fullmatch(r"\| `([a-z-]+)` \| ([a-z ]+) \| (.+) \|", line)
        assert match, line
        assert match.group(1) not in rows, f"{match.group(1)} twice"
        rows[match.group(1)] = (match.group(2), match.group(3))
    return rows


def test_the_docs_code_table_equals_codes() -> None:
    """Both ways: every code has its row, with its severity and meaning; every row is a
    code. Regenerate with: python -m sz_quality.cli.reference --update."""
    rows = _docs_code_table()
    assert set(rows) == set(CODES)
    for code in CODES.values():
        assert rows[code.code] == (code.severity, code.meaning("en")), code.code
    assert markdown_table() in DIAGNOSTICS
    assert with_codes_table(DIAGNOSTICS) == DIAGNOSTICS


def test_the_examples_give_the_figures_the_readme_quotes(registry: Registry) -> None:
    lookup = Lookup.from_registry(registry)
    data = read_files([ROOT / "examples" / "data-2015.csv"], lookup)
    summary = evaluate(registry, data).summary
    assert (summary["met"], summary["not_met"], summary["not_assessable"], summary["no_data"]) == (
        11,
        4,
        7,
        85,
    )
    assert "11 met, 4 not met, 7 not assessable (milestones without data), 85 no" in CHECKING
    assert "11 met, 4 not met, 7 not assessable, 85 without data" in README
    earlier = read_files([ROOT / "examples" / "data-2013.csv"], lookup)
    counts = evaluate(registry, earlier).summary
    assert (counts["met"], counts["on_track"], counts["off_track"], counts["no_data"]) == (
        2,
        1,
        2,
        95,  # 94 before the registered-population share (a trend) joined the registry
    )
    assert "2 met, 1 on track" in CHECKING and "7 not assessable, 95 no data" in CHECKING


@pytest.mark.parametrize("code", ["0", "1", "2", "3"])
def test_exit_codes_are_documented(code: str) -> None:
    assert f"| {code} |" in README


def test_the_chinese_command_table_lists_the_same_commands() -> None:
    """The README's command table in English and in Chinese name the same commands."""
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    english = readme[readme.index("| command | what it does |") : readme.index("| 命令 | 作用 |")]
    chinese = readme[readme.index("| 命令 | 作用 |") : readme.index("\n\n", readme.index("| 命令"))]

    def commands(table: str) -> list[str]:
        return re.findall(r"^\| (`szq [^|]*`) \|", table, re.M)

    assert commands(english) and commands(english) == commands(chinese)
    # the Chinese column in Chinese punctuation, as the catalogue's words are
    said = [re.sub(r"`[^`]*`", "", row.rsplit(" | ", 1)[-1]) for row in chinese.splitlines()[2:]]
    assert said and [text for text in said if re.search(r"[(),;:]", text)] == []


def test_the_readme_is_read_in_five_minutes() -> None:
    """At most 300 lines: the two commands, what szq does, a tour, links; the rest in docs/."""
    assert len(README.splitlines()) <= 300


def test_the_command_reference_is_generated_from_the_help() -> None:
    """docs/reference.md is every command's --help; regenerate it with
    `python -m sz_quality.cli.reference > docs/reference.md` when this fails."""
    written = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert written == reference()
    for name in command_names():
        assert f"## `szq {name}`" in written, name
