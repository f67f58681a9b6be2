"""`szq calc`: the derived series as long CSV (which szq reads back) or as JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ...check.derive import DerivedValue
from ...check.results import number
from ...read.observations import ReadResult
from ..check.records import safe_text
from ..jsonout import dumps
from ..validate.as_json import diagnostic_dict

__all__ = ["calc_csv", "calc_json"]


def calc_csv(derived: Sequence[DerivedValue]) -> str:
    """Long CSV (indicator, year, value, unit, region, source, note): szq reads it back."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["indicator", "year", "value", "unit", "region", "source", "note"])
    for item in derived:
        note = "" if item.own_value is None else f"data reports {number(item.own_value)!r}"
        if item.difference and item.difference_percent is not None:
            note += f"; difference {item.difference:+.10g} ({item.difference_percent:+.1f}%)"
        writer.writerow(
            [
                item.indicator,
                item.year,
                repr(number(item.value)),
                safe_text(item.unit),
                safe_text(item.region),
                safe_text(f"szq calc: {item.formula}"),
                note,
            ]
        )
    return buffer.getvalue()


def calc_json(data: ReadResult, derived: Sequence[DerivedValue], lang: str = "en") -> str:
    """The inputs read, their diagnostics and the derived series."""
    return dumps(
        {
            "inputs": [summary.to_dict() for summary in data.inputs],
            "diagnostics": [diagnostic_dict(diagnostic, lang) for diagnostic in data.diagnostics],
            "series": [value.to_dict() for value in derived],
        }
    )
