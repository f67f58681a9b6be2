"""Whether a value, converted to its series' unit, is one a statistics table would hold.

An error (`out-of-range`) for a value outside the series' bounds, or infinite, or of
magnitude ABSURD or more; a warning (`suspect-fraction`) for a % value about 100 times
smaller than the figure the series' targets set. The row path asks; the column path
hands a batch that might get either to the row path.
"""

from __future__ import annotations

from ..plan.lookup import SeriesInfo
from .cells import ABSURD, TINY, suspect_window
from .findings import Findings, SourceFile
from .messages import template

__all__ = ["check_plausible"]


def check_plausible(
    findings: Findings,
    file: SourceFile,
    info: SeriesInfo,
    value: float,
    where: tuple[int, int, str],
) -> bool:
    """Whether the value is accepted (a suspect fraction is, with a warning)."""
    line, column, name = where
    low, high = info.min, info.max
    # also infinity, from 1e308 万亿元; and a non-zero value too small for any table
    if not -ABSURD < value < ABSURD or (value != 0 and -TINY < value < TINY):
        findings.emit(
            file,
            "out-of-range",
            line,
            column,
            name,
            # the value as text: an infinite float is no JSON number
            template("out-of-range.absurd", id=info.id, value=f"{value:.6g}", unit=info.unit),
            template("out-of-range.absurd.hint", id=info.id, unit=info.unit),
        )
        return False
    if (low is None or value >= low) and (high is None or value <= high):
        window = suspect_window(info.reference)
        if window is not None and info.reference and window[0] <= value <= window[1]:
            findings.emit(
                file,
                "suspect-fraction",
                line,
                column,
                name,
                template("suspect-fraction", id=info.id, value=value, reference=info.reference),
                template("suspect-fraction.hint", percent=f"{value * 100:.12g}"),
            )
        return True
    # the comparators as every output writes them (≥, ≤; ASCII on a console without them)
    shown = (
        f"{low:g}–{high:g}"
        if low is not None and high is not None
        else (f"≥ {low:g}" if low is not None else f"≤ {high:g}")
    )
    findings.emit(
        file,
        "out-of-range",
        line,
        column,
        name,
        template("out-of-range", id=info.id, value=value, unit=info.unit, range=shown),
    )
    return False
