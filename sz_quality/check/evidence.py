"""The rows a verdict rests on: what an auditor traces a Result back to.

A Result's `evidence` lists the observations whose values it used (the value checked
and the baseline value; a derived indicator's inputs; a change's two levels) and the
exchange rates that converted them, each with its file, line, source, note and the
value and unit as the file gave them. The renderers show the notes beside the verdict;
the JSON lists everything (`used`, `exchange_rates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..read.observations import Observation
from .rounding import number
from .series import ExchangeRate

__all__ = ["Evidence", "row_dict"]


def row_dict(row: Observation) -> dict[str, Any]:
    """One row used, as the JSON gives it: the value and unit as given, and where from."""
    return {
        "indicator": row.series,
        "region": row.region,
        "year": row.year,
        "value": row.value_text or repr(row.value),
        "unit": row.unit_text,
        "value_converted": number(row.value),
        "file": row.file,
        "line": row.line,
        "source": row.source,
        "note": row.note,
    }


@dataclass(frozen=True)
class Evidence:
    """The rows and exchange rates a Result used, in the order the check read them."""

    rows: tuple[Observation, ...] = ()
    rates: tuple[ExchangeRate, ...] = ()

    @property
    def noted(self) -> tuple[Observation, ...]:
        """The rows that carry a note (a caveat: survey change, provisional, revised…)."""
        return tuple(row for row in self.rows if row.note)

    def to_dict(self) -> dict[str, Any]:
        return {
            "used": [row_dict(row) for row in self.rows],
            "exchange_rates": [
                {"year": rate.year, "cny_per_usd": rate.cny_per_usd, "source": rate.source}
                for rate in self.rates
            ],
        }
