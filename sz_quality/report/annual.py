"""The annual progress report (clause 二十八 of the plan): data, then HTML, Markdown or JSON.

`build_report` turns a Report (sz_quality.check.evaluate) with the registries, the data read
and an optional measures status file into an AnnualReport: plain data, counted here so
that a test can check it without rendering. `render_html`, `render_markdown` and
`report_json` render it; `write_report` does all of it and writes the file(s)
atomically. Same inputs, same bytes: nothing depends on the clock unless `stamp` is given.

jinja2 and matplotlib (the `report` extra) are imported on first use; without them a
ReportExtraMissing error says `pip install 'sz-quality[report]'`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..check.reasons import Reason
from ..check.results import STATUSES, UNASSIGNED, Report, Result, Status, number
from ..plan.lang import Lang
from ..plan.measures import MeasureRegistry
from ..plan.registry import Registry
from ..read.measures_status import MeasuresStatus
from ..read.observations import Diagnostic, Observation, ReadResult, Revision

# The annual report renders as well as counts: its reasons take their words from the one
# word list of every output, as the check's renderers do.
from ..render.words import reason_text, reason_words

__all__ = [
    "FORMATS",
    "AgencySection",
    "AnnualReport",
    "ChapterSection",
    "MeasureRow",
    "ReportFormat",
    "build_report",
    "collect_history",
    "format_for",
    "render_html",
    "render_markdown",
    "report_json",
    "write_report",
]

ReportFormat = Literal["html", "md", "json"]
FORMATS: tuple[ReportFormat, ...] = ("html", "md", "json")
WIDEST_GAPS = 5  # agencies listed in the summary

History = Mapping[str, Sequence[tuple[int, float]]]

# Words of the report, in both languages. Each entry: key -> (zh, en).
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("{plan}年度进展报告（{year}年）", "{plan}: annual progress report, {year}"),
    "status.met": ("已达成", "met"),
    "status.not_met": ("未达成", "not met"),
    "status.on_track": ("进度正常", "on track"),
    "status.off_track": ("进度滞后", "off track"),
    "status.no_data": ("缺少数据", "no data"),
    "status.not_assessable": ("无法评估", "not assessable"),
    "trend.significant": ("显著进展", "significant progress"),
    "trend.moderate": ("适度进展", "moderate progress"),
    "trend.insufficient": ("进展不足", "insufficient progress"),
    "trend.moving_away": ("背离目标", "moving away"),
    "measure.done": ("已完成", "done"),
    "measure.in_progress": ("推进中", "in progress"),
    "measure.not_started": ("未启动", "not started"),
    "measure.not_reported": ("未报告", "not reported"),
    "summary": ("总览", "Summary"),
    "by_chapter": ("分章情况", "By chapter"),
    "by_agency": ("分牵头单位情况", "By lead agency"),
    "widest_gaps": ("差距最大的牵头单位", "Agencies with the widest gaps"),
    "open_gaps": ("未达成或滞后", "not met or off track"),
    "no_open_gaps": ("没有未达成或滞后的目标。", "No target is not met or off track."),
    "chapters": ("各章", "Chapters"),
    "agencies": ("各牵头单位", "Lead agencies"),
    "target": ("目标", "Target"),
    "target_value": ("目标值", "Target value"),
    "actual": ("实际值", "Actual"),
    "gap": ("差距", "Gap"),
    "progress": ("进度", "Progress"),
    "trend": ("趋势", "Trend"),
    "status": ("状态", "Status"),
    "unit": ("单位", "Unit"),
    "reason": ("说明", "Note"),
    "total": ("合计", "Total"),
    "targets": ("目标", "Targets"),
    "measures": ("具体措施", "Specific measures"),
    "measure": ("措施", "Measure"),
    "table": ("表", "Table"),
    "note": ("备注", "Note"),
    "no_measures": ("无具体措施。", "No specific measures."),
    "measures_summary": ("措施实施情况", "Implementation of the measures"),
    "inferred": ("推定牵头", "lead inferred"),
    "aspirational": ("力争", "aspirational"),
    "derived": ("推算", "derived"),
    "charts": ("图表", "Charts"),
    "chart.data": ("数据", "data"),
    "chart.path": ("达标路径", "path to target"),
    "chart.target": ("目标", "target"),
    "chart.target_year": ("目标年", "target year"),
    "chart.progress": ("进度", "progress"),
    "chart.expected": ("应达进度", "expected"),
    "chart.no_data": ("缺少数据", "no data"),
    "appendix": ("附录", "Appendix"),
    "inputs": ("输入文件", "Inputs"),
    "file": ("文件", "File"),
    "rows": ("行数", "Rows"),
    "accepted": ("接受", "Accepted"),
    "rejected": ("拒绝", "Rejected"),
    "diagnostics": ("诊断信息", "Diagnostics"),
    "no_diagnostics": ("无。", "None."),
    "severity": ("级别", "Severity"),
    "line": ("行", "Line"),
    "code": ("代码", "Code"),
    "message": ("信息", "Message"),
    "revisions": ("修订", "Revisions"),
    "no_revisions": ("无。", "None."),
    "series": ("序列", "Series"),
    "year": ("年份", "Year"),
    "old": ("原值", "Old"),
    "new": ("新值", "New"),
    "sources": ("数据来源", "Sources"),
    "no_sources": ("数据文件未注明来源。", "The data files name no source."),
    "source": ("来源", "Source"),
    "generated": ("生成时间", "Generated"),
    "registry": ("目标登记册", "Target registry"),
    "status_file": ("措施状态文件", "Measures status file"),
    "year_of_report": ("报告年份", "Year of the report"),
    "inferred_note": (
        "标注“推定牵头”的目标，原文未写明牵头单位，按职责推定。",
        "Targets marked “lead inferred” have no lead named by the text; the lead is inferred.",
    ),
    "path_note": (
        "进度为从基期值到目标值已完成的比例；“进度正常”指达到或超过从基期到目标年的直线路径"
        "（时间过半、任务过半）。",
        "Progress is the share of the distance from the baseline value to the target "
        "covered; “on track” means at or beyond the straight path from the baseline "
        "to the target year.",
    ),
}


def word(key: str, lang: Lang, **fields: object) -> str:
    zh, en = _WORDS[key]
    chosen = zh if lang == "zh" else en
    return chosen.format(**fields) if fields else chosen


def format_number(value: float | None) -> str:
    """A figure for people: thousands separated, at most 2 decimals (3 significant < 1)."""
    if value is None:
        return "—"
    rounded = number(value)
    assert rounded is not None
    magnitude = abs(rounded)
    if magnitude >= 1000:
        text = f"{rounded:,.0f}"
    elif magnitude >= 1 or magnitude == 0:
        text = f"{rounded:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{rounded:.3g}"
    return "0" if text in ("-0", "") else text


def format_signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = format_number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def format_percent(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.0f}%".replace("-0%", "0%")


@dataclass(frozen=True)
class TargetRow:
    """A target's line in the report, its figures formatted for `lang`."""

    result: Result
    name: str
    status_label: str
    target_text: str
    actual_text: str
    gap_text: str
    progress_text: str
    trend_text: str
    chart: str | None  # chart id, when the target has several years of data
    history: tuple[tuple[int, float], ...]

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        data = self.result.to_dict(reason_words(lang))
        data["name"] = self.name
        data["chapter"] = self.result.chapter
        data["history"] = [[year, number(value)] for year, value in self.history]
        data["chart"] = self.chart
        return data


