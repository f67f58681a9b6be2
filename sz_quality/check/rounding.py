"""The one rounding of a figure for output, below every module that writes one.

Results, outlooks and the rows a verdict rests on all round through `number`, so that
binary noise (0.1 + 0.2) never reaches a report and the JSON gives one value for one
figure.
"""

from __future__ import annotations

__all__ = ["number"]


def number(value: float | None) -> float | None:
    """A float for output: 10 significant digits, so binary noise never reaches a report."""
    if value is None:
        return None
    rounded = float(f"{value:.10g}")
    return 0.0 if rounded == 0 else rounded  # no "-0.0"
