"""The plan's districts and the city total, as data files name them.

A region cell names the city total (blank, 全市, 合计, 总计, or a name the registry adds
under `city_total:`, such as 深圳市), a district of the registry's `districts:` under its
canonical name or one of its aliases (福田 and 福田区 are one district), or a region szq
does not know. `RegionNames` maps a cell to the canonical name ("" for the city total);
the reader and `szq validate --expect-agency` use the same map. Imports nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .names import fold

if TYPE_CHECKING:
    from .loading import LoadIssue
    from .models import District
    from .registry import Registry

__all__ = [
    "CITY",
    "CITY_TOTAL_NAMES",
    "RegionNames",
    "check_district_names",
    "every_district_series",
]

CITY = ""  # the city total's region in every observation
# names of the city total in any plan; a registry adds its own (深圳市) under `city_total:`
CITY_TOTAL_NAMES: tuple[str, ...] = ("全市", "合计", "总计")
# what a region name szq does not know looks like when it is a district's
_DISTRICT_ENDINGS = ("区", "县", "新区", "district", "county")


class RegionNames:
    """Folded region names -> canonical region ("" for the city total)."""

    __slots__ = ("names", "districts")

    def __init__(self, names: dict[str, str], districts: tuple[str, ...]) -> None:
        self.names = names  # folded name -> canonical region
        self.districts = districts  # canonical names, in the registry's order

    @classmethod
    def of(cls, districts: tuple[District, ...], city_total: tuple[str, ...]) -> RegionNames:
        names = {fold(name): CITY for name in (*CITY_TOTAL_NAMES, *city_total)}
        for district in districts:
            for name in (district.name_zh, district.name_en, district.id, *district.aliases):
                names.setdefault(fold(name), district.name_zh)
        return cls(names, tuple(district.name_zh for district in districts))

    def to_json(self) -> list[Any]:
        return [self.names, list(self.districts)]

    @classmethod
    def from_json(cls, data: list[Any]) -> RegionNames:
        names, districts = data
        return cls(dict(names), tuple(districts))

    def canonical(self, text: str) -> str | None:
        """The region a cell names ("" for the city total), or None when szq does not know it."""
        key = fold(text)
        if not key:
            return CITY
        return self.names.get(key)

    def known(self, text: str) -> bool:
        return self.canonical(text) is not None

    def looks_like_district(self, text: str) -> bool:
        """A known district's name, or one shaped like a district's (…区, …县)."""
        key = fold(text)
        if not key:
            return False
        found = self.names.get(key)
        if found is not None:
            return found != CITY
        return len(key) <= 12 and key.endswith(_DISTRICT_ENDINGS)

    def suggest(self, text: str) -> str | None:
        """The district a name szq does not know probably means, for a "did you mean"."""
        import difflib

        key = fold(text)
        if not key or not self.names:
            return None
        for suffix in ("新区", "区", "县"):  # 光明区 for 光明新区, 福田县 for 福田区
            stem = key.removesuffix(suffix)
            if stem != key and stem in self.names:
                return self.names[stem] or None
        matches = difflib.get_close_matches(key, list(self.names), n=1, cutoff=0.5)
        return self.names[matches[0]] or None if matches else None


def check_district_names(
    name: str,
    document: Any,
    districts: list[District],
    city_total: tuple[str, ...],
    issues: list[LoadIssue],
) -> None:
    """No name may mean two districts, nor a district and the city total."""
    from .loading import LoadIssue

    owner = {fold(total): "" for total in (*CITY_TOTAL_NAMES, *city_total)}  # "": the city
    for index, district in enumerate(districts):
        for alias in (district.name_zh, district.name_en, district.id, *district.aliases):
            key = fold(alias)
            first = owner.setdefault(key, district.id)
            if first != district.id:
                line = document.line(("districts", index))
                key = "registry.name_twice" if first else "registry.name_twice.city_total"
                said = LoadIssue.said(
                    name, line, f"districts[{index}]", key, name=alias, first=first
                )
                issues.append(said)


def every_district_series(registry: Registry) -> frozenset[str]:
    """The series a target stated for every district is judged on: its indicator and,
    for a derived one, the inputs of its formula (transitively)."""
    from .resolve import formula_inputs, reachable

    inputs_of = formula_inputs(registry.formulas)
    return frozenset(
        series
        for target in registry.targets
        if target.every_district
        for series in reachable(target.indicator, inputs_of)
    )
