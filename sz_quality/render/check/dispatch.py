"""The check report's output formats, each mapped to its renderer, and how it is shown.

As pip-audit's OutputFormatChoice: an enum of formats, each of which names its renderer
(a Format of render/dispatch.py), xlsx included. The CLI's `--format` is this enum.
Renderers are imported on use, and this module imports little else at run time (the
grid's width), so that `szq` starts fast and `--format json` never loads rich.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, cast, overload

from ...plan.lang import Lang
from ..dispatch import Format
from ..grid import CHECK_WIDTH

if TYPE_CHECKING:
    from ...check.results import Report
    from ..grid import Degrade

__all__ = [
    "OutputFormat",
    "RenderOptions",
    "BinaryRenderer",
    "Renderer",
    "TextRenderer",
    "renderer_for",
]


@dataclass(frozen=True)
class RenderOptions:
    """How a report is shown: language, grouping, colour and width (table only), and the
    sources of the values read (xlsx only: (series, year) -> the data's source)."""

    lang: Lang = "en"
    by: Literal["agency", "chapter", "region"] = "agency"
    color: bool = False
    width: int = CHECK_WIDTH  # a terminal says its own
    degrade: Degrade | None = None  # the console's stand-ins, before the table's layout
    sources: Mapping[tuple[str, int], str] = field(default_factory=dict)
    explain: bool = False  # table: every detail under its target, not as footnotes


TextRenderer = Callable[["Report", RenderOptions], str]
BinaryRenderer = Callable[["Report", RenderOptions], bytes]
Renderer = TextRenderer | BinaryRenderer


class OutputFormat(Format):
    table = "table", ".table:render"
    json = "json", ".records:render_json"
    csv = "csv", ".records:render"
    markdown = "markdown", ".markdown:render"
    xlsx = "xlsx", ".workbook:render_xlsx"


@overload
def renderer_for(output_format: Literal[OutputFormat.xlsx]) -> BinaryRenderer: ...
@overload
def renderer_for(
    output_format: Literal[
        OutputFormat.table, OutputFormat.json, OutputFormat.csv, OutputFormat.markdown
    ],
) -> TextRenderer: ...
@overload
def renderer_for(output_format: OutputFormat) -> Renderer: ...
def renderer_for(output_format: OutputFormat) -> Renderer:
    """The function that renders a report in `output_format` (bytes for xlsx, else text)."""
    return cast("Renderer", output_format.renderer())
