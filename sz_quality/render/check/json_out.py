"""`szq check --format json`: the report's dict (issue 5's contract), stable and UTF-8."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...check.results import Report
from ..jsonout import dumps
from ..verdict_words import reason_words

if TYPE_CHECKING:
    from .dispatch import RenderOptions

__all__ = ["render"]


def render(report: Report, options: RenderOptions) -> str:
    """The JSON text; of `options` only the language changes it (the reasons' words)."""
    data = report.to_dict(reason_words(options.lang))
    return dumps(data)
