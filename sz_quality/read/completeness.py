"""What an agency must submit: every indicator its targets need for a year has a value."""

from __future__ import annotations

from ..plan.lookup import AgencyInfo, Lookup
from ..plan.resolve import is_available, lookup_inputs
from .diagnostics import template
from .findings import Findings, SourceFile
from .store import SlotStore

__all__ = ["check_agency"]


def check_agency(
    lookup: Lookup, store: SlotStore, findings: Findings, agency: AgencyInfo, year: int
) -> None:
    """missing-indicator for each indicator the agency's targets need for `year`."""
    file = SourceFile(store.paths[-1] if store.paths else "", 0)
    present = _present(store, year)
    missing: dict[str, list[str]] = {}
    for target in lookup.needs(agency, year):
        if _has(lookup, target.id, present) or _has(lookup, target.indicator, present):
            continue
        missing.setdefault(target.indicator, []).append(target.id)
    for indicator_id, targets in missing.items():
        info = lookup.get(indicator_id)
        findings.emit(
            file,
            "missing-indicator",
            None,
            None,
            "indicator",
            template(
                "missing-indicator",
                id=indicator_id,
                name_zh=info.name("zh") if info else indicator_id,
                name_en=info.name("en") if info else indicator_id,
                year=year,
                agency_zh=agency.name("zh"),
                agency_en=agency.name("en"),
                targets=", ".join(targets),
            ),
            template("missing-indicator.hint", id=indicator_id, year=year),
        )


def _has(lookup: Lookup, series_id: str, present: set[int]) -> bool:
    """Whether a series has a value, itself or through all the inputs it is derived from
    (resolved as the check resolves it: plan/resolve.py)."""

    def has_value(name: str) -> bool:
        info = lookup.get(name)
        return info is not None and info.index in present

    return is_available(series_id, has_value, lookup_inputs(lookup))


def _present(store: SlotStore, year: int) -> set[int]:
    """The series with a value for `year` (in any region)."""
    width = store.width
    found: set[int] = set()
    for (_, block_year), block in store.blocks.items():
        if block_year == year:
            owners = store.owner[block * width : (block + 1) * width]
            found.update(index for index, owner in enumerate(owners) if owner)
    return found
