"""The annual report's data: what it shows, counted and ordered, in no output format.

Plain frozen dataclasses, built by report/build.py and rendered by render/report_*.py
(HTML, Markdown, JSON): no words and no formatted figures here, so that every output
takes them from render/verdict_words.py and render/format.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..check.results import Result, Status
from ..plan.lang import Lang
from ..read.measures_status import MEASURE_STATUSES as REPORTED_STATUSES
from ..read.observations import Diagnostic, InputSummary, Observation, Revision
from .charts import StatusChart, TargetChart

if TYPE_CHECKING:
    from ..check.assess import AssessmentReport
    from ..plan.models import Measure
    from .evaluation import Evaluation

__all__ = [
    "MEASURE_STATUSES",
    "AgencySection",
    "AnnualReport",
    "ChapterSection",
    "ChartSpec",
    "Heading",
    "MeasureRow",
    "Source",
    "TargetRow",
]

# a measure's implementation, as the status file reports it (not_reported: it does not)
MEASURE_STATUSES = (*REPORTED_STATUSES, "not_reported")

ChartSpec = TargetChart | StatusChart


@dataclass(frozen=True)
class TargetRow:
    """A target's line in the report: its checked result and the data its chart shows."""

    result: Result
    name: str
    chart: str | None  # chart id, when the target has several years of data
    history: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class MeasureRow:
    """A measure's line in the report: the measure, its text in the report's language, and
    its implementation as the measures status reports it."""

    measure: Measure
    text: str
    status: str  # one of MEASURE_STATUSES, or not_reported
    note: str | None


@dataclass(frozen=True)
class Heading:
    """What a part of the report is about: a chapter or a lead agency.

    `key`: the key of its check.results.Group (the agency's name_zh, the chapter's number
    as text, "" for the targets no one leads); `label`: its name in the report's language.
    """

    key: str
    label: str


@dataclass(frozen=True)
class ChapterSection(Heading):
    counts: Mapping[Status, int]
    targets: tuple[TargetRow, ...]


@dataclass(frozen=True)
class AgencySection(Heading):
    anchor: str
    counts: Mapping[Status, int]
    open_gaps: int
    targets: tuple[TargetRow, ...]
    measures: tuple[MeasureRow, ...]
    measure_counts: Mapping[str, int]


@dataclass(frozen=True)
class Source:
    source: str
    series: tuple[str, ...]


@dataclass(frozen=True)
class AnnualReport:
    """Everything the annual report shows, in one language, ready to render."""

    lang: Lang
    year: int
    plan: str  # the plan's name in `lang`
    summary: Mapping[Status, int]
    total: int
    chapters: tuple[ChapterSection, ...]
    agencies: tuple[AgencySection, ...]
    widest_gaps: tuple[AgencySection, ...]
    targets: tuple[TargetRow, ...]
    inputs: tuple[InputSummary, ...]
    diagnostics: tuple[Diagnostic, ...]
    revisions: tuple[Revision, ...]
    sources: tuple[Source, ...]
    registry_path: str
    registry_sha256: str
    status_file: str | None
    measure_counts: Mapping[str, int] | None
    stamp: str | None = None
    # chart id -> what the chart shows; render/report/pages.py draws it with its words
    charts: Mapping[str, ChartSpec] = field(default_factory=dict)
    # every row of the data with a note, in the data's order: the caveats of the values
    # the charts show beside those a target's row shows (report/build.py)
    notes: tuple[Observation, ...] = ()
    # the binding (约束性) and the expected (预期性) targets counted apart, when the plan
    # marks them: (label, counts, total)
    natures: tuple[tuple[str, Mapping[Status, int], int], ...] = ()
    # the yearly plan's files (szq report --plan): each target's row shows its 年度目标
    yearly_plan: tuple[str, ...] = ()
    # the assessment of the agencies and districts (szq report --assessment): an annex
    assessment: AssessmentReport | None = None
    # the evaluation report's parts (report/evaluation.py): overall, indicators, chapters,
    # problems, next steps
    evaluation: Evaluation | None = None
