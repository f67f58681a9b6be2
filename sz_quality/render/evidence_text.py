"""A verdict's caveats and rows in words: the data's notes and the values it used.

The one place where every renderer (the check's table, Markdown and CSV; the annual
report's HTML and Markdown) gets the lines it shows beside a verdict; the JSON lists
the rows themselves (check/evidence.py). Values and units are shown as the file gave
them: the point is to find them there.
"""

from __future__ import annotations

from ..check.evidence import Evidence
from ..check.series import ExchangeRate
from ..plan.lang import Lang
from ..read.observations import Observation
from .format import format_exact
from .verdict_words import word

__all__ = ["note_lines", "rate_text", "row_text", "used_lines"]


def note_lines(evidence: Evidence, lang: Lang) -> list[str]:
    """One line per row used that carries a note: ※ data note (series year): note."""
    return [
        word("evidence.note", lang, series=row.series, year=row.year, note=row.note)
        for row in evidence.noted
    ]


def row_text(row: Observation, lang: Lang) -> str:
    """A row used: series year: value unit (file, line n); source: … (its note is
    `note_lines`')."""
    value = f"{row.value_text or format_exact(row.value)} {row.unit_text}".rstrip()
    parts = [
        word(
            "evidence.row",
            lang,
            series=row.series,
            year=row.year,
            value=value,
            file=row.file,
            line=row.line,
        )
    ]
    if row.source:
        parts.append(word("evidence.source", lang, source=row.source))
    return word("punct.semicolon", lang).join(parts)


def rate_text(rate: ExchangeRate, lang: Lang) -> str:
    source = word("evidence.rate_data", lang) if rate.source == "data" else rate.source
    return word(
        "evidence.rate", lang, year=rate.year, rate=format_exact(rate.cny_per_usd), source=source
    )


def used_lines(evidence: Evidence, lang: Lang) -> list[str]:
    """Every row used, then every exchange rate, one line each."""
    return [row_text(row, lang) for row in evidence.rows] + [
        rate_text(rate, lang) for rate in evidence.rates
    ]