@dataclass(frozen=True)
class MeasureRow:
    id: str
    table: int
    text: str
    targets: tuple[str, ...]
    status: str  # done / in_progress / not_started / not_reported
    status_label: str
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "table": self.table,
            "targets": list(self.targets),
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True)
class ChapterSection:
    key: str
    label: str
    counts: Mapping[Status, int]
    targets: tuple[TargetRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "chapter": int(self.key) if self.key.isdigit() else self.key,
            "label": self.label,
            "counts": dict(self.counts),
            "targets": [row.result.target for row in self.targets],
        }


@dataclass(frozen=True)
class AgencySection:
    key: str
    label: str
    anchor: str
    counts: Mapping[Status, int]
    open_gaps: int
    targets: tuple[TargetRow, ...]
    measures: tuple[MeasureRow, ...]
    measure_counts: Mapping[str, int]
    chart: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "agency": self.key,
            "label": self.label,
            "counts": dict(self.counts),
            "open_gaps": self.open_gaps,
            "targets": [row.result.target for row in self.targets],
            "measures": [row.to_dict() for row in self.measures],
            "measure_counts": dict(self.measure_counts),
        }


@dataclass(frozen=True)
class Source:
    source: str
    series: tuple[str, ...]


@dataclass(frozen=True)
class AnnualReport:
    """Everything the annual report shows, in one language, ready to render."""

    lang: Lang
    year: int
    title: str
    plan: str
    summary: Mapping[Status, int]
    total: int
    chapters: tuple[ChapterSection, ...]
    agencies: tuple[AgencySection, ...]
    widest_gaps: tuple[AgencySection, ...]
    targets: tuple[TargetRow, ...]
    inputs: tuple[Any, ...]
    diagnostics: tuple[Diagnostic, ...]
    revisions: tuple[Revision, ...]
    sources: tuple[Source, ...]
    registry_path: str
    registry_sha256: str
    status_file: str | None
    measure_counts: Mapping[str, int] | None
    stamp: str | None = None
    charts: Mapping[str, str] = field(default_factory=dict)  # chart id -> SVG
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The report's data (what `-o report.json` writes); the charts are not in it."""
        data: dict[str, Any] = {
            "year": self.year,
            "lang": self.lang,
            "title": self.title,
            "registry": {"path": Path(self.registry_path).name, "sha256": self.registry_sha256},
            "summary": dict(self.summary),
            "total": self.total,
            "chapters": [section.to_dict() for section in self.chapters],
            "agencies": [section.to_dict() for section in self.agencies],
            "widest_gaps": [section.key for section in self.widest_gaps],
            "results": [row.to_dict(self.lang) for row in self.targets],
            "measures_status": (
                {"path": self.status_file, "counts": dict(self.measure_counts or {})}
                if self.status_file is not None
                else None
            ),
            "inputs": [summary.to_dict() for summary in self.inputs],
            "diagnostics": [diagnostic.to_dict() for diagnostic in self.diagnostics],
            "revisions": [
                {
                    "series": revision.series,
                    "region": revision.region,
                    "year": revision.year,
                    "old": number(revision.old),
                    "new": number(revision.new),
                    "old_file": revision.old_file,
                    "old_line": revision.old_line,
                    "new_file": revision.new_file,
                    "new_line": revision.new_line,
                }
                for revision in self.revisions
            ],
            "sources": [{"source": s.source, "series": list(s.series)} for s in self.sources],
        }
        if self.stamp is not None:
            data["generated"] = self.stamp
        return data


