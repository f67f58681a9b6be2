"""`szq report`: the annual progress report (clause 二十八) as HTML, Markdown or JSON.

Exit codes: 0 the report was written; 1 it was written but the data or the measures
status file had errors (the report shows them in its appendix); 2 bad usage (a missing
file, an unknown format, the `report` extra not installed).
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from enum import Enum
from typing import Annotated

import typer

from ..render.report.dispatch import ReportFormat
from . import common, options

INSTALL_HINT = "pip install 'sz-quality[report]'"
DEFAULT_NAME = "report.html"  # without -o nor --format; with --format, report.<format>


class DocxStyleChoice(str, Enum):
    official = "official"
    plain = "plain"


def _epoch() -> datetime | None:
    """SOURCE_DATE_EPOCH (reproducible builds) as a time, when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else None


def _stamp() -> str:
    """Now (UTC), or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    moment = _epoch() or datetime.now(UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def report_command(
    ctx: typer.Context,
    files: options.Files,
    output: options.Output = None,
    year: options.Year = None,
    output_format: Annotated[ReportFormat | None, options.FORMAT] = None,
    measures_status: options.MeasuresStatus = None,
    plan: options.Plan = None,
    assessment: Annotated[bool, typer.Option("--assessment")] = False,
    stamp: Annotated[bool, typer.Option("--stamp")] = False,
    style: Annotated[DocxStyleChoice, typer.Option("--style")] = DocxStyleChoice.official,
    author: Annotated[
        str | None, typer.Option("--author", metavar="TEXT", show_default=False)
    ] = None,
    encoding: options.Encoding = None,
    sheet: options.Sheet = None,
    lang: options.Language = ...,  # type: ignore[assignment]
) -> None:
    from ..check.evaluate import evaluate
    from ..render.report.writer import (
        ChartFolderConflict,
        ReportFormatError,
        ReportOptions,
        charts_folder_for,
        format_for,
        write_report,
    )
    from ..render.verdict_words import word
    from ..report.charts import ReportExtraMissing

    started = time.perf_counter()
    try:
        chosen = format_for(output or DEFAULT_NAME, output_format.value if output_format else None)
    except ReportFormatError as error:
        common.usage_error_word(error.key, **error.fields)
    if output is None:  # the default name follows the format: report.docx for Word
        output = f"report.{chosen.value}"
    begun = common.begin(
        ctx,
        "report",
        files,
        output=output,
        lang=lang,
        encoding=encoding,
        sheet=sheet,
        others=[*(plan or []), measures_status],
        charts_folder=str(charts_folder_for(output)) if chosen == "md" else None,
    )
    # HTML and Markdown charts are szq's own SVG; the Word report draws PNGs with matplotlib
    needed = {"json": (), "docx": ("docx", "matplotlib")}.get(chosen, ("jinja2",))
    for module in needed:
        try:
            __import__(module)
        except ModuleNotFoundError:
            name = "python-docx" if module == "docx" else module
            common.usage_error_word(
                "cli.report_needs", kind=chosen.value, name=name, hint=INSTALL_HINT
            )
    registry = begun.state.registry()
    measures = begun.state.measures()
    language = begun.lang
    status = None
    if measures_status is not None:
        from ..read.measures_status import read_measures_status

        try:
            status = read_measures_status(
                measures_status, (measure.id for measure in measures.measures)
            )
        except OSError as error:
            common.usage_error_word("cli.cannot_read_status", why=error.strerror or str(error))
    reading = begun.reading
    data = common.read_data(registry, files, reading)
    yearly = None
    if plan:
        from ..check.run import read_plan

        yearly = read_plan(plan, registry, reading)
    report = evaluate(registry, data, year, plan=yearly)
    annex = None
    if assessment:
        from ..check.run import run_assess

        annex = run_assess(
            files,
            registry,
            reading,
            year=report.year,
            plan=plan or None,
            measures=measures if measures_status is not None else None,
            measures_status=measures_status,
        )
    try:
        annual, written = write_report(
            output,
            report,
            registry,
            measures=measures,
            measures_status=status,
            data=data,
            lang=language,
            fmt=chosen,
            stamp=_stamp() if stamp else None,
            assessment=annex,
            # created: else the stamp, else the end of the year reported on
            options=ReportOptions(style=style.value, author=author, created=_epoch()),
        )
    except ReportExtraMissing as error:
        common.usage_error_word(
            "cli.report_needs", kind=chosen.value, name=error.name, hint=INSTALL_HINT
        )
    except ChartFolderConflict as error:
        common.usage_error(word("output.chart_not_ours", language, path=error.path))
    except OSError as error:
        common.cannot_write(output, error)
    if chosen == "docx" and annual.charts:  # one line: how the pictures hold Chinese
        from ..render.report.docx_charts import font_note

        common.say_text(font_note(language), language)
    errors = sum(1 for diagnostic in annual.diagnostics if diagnostic.severity == "error")
    if errors:
        common.say("cli.report_input_errors", language, errors=errors)
    size = written[0].stat().st_size
    charts = word("cli.wrote_report.charts", language, count=len(written) - 1)
    common.say(
        "cli.wrote_report",
        language,
        path=written[0],
        size=size,
        charts=charts if len(written) > 1 else "",
        year=annual.year,
        seconds=time.perf_counter() - started,
    )
    raise typer.Exit(common.EXIT_INVALID if errors else common.EXIT_OK)
