"""What an agency must submit for a year: the one rule of `validate --expect-agency` and
of `szq template`.

Each of the agency's targets whose period (baseline year to target year) holds the year
needs its indicator's value in that year; a change (累计下降 X%) or an increment (新增 X)
also needs the value of the baseline year, from which it is measured. A value reported
under the target's own id for the year (the change itself) stands for both.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lookup import AgencyInfo, Lookup

__all__ = ["BASELINE_KINDS", "Need", "Requirement", "needs", "requirements"]

BASELINE_KINDS = frozenset({"change", "increment"})  # measured from the baseline year


@dataclass(frozen=True)
class Need:
    """One target's need: `series` (an indicator id) in `year`; or, instead, a value
    under the target's own id in `target_year` (the year submitted)."""

    target: str
    series: str
    year: int
    target_year: int


@dataclass(frozen=True)
class Requirement:
    """A value the submission must hold: one row of the agency's template."""

    series: str
    year: int
    targets: tuple[str, ...]


def needs(lookup: Lookup, agency: AgencyInfo, year: int) -> list[Need]:
    """Every (target, series, year) the agency's targets need for `year`, in target order."""
    found: list[Need] = []
    for target in lookup.needs(agency, year):
        found.append(Need(target.id, target.indicator, year, year))
        baseline = target.baseline_year
        if target.target_kind in BASELINE_KINDS and baseline is not None and baseline != year:
            found.append(Need(target.id, target.indicator, baseline, year))
    return found


def requirements(lookup: Lookup, agency: AgencyInfo, year: int) -> list[Requirement]:
    """The values the agency must submit for `year`: one per (series, year), with the
    targets that need it; the year's rows first, then the baseline years'."""
    grouped: dict[tuple[str, int], list[str]] = {}
    for need in needs(lookup, agency, year):
        targets = grouped.setdefault((need.series, need.year), [])
        if need.target not in targets:
            targets.append(need.target)
    ordered = sorted(grouped.items(), key=lambda item: item[0][1] != year)  # stable
    return [Requirement(series, when, tuple(targets)) for (series, when), targets in ordered]
