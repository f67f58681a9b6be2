"""What an agency must submit: every value its targets need for a year is there.

The rule of what is needed is sz_quality.plan.submission's (the same as `szq template`'s):
the indicator in the year, and the years the check measures it from (the baseline year,
or every year since it); a value under the target's own id for the year stands for all.
"""

from __future__ import annotations

from ..plan.lookup import AgencyInfo, Lookup
from ..plan.region_names import CITY
from ..plan.resolve import is_available, lookup_inputs
from ..plan.submission import needs
from .findings import Findings, SourceFile
from .messages import template
from .store import SlotStore

__all__ = ["check_agency"]


def check_agency(
    lookup: Lookup, store: SlotStore, findings: Findings, agency: AgencyInfo, year: int
) -> None:
    """missing-indicator for each (indicator, year) the agency's targets need for `year`."""
    file = SourceFile(store.paths[-1] if store.paths else "", 0)
    present: dict[int, set[int]] = {}

    def has(series_id: str, when: int) -> bool:
        if when not in present:
            present[when] = _present(lookup, store, when)
        return _has(lookup, series_id, present[when])

    missing: dict[tuple[str, int], list[str]] = {}
    for need in needs(lookup, agency, year):
        if has(need.target, need.target_year) or has(need.series, need.year):
            continue
        targets = missing.setdefault((need.series, need.year), [])
        if need.target not in targets:
            targets.append(need.target)
    for (indicator_id, when), targets in missing.items():
        info = lookup.get(indicator_id)
        findings.emit(
            file,
            "missing-indicator",
            line=None,
            field="indicator",
            text=template(
                "missing-indicator",
                id=indicator_id,
                name_zh=info.name("zh") if info else indicator_id,
                name_en=info.name("en") if info else indicator_id,
                year=when,
                agency_zh=agency.name("zh"),
                agency_en=agency.name("en"),
                targets=", ".join(targets),
            ),
            hint=template("missing-indicator.hint", id=indicator_id, year=when),
        )


def _has(lookup: Lookup, series_id: str, present: set[int]) -> bool:
    """Whether a series has a value, itself or through all the inputs it is derived from
    (resolved as the check resolves it: plan/resolve.py)."""

    def has_value(name: str) -> bool:
        info = lookup.get(name)
        return info is not None and info.index in present

    return is_available(series_id, has_value, lookup_inputs(lookup))


def _present(lookup: Lookup, store: SlotStore, year: int) -> set[int]:
    """The series with a value for `year` that `szq check` can use: the city total's, and
    any region's of a series a target stated for every district is judged on."""
    width = store.width
    found: set[int] = set()
    districts = {info.index for info in lookup.series if info.id in lookup.every_district}
    for (region, block_year), block in store.blocks.items():
        if block_year == year:
            owners = store.owner[block * width : (block + 1) * width]
            indices = (index for index, owner in enumerate(owners) if owner)
            found.update(indices if region == CITY else districts.intersection(indices))
    return found
