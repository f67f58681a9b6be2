"""The check as `szq check` runs it, for a script: read the files, then evaluate.

`szq check` and `szq report` call these functions; the CLI only parses its options,
renders what they return and maps it to exit codes. Three decisions live here:

- the read strategy: the rows of one region only (the city total by default), plus every
  district's rows of the series a target stated for every district needs; every region
  with `by="region"`;
- which series those are (`district_series`: the targets' indicators and, for a derived
  one, its formula's inputs, as `sz_quality.plan.resolve.reachable` walks them);
- the garbage collector's tuning while a large file is read (`read_data`).

Bad usage is raised, never printed: `UnknownAgencyError` for an agency the registry does
not know, `UnknownRegionError` for a region the data has no rows of, `MissingSheetError`
for a `sheet` a workbook does not have, `LookupError` for an unknown encoding, `OSError`
for a file that cannot be read, `ValueError` for `region` with `by="region"`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypedDict, Unpack

from ..read.reading import READ_DEFAULTS, ReadOptions

if TYPE_CHECKING:
    from ..plan.measures import MeasureRegistry
    from ..plan.registry import Registry
    from ..read.observations import Diagnostic, ReadResult
    from ..read.yearly_plan import YearlyPlan
    from .assess import AssessmentReport
    from .results import Report

__all__ = [
    "CheckOptions",
    "CheckRun",
    "GroupBy",
    "MAX_REGIONS",
    "MissingSheetError",
    "ReadOptions",
    "TooManyRegionsError",
    "UnknownRegionError",
    "check_files",
    "district_series",
    "read_data",
    "read_plan",
    "run_assess",
    "run_check",
]

GroupBy = Literal["agency", "chapter", "region"]


class CheckOptions(TypedDict, total=False):
    """The options of `run_check` and `check_files` after the files, the registry and
    how they are read."""

    year: int | None
    region: str | None
    by: GroupBy
    agency: str | None
    plan: Iterable[str | Path] | None


class UnknownRegionError(ValueError):
    """A region the data has no rows of."""

    def __init__(self, region: str) -> None:
        super().__init__(f"no rows of region {region!r} in the data")
        self.region = region


# `by="region"` checks every target in every region: results (and output) grow with
# regions x targets, about 80 KB of table and 0.5 MB of memory per region. The plan has
# 10 districts; above this many regions the check stops before any is checked.
MAX_REGIONS = 1000


class TooManyRegionsError(ValueError):
    """More regions in the data than `by="region"` checks one by one (MAX_REGIONS)."""

    def __init__(self, count: int) -> None:
        super().__init__(
            f"the data name {count:,} regions; --by region checks at most {MAX_REGIONS:,}"
        )
        self.count = count


class MissingSheetError(LookupError):
    """A sheet that a workbook does not have: the diagnostic that says so."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(f"{diagnostic.file}: {diagnostic.message_in('en')}")
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class CheckRun:
    """What a check read and what it found."""

    data: ReadResult
    report: Report


def district_series(registry: Registry) -> frozenset[str]:
    """The series a target stated for every district is judged on: its indicator and,
    for a derived one, the inputs of its formula (transitively; plan/region_names.py)."""
    from ..plan.region_names import every_district_series

    return every_district_series(registry)


def read_data(
    paths: Iterable[str | Path],
    registry: Registry,
    reading: ReadOptions = READ_DEFAULTS,
    *,
    regions: frozenset[str] | None = None,
    every_region: frozenset[str] = frozenset(),
) -> ReadResult:
    """The data, read exactly as `szq validate` reads it (observations of `regions` only,
    and of the series `every_region` in every region; None: every region).

    The cyclic garbage collector is paused while the observations are built: a million
    rows make a million small objects and no cycles, and its passes over them cost
    about a third of the reading time. What was read is then frozen: it lives as long as
    the caller keeps it, and the collector never scans it again.
    """
    import gc

    from ..plan.lookup import Lookup
    from ..read.reader import read_files

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        lookup = Lookup.from_registry(registry)
        result = read_files(
            list(paths), lookup, reading, regions=regions, every_region=every_region
        )
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    for diagnostic in result.diagnostics:
        if diagnostic.message_key == "no-sheet":
            raise MissingSheetError(diagnostic)
    return result


