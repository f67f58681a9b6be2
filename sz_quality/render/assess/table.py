"""`szq assess` for people: the rules, a table of ranks and points per kind of unit, the
units not assessable, and per unit how each component's points were earned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...plan.assessment import COMPONENTS
from ...plan.lang import Lang
from ..grid import Cell, Column, render_grid
from ..verdict_words import word

if TYPE_CHECKING:
    from ...check.assess import AssessmentReport, ComponentScore, Item

__all__ = ["component_line", "figure", "rules_line", "render_table"]


def figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _share(value: float) -> str:
    return f"{value:.6g}"


# where the words of an item's status are, by component
_STATUS_WORDS = {
    "targets": "status",
    "yearly_plan": "status",
    "measures": "measure",
    "submission": "assess.item",
}


def _status_text(component: str, item: Item, lang: Lang) -> str:
    return word(f"{_STATUS_WORDS[component]}.{item.status}", lang)


def component_line(component: ComponentScore, lang: Lang) -> str:
    name = word(f"assess.component.{component.component}", lang)
    if not component.used:
        return word("assess.component_unused", lang, component=name)
    counted = component.counted
    line = word(
        "assess.component_line",
        lang,
        component=name,
        earned=_share(sum(i.weight * (i.credit or 0.0) for i in counted)),
        possible=_share(sum(i.weight for i in counted)),
        weight=_share(component.weight),
        points=figure(component.points),
    )
    items = []
    for item in component.counted:
        text = f"{item.id} {_status_text(component.component, item, lang)}"
        if item.weight != 1.0:
            text += f" ×{_share(item.weight)}"
        items.append(text)
    line += word("punct.colon", lang) + word("list.separator", lang).join(items)
    uncounted = len(component.items) - len(component.counted)
    if uncounted:
        line += word("list.comma", lang) + word("assess.uncounted", lang, count=uncounted)
    return line


def rules_line(report: AssessmentReport, lang: Lang) -> str:
    """The weights and the fairness rules the scores were made with."""
    rules = report.rules
    weights = word("list.separator", lang).join(
        f"{word(f'assess.component.{name}', lang)} {_share(rules.weight(name))}"
        for name in COMPONENTS
    )
    return word(
        "assess.rules",
        lang,
        weights=weights,
        inferred=word(f"assess.inferred.{rules.inferred_leads}", lang),
        shared=word(f"assess.shared.{rules.shared_targets}", lang),
        credit=_share(rules.in_progress_credit),
    )


def render_table(report: AssessmentReport, lang: Lang) -> str:
    out = [
        word("assess.title", lang, year=report.year),
        rules_line(report, lang),
        word("assess.ties", lang),
    ]
    for diagnostic in report.diagnostics:
        out.append(
            f"{diagnostic.file}:{diagnostic.line or ''}: {diagnostic.code}: "
            f"{diagnostic.text_in(lang)}"
        )
    for heading, units in (
        ("assess.agencies", report.agencies),
        ("assess.districts", report.districts),
    ):
        if not units:
            continue
        columns = [
            Column(word("assess.rank", lang), 6, "right"),
            Column(word("assess.unit", lang), 18),
            Column(word("assess.score", lang), 8, "right"),
            *(Column(word(f"assess.component.{name}", lang), 12, "right") for name in COMPONENTS),
        ]
        rows = []
        for unit in units:
            if unit.score is None:
                continue
            cells = [Cell(str(unit.rank)), Cell(unit.name(lang)), Cell(figure(unit.score))]
            for component in unit.components:
                shown = figure(component.points) if component.used else "—"
                cells.append(Cell(f"{shown} ({len(component.counted)})"))
            rows.append(cells)
        out.append("")
        out.append(word(heading, lang))
        if rows:
            out.append(render_grid(columns, rows).rstrip("\n"))
        idle = [unit.name(lang) for unit in units if unit.score is None]
        if idle:
            listed = word("list.separator", lang).join(idle)
            out.append(word("assess.not_assessable", lang) + word("punct.colon", lang) + listed)
        out.append("")
        out.append(word("assess.items", lang))
        for unit in units:
            if unit.score is None:
                continue
            colon = word("punct.colon", lang)
            out.append(f"{unit.rank}. {unit.name(lang)}{colon}{figure(unit.score)}")
            out.extend(f"   {component_line(c, lang)}" for c in unit.components)
    return "\n".join(out) + "\n"
