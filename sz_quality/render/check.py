"""The check report's output formats, each mapped to its renderer.

As pip-audit's OutputFormatChoice: an enum of formats and one function that maps every
member to a renderer (a test asserts that none is missing). Renderers are imported on
use, so that `--format json` never loads rich.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import assert_never

from ..check.results import Report
from .check_common import RenderOptions

__all__ = ["OutputFormat", "RenderOptions", "Renderer", "renderer_for"]

Renderer = Callable[[Report, RenderOptions], str]


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def renderer_for(output_format: OutputFormat) -> Renderer:
    """The function that renders a report in `output_format`."""
    if output_format is OutputFormat.table:
        from .check_table import render as table

        return table
    if output_format is OutputFormat.json:
        from .check_json import render as json

        return json
    if output_format is OutputFormat.csv:
        from .check_csv import render as csv

        return csv
    if output_format is OutputFormat.markdown:
        from .check_markdown import render as markdown

        return markdown
    assert_never(output_format)