# --- building ------------------------------------------------------------------------------


def collect_history(
    registry: Registry, data: ReadResult | Iterable[Observation], up_to: int
) -> dict[str, tuple[tuple[int, float], ...]]:
    """Each target's actual value in every year of the data up to `up_to`, in its unit.

    The values are the engine's own (sz_quality.check.evaluate, one run per year of data), so a
    chart shows exactly what the check compares: a level, a cumulative change, an increment.
    """
    from ..check.evaluate import evaluate

    observations = data.observations if isinstance(data, ReadResult) else tuple(data)
    years = sorted({o.year for o in observations if o.region == "" and o.year <= up_to})
    history: dict[str, dict[int, float]] = {}
    for year in years:
        for result in evaluate(registry, observations, year).results:
            if result.actual is not None and result.actual_year is not None:
                history.setdefault(result.target, {})[result.actual_year] = result.actual
    return {key: tuple(sorted(values.items())) for key, values in history.items()}


def _target_text(result: Result) -> str:
    if result.comparator == "between" and result.target_min is not None:
        return f"{format_number(result.target_min)}–{format_number(result.target_max)}"
    value = format_number(result.target_value)
    if result.comparator == "about" and result.tolerance is not None:
        return f"≈ {value} ± {format_number(result.tolerance)}"
    return f"{result.comparator} {value}"


