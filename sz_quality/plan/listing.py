"""Listings of the registry: filters and the records that `--format json` prints.

Counting lives here, not in the CLI, so a script gets the same figures as `szq`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from .measures import MeasureRegistry
from .models import Agency, Measure, Target
from .registry import Registry

__all__ = [
    "AgencyCounts",
    "agency_counts",
    "filter_measures",
    "filter_targets",
    "measure_record",
    "target_record",
]

T = TypeVar("T")

TARGET_KEYS = (
    "id",
    "indicator",
    "name_zh",
    "name_en",
    "chapter",
    "clause",
    "table",
    "kind",
    "comparator",
    "value",
    "min",
    "max",
    "tolerance",
    "change",
    "unit",
    "baseline_year",
    "target_year",
    "lead_agencies",
    "lead_agencies_inferred",
    "aspirational",
    "quote",
    "note",
)


def target_record(target: Target) -> dict[str, Any]:
    """A target as a JSON object: every key present, null where not applicable."""
    data = {key: getattr(target, key) for key in TARGET_KEYS}
    for key in ("lead_agencies", "lead_agencies_inferred"):
        data[key] = list(data[key])
    return data


def _kept(items: Iterable[T], tests: Iterable[Callable[[T], bool] | None]) -> list[T]:
    """The items, in their order, that pass every test given (None: a filter not asked)."""
    asked = [test for test in tests if test is not None]
    return [item for item in items if all(test(item) for test in asked)]


def filter_targets(
    registry: Registry,
    *,
    agency: Agency | None = None,
    chapter: int | None = None,
    kind: str | None = None,
) -> list[Target]:
    """Targets in registry order; `agency` matches the text's leads and the inferred ones."""
    tests: tuple[Callable[[Target], bool] | None, ...] = (
        None if agency is None else lambda target: agency.name_zh in target.leads,
        None if chapter is None else lambda target: target.chapter == chapter,
        None if kind is None else lambda target: target.kind == kind,
    )
    return _kept(registry.targets, tests)


def measure_record(measure: Measure, measures: MeasureRegistry) -> dict[str, Any]:
    table = measures.tables_by_number[measure.table]
    return {
        "id": measure.id,
        "table": measure.table,
        "table_title": table.title_zh,
        "table_title_en": table.title_en,
        "agency": measure.agency,
        "text_zh": measure.text_zh,
        "text_en": measure.text_en,
        "clause": table.clause,
        "targets": list(measure.targets),
        "targets_stated": list(measure.targets_stated),
        "note": measure.note,
    }


def filter_measures(
    measures: MeasureRegistry,
    *,
    agency: Agency | None = None,
    table: int | None = None,
    target: str | None = None,
) -> list[Measure]:
    tests: tuple[Callable[[Measure], bool] | None, ...] = (
        None if agency is None else lambda measure: measure.agency == agency.name_zh,
        None if table is None else lambda measure: measure.table == table,
        None if target is None else lambda measure: target in measure.targets,
    )
    return _kept(measures.measures, tests)


@dataclass(frozen=True)
class AgencyCounts:
    agency: Agency
    targets: int  # targets the text assigns to it
    targets_inferred: int  # targets filed under it by inference (the text names no lead)
    measures: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.agency.id,
            "name_zh": self.agency.name_zh,
            "name_en": self.agency.name_en,
            "targets": self.targets,
            "targets_inferred": self.targets_inferred,
            "measures": self.measures,
        }


def agency_counts(registry: Registry, measures: MeasureRegistry) -> list[AgencyCounts]:
    """Every agency with its counts of targets (by the text, inferred) and of measures."""
    rows = []
    for agency in registry.agencies:
        by_text = sum(agency.name_zh in target.lead_agencies for target in registry.targets)
        inferred = sum(
            agency.name_zh in target.lead_agencies_inferred for target in registry.targets
        )
        rows.append(
            AgencyCounts(agency, by_text, inferred, len(measures.of_agency(agency.name_zh)))
        )
    return rows
