"""What reading a data file needs from the registry, in plain records kept as JSON.

`szq validate` must start in well under 150 ms, so its path imports neither pydantic,
yaml nor pint. The registry is compiled once into a `Lookup` (series ids, folded names,
units, bounds, what each agency's targets need, unit conversion factors; see
lookup_build.py) and kept in szq's cache (cache.py), keyed by the sha256 of the targets
file and szq's version. A warm start reads that entry; a miss loads the full registry,
builds the Lookup and writes the entry. Factors for unit spellings met for the first
time come from sz_quality.plan.units (pint, imported lazily) and are added to the entry
by `save_if_changed` for the next run.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..paths import default_targets_path
from .agencies import AgencyNames
from .cache import digest, read_entry, write_entry
from .names import fold, suggest
from .region_names import RegionNames
from .series_info import (
    FACTOR_ERRORS,
    AgencyInfo,
    DerivedRule,
    Factor,
    FactorError,
    SeriesInfo,
)

if TYPE_CHECKING:
    from .names import TermIndex
    from .registry import Registry

__all__ = [
    "AgencyInfo",
    "DerivedRule",
    "Factor",
    "FactorError",
    "Lookup",
    "SeriesInfo",
    "fold",
    "load_lookup",
]

_FORMAT = 9  # 2: entries stamped by cache.py; 3: a target's kind; 4: "meaning" factors,
# series references; 5: both; 6: SeriesInfo.twin; 7: regions, additive series; 8: 7 with
# the factors of every magnitude stack (千亿元), which a format-7 entry may lack; 9: the
# units the registry defines


class Lookup:
    """The registry as the reader needs it. Build with `from_registry` or `load_lookup`."""

    def __init__(
        self,
        sha256: str,
        series: tuple[SeriesInfo, ...],
        names: dict[str, str],  # folded id / name / alias -> series id
        ambiguous: dict[str, tuple[str, ...]],  # folded names that several series share
        agencies: tuple[AgencyInfo, ...],
        agency_names: dict[str, str],  # folded id / name / alias -> agency id
        factors: dict[tuple[str, str], Factor] | None = None,
        version: str = __version__,
        regions: RegionNames | None = None,
        additive: frozenset[str] = frozenset(),
        every_district: frozenset[str] = frozenset(),
        formulas: dict[str, DerivedRule] | None = None,
        plan_id: str = "",
        units: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.sha256 = sha256
        self.series = series
        self.names = names
        self.ambiguous = ambiguous
        self.agencies = agencies
        self.agency_names = agency_names
        # (normalised unit text, series unit) -> factor, or why there is none
        self.factors: dict[tuple[str, str], Factor] = factors if factors is not None else {}
        self.version = version
        # the plan's districts and the city total's names (plan/region_names.py)
        self.regions = regions if regions is not None else RegionNames.of((), ())
        self.additive = additive  # indicators that add up across districts
        # the series a target stated for every district is judged on (in any region)
        self.every_district = every_district
        # derived indicator -> its formula, unit factors and tolerance (derived-mismatch)
        self.formulas: dict[str, DerivedRule] = formulas if formulas is not None else {}
        self.plan_id = plan_id  # the registry's plan.id (a template's identity)
        # the registry's own units (name, definition): known to the unit system, so that
        # a data file may write them when the registry itself is not loaded (validate)
        self.units = units
        if units:
            from .units import define_units_lazily

            define_units_lazily(list(units))
        self._dirty = False
        self._terms: TermIndex | None = None  # built at the first Chinese "did you mean"
        self._by_id = {info.id: info for info in series}
        self._agencies_by_id = {agency.id: agency for agency in agencies}
        labels = {agency.id: agency.name_zh for agency in agencies}
        self._agency_names = AgencyNames(agency_names, labels)

    def __repr__(self) -> str:
        return f"Lookup(sha256={self.sha256[:12]!r}, series={len(self.series)})"

    # -- names ------------------------------------------------------------------------

    def get(self, series_id: str) -> SeriesInfo | None:
        return self._by_id.get(series_id)

    def resolve(self, name: str) -> SeriesInfo | None:
        """The series a data file means by `name` (an id, a Chinese or English name, an alias)."""
        found = self._by_id.get(name)
        if found is not None:
            return found
        series_id = self.names.get(fold(name))
        return self._by_id.get(series_id) if series_id is not None else None

    def suggest(self, name: str) -> SeriesInfo | None:
        """The closest series to a misspelt name, for a 'did you mean' hint."""
        folded = fold(name)
        if not folded:
            return None
        candidates = self.ambiguous.get(folded)
        if candidates:
            return self._by_id.get(candidates[0])
        if not folded.isascii():  # a Chinese name: by its words, not by edit distance
            if self._terms is None:
                from .names import TermIndex

                self._terms = TermIndex(self.names)
            return self._by_id.get(self._terms.best(folded) or "")
        match = suggest(folded, self.names)
        return self._by_id.get(self.names[match]) if match is not None else None

    def find_agency(self, name: str) -> AgencyInfo | None:
        """An agency by any of its names (sz_quality.plan.agencies), or None."""
        agency_id = self._agency_names.find(name)
        return self._agencies_by_id[agency_id] if agency_id is not None else None

    def resolve_agency(self, name: str) -> AgencyInfo:
        """An agency by any of its names; UnknownAgencyError with a hint otherwise."""
        return self._agencies_by_id[self._agency_names.resolve(name)]

    # -- units ------------------------------------------------------------------------

    def factor(self, unit: str, series_unit: str) -> Factor:
        """The factor from `unit` (as a file writes it) to `series_unit`, or why there is none.

        A spelling not in the table is computed with pint once, then remembered (and
        persisted by `save`).
        """
        from .units import normalise_unit_text

        source = normalise_unit_text(unit)
        if source == normalise_unit_text(series_unit):
            return 1.0
        key = (source, series_unit)
        known = self.factors.get(key)
        if known is not None:
            return known
        from .units import factor_or_error

        computed = factor_or_error(source, series_unit)
        self.factors[key] = computed
        self._dirty = True
        return computed

    # -- agencies ---------------------------------------------------------------------

    def needs(self, agency: AgencyInfo, year: int) -> list[SeriesInfo]:
        """The targets of `agency` whose period (baseline year to target year) holds `year`."""
        needed = []
        for target_id in agency.targets:
            target = self._by_id.get(target_id)
            if target is None or target.baseline_year is None or target.target_year is None:
                continue
            if target.baseline_year <= year <= target.target_year:
                needed.append(target)
        return needed

    # -- building and caching ---------------------------------------------------------

    @classmethod
    def from_registry(cls, registry: Registry) -> Lookup:
        """The Lookup of a loaded registry (read from the cache when it is there)."""
        cached = _read_cache(registry.sha256)
        if cached is not None:
            return cached
        from .lookup_build import build_lookup

        lookup = build_lookup(registry, cls)
        lookup.save()
        return lookup

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "version": self.version,
            "sha256": self.sha256,
            "series": [_series_row(info) for info in self.series],
            "names": self.names,
            "ambiguous": {key: list(value) for key, value in self.ambiguous.items()},
            "agencies": [
                [agency.id, agency.name_zh, agency.name_en, list(agency.targets)]
                for agency in self.agencies
            ],
            "agency_names": self.agency_names,
            "factors": [
                [source, target, value] for (source, target), value in self.factors.items()
            ],
            "regions": self.regions.to_json(),
            "additive": sorted(self.additive),
            "every_district": sorted(self.every_district),
            "formulas": {key: list(rule) for key, rule in self.formulas.items()},
            "plan_id": self.plan_id,
            "units": [list(unit) for unit in self.units],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lookup:
        if data.get("format") != _FORMAT:
            raise ValueError("another cache format")
        series = tuple(_series_of_row(index, row) for index, row in enumerate(data["series"]))
        factors: dict[tuple[str, str], Factor] = {}
        for source, target, value in data["factors"]:
            if value in FACTOR_ERRORS:
                factors[(source, target)] = value
            else:
                factors[(source, target)] = float(value)
        return cls(
            sha256=data["sha256"],
            version=data["version"],
            series=series,
            names=dict(data["names"]),
            ambiguous={key: tuple(value) for key, value in data["ambiguous"].items()},
            agencies=tuple(
                AgencyInfo(agency_id, name_zh, name_en, tuple(targets))
                for agency_id, name_zh, name_en, targets in data["agencies"]
            ),
            agency_names=dict(data["agency_names"]),
            factors=factors,
            regions=RegionNames.from_json(data["regions"]),
            additive=frozenset(data["additive"]),
            every_district=frozenset(data["every_district"]),
            formulas={
                key: (text, dict(factors), float(result), float(tolerance))
                for key, (text, factors, result, tolerance) in data["formulas"].items()
            },
            plan_id=data["plan_id"],
            units=tuple((name, definition) for name, definition in data["units"]),
        )

    def save(self) -> None:
        """Write the cache (atomically); a read-only cache directory only costs speed."""
        if write_entry("lookup", self.sha256, _FORMAT, self.to_json()):
            self._dirty = False

    def save_if_changed(self) -> None:
        if self._dirty:
            self.save()


_SERIES_FIELDS = tuple(field.name for field in fields(SeriesInfo))


def _series_row(info: SeriesInfo) -> list[Any]:
    """A series as the cache keeps it: its fields but the index (its place in the list)."""
    return [getattr(info, name) for name in _SERIES_FIELDS[1:]]


def _series_of_row(index: int, row: list[Any]) -> SeriesInfo:
    values = dict(zip(_SERIES_FIELDS, (index, *row), strict=True))
    values["inputs"] = tuple(values["inputs"])  # JSON has no tuple
    return SeriesInfo(**values)


def _read_cache(key: str) -> Lookup | None:
    entry = read_entry("lookup", key, _FORMAT)
    if entry is None:
        return None
    try:
        return Lookup.from_json(entry)
    except (ValueError, KeyError, TypeError, IndexError):
        return None  # damaged: rebuilt by the caller


def load_lookup(targets_path: str | os.PathLike[str] | None = None) -> Lookup:
    """The Lookup of a targets file (default: the shipped one), from the cache if possible.

    A miss loads the full registry: that raises sz_quality.plan.registry.RegistryError for a
    registry that does not load, and OSError for a file that cannot be read.
    """
    path = Path(targets_path) if targets_path is not None else default_targets_path()
    cached = _read_cache(digest(path.read_bytes()))
    if cached is not None:
        return cached
    from .registry import load_registry

    return Lookup.from_registry(load_registry(path))