def _row(result: Result, lang: Lang, history: Sequence[tuple[int, float]],
         charted: bool) -> TargetRow:
    trend = result.trend
    trend_text = "—"
    if trend is not None and trend.category is not None:
        trend_text = word(f"trend.{trend.category}", lang)
        if trend.ratio is not None:
            trend_text += f" (R = {trend.ratio:.2f})"
    unit = f" {result.unit}" if result.unit else ""
    return TargetRow(
        result=result,
        name=result.name(lang) or result.target,
        status_label=word(f"status.{result.status}", lang),
        target_text=_target_text(result) + unit,
        actual_text=(
            format_number(result.actual) + unit
            + (f" ({result.actual_year})" if result.actual_year is not None else "")
            if result.actual is not None else "—"
        ),
        gap_text=format_signed(result.gap),
        progress_text=format_percent(result.progress),
        trend_text=trend_text,
        chart=f"chart-{result.target}" if charted else None,
        history=tuple(history),
    )


def _anchor(key: str, index: int, registry: Registry) -> str:
    agency = registry.agencies_by_name.get(key)
    if agency is not None:
        return f"agency-{agency.id}"
    return "agency-none" if key == UNASSIGNED else f"agency-{index}"


def _sources(observations: Iterable[Observation]) -> tuple[Source, ...]:
    found: dict[str, set[str]] = {}
    for observation in observations:
        if observation.source:
            found.setdefault(observation.source.strip(), set()).add(observation.series)
    return tuple(Source(source, tuple(sorted(series)))
                 for source, series in sorted(found.items()) if source)


def build_report(
    report: Report,
    registry: Registry,
    *,
    measures: MeasureRegistry | None = None,
    measures_status: MeasuresStatus | None = None,
    data: ReadResult | None = None,
    history: History | None = None,
    lang: Lang = "en",
    stamp: str | None = None,
    charts: bool = True,
) -> AnnualReport:
    """The annual report's data for `report.year`.

    `data` (what the reader read) gives the appendix its revisions and sources and, unless
    `history` is given, the years of data the charts show (`collect_history`). `charts`
    False skips drawing (JSON needs no SVG) and so the matplotlib import.
    """
    if history is None:
        history = collect_history(registry, data, report.year) if data is not None else {}
    rows = {
        result.target: _row(result, lang, history.get(result.target, ()),
                            charted=charts and len(history.get(result.target, ())) >= 2)
        for result in report.results
    }
    ordered_rows = tuple(rows[result.target] for result in report.results)

    chapters = tuple(
        ChapterSection(group.key, group.label(lang), group.counts,
                       tuple(rows[result.target] for result in group.results))
        for group in report.by_chapter()
    )

    status_of = measures_status.statuses if measures_status is not None else {}
    agencies: list[AgencySection] = []
    for index, group in enumerate(report.by_agency()):
        measure_rows: list[MeasureRow] = []
        if measures is not None:
            for measure in measures.of_agency(group.key):
                reported = status_of.get(measure.id)
                status = reported.status if reported is not None else "not_reported"
                measure_rows.append(MeasureRow(
                    id=measure.id,
                    table=measure.table,
                    text=measure.text_zh if lang == "zh" else measure.text_en,
                    targets=measure.targets,
                    status=status,
                    status_label=word(f"measure.{status}", lang),
                    note=reported.note if reported is not None else None,
                ))
        measure_counts: dict[str, int] = {}
        if measures_status is not None:
            measure_counts = _count_measures(measure_rows)
        anchor = _anchor(group.key, index, registry)
        has_progress = any(result.progress is not None for result in group.results)
        agencies.append(AgencySection(
            key=group.key,
            label=group.label(lang),
            anchor=anchor,
            counts=group.counts,
            open_gaps=group.open_gaps,
            targets=tuple(rows[result.target] for result in group.results),
            measures=tuple(measure_rows),
            measure_counts=measure_counts,
            chart=f"bullet-{anchor}" if charts and has_progress else None,
        ))
    widest = tuple(section for section in agencies if section.open_gaps > 0)[:WIDEST_GAPS]

    all_measure_counts = None
    if measures_status is not None:
        all_measure_counts = _count_measures(
            [row for section in agencies for row in section.measures])

    diagnostics = tuple(report.diagnostics)
    if measures_status is not None:
        diagnostics += tuple(measures_status.diagnostics)
    warnings: list[str] = []
    svgs: dict[str, str] = {}
    if charts:
        svgs = _draw(report, ordered_rows, agencies, lang)
        if lang == "zh":
            from .charts import cjk_font_warning

            missing_font = cjk_font_warning()
            if missing_font:
                warnings.append(missing_font)

    plan = registry.plan.name_zh if lang == "zh" else registry.plan.name_en
    return AnnualReport(
        lang=lang,
        year=report.year,
        title=word("title", lang, plan=plan, year=report.year),
        plan=plan,
        summary=report.summary,
        total=len(report.results),
        chapters=chapters,
        agencies=tuple(agencies),
        widest_gaps=widest,
        targets=ordered_rows,
        inputs=tuple(report.inputs),
        diagnostics=diagnostics,
        revisions=tuple(data.revisions) if data is not None else (),
        sources=_sources(data.observations) if data is not None else (),
        registry_path=registry.path,
        registry_sha256=registry.sha256,
        status_file=measures_status.path if measures_status is not None else None,
        measure_counts=all_measure_counts,
        stamp=stamp,
        charts=svgs,
        warnings=tuple(warnings),
    )


