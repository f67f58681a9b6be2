"""The options that several commands declare, each declared once.

A declaration says an option's names, type and bounds; its help, in both languages, is
the catalogue's (sz_quality/cli/help.py), so that one option shared by commands that
describe it differently is still declared here once.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import Annotated

import typer

from ..plan.lang import Lang
from ..plan.years import YEAR_MAX, YEAR_MIN

__all__ = [
    "Agency",
    "Encoding",
    "Files",
    "LangChoice",
    "Language",
    "MeasuresStatus",
    "Output",
    "Plan",
    "Sheet",
    "Year",
    "FORMAT",
    "default_lang",
]


class LangChoice(str, Enum):
    zh = "zh"
    en = "en"

    @property
    def code(self) -> Lang:
        """The language as the library takes it."""
        return "zh" if self is LangChoice.zh else "en"


def default_lang() -> LangChoice:
    value = os.environ.get("SZQ_LANG", "")
    if value in ("zh", "en"):
        return LangChoice(value)
    return LangChoice.zh if os.environ.get("LANG", "").startswith("zh") else LangChoice.en


Language = Annotated[
    LangChoice, typer.Option("--lang", default_factory=default_lang, show_default=False)
]
Encoding = Annotated[str | None, typer.Option("--encoding", metavar="NAME")]
Sheet = Annotated[str | None, typer.Option("--sheet", metavar="NAME")]
Output = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE")]
Files = Annotated[list[str], typer.Argument(metavar="FILE...", show_default=False)]
Year = Annotated[int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX)]
Agency = Annotated[str | None, typer.Option("--agency", "-a", metavar="NAME")]
Plan = Annotated[list[str] | None, typer.Option("--plan", "-p", metavar="FILE", show_default=False)]
MeasuresStatus = Annotated[str | None, typer.Option("--measures-status", metavar="FILE")]
# --format: each command has its own choices (an enum), so the type is the command's
FORMAT = typer.Option("--format", "-f", show_default=False)
