"""What an agency must submit for a year: the one rule of `validate --expect-agency` and
of `szq template`.

Each of the agency's targets whose period (baseline year to target year) holds the year
needs its indicator's value in that year, and what the check measures it from:

- a change (累计下降 X%), an increment (新增 X), an average growth (年均增长 X%) and a
  direction (kind trend): the value of the baseline year too;
- a level or a milestone before its target year: the baseline value as well, from
  which its path runs (in the target year the comparator alone decides);
- a target kept every year (kept, yearly_rate) and a total (累计, cumulative): every
  year after the baseline year up to the year, each of which is checked or summed.

A value reported under the target's own id for the year (the change itself) stands
for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lookup import AgencyInfo, Lookup

__all__ = [
    "BASELINE_KINDS",
    "EVERY_YEAR_KINDS",
    "PATH_KINDS",
    "Need",
    "Requirement",
    "needs",
    "requirements",
]

# measured from the baseline year
BASELINE_KINDS = frozenset({"change", "increment", "average_growth", "trend"})
PATH_KINDS = frozenset({"level", "milestone"})  # judged on a path from the baseline mid-term
EVERY_YEAR_KINDS = frozenset({"kept", "yearly_rate", "cumulative"})  # every year counts


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
        baseline, kind = target.baseline_year, target.target_kind
        if baseline is None or baseline == year:
            continue
        mid_term = target.target_year is not None and year < target.target_year
        if kind in BASELINE_KINDS or (kind in PATH_KINDS and mid_term):
            found.append(Need(target.id, target.indicator, baseline, year))
        elif kind in EVERY_YEAR_KINDS:
            for each in range(baseline + 1, year):
                found.append(Need(target.id, target.indicator, each, year))
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