def read_plan(
    paths: Iterable[str | Path],
    registry: Registry,
    reading: ReadOptions = READ_DEFAULTS,
) -> YearlyPlan:
    """Yearly plan files (sz_quality.read.yearly_plan), read as data files are."""
    from ..plan.lookup import Lookup
    from ..read.yearly_plan import read_yearly_plan

    judged = frozenset(t.id for t in registry.targets) | {t.indicator for t in registry.targets}
    return read_yearly_plan(paths, Lookup.from_registry(registry), reading, judged=judged)


def run_check(
    paths: Iterable[str | Path],
    registry: Registry,
    reading: ReadOptions = READ_DEFAULTS,
    *,
    year: int | None = None,
    region: str | None = None,
    by: GroupBy = "agency",
    agency: str | None = None,
    plan: Iterable[str | Path] | None = None,
) -> CheckRun:
    """Read the files and check every target, as `szq check` does.

    `region`: one district's rows (its name as the data's region column gives it, or
    any name the registry gives the district; 全市 is the city total); the city total
    by default. `by="region"`: the city total and every district, each on its
    own rows. `agency` (id, name, alias): only the targets it leads. `year`: default the
    latest year in the data. `reading`: how the files (and `plan`) are read. `plan`:
    yearly plan files, each target with a sub-target for the year judged against it too
    (check/yearly.py).
    """
    from ..plan.region_names import RegionNames
    from .evaluate import evaluate, evaluate_regions

    selected = registry.resolve_agency(agency) if agency is not None else None
    if region is not None and by == "region":
        raise ValueError("region and by='region': choose one")
    name = " ".join(region.split()) if region is not None else ""
    if name:  # 福田 is 福田区; 全市 the city total
        known = RegionNames.of(registry.districts, registry.city_total).canonical(name)
        name = known if known is not None else name
    yearly = None
    if plan is not None:
        yearly = read_plan(plan, registry, reading)
    if by == "region":
        data = read_data(paths, registry, reading)
        count = len({observation.region for observation in data.observations} - {""})
        if count > MAX_REGIONS:
            raise TooManyRegionsError(count)
        report = evaluate_regions(registry, data, year, plan=yearly)
    else:
        every_region = district_series(registry) if not name else frozenset()
        data = read_data(
            paths, registry, reading, regions=frozenset({name}), every_region=every_region
        )
        if name and not any(item.region == name for item in data.observations):
            raise UnknownRegionError(name)
        report = evaluate(registry, data, year, region=name, plan=yearly)
    if selected is not None:
        report = report.for_agency(selected.name_zh)
    return CheckRun(data, report)


def check_files(
    paths: Iterable[str | Path],
    registry: Registry,
    reading: ReadOptions = READ_DEFAULTS,
    **options: Unpack[CheckOptions],
) -> Report:
    """The Report `szq check` renders for these files and options (see `run_check`)."""
    return run_check(paths, registry, reading, **options).report


def run_assess(
    paths: Iterable[str | Path],
    registry: Registry,
    reading: ReadOptions = READ_DEFAULTS,
    *,
    year: int | None = None,
    plan: Iterable[str | Path] | None = None,
    measures: MeasureRegistry | None = None,
    measures_status: str | Path | None = None,
) -> AssessmentReport:
    """Read the files and score every agency and district, as `szq assess` does
    (sz_quality.check.assess): the city and every district of the data checked, with the
    yearly plan's sub-targets (`plan`) and the measures' status (`measures_status`, read
    against `measures`) when given. `year`: default the latest year in the data; `reading`:
    how the files are read."""
    from ..read.measures_status import read_measures_status
    from .assess import assess
    from .evaluate import evaluate_regions

    given = [str(path) for path in paths]
    plan_paths = [str(path) for path in plan] if plan is not None else []
    yearly = None
    if plan_paths:
        yearly = read_plan(plan_paths, registry, reading)
    data = read_data(given, registry, reading)
    report = evaluate_regions(registry, data, year, plan=yearly)
    statuses = None
    if measures_status is not None and measures is not None:
        statuses = read_measures_status(measures_status, (m.id for m in measures.measures))
    return assess(
        registry,
        data,
        report,
        measures=measures,
        statuses=statuses,
        inputs=[*given, *plan_paths, *([str(measures_status)] if measures_status else [])],
    )
