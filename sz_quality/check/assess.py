"""`szq assess`: a score per lead agency and per district, every point traceable (考核).

The components and their weights are the registry's (`assessment:`,
sz_quality.plan.assessment). Each component lists its items, and each item what it
earned (`credit`, 0 to 1, or None when it is not counted, with the reason in `note`)
and its weight in the component; a component's share is the weighted mean of the
credits counted; a unit's score is the sum of its components' points, each component's
weight scaled so that the components it has add up to 100.

An agency is scored on:
- `targets`: the city's result of each target it leads: met and on track earn 1, not
  met and off track 0; no data and not assessable are listed, not counted (no data is
  the submission's: a target without data never counts as failed);
- `submission`: each row its counted targets need for the year (plan/submission.py, the
  rule of `validate --expect-agency`) present in the data (an accepted row, its own or
  its formula's inputs'), 1, or missing, 0;
- `measures`: each of its specific measures, with `--measures-status`: done 1, in
  progress the registry's credit, not started 0; one the file does not mention is
  listed as not reported and not counted (missing data is never a failure);
- `yearly_plan`: each counted target with a sub-target for the year (`--plan`): met 1,
  not met 0, no data not counted.
A target whose lead is only inferred counts for no one unless the registry says
`inferred_leads: include`; it is listed with the note `inferred_lead`. A target with
several leads counts wholly for each (`shared_targets: full`) or 1/n (`split`).

A district of the data is scored on its own results (`targets`: every target judged on
its rows, but one on an additive indicator, whose figure is the city's total: listed
with the note `city_figure`, not counted, unless stated for every district) and its own
sub-targets (`yearly_plan`); submission and measures are the agencies'.

A unit with no component that has an item counted is listed as not assessable (score
None), never scored 0. Ranking, agencies and districts apart: by score (rounded to 0.01)
descending; equal rounded scores share a rank (1, 2, 2, 4); among them, more items
counted first, then the registry's order of agencies (the data's order of districts).
Units not assessable follow, unranked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from ..plan.assessment import COMPONENTS, Assessment, Component
from ..plan.lookup import AgencyInfo, Lookup
from ..plan.resolve import is_available, lookup_inputs
from ..plan.submission import requirements
from .results import Report, Result

if TYPE_CHECKING:
    from ..plan.measures import MeasureRegistry
    from ..plan.models import Agency, Target
    from ..plan.registry import Registry
    from ..read.measures_status import MeasuresStatus
    from ..read.observations import Diagnostic, ReadResult

__all__ = ["AssessmentReport", "ComponentScore", "Item", "UnitScore", "assess"]

UnitKind = Literal["agency", "district"]
_EARNS = {"met": 1.0, "on_track": 1.0, "not_met": 0.0, "off_track": 0.0}


@dataclass(frozen=True)
class Item:
    """One thing a component counts: a target, a row to submit, a measure, a sub-target."""

    id: str
    status: str
    credit: float | None  # 0 to 1; None: listed, not counted (why: `note`)
    weight: float = 1.0  # its weight in the component (1/n for a target split n ways)
    note: str | None = None  # inferred_lead, no_data, not_assessable, …

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "credit": _round(self.credit),
            "weight": _round(self.weight),
            "note": self.note,
        }


@dataclass(frozen=True)
class ComponentScore:
    """One component of a unit's score: its items and what they add up to."""

    component: Component
    weight: float  # the registry's weight
    items: tuple[Item, ...]
    points: float | None = None  # its part of the score (None: not in the score)

    @property
    def counted(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.credit is not None)

    @property
    def share(self) -> float | None:
        """The weighted mean of the credits counted, 0 to 1 (None: nothing counted)."""
        counted = self.counted
        total = sum(item.weight for item in counted)
        if not counted or total <= 0:
            return None
        return sum(item.weight * (item.credit or 0.0) for item in counted) / total

    @property
    def used(self) -> bool:
        return self.weight > 0 and self.share is not None

    def to_dict(self) -> dict[str, Any]:
        counted = self.counted
        return {
            "component": self.component,
            "weight": _round(self.weight),
            "used": self.used,
            "counted": len(counted),
            "earned": _round(sum(item.weight * (item.credit or 0.0) for item in counted)),
            "possible": _round(sum(item.weight for item in counted)),
            "share": _round(self.share),
            "points": _round(self.points),
            "items": [item.to_dict() for item in self.items],
        }


