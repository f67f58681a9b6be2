"""Cell texts resolved against the registry, each distinct text once (both paths share it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..plan.lookup import Factor, FactorError, Lookup, SeriesInfo
from .cells import parse_year

__all__ = ["Resolver"]

_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


class _Memo(dict[_Key, _Value]):
    """A cache that computes a missing entry once, with `compute(key)`.

    A hit is a plain dict lookup (no Python call): these are asked once per cell.
    """

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[_Key], _Value]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: _Key) -> _Value:
        value = self[key] = self.compute(key)
        return value


class Resolver:
    """Cached: indicator text -> series (or a suggestion), year, region, unit -> factor.

    `series`, `year`, `region` and `suggestion` are each a cache's lookup, called with
    the cell's text."""

    __slots__ = ("lookup", "series", "year", "region", "suggestion", "_factors")

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.series: Callable[[str], SeriesInfo | None] = _Memo(self._series).__getitem__
        self.year: Callable[[str], int | None] = _Memo(parse_year).__getitem__
        self.region: Callable[[str], str] = _Memo(self._region).__getitem__
        # the "did you mean" of an unknown name (costly: once per distinct name)
        self.suggestion: Callable[[str], SeriesInfo | None] = _Memo(lookup.suggest).__getitem__
        self._factors: _Memo[tuple[str, str], Factor] = _Memo(self._factor)

    def _series(self, raw: str) -> SeriesInfo | None:
        return self.lookup.resolve(raw.strip()) if raw.strip() else None

    def _region(self, raw: str) -> str:
        region = " ".join(raw.split())
        # a district under its canonical name, the city total as "" (plan/region_names.py)
        canonical = self.lookup.regions.canonical(region)
        return region if canonical is None else canonical

    def _factor(self, key: tuple[str, str]) -> Factor:
        raw, unit = key  # the cell's unit, the series'
        return 1.0 if not raw.strip() else self.lookup.factor(raw.strip(), unit)

    def factor(self, raw: str, info: SeriesInfo) -> Factor:
        return self._factors[(raw, info.unit)]

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
