"""Load targets.yaml into validated models; every load error names file, line and field.

A full load parses YAML, validates with pydantic (loading.py), checks cross-references
and units with pint (registry_checks.py). That costs ~0.5 s of imports, so the validated
result is kept in the cache (cache.py, keyed by the file's sha256): later runs skip
yaml, pydantic and pint altogether.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..paths import default_targets_path
from . import units
from .agencies import AgencyNames
from .assessment import Assessment
from .cache import digest, read_entry, write_entry
from .formula import CompiledFormula
from .loading import (
    LoadIssue,
    RegistryError,
    check_unique,
    read_document,
    validate_items,
    validate_one,
)
from .models import (
    Agency,
    Bounds,
    Chapter,
    District,
    Indicator,
    Plan,
    ProgressBands,
    Target,
    Unit,
)
from .names import suggest
from .region_names import check_district_names
from .registry_checks import check_chapters, check_references

__all__ = [
    "LoadIssue",
    "Registry",
    "RegistryError",
    "check_unique",
    "default_targets_path",
    "load_registry",
    "read_document",
    "suggest",
    "validate_items",
    "validate_one",
]

# 2: entries stamped by cache.py; 3: chapters; 4: progress bands; 5: districts, city-total
# names, additive indicators, derived tolerances; 6: paths, natures, prices, units;
# 7: assessment
_CACHE_FORMAT = 7


@dataclass(frozen=True)
class Registry:
    """A plan's chapters, agencies, indicators and targets, validated and cross-checked."""

    path: str
    sha256: str
    plan: Plan
    agencies: tuple[Agency, ...]
    indicators: tuple[Indicator, ...]
    targets: tuple[Target, ...]
    chapters: tuple[Chapter, ...] = ()
    # factor and currency shift from each target's unit to its indicator's unit
    unit_factors: Mapping[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    # derived indicators: id -> formula with its unit factors
    formulas: Mapping[str, CompiledFormula] = field(default_factory=dict)
    units: tuple[Unit, ...] = ()  # the units the registry defines (`units:`)
    # the plan's districts, and the names of the city total besides CITY_TOTAL_NAMES
    districts: tuple[District, ...] = ()
    city_total: tuple[str, ...] = ()
    # how `szq assess` scores a unit (plan/assessment.py); the defaults without a section
    assessment: Assessment = Assessment()

    @cached_property
    def indicators_by_id(self) -> dict[str, Indicator]:
        return {indicator.id: indicator for indicator in self.indicators}

    @cached_property
    def chapters_by_number(self) -> dict[int, Chapter]:
        return {chapter.number: chapter for chapter in self.chapters}

    @cached_property
    def targets_by_id(self) -> dict[str, Target]:
        return {target.id: target for target in self.targets}

    @cached_property
    def agencies_by_name(self) -> dict[str, Agency]:
        return {agency.name_zh: agency for agency in self.agencies}

    @cached_property
    def agency_names(self) -> AgencyNames:
        return AgencyNames.of(self.agencies)

    def find_agency(self, query: str) -> Agency | None:
        """An agency by any of its names (sz_quality.plan.agencies), or None."""
        agency_id = self.agency_names.find(query)
        return self._agencies_by_id[agency_id] if agency_id is not None else None

    def resolve_agency(self, query: str) -> Agency:
        """An agency by any of its names; UnknownAgencyError with a hint otherwise."""
        return self._agencies_by_id[self.agency_names.resolve(query)]

    @cached_property
    def _agencies_by_id(self) -> dict[str, Agency]:
        return {agency.id: agency for agency in self.agencies}

    def targets_of_agency(self, agency: Agency, *, inferred: bool = True) -> list[Target]:
        """Targets the agency leads: by the text, and (if `inferred`) by inference."""
        found = []
        for target in self.targets:
            if agency.name_zh in target.lead_agencies or (
                inferred and agency.name_zh in target.lead_agencies_inferred
            ):
                found.append(target)
        return found


def load_registry(path: str | os.PathLike[str] | None = None) -> Registry:
    """Load and validate a targets registry (default: the shipped targets.yaml).

    Raises RegistryError listing every problem with its file, line and field, or
    OSError when the file cannot be read.
    """
    file = Path(path) if path is not None else default_targets_path()
    raw = file.read_bytes()
    key = digest(raw)
    cached = read_entry("registry", key, _CACHE_FORMAT)
    if cached is not None:
        try:
            return _from_cache(str(file), key, cached)
        except (KeyError, TypeError, ValueError):
            pass  # a stale or damaged cache is rebuilt below
    registry = _load_uncached(str(file), raw, key)
    _write_cache(registry)
    return registry


def _load_uncached(name: str, raw: bytes, sha256: str) -> Registry:
    document = read_document(name, raw)
    issues: list[LoadIssue] = []
    data = document.data
    if not isinstance(data, dict):
        raise RegistryError([LoadIssue.said(name, 1, None, "registry.not_mapping")])
    allowed = {
        "schema_version",
        "plan",
        "chapters",
        "agencies",
        "indicators",
        "targets",
        "units",
        "districts",
        "city_total",
        "assessment",
    }
    for key in data:
        if key not in allowed:
            line = document.line((key,))
            issues.append(LoadIssue.said(name, line, key, "registry.unknown.field", name=key))
    if data.get("schema_version") != 1:
        line = document.line(("schema_version",))
        issues.append(LoadIssue.said(name, line, "schema_version", "registry.must_be", value=1))
    plan: Plan | None = validate_one(name, document, ("plan",), Plan, data.get("plan"), issues)
    defaults = (
        {"baseline_year": plan.baseline_year, "target_year": plan.target_year} if plan else {}
    )
    defined: list[Unit] = []
    if "units" in data:
        defined = validate_items(name, document, "units", Unit, issues)
        check_unique(name, document, "units", defined, issues, key="name")
        _define_units(name, document, defined, issues)
    chapters: list[Chapter] = validate_items(name, document, "chapters", Chapter, issues)
    check_unique(name, document, "chapters", chapters, issues, key="number")
    agencies: list[Agency] = validate_items(name, document, "agencies", Agency, issues)
    indicators: list[Indicator] = validate_items(name, document, "indicators", Indicator, issues)
    targets: list[Target] = validate_items(name, document, "targets", Target, issues, defaults)
    districts: list[District] = (
        validate_items(name, document, "districts", District, issues) if "districts" in data else []
    )
    city_total = _city_total(name, document, data.get("city_total", []), issues)
    for section, items in (
        ("agencies", agencies),
        ("indicators", indicators),
        ("targets", targets),
        ("districts", districts),
    ):
        check_unique(name, document, section, items, issues)
    check_district_names(name, document, districts, city_total, issues)
    check_chapters(name, document, targets, issues)
    assessment: Assessment | None = Assessment()
    if data.get("assessment") is not None:
        raw_assessment = data["assessment"]
        assessment = validate_one(
            name, document, ("assessment",), Assessment, raw_assessment, issues
        )
    unit_factors, formulas = check_references(name, document, agencies, indicators, targets, issues)
    if issues or plan is None or assessment is None:
        raise RegistryError(issues)
    return Registry(
        path=name,
        sha256=sha256,
        plan=plan,
        agencies=tuple(agencies),
        indicators=tuple(indicators),
        targets=tuple(targets),
        chapters=tuple(chapters),
        unit_factors=unit_factors,
        formulas=formulas,
        districts=tuple(districts),
        city_total=city_total,
        units=tuple(defined),
        assessment=assessment,
    )


def _city_total(name: str, document: Any, names: Any, issues: list[LoadIssue]) -> tuple[str, ...]:
    """`city_total:`, a list of names (besides CITY_TOTAL_NAMES) that mean the city total."""
    if not isinstance(names, list) or not all(
        isinstance(item, str) and item.strip() for item in names
    ):
        line = document.line(("city_total",))
        issues.append(LoadIssue.said(name, line, "city_total", "registry.city_total"))
        return ()
    return tuple(names)


def _define_units(name: str, document: Any, defined: list[Unit], issues: list[LoadIssue]) -> None:
    """Make the registry's units known to szq's unit system, each error at its line."""
    raw = document.data.get("units") or []
    for index, unit in enumerate(defined):
        position = next(
            (
                i
                for i, item in enumerate(raw)
                if isinstance(item, dict) and item.get("name") == unit.name
            ),
            index,
        )
        try:
            units.define_units([(unit.name, unit.definition)])
        except units.UnitError as error:
            line = document.line(("units", position, "definition"))
            where = f"units[{position}].definition"
            issues.append(LoadIssue.said(name, line, where, "registry.unit_error", error=error))


def _write_cache(registry: Registry) -> None:
    write_entry(
        "registry",
        registry.sha256,
        _CACHE_FORMAT,
        {
            "plan": dataclasses.asdict(registry.plan),
            "chapters": [dataclasses.asdict(chapter) for chapter in registry.chapters],
            "agencies": [dataclasses.asdict(agency) for agency in registry.agencies],
            "indicators": [dataclasses.asdict(indicator) for indicator in registry.indicators],
            "targets": [dataclasses.asdict(target) for target in registry.targets],
            "units": [dataclasses.asdict(unit) for unit in registry.units],
            "districts": [dataclasses.asdict(district) for district in registry.districts],
            "city_total": list(registry.city_total),
            "unit_factors": [[*pair, *value] for pair, value in registry.unit_factors.items()],
            "assessment": dataclasses.asdict(registry.assessment),
            "formulas": [
                [
                    formula.indicator,
                    formula.text,
                    dict(formula.operand_factors),
                    formula.result_factor,
                ]
                for formula in registry.formulas.values()
            ],
        },
    )


def _tuples(item: dict[str, Any]) -> dict[str, Any]:
    """JSON gives lists where the models hold tuples."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in item.items()}


def _with_bands(item: dict[str, Any]) -> dict[str, Any]:
    """A plan's or a target's `progress` as ProgressBands (JSON gives a mapping of lists)."""
    bands = item.get("progress")
    if bands is None:
        return item
    found = {key: tuple(value) if value is not None else None for key, value in bands.items()}
    return {**item, "progress": ProgressBands(**found)}


def _indicator(item: dict[str, Any]) -> Indicator:
    data = _tuples(item)
    if data.get("bounds") is not None:
        data["bounds"] = Bounds(**data["bounds"])
    return Indicator(**data)


def _from_cache(name: str, key: str, cached: dict[str, Any]) -> Registry:
    factors = {(src, dst): (float(f), float(s)) for src, dst, f, s in cached["unit_factors"]}
    units.preload(factors)
    defined = tuple(Unit(**item) for item in cached["units"])
    # cheap (no pint): the names are only read when a unit is parsed
    units.define_units_lazily([(unit.name, unit.definition) for unit in defined])
    return Registry(
        path=name,
        sha256=key,
        plan=Plan(**_with_bands(cached["plan"])),
        agencies=tuple(Agency(**_tuples(item)) for item in cached["agencies"]),
        indicators=tuple(_indicator(item) for item in cached["indicators"]),
        targets=tuple(Target(**_with_bands(_tuples(item))) for item in cached["targets"]),
        chapters=tuple(Chapter(**item) for item in cached["chapters"]),
        units=defined,
        unit_factors=factors,
        formulas={
            indicator: CompiledFormula(indicator, text, operands, float(result))
            for indicator, text, operands, result in cached["formulas"]
        },
        districts=tuple(District(**_tuples(item)) for item in cached["districts"]),
        city_total=tuple(cached["city_total"]),
        assessment=Assessment(**cached["assessment"]),
    )
