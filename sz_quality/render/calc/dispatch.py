"""`szq calc`'s output formats, each mapped to its renderer (as render/check/dispatch.py).

Every renderer takes the data read, the derived series and the language; the CLI's
`--format` is CalcFormat, each of whose formats names its renderer (a Format of
render/dispatch.py), imported on use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal, cast, overload

from ...plan.lang import Lang
from ..dispatch import Format

if TYPE_CHECKING:
    from ...check.derive import DerivedValue
    from ...read.observations import ReadResult

__all__ = ["CalcFormat", "renderer_for"]

TextRenderer = Callable[["ReadResult", "Sequence[DerivedValue]", Lang], str]
BinaryRenderer = Callable[["ReadResult", "Sequence[DerivedValue]", Lang], bytes]


def _csv(data: ReadResult, derived: Sequence[DerivedValue], lang: Lang) -> str:
    """Long CSV: the same in every language, and without the inputs read."""
    from .records import calc_csv

    return calc_csv(derived)


class CalcFormat(Format):
    csv = "csv", _csv  # long format, which szq reads back
    json = "json", ".records:calc_json"
    xlsx = "xlsx", ".workbook:calc_xlsx"


@overload
def renderer_for(output_format: Literal[CalcFormat.xlsx]) -> BinaryRenderer: ...
@overload
def renderer_for(output_format: Literal[CalcFormat.csv, CalcFormat.json]) -> TextRenderer: ...
@overload
def renderer_for(output_format: CalcFormat) -> TextRenderer | BinaryRenderer: ...
def renderer_for(output_format: CalcFormat) -> TextRenderer | BinaryRenderer:
    """The function that renders `szq calc`'s result in `output_format`."""
    return cast("TextRenderer | BinaryRenderer", output_format.renderer())