def _count_measures(rows: Iterable[MeasureRow]) -> dict[str, int]:
    counts = dict.fromkeys(("done", "in_progress", "not_started", "not_reported"), 0)
    seen: set[str] = set()
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            counts[row.status] += 1
    return counts


def _draw(report: Report, rows: Sequence[TargetRow], agencies: Sequence[AgencySection],
          lang: Lang) -> dict[str, str]:
    from .charts import BulletRow, TargetChart, agency_bullet_svg, target_svg

    labels = (word("chart.data", lang), word("chart.path", lang), word("chart.target", lang),
              word("chart.target_year", lang))
    svgs: dict[str, str] = {}
    for row in rows:
        if row.chart is None:
            continue
        result = row.result
        svgs[row.chart] = target_svg(TargetChart(
            chart_id=row.chart,
            title=row.name,
            unit=result.unit,
            history=row.history,
            baseline_year=result.baseline_year,
            baseline_value=result.baseline_value,
            target_year=result.target_year,
            target_value=result.target_value,
            target_min=result.target_min,
            target_max=result.target_max,
            year=report.year,
            status=result.status,
            labels=labels,
        ))
    bullet_labels = (word("chart.progress", lang), word("chart.expected", lang),
                     word("chart.no_data", lang))
    for section in agencies:
        if section.chart is None:
            continue
        bullets = []
        for row in section.targets:
            result = row.result
            span = result.target_year - result.baseline_year
            year = min(report.year, result.target_year)
            expected = (year - result.baseline_year) / span if span > 0 else None
            label = row.name if len(row.name) <= 22 else row.name[:21] + "…"
            bullets.append(BulletRow(label, result.progress, expected, result.status))
        svgs[section.chart] = agency_bullet_svg(section.chart, section.label, bullets,
                                                bullet_labels)
    return svgs


# --- rendering -----------------------------------------------------------------------------


