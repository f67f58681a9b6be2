"""Every command the README lists is registered; an optional extra is asked for on use."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import typer.main

from sz_quality.cli import app

ROOT = Path(__file__).resolve().parents[2]


def registered() -> set[str]:
    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def readme_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| `szq ")]
    return {name for line in table for name in re.findall(r"`szq (\w+)", line)}


def test_every_readme_command_is_registered() -> None:
    listed = readme_commands()
    assert {"check", "validate", "report", "calc", "targets", "measures", "agencies"} <= listed
    assert listed <= registered()


def test_a_missing_extra_is_reported_when_its_command_runs(tmp_path: Path) -> None:
    # jinja2 and matplotlib made unimportable: every command is still there, and
    # `szq report` names the extra to install.
    data = tmp_path / "data.csv"
    data.write_text("indicator,year,value\ngdp,2013,14000\n", encoding="utf-8")
    code = (
        "import sys\n"
        "sys.modules['jinja2'] = None\n"
        "sys.modules['matplotlib'] = None\n"
        "from typer.testing import CliRunner\n"
        "from sz_quality.cli import app\n"
        "runner = CliRunner()\n"
        "help_text = runner.invoke(app, ['--help']).stdout\n"
        "assert all(f'  {name} ' in help_text for name in sys.argv[1].split()), help_text\n"
        f"result = runner.invoke(app, ['report', {str(data)!r}, '-o', 'r.html'])\n"
        "assert result.exit_code == 2, result.output\n"
        "assert \"pip install 'sz-quality[report]'\" in result.stderr, result.stderr\n"
    )
    names = " ".join(sorted(readme_commands()))
    subprocess.run(
        [sys.executable, "-c", code, names],
        check=True,
        cwd=tmp_path,
        env={**os.environ, "SZQ_CACHE_DIR": str(tmp_path / "cache")},
    )


def test_a_command_module_that_does_not_import_is_never_dropped_silently() -> None:
    code = (
        "import sys\n"
        "sys.modules['sz_quality.cli.check_commands'] = None\n"
        "try:\n"
        "    import sz_quality.cli\n"
        "except ImportError:\n"
        "    sys.exit(0)\n"
        "sys.exit('szq started without its check command')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_command_module_imports_the_cli_package() -> None:
    """The app lives in cli/root.py and cli/__init__ registers every command: no module
    that cli/__init__ imports (directly or through another) imports the package back
    (`from . import app`), so there is no cycle. (cli/reference.py documents the
    assembled CLI: nothing imports it.)"""
    import ast

    folder = ROOT / "sz_quality" / "cli"

    def imported(name: str) -> tuple[set[str], bool]:
        """The cli modules `name` imports, and whether it imports the package itself."""
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        found, package = set(), False
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module is not None:
                    found.add(node.module.split(".")[0])
                for alias in node.names:
                    if node.module is None and (folder / f"{alias.name}.py").exists():
                        found.add(alias.name)
                    elif node.module is None:
                        package = True
            if isinstance(node, ast.ImportFrom) and node.module == "sz_quality.cli":
                package = True
        return {module for module in found if (folder / f"{module}.py").exists()}, package

    reached, pending = set(), sorted(imported("__init__")[0])
    while pending:
        name = pending.pop()
        if name in reached:
            continue
        reached.add(name)
        modules, package = imported(name)
        assert not package, f"cli/{name}.py imports the cli package back"
        pending.extend(modules)
    assert {"root", "common", "check_commands", "validate_commands"} <= reached
