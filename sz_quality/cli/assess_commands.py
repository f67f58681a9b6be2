"""`szq assess`: a score per lead agency and per district, every point traceable.

Exit codes: 0 the assessment ran; 1 the data, the yearly plan or the measures status had
errors (the scores are still computed from what was accepted); 2 bad usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..plan.lang import Lang
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
    check_data_files,
    chosen_format,
    emit,
    emit_workbook,
    refuse_output_over_inputs,
    state_of,
    usage_error,
    usage_errors_of_reading,
)


def assess_command(
    ctx: typer.Context,
    files: FilesArgument,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            min=YEAR_MIN,
            max=YEAR_MAX,
            help="The year assessed (default: the latest year in the data).",
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan",
            "-p",
            metavar="FILE",
            help="Yearly plans (年度推进计划): their sub-targets met make the yearly_plan "
            "component. Repeatable.",
            show_default=False,
        ),
    ] = None,
    measures_status: Annotated[
        str | None,
        typer.Option(
            "--measures-status",
            metavar="FILE",
            help="CSV of the measures' implementation (measure,status,note): the measures "
            "component.",
        ),
    ] = None,
    output_format: Annotated[
        AssessFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default), json, csv or xlsx (also chosen by -o FILE.xlsx).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Score every lead agency and district for a year, as a 考核办法 would.

    Components (weights in the registry's `assessment:` section): targets met or on
    track among those judged, the submission's rows present, measures done, the yearly
    plan's sub-targets met. Each unit's items and how they became its score are listed.
    Exit 0 when it ran, 1 when an input had errors, 2 on bad usage.
    """
    from ..check.run import ReadOptions, run_assess
    from ..render.assess.dispatch import renderer_for, workbook

    check_data_files(files, "assess")
    if plan:
        check_data_files(plan, "assess")
    if measures_status is not None:
        check_data_files([measures_status], "assess")
    state = state_of(ctx)
    others = [*(plan or []), *([measures_status] if measures_status else [])]
    refuse_output_over_inputs(output, state.inputs([*files, *others]), lang.value)
    registry = state.registry()
    measures = state.measures() if measures_status is not None else None
    language: Lang = "zh" if lang.value == "zh" else "en"
    with usage_errors_of_reading(language):
        try:
            report = run_assess(
                files,
                registry,
                ReadOptions(encoding=encoding, sheet=sheet, lang=language),
                year=year,
                plan=plan or None,
                measures=measures,
                measures_status=measures_status,
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
