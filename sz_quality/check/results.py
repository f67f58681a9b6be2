"""What `szq check` produces: one Result per target, grouped and counted in a Report.

Plain frozen dataclasses: the renderers (table, json, csv, markdown) and a script that
calls the library read the same objects. All counting (per agency, per chapter, in
total) lives here, so that a test can check it without the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, get_args

from ..plan.models import Target
from ..read.observations import Diagnostic, InputSummary
from ..words import both, word
from .evidence import Evidence
from .outlook import Outlook, outlook_fields
from .reasons import Reason, ReasonWords
from .rounding import number

if TYPE_CHECKING:
    from .yearly import YearlyVerdict

__all__ = [
    "NO_EVIDENCE",
    "OPEN_STATUSES",
    "STATUSES",
    "TREND_CATEGORIES",
    "WIDEST_GAPS",
    "Group",
    "Report",
    "Result",
    "Status",
    "Trend",
    "TrendCategory",
    "count_statuses",
    "number",
]

Status = Literal["met", "not_met", "on_track", "off_track", "no_data", "not_assessable"]
STATUSES: tuple[Status, ...] = get_args(Status)
# The agencies with the most open gaps that every summary lists (szq check, its workbook,
# the annual report).
WIDEST_GAPS = 5
# The statuses that count as an open gap when agencies are ranked.
OPEN_STATUSES: frozenset[Status] = frozenset({"not_met", "off_track"})

TrendCategory = Literal["significant", "moderate", "insufficient", "moving_away"]
TREND_CATEGORIES: tuple[TrendCategory, ...] = get_args(TrendCategory)

UNASSIGNED = ""  # the group of a target whose lead no one names (never dropped)
NO_EVIDENCE = Evidence()  # a result that used no row


@dataclass(frozen=True)
class Trend:
    """Eurostat's ratio R = CAGR observed / |CAGR required| (direction-aware) and its band."""

    ratio: float | None
    category: TrendCategory | None
    first_year: int | None = None
    last_year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ratio": number(self.ratio), "category": self.category}


# A result's plain JSON fields: those its target holds (JSON name -> the target's field),
# those that are figures, and those `szq check --format json` opens with.
_TARGET_FIELDS = {
    "baseline_year": "baseline_year",
    "target_year": "target_year",
    "target_min": "min",
    "target_max": "max",
    "tolerance": "tolerance",
}
_FIGURES = frozenset(
    {
        "actual",
        "target_value",
        "gap",
        "gap_pct",
        "progress",
        "baseline_value",
        "target_min",
        "target_max",
        "tolerance",
    }
)
_CHECK_FIELDS = (
    "target",
    "indicator",
    "nature",
    "status",
    "actual",
    "actual_year",
    "target_value",
    "unit",
    "gap",
    "gap_pct",
    "progress",
    "nominal",
    "path",
    "other_path_status",
)


