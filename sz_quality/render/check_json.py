"""`szq check --format json`: the report's dict (issue 5's contract), stable and UTF-8."""

from __future__ import annotations

import json

from ..check.results import Report
from .check_common import RenderOptions

__all__ = ["render"]


def render(report: Report, options: RenderOptions) -> str:
    """The JSON text; `options` do not change it (grouping is for people)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
