"""Compile a loaded registry into the reader's Lookup (a cache miss; imports pint).

Besides names and bounds, the Lookup gets conversion factors from the unit spellings data
files commonly use to every series unit of the same dimension, so that a warm start
converts them without pint.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from .names import fold
from .region_names import RegionNames, every_district_series
from .series_info import DERIVED_TOLERANCE, AgencyInfo, Factor, SeriesInfo
from .units import factor_or_error

if TYPE_CHECKING:
    from .lookup import Lookup
    from .models import Indicator, Target
    from .registry import Registry

__all__ = ["build_lookup"]


# Spellings data files commonly use, tried against every series unit of the same dimension.
_COMMON_UNITS = (
    "元",
    "美元",
    "%",
    "人",
    "个",
    "家",
    "件",
    "张",
    "套",
    "辆",
    "户",
    "所",
    "座",
    "项",
    "吨",
    "吨标准煤",
    "tce",
    "tce/万元",
    "吨标准煤/万元",
    "km",
    "公里",
    "km2",
    "平方公里",
    "m2",
    "平方米",
    "m3",
    "立方米",
    "天",
    "小时",
    "年",
    "岁",
)
_COUNT_DIMENSIONS = {"[count]", "[person]", "[household]"}


def _variants(unit: str) -> set[str]:
    """The unit with other magnitude words in front: 亿元 -> 元, 万元, 万亿元, ..."""
    from .units import MAGNITUDE_STACKS, MAGNITUDE_WORDS, normalise_unit_text

    text = normalise_unit_text(unit)
    head, slash, tail = text.partition("/")
    bare = head.lstrip(MAGNITUDE_WORDS)
    if not bare or bare.isascii():
        return {text}  # magnitude words go with Chinese units: 万元, 亿元, 万人
    return {f"{prefix}{bare}{slash}{tail}" for prefix in ("", *MAGNITUDE_STACKS)}


def _currency_twins(registry: Registry) -> dict[str, str]:
    """Indicator <-> the first of its targets stated in another currency, both ways.

    A value in the target's currency (美元/人 for the per-capita GDP target) is stored under
    the target, to be compared without a rate; a value in the indicator's currency given
    under the target's id is stored under the indicator, to be converted at the year's rate.
    """
    units_of = {indicator.id: indicator.unit for indicator in registry.indicators}
    twins: dict[str, str] = {}
    for target in registry.targets:
        unit = units_of.get(target.indicator)
        if unit is None or target.indicator in twins:
            continue
        if factor_or_error(unit, target.unit) == "currency":
            twins[target.indicator] = target.id
            twins[target.id] = target.indicator
    return twins


def _reference(unit: str, targets: list[Target]) -> float | None:
    """The smallest positive figure targets in % set (None for another unit, or none)."""
    if unit != "%":
        return None
    figures = [
        figure
        for target in targets
        if target.unit == "%"
        for figure in (target.value, target.min)
        if figure is not None and figure > 0
    ]
    return min(figures) if figures else None


def build_lookup(registry: Registry, make: type[Lookup]) -> Lookup:
    """The Lookup (of class `make`) of a loaded registry."""
    from . import units

    series: list[SeriesInfo] = []
    names: dict[str, str] = {}
    ambiguous: dict[str, list[str]] = {}
    ids = {indicator.id for indicator in registry.indicators} | {
        target.id for target in registry.targets
    }

    def add_name(name: str, series_id: str) -> None:
        key = fold(name)
        if not key or key in ids:
            return  # ids win over names
        if key in names and names[key] != series_id:
            ambiguous.setdefault(key, [names[key]])
            if series_id not in ambiguous[key]:
                ambiguous[key].append(series_id)
            return
        names.setdefault(key, series_id)

    twins = _currency_twins(registry)
    positions = {indicator.id: index for index, indicator in enumerate(registry.indicators)}
    first_target = len(registry.indicators)
    positions.update(
        {target.id: first_target + index for index, target in enumerate(registry.targets)}
    )
    levels: dict[str, list[Target]] = {}  # targets on the indicator's level (not its change)
    for target in registry.targets:
        if target.kind not in (
            "change",
            "increment",
            "yearly_rate",
            "average_growth",
            "cumulative",
        ):
            levels.setdefault(target.indicator, []).append(target)

    def common(
        item: Indicator | Target,
        kind: Literal["indicator", "target"],
        indicator: str,
        on_level: list[Target],
    ) -> SeriesInfo:
        """The fields an indicator's series and a target's series both have."""
        return SeriesInfo(
            index=len(series),
            id=item.id,
            kind=kind,
            indicator=indicator,
            unit=item.unit,
            name_zh=item.name_zh,
            name_en=item.name_en,
            reference=_reference(item.unit, on_level),
            twin=positions[twins[item.id]] if item.id in twins else -1,
        )

    for indicator in registry.indicators:
        low = indicator.bounds.min if indicator.bounds else None
        high = indicator.bounds.max if indicator.bounds else None
        if low is None:
            try:
                if units.dimensionality(indicator.unit) in _COUNT_DIMENSIONS:
                    low = 0.0  # a count is never negative
            except units.UnitError:
                pass
        formula = registry.formulas.get(indicator.id)
        base = common(indicator, "indicator", indicator.id, levels.get(indicator.id, []))
        inputs = tuple(sorted(formula.inputs)) if formula else ()
        series.append(replace(base, min=low, max=high, inputs=inputs))
    for target in registry.targets:
        base = common(target, "target", target.indicator, [target])
        baseline, year = target.baseline_year, target.target_year
        series.append(
            replace(base, baseline_year=baseline, target_year=year, target_kind=target.kind)
        )
    for id_key in ids:
        names[fold(id_key)] = id_key
    for indicator in registry.indicators:
        for name in (indicator.name_zh, indicator.name_en, *indicator.aliases):
            add_name(name, indicator.id)
    for key in ambiguous:
        names.pop(key, None)

    agencies = []
    for agency in registry.agencies:
        led = registry.targets_of_agency(agency, inferred=True)
        agencies.append(
            AgencyInfo(agency.id, agency.name_zh, agency.name_en, tuple(t.id for t in led))
        )
    agency_names = dict(registry.agency_names.keys)

    # Factors from every spelling of the same dimension to every series unit, so that a
    # warm start converts common units without pint.
    spellings: set[str] = set(_COMMON_UNITS)
    for info in series:
        spellings |= _variants(info.unit)
    by_dimension: dict[str, set[str]] = {}
    for spelling in spellings:
        try:
            by_dimension.setdefault(units.dimensionality(spelling), set()).add(
                units.normalise_unit_text(spelling)
            )
        except units.UnitError:
            continue
    factors: dict[tuple[str, str], Factor] = {}
    for series_unit in sorted({info.unit for info in series}):
        try:
            dimension = units.dimensionality(series_unit)
        except units.UnitError:
            continue
        for spelling in sorted(by_dimension.get(dimension, ())):
            factors[(spelling, series_unit)] = factor_or_error(spelling, series_unit)

    return make(
        sha256=registry.sha256,
        series=tuple(series),
        names=names,
        ambiguous={key: tuple(value) for key, value in ambiguous.items()},
        agencies=tuple(agencies),
        agency_names=agency_names,
        factors=factors,
        regions=RegionNames.of(registry.districts, registry.city_total),
        additive=frozenset(i.id for i in registry.indicators if i.additive),
        every_district=_every_district(registry),
        formulas={
            formula.indicator: (
                formula.text,
                dict(formula.operand_factors),
                formula.result_factor,
                _tolerance(registry, formula.indicator),
            )
            for formula in registry.formulas.values()
        },
        plan_id=registry.plan.id,
        units=tuple((unit.name, unit.definition) for unit in registry.units),
    )


def _tolerance(registry: Registry, indicator_id: str) -> float:
    indicator = registry.indicators_by_id.get(indicator_id)
    tolerance = indicator.tolerance if indicator is not None else None
    return DERIVED_TOLERANCE if tolerance is None else tolerance


def _every_district(registry: Registry) -> frozenset[str]:
    """A target stated for every district, and the series it is judged on, in any region."""
    targets = {target.id for target in registry.targets if target.every_district}
    return frozenset(targets) | every_district_series(registry)