@dataclass(frozen=True)
class Result:
    """One target (`spec`) checked for one year.

    `actual`, `target_value` and `gap` are in the target's own unit (`unit`); for a
    share the gap is in percentage points. `progress` is the share of the distance from
    the baseline value to the target covered (1.0 = reached). `reason` says why a
    result is no_data or not_assessable (or qualifies another status), as a code and
    its fields; the renderers put it into words.
    """

    spec: Target  # the target checked: its id, names, figure, years and leads
    status: Status
    actual: float | None
    actual_year: int | None
    target_value: float | None  # the goal: the figure, or the bound of a range aimed at
    gap: float | None
    gap_pct: float | None
    progress: float | None
    trend: Trend | None
    reason: Reason | None
    baseline_value: float | None = None
    derived: bool = False
    # the rows and rates the verdict rests on (JSON: `used`, `exchange_rates`)
    evidence: Evidence = NO_EVIDENCE
    # progress analysis: rates, projection (check/outlook.py) and the district checked
    outlook: Outlook | None = None
    region: str = ""  # "" the city total, else the district the result is for
    lagging_regions: tuple[str, ...] = ()  # a per-district milestone: the districts failing
    # the path an earlier year is judged on (compound, straight; docs/rules.md, section
    # 4), and the status the other path gives where it differs
    path: str | None = None
    other_path_status: Status | None = None
    # the rates and the value are growth of current-price levels: nominal (名义)
    nominal: bool = False
    yearly: YearlyVerdict | None = None  # against a yearly plan (check/yearly.py)

    # read through the target: the JSON contract's names for its fields
    @property
    def target(self) -> str:
        return self.spec.id

    @property
    def indicator(self) -> str:
        return self.spec.indicator

    @property
    def unit(self) -> str:
        return self.spec.unit

    @property
    def nature(self) -> str | None:
        """binding (约束性) / expected (预期性), as the plan marks the target."""
        return self.spec.nature

    @property
    def lead_agencies(self) -> tuple[str, ...]:
        """The agencies the result is filed under: the text's, else the inferred."""
        return self.spec.leads

    @property
    def lead_agencies_inferred(self) -> bool:
        return self.spec.leads_are_inferred

    def name(self, lang: str) -> str:
        return self.spec.name_zh if lang == "zh" else self.spec.name_en

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def json_fields(self, *keys: str) -> dict[str, Any]:
        """These fields under their JSON names, figures rounded (`number`), in this order.

        The one spelling of a result's plain fields for every JSON that shows them:
        `szq check --format json` (`to_dict`) and the annual report's indicator table.
        """
        found = {}
        for key in keys:
            name = _TARGET_FIELDS.get(key)
            value = getattr(self.spec, name) if name is not None else getattr(self, key)
            found[key] = number(value) if key in _FIGURES else value
        return found

    def to_dict(self, words: ReasonWords, *, yearly: bool = False) -> dict[str, Any]:
        """The result as `szq check --format json` writes it (issue 5's contract).

        `reason` is the reason in words (`words`, in the output's language); beside it
        `reason_code`, the `missing` (series, year) pairs and the reason's other fields.
        `yearly` (a check with a yearly plan): `yearly`, the sub-target's verdict or null.
        """
        reason = self.reason
        return {
            **self.json_fields(*_CHECK_FIELDS),
            "trend": self.trend.to_dict() if self.trend else {"ratio": None, "category": None},
            "lead_agencies": list(self.lead_agencies),
            "lead_agencies_inferred": self.lead_agencies_inferred,
            "reason": words(reason) if reason is not None else None,
            "reason_code": reason.code if reason is not None else None,
            "missing": [
                {"series": series, "year": year}
                for series, year in (reason.missing_pairs if reason is not None else ())
            ],
            "reason_fields": reason.fields() if reason is not None else {},
            **self.evidence.to_dict(),
            # progress analysis
            **outlook_fields(self.outlook),
            "region": self.region,
            "lagging_regions": list(self.lagging_regions),
            **({"yearly": self.yearly.to_dict() if self.yearly else None} if yearly else {}),
        }


def count_statuses(results: Iterable[Result]) -> dict[Status, int]:
    """{status: n} over every status, zeros included, in STATUSES order."""
    counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
    for result in results:
        counts[result.status] += 1
    return counts


@dataclass(frozen=True)
class Group:
    """A section of the report: one agency (or one chapter) and its results."""

    key: str  # the agency's name_zh, str(chapter), or UNASSIGNED
    label_zh: str
    label_en: str
    results: tuple[Result, ...]

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    @property
    def counts(self) -> dict[Status, int]:
        return count_statuses(self.results)

    @property
    def open_gaps(self) -> int:
        return sum(1 for result in self.results if result.is_open)

    @property
    def total(self) -> int:
        return len(self.results)


