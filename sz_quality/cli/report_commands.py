"""`szq report`: the annual progress report (clause 二十八) as HTML, Markdown or JSON.

Exit codes: 0 the report was written; 1 it was written but the data or the measures
status file had errors (the report shows them in its appendix); 2 bad usage (a missing
file, an unknown format, the `report` extra not installed).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from enum import Enum
from typing import Annotated

import typer

from ..plan.lang import Lang
from ..plan.years import YEAR_MAX, YEAR_MIN
from ..render.report.dispatch import ReportFormat
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    EncodingOption,
    LangOption,
    SheetOption,
    cannot_write,
    check_data_files,
    read_data,
    refuse_output_over_inputs,
    state_of,
    usage_error,
    usage_error_word,
)

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
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Data files (long or wide CSV, .xlsx, .xls, .ods); a later file supersedes "
            "an earlier one.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The report to write (atomically): report.html, report.md (its charts go "
            "to report_charts/ beside it), report.json or report.docx (Word). Default: "
            "report.<format>.",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            min=YEAR_MIN,
            max=YEAR_MAX,
            help="The year reported on (default: the latest year in the data).",
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="html, md, json or docx (default: from -o's suffix)."),
    ] = None,
    measures_status: Annotated[
        str | None,
        typer.Option(
            "--measures-status",
            metavar="FILE",
            help="CSV of the measures' implementation: measure,status,note with status "
            "done, in_progress or not_started.",
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan",
            "-p",
            metavar="FILE",
            help="A yearly plan (年度推进计划): each target's row shows its sub-target for the "
            "year (年度目标) and the verdict against it. Repeatable.",
            show_default=False,
        ),
    ] = None,
    assessment: Annotated[
        bool,
        typer.Option(
            "--assessment",
            help="Add the assessment of the agencies and districts (szq assess) as an annex.",
        ),
    ] = False,
    stamp: Annotated[
        bool,
        typer.Option(
            "--stamp",
            help="Print the generation time in the report (default: none, so that the same "
            "inputs give the same bytes; SOURCE_DATE_EPOCH is honoured).",
        ),
    ] = False,
    style: Annotated[
        DocxStyleChoice,
        typer.Option(
            "--style",
            help="Word only: official (GB/T 9704: 仿宋 三号, 37/35/28/26 mm margins, "
            "— N — page numbers) or plain (宋体 10.5 pt, 22 mm margins).",
        ),
    ] = DocxStyleChoice.official,
    author: Annotated[
        str | None,
        typer.Option(
            "--author",
            metavar="TEXT",
            help="Word only: the office that signs the report, under the title and in the "
            "document's properties.",
            show_default=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Write the evaluation report: overall, main indicators, chapters, problems, next, annexes.

    HTML is one self-contained file (inline CSS, charts as inline SVG); Markdown is
    GitHub-flavoured with its charts as SVG files beside it; JSON is the report's data.
    Needs the report extra: pip install 'sz-quality[report]'.
    """
    from ..check.evaluate import evaluate
    from ..read.options import ReadOptions
    from ..render.report.writer import (
        ChartFolderConflict,
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
    except ValueError as error:
        usage_error(str(error))
    if output is None:  # the default name follows the format: report.docx for Word
        output = f"report.{chosen.value}"
    state = state_of(ctx)
    refuse_output_over_inputs(
        output,
        state.inputs([*files, *(plan or []), *([measures_status] if measures_status else [])]),
        lang.value,
        charts_folder=str(charts_folder_for(output)) if chosen == "md" else None,
    )
    # HTML and Markdown charts are szq's own SVG; the Word report draws PNGs with matplotlib
    needed = {"json": (), "docx": ("docx", "matplotlib")}.get(chosen, ("jinja2",))
    for module in needed:
        try:
            __import__(module)
        except ModuleNotFoundError:
            name = "python-docx" if module == "docx" else module
            usage_error_word("cli.report_needs", kind=chosen.value, name=name, hint=INSTALL_HINT)
    registry = state.registry()
    measures = state.measures()
    language: Lang = "zh" if lang.value == "zh" else "en"
    status = None
    if measures_status is not None:
        from ..read.measures_status import read_measures_status

        try:
            status = read_measures_status(
                measures_status, (measure.id for measure in measures.measures)
            )
        except OSError as error:
            usage_error_word("cli.cannot_read_status", why=error.strerror or str(error))
    check_data_files(files, "report")
    if plan:
        check_data_files(plan, "report")
    data = read_data(registry, files, encoding, sheet, language)
    reading = ReadOptions(encoding=encoding, sheet=sheet, lang=language)
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
        usage_error(str(error))
    except ChartFolderConflict as error:
        usage_error(word("output.chart_not_ours", language, path=error.path))
    except OSError as error:
        cannot_write(output, error)
    if chosen == "docx" and annual.charts:  # one line: how the pictures hold Chinese
        from ..render.report.docx_charts import font_note

        sys.stderr.write(f"szq: {font_note(language)}\n")
    errors = sum(1 for diagnostic in annual.diagnostics if diagnostic.severity == "error")
    if errors:
        sys.stderr.write(
            f"szq: {errors} error(s) in the inputs; see the report's appendix "
            "(`szq validate` lists them)\n"
        )
    size = written[0].stat().st_size
    extra = f" and {len(written) - 1} chart(s)" if len(written) > 1 else ""
    sys.stderr.write(
        f"szq: wrote {written[0]} ({size:,} bytes){extra} for {annual.year} "
        f"in {time.perf_counter() - started:.1f} s\n"
    )
    raise typer.Exit(EXIT_INVALID if errors else EXIT_OK)
