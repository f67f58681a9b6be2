"""Cell texts resolved against the registry, each distinct text once (both paths share it)."""

from __future__ import annotations

from ..plan.lookup import Factor, FactorError, Lookup, SeriesInfo
from .cells import parse_year

__all__ = ["Resolver"]


class Resolver:
    """Cached: indicator text -> series (or a suggestion), year, region, unit -> factor."""

    __slots__ = (
        "lookup",
        "series_cache",
        "year_cache",
        "region_cache",
        "unit_cache",
        "suggest_cache",
    )

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.series_cache: dict[str, SeriesInfo | None] = {}
        self.year_cache: dict[str, int | None] = {}
        self.region_cache: dict[str, str] = {}
        self.unit_cache: dict[tuple[str, int], Factor] = {}
        self.suggest_cache: dict[str, SeriesInfo | None] = {}

    def series(self, raw: str) -> SeriesInfo | None:
        try:
            return self.series_cache[raw]
        except KeyError:
            pass
        found = self.lookup.resolve(raw.strip()) if raw.strip() else None
        self.series_cache[raw] = found
        return found

    def year(self, raw: str) -> int | None:
        try:
            return self.year_cache[raw]
        except KeyError:
            pass
        found = parse_year(raw)
        self.year_cache[raw] = found
        return found

    def region(self, raw: str) -> str:
        try:
            return self.region_cache[raw]
        except KeyError:
            pass
        region = " ".join(raw.split())
        # a district under its canonical name, the city total as "" (plan/region_names.py)
        canonical = self.lookup.regions.canonical(region)
        if canonical is not None:
            region = canonical
        self.region_cache[raw] = region
        return region

    def factor(self, raw: str, info: SeriesInfo) -> Factor:
        key = (raw, info.index)
        try:
            return self.unit_cache[key]
        except KeyError:
            pass
        found: Factor = 1.0 if not raw.strip() else self.lookup.factor(raw.strip(), info.unit)
        self.unit_cache[key] = found
        return found

    def place(self, raw: str, info: SeriesInfo) -> tuple[SeriesInfo, float] | FactorError:
        """Where a value in unit `raw` goes and its factor, or why it goes nowhere.

        A value in another currency than the series' goes to the series' currency twin
        (SeriesInfo.twin) when that one takes the unit.
        """
        found = self.factor(raw, info)
        if not isinstance(found, str):
            return info, found
        if found == "currency" and info.twin >= 0:
            twin = self.lookup.series[info.twin]
            in_twin = self.factor(raw, twin)
            if not isinstance(in_twin, str):
                return twin, in_twin
        return found

    def suggestion(self, name: str) -> SeriesInfo | None:
        """The "did you mean" of an unknown name (costly: once per distinct name)."""
        try:
            return self.suggest_cache[name]
        except KeyError:
            pass
        found = self.lookup.suggest(name)
        self.suggest_cache[name] = found
        return found
