"""Load measures.yaml: the specific measures (具体措施) of the plan's 17 tables.

Same rules as the targets: frozen models, unknown fields refused, and every error
(unknown agency or target, duplicate id) names the file, YAML line and field.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..paths import packaged_or_checkout
from .models import Measure, MeasureTable
from .registry import (
    LoadIssue,
    Registry,
    RegistryError,
    check_unique,
    read_document,
    suggest,
    validate_items,
)

__all__ = ["MeasureRegistry", "default_measures_path", "load_measures"]


@dataclass(frozen=True)
class MeasureRegistry:
    """The tables and measures, checked against a targets registry."""

    path: str
    tables: tuple[MeasureTable, ...]
    measures: tuple[Measure, ...]

    @cached_property
    def tables_by_number(self) -> dict[int, MeasureTable]:
        return {table.table: table for table in self.tables}

    def of_agency(self, agency_name_zh: str) -> list[Measure]:
        return [measure for measure in self.measures if measure.agency == agency_name_zh]

    def serving(self, target_ids: Iterable[str]) -> list[Measure]:
        wanted = set(target_ids)
        return [measure for measure in self.measures if wanted & set(measure.targets)]


def default_measures_path() -> Path:
    return packaged_or_checkout("measures.yaml")


def load_measures(
    registry: Registry, path: str | os.PathLike[str] | None = None
) -> MeasureRegistry:
    """Load and validate measures.yaml against `registry` (its agencies and targets)."""
    file = Path(path) if path is not None else default_measures_path()
    name = str(file)
    document = read_document(name, file.read_bytes())
    data = document.data
    if not isinstance(data, dict):
        raise RegistryError([LoadIssue(name, 1, None, "the file must be a YAML mapping")])
    issues: list[LoadIssue] = []
    for key in data:
        if key not in {"schema_version", "tables", "measures"}:
            issues.append(LoadIssue(name, document.line((key,)), key, f"unknown field {key!r}"))
    if data.get("schema_version") != 1:
        issues.append(
            LoadIssue(name, document.line(("schema_version",)), "schema_version", "must be 1")
        )
    tables: list[MeasureTable] = validate_items(name, document, "tables", MeasureTable, issues)
    measures: list[Measure] = validate_items(name, document, "measures", Measure, issues)
    check_unique(name, document, "measures", measures, issues)

    table_numbers = {table.table for table in tables}
    seen_tables: set[int] = set()
    for index, table in enumerate(tables):
        if table.table in seen_tables:
            issues.append(
                LoadIssue(
                    name,
                    document.line(("tables", index, "table")),
                    f"tables[{index}].table",
                    f"table {table.table} is defined twice",
                )
            )
        seen_tables.add(table.table)

    raw_measures = data.get("measures") or []
    positions = {
        raw.get("id"): index for index, raw in enumerate(raw_measures) if isinstance(raw, dict)
    }
    agency_names = set(registry.agencies_by_name)
    target_ids = set(registry.targets_by_id)
    for measure in measures:
        index = positions.get(measure.id, 0)

        def report(field_name: str, message: str, index: int = index) -> None:
            issues.append(
                LoadIssue(
                    name,
                    document.line(("measures", index, field_name)),
                    f"measures[{index}].{field_name}",
                    message,
                )
            )

        if measure.agency not in agency_names:
            hint = suggest(measure.agency, agency_names)
            report(
                "agency",
                f"unknown agency {measure.agency!r}"
                + (f" (did you mean {hint!r}?)" if hint else ""),
            )
        if measure.table not in table_numbers:
            report("table", f"table {measure.table} is not defined under 'tables'")
        for target_id in (*measure.targets, *measure.targets_stated):
            if target_id not in target_ids:
                hint = suggest(target_id, target_ids)
                report(
                    "targets",
                    f"unknown target {target_id!r}"
                    + (f" (did you mean {hint!r}?)" if hint else ""),
                )
    if issues:
        raise RegistryError(issues)
    return MeasureRegistry(path=name, tables=tuple(tables), measures=tuple(measures))
