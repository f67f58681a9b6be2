"""The annual report's layers: report/ builds the data, render/ words and draws it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sz_quality"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_report_imports_neither_render_nor_cli() -> None:
    for path in sorted((PACKAGE / "report").glob("*.py")):
        for name in _imports(path):
            parts = name.lstrip(".").split(".")
            assert parts[0] not in ("render", "cli") and not (
                parts[0] == "sz_quality" and parts[1:2] in (["render"], ["cli"])
            ), f"{path.name} imports {name}"


def test_public_report_names_still_import() -> None:
    import sz_quality

    for name in ("AnnualReport", "build_report", "write_report", "render_html",
                 "render_markdown", "report_json", "report_dict"):
        assert callable(getattr(sz_quality, name)), name
