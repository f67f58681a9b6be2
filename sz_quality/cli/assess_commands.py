"""`szq assess`: a score per lead agency and per district, every point traceable.

Exit codes: 0 the assessment ran; 1 the data, the yearly plan or the measures status had
errors (the scores are still computed from what was accepted); 2 bad usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..render.assess.dispatch import AssessFormat
from . import common, options


def assess_command(
    ctx: typer.Context,
    files: options.Files,
    year: options.Year = None,
    plan: options.Plan = None,
    measures_status: options.MeasuresStatus = None,
    output_format: Annotated[AssessFormat | None, options.FORMAT] = None,
    output: options.Output = None,
    encoding: options.Encoding = None,
    sheet: options.Sheet = None,
    lang: options.Language = ...,  # type: ignore[assignment]
) -> None:
    from ..check.run import run_assess
    from ..render.assess.dispatch import renderer_for, workbook

    begun = common.begin(
        ctx,
        "assess",
        files,
        output=output,
        lang=lang,
        encoding=encoding,
        sheet=sheet,
        others=[*(plan or []), measures_status],
    )
    registry = begun.state.registry()
    measures = begun.state.measures() if measures_status is not None else None
    language = begun.lang
    with common.usage_errors_of_reading(language):
        report = run_assess(
            files,
            registry,
            begun.reading,
            year=year,
            plan=plan or None,
            measures=measures,
            measures_status=measures_status,
        )
    chosen = common.chosen_format(output_format, output, AssessFormat.table)
    if chosen is AssessFormat.xlsx:
        common.emit_workbook(lambda: workbook(report, language), output)
    else:
        text = renderer_for(chosen)(report, language)
        common.emit(text, output, json=chosen is AssessFormat.json)
    raise typer.Exit(common.EXIT_INVALID if report.has_errors else common.EXIT_OK)
