"""`szq template`'s output formats, each mapped to its renderer (as check/dispatch.py).

Every renderer takes the agencies' forms and the language: a workbook holds every form
(a sheet each), a CSV one (`szq template --all` writes one CSV per agency). The format
is the output's: .xlsx, else CSV; each names its renderer (a Format of
render/dispatch.py), imported on use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal, cast, overload

from ...plan.lang import Lang
from ..dispatch import Format

if TYPE_CHECKING:
    from .forms import AgencyForm

__all__ = ["TemplateFormat", "format_for", "renderer_for"]

TextRenderer = Callable[["Sequence[AgencyForm]", Lang], str]
BinaryRenderer = Callable[["Sequence[AgencyForm]", Lang], bytes]


def format_for(output: str | None) -> TemplateFormat:
    """A workbook when the output is named .xlsx, else CSV (standard output included)."""
    if output is not None and output.lower().endswith(".xlsx"):
        return TemplateFormat.xlsx
    return TemplateFormat.csv


def _csv(forms: Sequence[AgencyForm], lang: Lang) -> str:
    """One agency's form: a CSV holds one."""
    from .forms import form_csv

    (form,) = forms
    return form_csv(form, lang)


class TemplateFormat(Format):
    csv = "csv", _csv
    xlsx = "xlsx", ".forms:forms_xlsx"


@overload
def renderer_for(output_format: Literal[TemplateFormat.xlsx]) -> BinaryRenderer: ...
@overload
def renderer_for(output_format: Literal[TemplateFormat.csv]) -> TextRenderer: ...
@overload
def renderer_for(output_format: TemplateFormat) -> TextRenderer | BinaryRenderer: ...
def renderer_for(output_format: TemplateFormat) -> TextRenderer | BinaryRenderer:
    """The function that renders agencies' forms in `output_format`."""
    return cast("TextRenderer | BinaryRenderer", output_format.renderer())
