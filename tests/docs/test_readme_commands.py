"""Every command and Python example of the README and docs/ runs as written.

The `szq` commands of the shell blocks (and of the CI set-ups: a YAML `run:` or list
item, a Jenkinsfile's `sh`) run in a temporary copy of the repository, from its top
folder, on the files shipped in examples/, and must exit as the document says: 0, unless
the command's comment says `exit N`. A command with a pipe, a glob or `||` runs in bash,
with this environment's `szq`; the others through typer's test runner. Every Python
block runs in the copy too, and must not raise.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_BLOCK = re.compile(r"```(?:bash|console|sh)\n(.*?)```", re.DOTALL)
CI_BLOCK = re.compile(r"```(?:yaml|groovy)\n(.*?)```", re.DOTALL)
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
CI_COMMAND = re.compile(r"^\s*(?:-\s+)?(?:run:\s+|sh\s+['\"])?(szq .*?)['\"]?\s*$")
EXIT = re.compile(r"\bexit (\d+)\b")
SHELL_SYNTAX = ("|", "*", "<", ">", "$")
# what a copy of the repository does not need
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv*", ".ci-venv", "__pycache__", ".*_cache", "*.egg-info", "tests"
)


@dataclass(frozen=True)
class Command:
    document: str
    line: str
    exit_code: int

    def __str__(self) -> str:
        return f"{self.document}: {self.line}"


def _command(document: str, text: str) -> Command | None:
    """The szq command a line of a shell block runs, with the exit code its comment says."""
    text = text.strip().removeprefix("$ ")
    if text.startswith("#"):
        return None
    text = text.split("&&")[-1].strip()  # the install line ends with its szq command
    parts = re.split(r"\s+#\s", text, maxsplit=1)
    command, comment = parts[0].strip(), parts[1] if len(parts) > 1 else ""
    if not (command.startswith("szq ") or "| szq " in command):
        return None
    match = EXIT.search(comment)
    return Command(document, command.strip(), int(match.group(1)) if match else 0)


def documented_commands() -> list[Command]:
    commands = []
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(ROOT))
        for block in SHELL_BLOCK.findall(text):
            commands.extend(c for line in block.splitlines() if (c := _command(name, line)))
        for block in CI_BLOCK.findall(text):
            for line in block.splitlines():
                match = CI_COMMAND.match(line)
                if match and not line.lstrip().startswith("#"):
                    commands.append(Command(name, match.group(1).strip(), 0))
    return commands


def python_blocks() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(ROOT)), block)
        for path in DOCUMENTS
        for block in PYTHON_BLOCK.findall(path.read_text(encoding="utf-8"))
    ]


COMMANDS = documented_commands()
PYTHON = python_blocks()


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository: what a fresh clone holds besides the tests."""
    target = tmp_path_factory.mktemp("clone") / "szq"
    shutil.copytree(ROOT, target, ignore=NOT_COPIED)
    return target


def test_the_docs_have_commands() -> None:
    assert len(COMMANDS) >= 40
    assert any(c.line == "szq check examples/data-2015.csv --lang en" for c in COMMANDS)
    assert {c.document for c in COMMANDS} >= {
        "README.md",
        "docs/checking.md",
        "docs/validating.md",
        "docs/reports.md",
        "docs/registry.md",
    }
    assert any(c.exit_code == 1 for c in COMMANDS)
    assert len(PYTHON) >= 4


def test_a_comment_says_the_exit_code() -> None:
    command = _command("x", "$ szq check a.csv --fail-on not_met   # a gate: exit 1, 4 not met")
    assert command == Command("x", "szq check a.csv --fail-on not_met", 1)
    assert _command("x", "pip install . && szq check b.csv") == Command("x", "szq check b.csv", 0)
    assert _command("x", "# szq check c.csv") is None


@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_documented_command_runs(
    command: Command, clone: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(clone)
    if any(mark in command.line for mark in SHELL_SYNTAX):
        szq = Path(sys.executable).with_name("szq")
        if not szq.exists():
            pytest.skip("no szq script beside this Python")
        tool = command.line.split()[0]
        if shutil.which(tool) is None and tool != "szq":
            pytest.skip(f"{tool} is not installed")
        path = f"{szq.parent}{os.pathsep}{os.environ.get('PATH', '')}"
        result = subprocess.run(
            ["bash", "-c", command.line],
            cwd=clone,
            env={**os.environ, "PATH": path},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == command.exit_code, (str(command), result.stderr)
        return
    words = shlex.split(command.line)[1:]
    written = clone / words[words.index("-o") + 1] if "-o" in words else None
    if written is not None and written.is_file():
        written.unlink()  # written again by this command, not left by another
    outcome = CliRunner().invoke(app, words)
    assert outcome.exit_code == command.exit_code, (str(command), outcome.output)
    assert written.exists() if written is not None else outcome.output, str(command)


@pytest.mark.parametrize(
    ("document", "block"), PYTHON, ids=[f"{name}:{i}" for i, (name, _) in enumerate(PYTHON)]
)
def test_documented_python_runs(document: str, block: str, clone: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", block], cwd=clone, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, (document, result.stderr)


def test_agency_ids_named_in_the_commands_comments_exist() -> None:
    """`# by lead agency: id (wrb)`: an id a comment offers must work with --agency."""
    ids = {
        match
        for path in DOCUMENTS
        for block in SHELL_BLOCK.findall(path.read_text(encoding="utf-8"))
        for line in block.splitlines()
        if "--agency" in line and "#" in line
        for match in re.findall(r"\bid \(([A-Za-z_]+)\)", line.split("#", 1)[1])
    }
    assert ids
    for agency in sorted(ids):
        result = CliRunner().invoke(app, ["targets", "--agency", agency, "--format", "json"])
        assert result.exit_code == 0, (agency, result.output)


CHECKING = (ROOT / "docs" / "checking.md").read_text(encoding="utf-8")


def pasted_output(heading: str, next_heading: str) -> list[str]:
    """The table rows and count lines the guide pastes between two headings."""
    section = CHECKING[CHECKING.index(heading) : CHECKING.index(next_heading)]
    return [
        line
        for line in section.splitlines()
        if (line.startswith("| ") and not line.startswith("| Target |")) or line.startswith("**")
    ]


@pytest.mark.parametrize(
    ("heading", "next_heading", "arguments"),
    [
        (
            "### Shenzhen in 2015",
            "### The mid-term: 2013",
            ["check", "examples/data-2015.csv", "--format", "markdown", "--lang", "en"],
        ),
        (
            "### The mid-term: 2013",
            "## Speed",
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
