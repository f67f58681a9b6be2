"""`szq calc`'s output formats, each mapped to its renderer (as render/check/dispatch.py).

Every renderer takes the data read, the derived series and the language; the CLI's
`--format` is CalcFormat. Renderers are imported on use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Literal, assert_never, overload

from ...plan.lang import Lang

if TYPE_CHECKING:
    from ...check.derive import DerivedValue
    from ...read.observations import ReadResult

__all__ = ["CalcFormat", "renderer_for"]

TextRenderer = Callable[["ReadResult", "Sequence[DerivedValue]", Lang], str]
BinaryRenderer = Callable[["ReadResult", "Sequence[DerivedValue]", Lang], bytes]


class CalcFormat(str, Enum):
    csv = "csv"  # long format, which szq reads back
    json = "json"
    xlsx = "xlsx"

    @property
    def binary(self) -> bool:
        """A workbook (bytes, not for a terminal) rather than text."""
        return self is CalcFormat.xlsx


def _csv(data: ReadResult, derived: Sequence[DerivedValue], lang: Lang) -> str:
    """Long CSV: the same in every language, and without the inputs read."""
    from .records import calc_csv

    return calc_csv(derived)


@overload
def renderer_for(output_format: Literal[CalcFormat.xlsx]) -> BinaryRenderer: ...
@overload
def renderer_for(output_format: Literal[CalcFormat.csv, CalcFormat.json]) -> TextRenderer: ...
@overload
def renderer_for(output_format: CalcFormat) -> TextRenderer | BinaryRenderer: ...
def renderer_for(output_format: CalcFormat) -> TextRenderer | BinaryRenderer:
    """The function that renders `szq calc`'s result in `output_format`."""
    if output_format is CalcFormat.csv:
        return _csv
    if output_format is CalcFormat.json:
        from .records import calc_json

        return calc_json
    if output_format is CalcFormat.xlsx:
        from .workbook import calc_xlsx

        return calc_xlsx
    assert_never(output_format)
