"""Load measures.yaml: the specific measures (具体措施) of the plan's 17 tables.

Same rules as the targets: frozen models, unknown fields refused, and every error
(unknown agency or target, duplicate id) names the file, YAML line and field.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..paths import packaged_or_checkout
from .cache import digest, read_entry, write_entry
from .issue_words import Words, unknown_words
from .loading import LoadIssue, RegistryError, check_unique, read_document, validate_items
from .models import Measure, MeasureTable
from .registry import Registry

__all__ = ["MeasureRegistry", "default_measures_path", "load_measures"]

_CACHE_FORMAT = 1


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


def default_measures_path() -> Path:
    return packaged_or_checkout("measures.yaml")


def load_measures(
    registry: Registry, path: str | os.PathLike[str] | None = None
) -> MeasureRegistry:
    """Load and validate measures.yaml against `registry` (its agencies and targets).

    The validated measures are cached under the sha256 of the file and of the targets
    registry they were checked against, so a warm start imports neither yaml nor pydantic.
    """
    file = Path(path) if path is not None else default_measures_path()
    raw = file.read_bytes()
    key = digest(raw, registry.sha256)
    cached = read_entry("measures", key, _CACHE_FORMAT)
    if cached is not None:
        try:
            return _from_cache(str(file), cached)
        except (KeyError, TypeError, ValueError):
            pass  # a damaged entry is rebuilt below
    loaded = _load_uncached(str(file), raw, registry)
    write_entry(
        "measures",
        key,
        _CACHE_FORMAT,
        {
            "tables": [dataclasses.asdict(table) for table in loaded.tables],
            "measures": [dataclasses.asdict(measure) for measure in loaded.measures],
        },
    )
    return loaded


def _from_cache(name: str, cached: dict[str, Any]) -> MeasureRegistry:
    def tuples(item: dict[str, Any]) -> dict[str, Any]:
        return {
            key: tuple(value) if isinstance(value, list) else value for key, value in item.items()
        }

    return MeasureRegistry(
        path=name,
        tables=tuple(MeasureTable(**item) for item in cached["tables"]),
        measures=tuple(Measure(**tuples(item)) for item in cached["measures"]),
    )


def _load_uncached(name: str, raw: bytes, registry: Registry) -> MeasureRegistry:
    document = read_document(name, raw)
    data = document.data
    if not isinstance(data, dict):
        raise RegistryError([LoadIssue.said(name, 1, None, "registry.not_mapping")])
    issues: list[LoadIssue] = []
    for key in data:
        if key not in {"schema_version", "tables", "measures"}:
            line = document.line((key,))
            issues.append(LoadIssue.said(name, line, key, "registry.unknown.field", name=key))
    if data.get("schema_version") != 1:
        line = document.line(("schema_version",))
        issues.append(LoadIssue.said(name, line, "schema_version", "registry.must_be", value=1))
    tables: list[MeasureTable] = validate_items(name, document, "tables", MeasureTable, issues)
    measures: list[Measure] = validate_items(name, document, "measures", Measure, issues)
    check_unique(name, document, "measures", measures, issues)

    table_numbers = {table.table for table in tables}
    seen_tables: set[int] = set()
    for index, table in enumerate(tables):
        if table.table in seen_tables:
            issues.append(
                LoadIssue.said(
                    name,
                    document.line(("tables", index, "table")),
                    f"tables[{index}].table",
                    "registry.table_twice",
                    table=table.table,
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

        def report(field_name: str, said: Words, index: int = index) -> None:
            line = document.line(("measures", index, field_name))
            at = f"measures[{index}].{field_name}"
            issues.append(LoadIssue.said(name, line, at, said[0], **said[1]))

        if measure.agency not in agency_names:
            report("agency", unknown_words("agency", measure.agency, agency_names))
        if measure.table not in table_numbers:
            report("table", ("registry.table_undefined", {"table": measure.table}))
        for target_id in (*measure.targets, *measure.targets_stated):
            if target_id not in target_ids:
                report("targets", unknown_words("target", target_id, target_ids))
    if issues:
        raise RegistryError(issues)
    return MeasureRegistry(path=name, tables=tuple(tables), measures=tuple(measures))
