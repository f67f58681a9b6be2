"""Rich tables of the registry: targets, measures and agencies."""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO

from rich.console import Console
from rich.table import Table

from ..plan.lang import Lang, name_of
from ..plan.listing import AgencyCounts
from ..plan.measures import MeasureRegistry
from ..plan.models import Measure, Target
from ..plan.registry import Registry
from .format import target_figure as figure_text
from .words import text


def _render(table: Table, width: int | None) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width or 160, force_terminal=False, color_system=None)
    console.print(table)
    return buffer.getvalue()


def target_figure(target: Target, lang: Lang) -> str:
    """The target as a reader states it: '≥ 1.5 万亿元', '40–50 家', 'decrease ≥ 20%'."""
    figure = figure_text(
        target.comparator,
        target.value,
        target.unit,
        minimum=target.min,
        maximum=target.max,
        tolerance=target.tolerance,
    )
    if target.kind == "change" and target.change:
        figure = f"{text('change.' + target.change, lang)} {figure}"
    return figure


def leads_text(registry: Registry, target: Target, lang: Lang) -> str:
    def label(name: str) -> str:
        agency = registry.agencies_by_name.get(name)
        return name_of(agency, lang) if agency else name

    if target.lead_agencies:
        return ", ".join(label(name) for name in target.lead_agencies)
    if target.lead_agencies_inferred:
        inferred = ", ".join(label(name) for name in target.lead_agencies_inferred)
        return f"({text('inferred', lang)}) {inferred}"
    return text("none", lang)


def targets_table(
    registry: Registry, targets: Sequence[Target], lang: Lang, width: int | None = None
) -> str:
    table = Table(title=f"{text('targets', lang)}: {len(targets)}", show_lines=False)
    for key in ("id", "target", "target_value", "kind", "years", "lead"):
        table.add_column(text(key, lang), overflow="fold")
    for target in targets:
        name = name_of(target, lang)
        if target.aspirational:
            name += f" [{text('aspirational', lang)}]"
        where = f"{target.chapter}/{target.clause or '-'}" + (
            f"/T{target.table}" if target.table else ""
        )
        table.add_row(
            f"{target.id}\n{where}",
            name,
            target_figure(target, lang),
            text("kind." + target.kind, lang),
            f"{target.baseline_year}→{target.target_year}",
            leads_text(registry, target, lang),
        )
    return _render(table, width)


def measures_table(
    registry: Registry,
    measures: MeasureRegistry,
    chosen: Sequence[Measure],
    lang: Lang,
    width: int | None = None,
) -> str:
    """Measures grouped by agency, agencies in registry order."""
    out = []
    for agency in registry.agencies:
        rows = [measure for measure in chosen if measure.agency == agency.name_zh]
        if not rows:
            continue
        table = Table(title=f"{name_of(agency, lang)} ({len(rows)})", title_justify="left")
        table.add_column(text("id", lang))
        table.add_column(text("table", lang))
        table.add_column(text("measure", lang), overflow="fold", ratio=1)
        table.add_column(text("targets", lang), overflow="fold")
        for measure in rows:
            title = measures.tables_by_number[measure.table]
            table.add_row(
                measure.id,
                f"{measure.table} {title.title_zh if lang == 'zh' else title.title_en}",
                measure.text_zh if lang == "zh" else measure.text_en,
                "\n".join(measure.targets),
            )
        out.append(_render(table, width))
    return "".join(out)


def agencies_table(rows: Sequence[AgencyCounts], lang: Lang, width: int | None = None) -> str:
    table = Table(title=f"{text('agency', lang)}: {len(rows)}")
    table.add_column(text("id", lang))
    table.add_column(text("agency", lang), overflow="fold")
    table.add_column(text("targets_by_text", lang), justify="right")
    table.add_column(text("targets_inferred", lang), justify="right")
    table.add_column(text("measures", lang), justify="right")
    for row in rows:
        table.add_row(
            row.agency.id,
            name_of(row.agency, lang),
            str(row.targets),
            str(row.targets_inferred),
            str(row.measures),
        )
    table.add_row(
        "",
        text("total", lang),
        str(sum(row.targets for row in rows)),
        str(sum(row.targets_inferred for row in rows)),
        str(sum(row.measures for row in rows)),
    )
    return _render(table, width)
