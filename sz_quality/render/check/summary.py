"""Texts shared by the check report's renderers (no rich here); the words are words.py's,
a result's row is result_row.py's."""

from __future__ import annotations

from ...check.results import Group, Report, Status
from ...plan.lang import Lang
from ...read.observations import Diagnostic, InputSummary
from ..verdict_words import status_word, word

__all__ = [
    "diagnostic_line",
    "input_line",
    "nature_lines",
    "overview_lines",
    "status_label",
    "summary_text",
    "title",
]


def status_label(status: Status, lang: Lang) -> str:
    return status_word(status, lang)


def summary_text(counts: dict[Status, int], total: int, lang: Lang) -> str:
    """met 3 · not met 1 · on track 0 · off track 0 · no data 2 (of 6)."""
    shown: list[Status] = ["met", "not_met", "on_track", "off_track", "no_data"]
    if counts["not_assessable"]:
        shown.append("not_assessable")
    parts = [f"{status_label(status, lang)} {counts[status]}" for status in shown]
    return " · ".join(parts) + word("check.of_total", lang, total=total)


def nature_lines(report: Report, lang: Lang) -> list[str]:
    """The binding (约束性) and the expected (预期性) targets counted apart, when the plan
    marks them: an evaluation reports the binding ones on their own."""
    lines = []
    colon = word("punct.colon", lang)
    for nature, counts in report.summary_by_nature().items():
        total = sum(counts.values())
        if total:
            label = word("nature.summary", lang, nature=word(f"nature.{nature}", lang))
            lines.append(f"{label}{colon}{summary_text(counts, total, lang)}")
    return lines


def group_heading(group: Group, lang: Lang) -> str:
    label = group.label(lang)
    other = group.label("en" if lang == "zh" else "zh")
    if other and other != label and group.key and not group.key.isdigit():
        return f"{label} ({other})"
    return label


def overview_lines(report: Report, lang: Lang) -> list[str]:
    """The first screen: counts by status, the agencies with the widest gaps, the filter."""
    counts = report.counts_before_filter or report.summary
    total = sum(counts.values())
    colon = word("punct.colon", lang)
    lines = [f"{word('summary', lang)}{colon}{summary_text(dict(counts), total, lang)}"]
    lines.extend(nature_lines(report, lang))
    widest = [f"{group.label(lang)} {group.open_gaps}" for group in report.widest_gaps()]
    if widest:
        open_gaps = word("punct.parenthesised", lang, text=word("open_gaps", lang))
        lines.append(f"{word('widest_gaps', lang)}{open_gaps}{colon}" + " · ".join(widest))
    if report.status_filter is not None:
        shown = word("list.separator", lang).join(
            status_label(status, lang) for status in report.status_filter_order()
        )
        lines.append(
            word("check.shown", lang, statuses=shown, shown=len(report.results), total=total)
        )
    return lines


def title(report: Report, lang: Lang) -> str:
    text = word("check.title", lang, year=report.year)
    return f"{text}{word('punct.colon', lang)}{report.region}" if report.region else text


def input_line(summary: InputSummary, lang: Lang) -> str:
    return word("check.input", lang, **summary.to_dict())


def diagnostic_line(diagnostic: Diagnostic, lang: str | None = None) -> str:
    """One line for a diagnostic, its text in `lang` (default: the read's)."""
    lang = diagnostic.lang if lang is None else lang
    where = diagnostic.file
    if diagnostic.line is not None:
        where += f":{diagnostic.line}"
        if diagnostic.column is not None:
            where += f":{diagnostic.column}"
    return f"{where}: {diagnostic.severity} {diagnostic.code}: {diagnostic.text_in(lang)}"


def footnote(lang: Lang) -> str:
    return word("check.footnote", lang)