@dataclass(frozen=True)
class UnitScore:
    """An agency's or a district's score, its components and its rank."""

    kind: UnitKind
    key: str  # the agency's id, or the district's name
    name_zh: str
    name_en: str
    components: tuple[ComponentScore, ...]
    score: float | None = None  # None: not assessable
    rank: int | None = None

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    @property
    def counted(self) -> int:
        return sum(len(c.counted) for c in self.components if c.used)

    def component(self, name: Component) -> ComponentScore:
        return next(c for c in self.components if c.component == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "assessable": self.score is not None,
            "score": _round(self.score),
            "rank": self.rank,
            "counted": self.counted,
            "components": [component.to_dict() for component in self.components],
        }


@dataclass(frozen=True)
class AssessmentReport:
    """Every unit's score for one year, agencies then districts, each in rank order."""

    year: int
    rules: Assessment
    units: tuple[UnitScore, ...]
    inputs: tuple[str, ...] = ()  # the data files, the plan's, the measures status
    diagnostics: tuple[Diagnostic, ...] = ()  # of the data, the plan, the measures status

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.severity == "error" for diagnostic in self.diagnostics)

    @property
    def agencies(self) -> tuple[UnitScore, ...]:
        return tuple(unit for unit in self.units if unit.kind == "agency")

    @property
    def districts(self) -> tuple[UnitScore, ...]:
        return tuple(unit for unit in self.units if unit.kind == "district")

    def to_dict(self) -> dict[str, Any]:
        rules = self.rules
        return {
            "year": self.year,
            "rules": {
                "weights": {name: _round(rules.weight(name)) for name in COMPONENTS},
                "in_progress_credit": rules.in_progress_credit,
                "inferred_leads": rules.inferred_leads,
                "shared_targets": rules.shared_targets,
            },
            "inputs": list(self.inputs),
            "diagnostics": [diagnostic.to_json() for diagnostic in self.diagnostics],
            "units": [unit.to_dict() for unit in self.units],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


# -- the components --------------------------------------------------------------------


def _counted_targets(
    registry: Registry, agency: Agency
) -> tuple[list[tuple[Target, float]], list[Target]]:
    """The targets counted for `agency` with their weights, and those it leads only by
    inference (not counted unless the registry says so)."""
    rules = registry.assessment
    counted: list[tuple[Target, float]] = []
    inferred: list[Target] = []
    for target in registry.targets:
        leads = target.leads
        if agency.name_zh not in leads:
            continue
        if target.leads_are_inferred and rules.inferred_leads == "exclude":
            inferred.append(target)
            continue
        weight = 1.0 / len(leads) if rules.shared_targets == "split" else 1.0
        counted.append((target, weight))
    return counted, inferred


def _result_item(result: Result, weight: float) -> Item:
    credit = _EARNS.get(result.status)
    note = None if credit is not None else result.status
    return Item(result.target, result.status, credit, weight, note)


def _district_item(registry: Registry, result: Result) -> Item:
    """A district's result; a target on an additive indicator (a city-wide total: GDP
    1.5万亿元) is listed, not counted, unless it is stated for every district."""
    indicator = registry.indicators_by_id.get(result.indicator)
    if indicator is not None and indicator.additive and not result.spec.every_district:
        return Item(result.target, result.status, None, 1.0, "city_figure")
    return _result_item(result, 1.0)


def _yearly_item(result: Result, weight: float) -> Item | None:
    verdict = result.yearly
    if verdict is None:
        return None
    credit = {"met": 1.0, "not_met": 0.0}.get(verdict.status)
    note = None if credit is not None else verdict.status
    return Item(result.target, verdict.status, credit, weight, note)


def _submission(
    lookup: Lookup, agency: AgencyInfo, year: int, present: Mapping[int, set[str]]
) -> list[Item]:
    inputs_of = lookup_inputs(lookup)
    items = []
    for need in requirements(lookup, agency, year):
        found = present.get(need.year, set())
        own = any(target in present.get(year, set()) for target in need.targets)
        ok = own or is_available(need.series, found.__contains__, inputs_of)
        items.append(Item(f"{need.series} {need.year}", "present" if ok else "missing", float(ok)))
    return items


def _measures(
    registry: MeasureRegistry | None, statuses: MeasuresStatus | None, agency: Agency, credit: float
) -> list[Item]:
    if registry is None or statuses is None:
        return []
    earns = {"done": 1.0, "in_progress": credit, "not_started": 0.0}
    items = []
    for measure in registry.of_agency(agency.name_zh):
        found = statuses.get(measure.id)
        if found is None:  # missing data, never a failure: listed, not counted
            items.append(Item(measure.id, "not_reported", None, 1.0, "not_reported"))
        else:
            items.append(Item(measure.id, found.status, earns[found.status]))
    return items


def _scored(unit: UnitScore) -> UnitScore:
    """The unit with its components' points and its score (None: nothing counted)."""
    used = [c for c in unit.components if c.used]
    total = sum(c.weight for c in used)
    if not used or total <= 0:
        return unit
    components = tuple(
        replace(c, points=c.weight / total * 100.0 * (c.share or 0.0)) if c.used else c
        for c in unit.components
    )
    return replace(unit, components=components, score=sum(c.points or 0.0 for c in components))


def _ranked(units: list[UnitScore]) -> list[UnitScore]:
    """Rank order (the module's tie rules); units not assessable last, unranked."""
    order = {id(unit): index for index, unit in enumerate(units)}
    scored = [unit for unit in units if unit.score is not None]
    scored.sort(key=lambda u: (-round(u.score or 0.0, 2), -u.counted, order[id(u)]))
    ranked = []
    for unit in scored:
        shown = round(unit.score or 0.0, 2)
        above = sum(1 for other in scored if round(other.score or 0.0, 2) > shown)
        ranked.append(replace(unit, rank=above + 1))
    return ranked + [unit for unit in units if unit.score is None]


def assess(
    registry: Registry,
    data: ReadResult,
    checked: Report,
    *,
    measures: MeasureRegistry | None = None,
    statuses: MeasuresStatus | None = None,
    inputs: Iterable[str] = (),
) -> AssessmentReport:
    """Every agency's and every district's score for the year `checked` is of.

    `checked`: the check of every target for the year, the city's and each district's
    (`evaluate_regions`, with the yearly plan if any); `data` the rows read (what the
    submissions hold); `measures` and `statuses` the measures and their status file.
    The report's diagnostics are the check's and the status file's; `inputs` the files
    read (data, plan, status file).
    """
    year = checked.year
    rules = registry.assessment
    lookup = Lookup.from_registry(registry)
    present: dict[int, set[str]] = {}
    for item in data.observations:
        present.setdefault(item.year, set()).add(item.series)
    by_region: dict[str, dict[str, Result]] = {}
    for result in checked.results:
        by_region.setdefault(result.region, {})[result.target] = result
    city = by_region.get("", {})
    agencies: list[UnitScore] = []
    for agency in registry.agencies:
        counted, inferred = _counted_targets(registry, agency)
        targets = [_result_item(city[t.id], w) for t, w in counted if t.id in city]
        targets += [
            Item(t.id, city[t.id].status, None, 1.0, "inferred_lead")
            for t in inferred
            if t.id in city
        ]
        yearly = [_yearly_item(city[t.id], w) for t, w in counted if t.id in city]
        info = AgencyInfo(
            agency.id, agency.name_zh, agency.name_en, tuple(t.id for t, _ in counted)
        )
        components = {
            "targets": targets,
            "submission": _submission(lookup, info, year, present),
            "measures": _measures(measures, statuses, agency, rules.in_progress_credit),
            "yearly_plan": [item for item in yearly if item is not None],
        }
        agencies.append(
            _unit(rules, "agency", agency.id, agency.name_zh, agency.name_en, components)
        )
    districts: list[UnitScore] = []
    for region, found in by_region.items():
        if not region:
            continue
        items = {
            "targets": [_district_item(registry, result) for result in found.values()],
            "yearly_plan": [
                item for item in (_yearly_item(r, 1.0) for r in found.values()) if item is not None
            ],
        }
        districts.append(_unit(rules, "district", region, region, region, items))
    units = (*_ranked(agencies), *_ranked(districts))
    diagnostics = (*checked.diagnostics, *(statuses.diagnostics if statuses else ()))
    return AssessmentReport(year, rules, units, tuple(inputs), diagnostics)


def _unit(
    rules: Assessment,
    kind: UnitKind,
    key: str,
    name_zh: str,
    name_en: str,
    items: Mapping[str, list[Item]],
) -> UnitScore:
    components = tuple(
        ComponentScore(name, rules.weight(name), tuple(items.get(name, ()))) for name in COMPONENTS
    )
    return _scored(UnitScore(kind, key, name_zh, name_en, components))