def _environment() -> Any:
    try:
        import jinja2
    except ModuleNotFoundError as error:
        from .charts import ReportExtraMissing

        raise ReportExtraMissing("jinja2") from error
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("sz_quality.render", "templates"),
        autoescape=True,  # everything, whatever the template's name
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = _markdown_cell
    environment.globals["STATUSES"] = STATUSES
    return environment


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def _markdown_cell(value: object) -> str:
    """Text safe in a GitHub-flavoured Markdown table cell (HTML escaping comes after)."""
    text = " ".join(str(value).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _context(annual: AnnualReport, lang: Lang) -> dict[str, Any]:
    def w(key: str, **fields: object) -> str:
        return word(key, lang, **fields)

    def reason(found: Reason | None) -> str:
        return reason_text(found, lang) if found is not None else ""

    return {
        "r": annual,
        "w": w,
        "reason": reason,
        "lang": lang,
        "registry_name": Path(annual.registry_path).name,
    }


def render_html(annual: AnnualReport) -> str:
    """One self-contained HTML file: inline CSS, charts as inline SVG, no network."""
    from markupsafe import Markup

    environment = _environment()
    context = _context(annual, annual.lang)
    # the SVGs are matplotlib's own XML (every text in them escaped by matplotlib)
    context["svg"] = {key: Markup(value) for key, value in annual.charts.items()}
    return str(environment.get_template("report.html.j2").render(context))


def render_markdown(annual: AnnualReport, charts_dir: str) -> str:
    """GitHub-flavoured Markdown; the charts are referenced as `charts_dir/<id>.svg`."""
    environment = _environment()
    context = _context(annual, annual.lang)
    context["charts_dir"] = charts_dir
    return str(environment.get_template("report.md.j2").render(context))


def report_json(annual: AnnualReport) -> str:
    from ..render.jsonout import dumps

    return dumps(annual.to_dict())


def format_for(path: str | os.PathLike[str], explicit: str | None = None) -> ReportFormat:
    """The format named by `explicit`, else by the file's suffix (.html/.htm, .md, .json)."""
    if explicit is not None:
        chosen = explicit.lower().lstrip(".")
        chosen = {"htm": "html", "markdown": "md"}.get(chosen, chosen)
        if chosen not in FORMATS:
            raise ValueError(f"unknown report format {explicit!r}: use html, md or json")
        return chosen
    suffix = Path(path).suffix.lower()
    found = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md",
             ".json": "json"}.get(suffix)
    if found is None:
        raise ValueError(
            f"cannot tell the report format from {str(path)!r}: name it .html, .md or .json, "
            "or give --format"
        )
    return found  # type: ignore[return-value]


def write_report(
    path: str | os.PathLike[str],
    report: Report,
    registry: Registry,
    *,
    measures: MeasureRegistry | None = None,
    measures_status: MeasuresStatus | None = None,
    data: ReadResult | None = None,
    lang: Lang = "en",
    fmt: str | None = None,
    stamp: str | None = None,
) -> tuple[AnnualReport, list[Path]]:
    """Build the report and write it to `path` atomically; returns it and the files written.

    Markdown writes its charts as SVG files in `<stem>_charts/` beside it (stale SVGs of an
    earlier run are removed from that folder).
    """
    from ..atomic import write_text_atomic

    chosen = format_for(path, fmt)
    annual = build_report(report, registry, measures=measures,
                          measures_status=measures_status, data=data, lang=lang,
                          stamp=stamp, charts=chosen != "json")
    target = Path(path)
    written: list[Path] = []
    if chosen == "json":
        write_text_atomic(target, report_json(annual))
    elif chosen == "html":
        write_text_atomic(target, render_html(annual))
    else:
        folder_name = f"{target.stem}_charts"
        folder = target.parent / folder_name
        if annual.charts:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.svg"):
                if old.stem not in annual.charts:
                    old.unlink()
            for chart_id, svg in sorted(annual.charts.items()):
                chart_path = folder / f"{chart_id}.svg"
                write_text_atomic(chart_path, svg)
                written.append(chart_path)
        write_text_atomic(target, render_markdown(annual, folder_name))
    written.insert(0, target)
    return annual, written
