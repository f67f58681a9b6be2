"""Read a yearly plan (年度推进计划): the sub-targets a district or an agency sets for a year.

A yearly plan is a data file whose values are goals: the same columns, headers,
encodings and spreadsheets as a data file (`indicator`, `year`, `value`, `unit`,
`region`, `source`, `note`), read by the same reader (read_files), so every problem has
its file, line, column and stable code. `indicator` names a target by its id (the
sub-target is then the target's own figure for the year: a level, a cumulative change,
an increment) or an indicator by its id, name or alias (the sub-target is the
indicator's value for the year); `region` is blank for the city, else the district the
sub-target is for; `year` is the plan's year.

The checks between values that hold for data but not for goals are left out:
`parts-total-mismatch` (districts aiming higher than the city is no error; the plan's
own `plan-parts-short` checks the other way, sz_quality.check.yearly) and
`repeated-value` (a plan may keep a figure for two years).

Besides the data file's codes, a plan has two of its own (sz_quality.read.codes):
- `plan-no-source`  a sub-target without a source (warning: whose plan is it?)
- `plan-no-target`  a sub-target of an indicator that no target of the registry is on
                    (warning: it judges nothing)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..plan.lookup import Lookup
from .codes import make
from .messages import template
from .observations import Diagnostic, InputSummary, Observation, ReadResult
from .reader import read_files
from .reading import READ_DEFAULTS, ReadOptions

__all__ = ["YearlyPlan", "read_yearly_plan"]

SubTargetKey = tuple[str, str, int]  # (series, region, year)
# checks between values of data that say nothing of goals
NOT_FOR_PLANS = frozenset({"parts-total-mismatch", "repeated-value"})


@dataclass(frozen=True)
class YearlyPlan:
    """Every accepted sub-target (an Observation whose value is a goal), with the
    reading's diagnostics and per-file counts."""

    paths: tuple[str, ...]
    sub_targets: tuple[Observation, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    inputs: tuple[InputSummary, ...] = ()
    lang: str = "en"  # the language of the read (the diagnostics' default)
    _index: Mapping[SubTargetKey, Observation] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._index:
            index = {(item.series, item.region, item.year): item for item in self.sub_targets}
            object.__setattr__(self, "_index", index)

    def get(self, series: str, region: str, year: int) -> Observation | None:
        """The sub-target of `series` for `region` ("" the city) in `year`, if any."""
        return self._index.get((series, region, year))

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.severity == "error" for diagnostic in self.diagnostics)

    def with_diagnostics(self, more: Iterable[Diagnostic]) -> YearlyPlan:
        more = (*self.diagnostics, *more)
        return YearlyPlan(self.paths, self.sub_targets, more, self.inputs, self.lang, self._index)


def read_yearly_plan(
    paths: Iterable[str | os.PathLike[str]],
    lookup: Lookup,
    reading: ReadOptions = READ_DEFAULTS,
    *,
    judged: frozenset[str],
) -> YearlyPlan:
    """Read yearly plan files as data files are read, then check what only a plan needs.

    `reading` as for read_files. `judged`: the series a sub-target may judge (every
    target's id and indicator); a sub-target of another series is `plan-no-target`. A
    later file's sub-target supersedes an earlier one's (a `revision` warning), as in
    data files.
    """
    names = [str(path) for path in paths]
    lang = reading.lang
    read: ReadResult = read_files(names, lookup, reading)
    extra: list[Diagnostic] = []
    for item in read.observations:
        if not item.source:
            extra.append(
                make(
                    "plan-no-source",
                    item.file,
                    item.line,
                    None,
                    "source",
                    template("plan-no-source", id=item.series, year=item.year),
                    template("plan-no-source.hint"),
                    lang=lang,
                )
            )
        if item.series not in judged:
            extra.append(
                make(
                    "plan-no-target",
                    item.file,
                    item.line,
                    None,
                    "indicator",
                    template("plan-no-target", id=item.series),
                    template("plan-no-target.hint"),
                    lang=lang,
                )
            )
    kept = (d for d in read.diagnostics if d.code not in NOT_FOR_PLANS)
    diagnostics = (*kept, *extra)
    return YearlyPlan(tuple(names), read.observations, diagnostics, tuple(read.inputs), lang)
