"""`szq assess`: a score per lead agency and per district, every point traceable.

Exit codes: 0 the assessment ran; 1 the data, the yearly plan or the measures status had
errors (the scores are still computed from what was accepted); 2 bad usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..plan.years import YEAR_MAX, YEAR_MIN
from ..render.assess.dispatch import AssessFormat
from .check_commands import FilesArgument
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    EncodingOption,
    LangOption,
    OutputOption,
    SheetOption,
    begin,
    chosen_format,
    emit,
    emit_workbook,
    usage_error,
    usage_errors_of_reading,
)


def assess_command(
    ctx: typer.Context,
    files: FilesArgument,
    year: Annotated[int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX)] = None,
    plan: Annotated[
        list[str] | None, typer.Option("--plan", "-p", metavar="FILE", show_default=False)
    ] = None,
    measures_status: Annotated[
        str | None, typer.Option("--measures-status", metavar="FILE")
    ] = None,
    output_format: Annotated[
        AssessFormat | None, typer.Option("--format", "-f", show_default=False)
    ] = None,
    output: OutputOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    from ..check.run import run_assess
    from ..render.assess.dispatch import renderer_for, workbook

    state = begin(
        ctx, "assess", files, output=output, lang=lang, others=[*(plan or []), measures_status]
    )
    registry = state.registry()
    measures = state.measures() if measures_status is not None else None
    language = lang.code
    with usage_errors_of_reading(language):
        try:
            report = run_assess(
                files,
                registry,
                year=year,
                plan=plan or None,
                measures=measures,
                measures_status=measures_status,
                encoding=encoding,
                sheet=sheet,
                lang=language,
            )
        except OSError as error:
            usage_error(f"cannot read an input: {error}")
    chosen = chosen_format(output_format, output, AssessFormat.table)
    if chosen is AssessFormat.xlsx:
        emit_workbook(lambda: workbook(report, language), output)
    else:
        text = renderer_for(chosen)(report, language)
        emit(text, output, json=chosen is AssessFormat.json)
    raise typer.Exit(EXIT_INVALID if report.has_errors else EXIT_OK)
