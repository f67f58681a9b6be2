"""Tables of the registry: targets, measures and agencies.

Drawn by szq's own grid (render/grid.py), as `szq check`'s tables are: rich took
0.2-0.3 s to lay out the 136 measures, more than the whole start-up budget of a command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...plan.lang import Lang, name_of
from ...plan.listing import AgencyCounts
from ...plan.measures import MeasureRegistry
from ...plan.models import Measure, Target
from ...plan.registry import Registry
from ..format import target_figure, target_label
from ..grid import LISTING_WIDTH, Column, Degrade, Ink, render_fitted, render_grid, text_width
from ..verdict_words import text, word

__all__ = ["Layout", "agencies_table", "leads_text", "measures_table", "targets_table"]


@dataclass(frozen=True)
class Layout:
    """Where a listing is shown: `width`, the terminal's columns (None: LISTING_WIDTH);
    `degrade`, the console's stand-ins, applied before the widths are measured; `stack`
    (a terminal, not a file or a pipe), a grid still wider than `width` has its rows
    stacked."""

    width: int | None = None
    degrade: Degrade | None = None
    stack: bool = False


def _render(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    layout: Layout,
    *,
    flexible: Sequence[int] = (),
    right: Sequence[int] = (),
) -> str:
    """A title line, then the grid. Columns take their natural width; when the table is
    wider than the layout's width, the widest `flexible` columns give way first."""
    width, degrade = layout.width, layout.degrade
    if degrade is not None:
        title, headers = degrade(title), [degrade(header) for header in headers]
        rows = [[degrade(cell) for cell in row] for row in rows]
    natural = [
        max(
            text_width(line)
            for cell in (header, *(row[i] for row in rows))
            for line in cell.split("\n")
        )
        for i, header in enumerate(headers)
    ]
    room = (width or LISTING_WIDTH) - (3 * len(headers) + 1)
    widths = list(natural)
    floors = {i: min(natural[i], max(text_width(headers[i]), 12)) for i in flexible}
    while sum(widths) > room:  # narrow the widest flexible column, one column at a time
        widest = max(flexible, key=lambda i: widths[i] - floors[i], default=None)
        if widest is None or widths[widest] <= floors[widest]:
            break  # no narrower: the table is as wide as it must be
        widths[widest] -= 1
    columns = [
        Column(header, widths[i], "right" if i in right else "left")
        for i, header in enumerate(headers)
    ]
    ink = Ink(degrade=degrade)
    if width is None or not layout.stack:  # a file or a pipe: the grid, however wide
        return f"{title}\n{render_grid(columns, rows, ink)}"
    # a terminal narrower than the narrowest grid: each row stacked
    return f"{title}\n{render_fitted(columns, rows, width, ink)}"


def leads_text(registry: Registry, target: Target, lang: Lang) -> str:
    def label(name: str) -> str:
        agency = registry.agencies_by_name.get(name)
        return name_of(agency, lang) if agency else name

    between = text("list.names", lang)  # English names hold commas
    if target.lead_agencies:
        return between.join(label(name) for name in target.lead_agencies)
    if target.lead_agencies_inferred:
        inferred = between.join(label(name) for name in target.lead_agencies_inferred)
        return word("lead.inferred", lang, names=inferred)
    return text("none", lang)


def targets_table(
    registry: Registry,
    targets: Sequence[Target],
    lang: Lang,
    layout: Layout = Layout(),
) -> str:
    headers = [text(key, lang) for key in ("id", "target", "target_value", "kind", "years", "lead")]
    rows = []
    for target in targets:
        name = target_label(target, lang)
        where = f"{target.chapter}/{target.clause or '-'}" + (
            f"/T{target.table}" if target.table else ""
        )
        rows.append(
            [
                f"{target.id}\n{where}",
                name,
                target_figure(target, lang),
                text("kind." + target.kind, lang),
                f"{target.baseline_year}→{target.target_year}",
                leads_text(registry, target, lang),
            ]
        )
    title = f"{text('targets', lang)}: {len(targets)}"
    return _render(title, headers, rows, layout, flexible=(1, 2, 5))


def measures_table(
    registry: Registry,
    measures: MeasureRegistry,
    chosen: Sequence[Measure],
    lang: Lang,
    layout: Layout = Layout(),
) -> str:
    """Measures grouped by agency, agencies in registry order."""
    out = []
    for agency in registry.agencies:
        rows = [measure for measure in chosen if measure.agency == agency.name_zh]
        if not rows:
            continue
        headers = [text(key, lang) for key in ("id", "table", "measure", "targets")]
        cells = []
        for measure in rows:
            title = measures.tables_by_number[measure.table]
            cells.append(
                [
                    measure.id,
                    f"{measure.table} {title.title_zh if lang == 'zh' else title.title_en}",
                    measure.text_zh if lang == "zh" else measure.text_en,
                    "\n".join(measure.targets),
                ]
            )
        heading = f"{name_of(agency, lang)} ({len(rows)})"
        out.append(_render(heading, headers, cells, layout, flexible=(1, 2, 3)))
    return "".join(out)


def agencies_table(
    rows: Sequence[AgencyCounts],
    lang: Lang,
    layout: Layout = Layout(),
) -> str:
    headers = [
        text(key, lang)
        for key in ("id", "agency", "targets_by_text", "targets_inferred", "measures")
    ]
    cells = [
        [
            row.agency.id,
            name_of(row.agency, lang),
            str(row.targets),
            str(row.targets_inferred),
            str(row.measures),
        ]
        for row in rows
    ]
    cells.append(
        [
            "",
            text("total", lang),
            str(sum(row.targets for row in rows)),
            str(sum(row.targets_inferred for row in rows)),
            str(sum(row.measures for row in rows)),
        ]
    )
    title = f"{text('agency', lang)}: {len(rows)}"
    return _render(title, headers, cells, layout, flexible=(1,), right=(2, 3, 4))
