"""The rules engine (sz_quality/check/) imports only what lies below it: read/ and plan/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sz_quality"
ABOVE_CHECK = ("sz_quality.render", "sz_quality.report", "sz_quality.cli")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth of its code, relative imports resolved."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted((PACKAGE / "check").glob("*.py")), ids=lambda p: p.name)
def test_check_imports_nothing_above_it(path: Path) -> None:
    above = sorted(
        module
        for module in imported_modules(path)
        if any(module == layer or module.startswith(layer + ".") for layer in ABOVE_CHECK)
    )
    assert not above, f"{path.name} imports {above}"


def test_the_import_reader_resolves_relative_imports() -> None:
    found = imported_modules(PACKAGE / "report" / "annual.py")
    assert "sz_quality.render.words" in found
    assert "sz_quality.check.results" in found
