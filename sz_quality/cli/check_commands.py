"""`szq check`: every target checked against the data; `szq calc`: the derived series.

Exit codes: 0 the check ran, whatever the statuses; 1 the data had errors (the results
are still computed from the accepted rows and shown) or a status named by --fail-on
occurred; 2 bad usage (unknown option, status or agency, a missing file).
"""

from __future__ import annotations

import os
import shutil
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ..plan.lang import Lang
from ..plan.years import YEAR_MAX, YEAR_MIN
from ..render.calc.dispatch import CalcFormat
from ..render.check.dispatch import OutputFormat
from ..render.grid import CHECK_WIDTH
from ..words import word
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
    read_data,
    refuse_output_over_inputs,
    resolve_agency,
    state_of,
    usage_error,
    usage_error_word,
    usage_errors_of_reading,
)
from .streams import degrade_for_stdout

if TYPE_CHECKING:
    from ..check.results import Status


class Nature(str, Enum):
    binding = "binding"
    expected = "expected"


class GroupBy(str, Enum):
    agency = "agency"
    chapter = "chapter"
    region = "region"


FilesArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="FILE...",
        help="Data files (long or wide CSV, .xlsx, .xls, .ods); a later file supersedes an "
        "earlier one.",
        show_default=False,
    ),
]


def parse_fail_on(text: str | None, option: str = "--fail-on") -> frozenset[Status]:
    """The statuses named by --fail-on or --status (comma-separated), or a usage error."""
    from ..check.results import STATUSES

    if not text:
        return frozenset()
    chosen: set[Status] = set()
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        match = next((status for status in STATUSES if status == name), None)
        if match is None:
            usage_error_word(
                "cli.unknown_status", option=option, name=name, choices=", ".join(STATUSES)
            )
        chosen.add(match)
    return frozenset(chosen)


def _terminal() -> tuple[bool, int]:
    """(colour, width) for a table on standard output; plain and CHECK_WIDTH otherwise."""
    if not sys.stdout.isatty():
        return False, CHECK_WIDTH
    width = shutil.get_terminal_size((CHECK_WIDTH, 24)).columns
    # NO_COLOR, or a terminal that shows escapes as text (TERM=dumb, as rich judges it)
    dumb = os.environ.get("TERM", "").strip().lower() in ("dumb", "unknown")
    return "NO_COLOR" not in os.environ and not dumb, width