@dataclass(frozen=True)
class Report:
    """Every target's result for one year, with the reading's inputs and diagnostics."""

    year: int
    results: tuple[Result, ...]
    inputs: tuple[InputSummary, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    # agency name_zh -> (name_zh, name_en), in the registry's order
    agency_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # the agency filter the report was made with (--agency), if any
    agency_filter: str | None = None
    # chapter number -> (heading_zh, heading_en), from the registry's `chapters:`
    chapter_names: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    # indicator id -> (name_zh, name_en), from the registry (the workbook shows them)
    indicator_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # `only` (--status): the statuses shown, and the counts before the filter
    status_filter: frozenset[Status] | None = None
    counts_before_filter: Mapping[Status, int] | None = None
    region: str = ""  # the district checked (--region), "" for the city total
    yearly_plan: tuple[str, ...] = ()  # the yearly plan's files (szq check --plan), if any

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.severity == "error" for diagnostic in self.diagnostics)

    @property
    def summary(self) -> dict[Status, int]:
        return count_statuses(self.results)

    def statuses(self) -> set[Status]:
        return {result.status for result in self.results}

    def by_agency(self) -> list[Group]:
        """One group per lead agency, the most open gaps first.

        A target with several leads appears under each; a target whose leads are only
        inferred is filed under them (the result says so); a target with no lead at
        all goes to a last group with an empty key. Ties: more no_data first, then the
        registry's order of agencies.
        """
        order = {name: index for index, name in enumerate(self.agency_names)}
        members: dict[str, list[Result]] = {}
        for result in self.results:
            leads = result.lead_agencies or (UNASSIGNED,)
            for lead in leads:
                if self.agency_filter is not None and lead != self.agency_filter:
                    continue
                members.setdefault(lead, []).append(result)
        groups = []
        for key, results in members.items():
            zh, en = self.agency_names.get(key, (key, key))
            if key == UNASSIGNED:
                zh, en = both("group.unassigned")
            groups.append(Group(key, zh, en, tuple(results)))

        def rank(group: Group) -> tuple[int, int, int, int, str]:
            unassigned = 1 if group.key == UNASSIGNED else 0
            counts = group.counts
            return (
                unassigned,
                -group.open_gaps,
                -counts["no_data"],
                order.get(group.key, len(order)),
                group.key,
            )

        return sorted(groups, key=rank)

    def by_chapter(self) -> list[Group]:
        """One group per chapter of the plan, in the plan's order."""
        members: dict[int, list[Result]] = {}
        for result in self.results:
            members.setdefault(result.spec.chapter, []).append(result)
        groups = []
        for chapter, results in sorted(members.items()):
            zh, en = self.chapter_names.get(chapter) or (
                word("group.chapter", "zh", chapter=chapter),
                word("group.chapter", "en", chapter=chapter),
            )
            groups.append(Group(str(chapter), zh, en, tuple(results)))
        return groups

    def for_agency(self, name_zh: str) -> Report:
        """The report restricted to the targets the agency leads (by the text or inferred)."""
        return replace(
            self,
            results=tuple(r for r in self.results if name_zh in r.lead_agencies),
            agency_filter=name_zh,
        )

    def summary_by_nature(self) -> dict[str, dict[Status, int]]:
        """{nature: {status: n}} for binding (约束性) and expected (预期性) targets, apart:
        an evaluation reports the binding targets on their own."""
        return {
            nature: count_statuses(r for r in self.results if r.nature == nature)
            for nature in ("binding", "expected")
        }

    def for_nature(self, nature: str) -> Report:
        """The report restricted to the binding (or the expected) targets."""
        return replace(self, results=tuple(r for r in self.results if r.nature == nature))

    def only(self, statuses: frozenset[Status]) -> Report:
        """The report showing only results of `statuses` (the counts before kept aside)."""
        return replace(
            self,
            results=tuple(r for r in self.results if r.status in statuses),
            status_filter=statuses,
            counts_before_filter=self.counts_before_filter or self.summary,
        )

    def status_filter_order(self) -> list[Status]:
        """The statuses of the filter, in STATUSES order."""
        chosen = self.status_filter or frozenset()
        return [status for status in STATUSES if status in chosen]

    def widest_gaps(self, limit: int = WIDEST_GAPS) -> list[Group]:
        """The agencies with the most open gaps (not met, off track), at most `limit`."""
        return [group for group in self.by_agency() if group.open_gaps][:limit]

    def by_region(self) -> list[Group]:
        """One group per region checked (szq check --by region), the city total first."""
        members: dict[str, list[Result]] = {}
        for result in self.results:
            members.setdefault(result.region, []).append(result)
        groups = []
        for region, results in members.items():
            zh, en = (region, region) if region else both("group.city_total")
            groups.append(Group(region, zh, en, tuple(results)))
        return groups

    def groups(self, by: Literal["agency", "chapter", "region"] = "agency") -> list[Group]:
        if by == "region":
            return self.by_region()
        return self.by_agency() if by == "agency" else self.by_chapter()

    def to_dict(self, words: ReasonWords) -> dict[str, Any]:
        """The report as `szq check --format json` writes it (issue 5's contract).

        `words` puts each result's reason into words (sz_quality.render.verdict_words).
        """
        planned = bool(self.yearly_plan)
        data: dict[str, Any] = {
            "year": self.year,
            "inputs": [summary.to_dict() for summary in self.inputs],
            "diagnostics": [diagnostic.to_json() for diagnostic in self.diagnostics],
            "results": [result.to_dict(words, yearly=planned) for result in self.results],
            "agencies": [
                {"agency": group.key, "counts": dict(group.counts)} for group in self.by_agency()
            ],
            "summary": dict(self.summary),
            "summary_by_nature": self.summary_by_nature(),
        }
        if planned:
            data["yearly_plan"] = {"files": list(self.yearly_plan), "summary": self.yearly_summary}
        return data

    @property
    def yearly_summary(self) -> dict[str, int]:
        """{met, not_met, no_data: n} over the results judged against a sub-target."""
        counts = {"met": 0, "not_met": 0, "no_data": 0}
        for result in self.results:
            if result.yearly is not None:
                counts[result.yearly.status] += 1
        return counts
