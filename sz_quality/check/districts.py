"""Districts: a target stated for every district, and a check of one region or of all.

- A target marked `every_district` (每个区至少有一家三级综合医院) is judged on the
  districts' rows when the data has any for the year checked: each district listed in
  the data is checked as the city would be, and the target is met when every one of
  them meets it. In an earlier year it is on track when every district is met or on
  track, off track otherwise; in the target year not met when one is not. The result
  shows the value of the district furthest from the target and names the districts
  that do not meet it (`lagging_regions`). Without district rows it is checked on the
  city's own value like any target (a milestone without it: not_assessable).
- `szq check --region NAME` checks every target on one region's rows; `--by region`
  checks the city total and every district in the data (sz_quality.check.evaluate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from ..plan.models import Indicator, Target
from ..plan.registry import Registry
from ..read.observations import Observation
from .readings import Readings
from .reasons import Reason
from .results import Result, Status
from .series import CITY, ExchangeRate, SeriesIndex

__all__ = ["Regions", "every_district_result"]


class Regions:
    """The observations of each region, in the order the data first names them."""

    def __init__(
        self,
        registry: Registry,
        observations: Iterable[Observation],
        rates: Mapping[int, ExchangeRate] | None,
    ) -> None:
        grouped: dict[str, list[Observation]] = {}
        for observation in observations:
            grouped.setdefault(observation.region, []).append(observation)
        self._grouped = grouped
        self._registry = registry
        self._rates = rates
        self._readings: dict[str, Readings] = {}

    @property
    def names(self) -> list[str]:
        """Every region of the data, the city total first (when there is one)."""
        return sorted(self._grouped, key=lambda name: name != CITY)

    @property
    def districts(self) -> list[str]:
        return [name for name in self._grouped if name != CITY]

    def readings(self, region: str) -> Readings:
        found = self._readings.get(region)
        if found is None:
            index = SeriesIndex(
                self._grouped.get(region, ()), self._registry.formulas, self._rates, region
            )
            found = self._readings[region] = Readings(self._registry, index)
        return found


def every_district_result(
    regions: Regions,
    target: Target,
    indicator: Indicator,
    year: int,
    check: Callable[[Readings, Target, int], Result],
) -> Result | None:
    """The target judged on the districts' rows; None when no district has a value."""
    year = min(year, target.target_year)
    checked = {}
    for name in regions.districts:
        readings = regions.readings(name)
        if readings.index.value(indicator.id, year).value is None:
            continue  # a district the data does not list for this indicator
        checked[name] = check(readings, target, year)
    judged = {name: result for name, result in checked.items() if result.actual is not None}
    if not judged:
        return None
    lagging = tuple(
        name for name, result in judged.items() if result.status not in ("met", "on_track")
    )
    statuses = {result.status for result in judged.values()}
    status: Status
    if statuses == {"met"}:
        status = "met"
    elif year >= target.target_year:
        status = "not_met"
    else:
        status = "off_track" if lagging else "on_track"
    sign = 1.0 if indicator.direction == "higher" else -1.0
    worst = min(judged.values(), key=lambda result: sign * (result.actual or 0.0))
    reason = Reason("lagging_regions", regions=lagging) if lagging else None
    return replace(
        worst,
        status=status,
        reason=reason,
        progress=None,
        trend=None,
        outlook=None,
        region=CITY,
        lagging_regions=lagging,
    )