def check_command(
    ctx: typer.Context,
    files: FilesArgument,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            min=YEAR_MIN,
            max=YEAR_MAX,
            help="The year to check (default: the latest year in the data).",
        ),
    ] = None,
    by: Annotated[
        GroupBy,
        typer.Option(
            "--by",
            help="Group the report by lead agency, by chapter, or by region (the city "
            "total and every district in the data, each checked on its own rows).",
        ),
    ] = GroupBy.agency,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            "-r",
            metavar="NAME",
            help="Check every target on one district's rows (any name the registry knows "
            "for it, such as 福田 or 福田区, or the name as the data writes it).",
        ),
    ] = None,
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency",
            "-a",
            metavar="NAME",
            help="Only the targets this agency leads (id, Chinese or English name, alias).",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default), json, csv, markdown or xlsx (also chosen by -o FILE.xlsx).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="STATUSES",
            help="Exit 1 when any target has one of these statuses, e.g. not_met,off_track "
            "(met, not_met, on_track, off_track, no_data, not_assessable).",
        ),
    ] = None,
    nature: Annotated[
        Nature | None,
        typer.Option(
            "--nature",
            help="Only the binding (约束性) or the expected (预期性) targets, as the plan "
            "marks them.",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUSES",
            help="Show only targets with these statuses, e.g. not_met,off_track; the "
            "summary still counts all.",
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan",
            "-p",
            metavar="FILE",
            help="A yearly plan (年度推进计划: sub-targets for the year, same columns as a "
            "data file; docs/yearly-plans.md): each target with a sub-target for the year is "
            "also judged against it. Repeatable.",
            show_default=False,
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Table: every target's details (why, the rate still needed, the data's "
            "notes) under its name, and every target without data as a row; by default "
            "they are footnotes and one line.",
        ),
    ] = False,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Check every target of the plan against the data and report the gaps by lead agency.

    Statuses: met / not_met in the target year (by the target's own comparator);
    met / on_track / off_track in an earlier year (the path from the baseline value to
    the target: compound for quantities that grow, straight for shares); no_data (the
    reason names the missing series and year); not_assessable (a milestone without
    data). Exit 0 when the check ran, 1 when the data had errors or a --fail-on status
    occurred, 2 on bad usage.
    """
    from ..check.run import (
        MAX_REGIONS,
        ReadOptions,
        TooManyRegionsError,
        UnknownRegionError,
        run_check,
    )
    from ..render.check.dispatch import RenderOptions, renderer_for

    gate = parse_fail_on(fail_on)
    shown = parse_fail_on(status, "--status")
    check_data_files(files, "check")
    state = state_of(ctx)
    if plan:
        check_data_files(plan, "check")
    refuse_output_over_inputs(output, state.inputs([*files, *(plan or [])]), lang.value)
    registry = state.registry()
    resolve_agency(state, agency)  # an unknown agency is bad usage before anything is read
    language: Lang = "zh" if lang.value == "zh" else "en"
    if region is not None and by is GroupBy.region:
        usage_error_word("cli.region_and_by")
    with usage_errors_of_reading(language):
        try:
            run = run_check(
                files,
                registry,
                ReadOptions(encoding=encoding, sheet=sheet, lang=language),
                year=year,
                region=region,
                by=by.value,
                agency=agency,
                plan=plan or None,
            )
        except UnknownRegionError as error:
            usage_error_word("cli.region_no_rows", region=error.region)
        except TooManyRegionsError as error:
            usage_error(
                word("check.too_many_regions", language, count=error.count, limit=MAX_REGIONS)
            )
    data, report = run.data, run.report
    failed = report.has_errors or bool(gate & report.statuses())
    if nature is not None:
        report = report.for_nature(nature.value)
    if shown:
        report = report.only(shown)
    chosen = chosen_format(output_format, output, OutputFormat.table)
    if chosen is OutputFormat.xlsx:
        from ..render.check.workbook import value_sources

        render_book = renderer_for(chosen)
        options = RenderOptions(
            lang=language, by=by.value, sources=value_sources(data.observations)
        )
        emit_workbook(lambda: render_book(report, options), output)
    else:
        color, width = _terminal() if output in (None, "-") else (False, CHECK_WIDTH)
        table = chosen is OutputFormat.table
        options = RenderOptions(
            lang=language,
            by=by.value,
            color=color and table,
            width=width,
            degrade=degrade_for_stdout() if table and output in (None, "-") else None,
            explain=explain,
        )
        emit(renderer_for(chosen)(report, options), output, json=chosen is OutputFormat.json)
    raise typer.Exit(EXIT_INVALID if failed else EXIT_OK)


def calc_command(
    ctx: typer.Context,
    files: FilesArgument,
    output_format: Annotated[
        CalcFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="csv (default; long format, readable by szq), json or xlsx (also chosen by "
            "-o FILE.xlsx).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    lang: LangOption = ...,  # type: ignore[assignment]
) -> None:
    """Write the derived series (R&D share, GDP per capita, energy intensity, ...).

    Each derived indicator's formula (targets.yaml) is applied to every region and year
    in which all its inputs have values. Exit 0, or 1 when the data had errors.
    """
    from ..check.derive import derive_series
    from ..render.calc.dispatch import renderer_for

    check_data_files(files, "calc")
    state = state_of(ctx)
    refuse_output_over_inputs(output, state.inputs(files), lang.value)
    registry = state.registry()
    language: Lang = "zh" if lang.value == "zh" else "en"
    data = read_data(registry, files, encoding, sheet, language)
    derived = derive_series(registry, data.observations)
    chosen = chosen_format(output_format, output, CalcFormat.csv)
    if chosen is CalcFormat.xlsx:
        render_book = renderer_for(chosen)
        emit_workbook(lambda: render_book(data, derived, language), output)
    else:
        text = renderer_for(chosen)(data, derived, language)
        emit(text, output, json=chosen is CalcFormat.json)
    raise typer.Exit(EXIT_INVALID if data.has_errors else EXIT_OK)
