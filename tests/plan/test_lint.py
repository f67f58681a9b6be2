"""szq lint and the registry's JSON Schema (issue 21): a registry checked without data,
every problem at its line with a hint; the schema accepts the shipped registries and
refuses broken ones."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from sz_quality.plan.lint import lint_registry
from sz_quality.plan.registry_schema import registry_json_schema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "five-year-plan"
SHIPPED = [ROOT / "targets.yaml", EXAMPLE / "targets.yaml", ROOT / "examples" / "other-plan.yaml"]


def copy_example(tmp_path: Path, old: str = "", new: str = "") -> Path:
    text = (EXAMPLE / "targets.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "plan.zh.txt").write_bytes((EXAMPLE / "plan.zh.txt").read_bytes())
    path = tmp_path / "targets.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_the_shipped_registries_lint_clean(path: Path) -> None:
    measures = ROOT / "measures.yaml" if path == ROOT / "targets.yaml" else None
    assert lint_registry(path, measures) == []


def test_load_errors_come_at_their_lines_with_a_hint(tmp_path: Path) -> None:
    path = copy_example(tmp_path, "    kind: cumulative\n", "    kind: cumulativ\n")
    path.write_text(
        path.read_text("utf-8").replace("unit: 万亩\n", "unit: 万顷\n", 1), encoding="utf-8"
    )
    issues = lint_registry(path)
    assert [(i.line, i.field, i.severity) for i in issues] == [
        (line_of(path, "kind: cumulativ"), "targets[5].kind", "error"),
        (line_of(path, "unit: 万顷"), "targets[13].unit", "error"),
    ]
    assert "average_growth or cumulative" in issues[0].hint
    assert "szq units" in issues[1].hint


def test_a_quote_not_in_the_plan_text(tmp_path: Path) -> None:
    path = copy_example(tmp_path, "quote: 森林覆盖率达到45%", "quote: 森林覆盖率提高到45%")
    (issue,) = lint_registry(path)
    assert (issue.line, issue.severity, issue.field) == (
        line_of(path, "quote: 森林覆盖率提高到45%"),
        "error",
        "targets[12].quote",
    )
    assert "not in the plan's text (plan.zh.txt)" in issue.message


def test_a_quote_without_its_figure_and_an_unmarked_target(tmp_path: Path) -> None:
    path = copy_example(tmp_path, "    value: 45\n", "    value: 46\n")
    path.write_text(
        path.read_text("utf-8").replace("    nature: binding\n", "", 1), encoding="utf-8"
    )
    issues = lint_registry(path)
    assert [(i.severity, i.field) for i in issues] == [
        ("warning", "targets[8].nature"),
        ("warning", "targets[12].quote"),
    ]
    assert "the quote does not hold the figure 46" in issues[1].message


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_the_schema_accepts_the_shipped_registries(path: Path) -> None:
    schema = registry_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    document = yaml.safe_load(path.read_text("utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document)) == []


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("    kind: cumulative\n", "    kind: cumulativ\n", ["targets", 5, "kind"]),
        ("    nature: binding\n", "    nature: bindng\n", ["targets", 8, "nature"]),
        ("    clause: 13\n", "    clause: 13\n    clauses: 13\n", ["targets", 12]),
        ("  baseline_year: 2020\n", "  baseline_year: 2020\n  basline: 1\n", ["plan"]),
    ],
)
def test_the_schema_refuses_a_broken_registry(
    tmp_path: Path, old: str, new: str, where: list[object]
) -> None:
    path = copy_example(tmp_path, old, new)
    document = yaml.safe_load(path.read_text("utf-8"))
    errors = list(jsonschema.Draft202012Validator(registry_json_schema()).iter_errors(document))
    assert [list(error.absolute_path) for error in errors] == [where]


def test_an_issue_as_json_keeps_every_field_in_order(tmp_path: Path) -> None:
    path = copy_example(tmp_path, "kind: cumulative", "kind: sum")
    (issue,) = lint_registry(path)
    assert issue.to_dict() == {
        "file": str(path),
        "line": line_of(path, "kind: sum"),
        "severity": "error",
        "field": "targets[5].kind",
        "message": issue.message,
        "hint": issue.hint,
        "key": "pydantic.literal_error",
    }
    assert list(issue.to_dict()) == ["file", "line", "severity", "field", "message", "hint", "key"]
