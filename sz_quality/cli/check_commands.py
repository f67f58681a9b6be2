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

from ..render.calc.dispatch import CalcFormat
from ..render.check.dispatch import OutputFormat
from ..render.grid import CHECK_WIDTH
from ..words import word
from . import common, options
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
            common.usage_error_word(
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
    files: options.Files,
    year: options.Year = None,
    by: Annotated[GroupBy, typer.Option("--by")] = GroupBy.agency,
    region: Annotated[str | None, typer.Option("--region", "-r", metavar="NAME")] = None,
    agency: options.Agency = None,
    output_format: Annotated[OutputFormat | None, options.FORMAT] = None,
    output: options.Output = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", metavar="STATUSES")] = None,
    nature: Annotated[Nature | None, typer.Option("--nature", show_default=False)] = None,
    status: Annotated[str | None, typer.Option("--status", "-s", metavar="STATUSES")] = None,
    plan: options.Plan = None,
    explain: Annotated[bool, typer.Option("--explain")] = False,
    encoding: options.Encoding = None,
    sheet: options.Sheet = None,
    lang: options.Language = ...,  # type: ignore[assignment]
) -> None:
    from ..check.run import MAX_REGIONS, TooManyRegionsError, UnknownRegionError, run_check
    from ..render.check.dispatch import RenderOptions, renderer_for

    gate = parse_fail_on(fail_on)
    shown = parse_fail_on(status, "--status")
    begun = common.begin(
        ctx,
        "check",
        files,
        output=output,
        lang=lang,
        encoding=encoding,
        sheet=sheet,
        others=plan or [],
    )
    registry = begun.state.registry()
    common.resolve_agency(begun.state, agency)  # bad usage before anything is read
    language = begun.lang
    if region is not None and by is GroupBy.region:
        common.usage_error_word("cli.region_and_by")
    with common.usage_errors_of_reading(language):
        try:
            run = run_check(
                files,
                registry,
                begun.reading,
                year=year,
                region=region,
                by=by.value,
                agency=agency,
                plan=plan or None,
            )
        except UnknownRegionError as error:
            common.usage_error_word("cli.region_no_rows", region=error.region)
        except TooManyRegionsError as error:
            common.usage_error(
                word("check.too_many_regions", language, count=error.count, limit=MAX_REGIONS)
            )
    data, report = run.data, run.report
    failed = report.has_errors or bool(gate & report.statuses())
    if nature is not None:
        report = report.for_nature(nature.value)
    if shown:
        report = report.only(shown)
    chosen = common.chosen_format(output_format, output, OutputFormat.table)
    if chosen is OutputFormat.xlsx:
        from ..render.check.workbook import value_sources

        render_book = renderer_for(chosen)
        options = RenderOptions(
            lang=language, by=by.value, sources=value_sources(data.observations)
        )
        common.emit_workbook(lambda: render_book(report, options), output)
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
        common.emit(renderer_for(chosen)(report, options), output, json=chosen is OutputFormat.json)
    raise typer.Exit(common.EXIT_INVALID if failed else common.EXIT_OK)


def calc_command(
    ctx: typer.Context,
    files: options.Files,
    output_format: Annotated[CalcFormat | None, options.FORMAT] = None,
    output: options.Output = None,
    encoding: options.Encoding = None,
    sheet: options.Sheet = None,
    lang: options.Language = ...,  # type: ignore[assignment]
) -> None:
    from ..check.derive import derive_series
    from ..render.calc.dispatch import renderer_for

    begun = common.begin(
        ctx, "calc", files, output=output, lang=lang, encoding=encoding, sheet=sheet
    )
    registry = begun.state.registry()
    language = begun.lang
    data = common.read_data(registry, files, begun.reading)
    derived = derive_series(registry, data.observations)
    chosen = common.chosen_format(output_format, output, CalcFormat.csv)
    if chosen is CalcFormat.xlsx:
        render_book = renderer_for(chosen)
        common.emit_workbook(lambda: render_book(data, derived, language), output)
    else:
        text = renderer_for(chosen)(data, derived, language)
        common.emit(text, output, json=chosen is CalcFormat.json)
    raise typer.Exit(common.EXIT_INVALID if data.has_errors else common.EXIT_OK)
