"""`szq validate` (check data submissions, for CI jobs) and `szq schema`.

Start-up matters here (a pre-commit hook runs it on every commit): this module imports
only typer and the standard library at the top; the reader, the lookup and the
renderers are imported inside the command, and none of them imports pydantic, yaml,
pint or rich (rich only to colour text on a terminal).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..plan.years import YEAR_MAX, YEAR_MIN
from ..render.validate.dispatch import DiagnosticsFormat, renderer_for
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    EncodingOption,
    LangOption,
    OutputOption,
    SheetOption,
    check_data_files,
    emit,
    fail_registry,
    refuse_missing_sheet,
    refuse_output_over_inputs,
    state_of,
    unknown_agency,
    usage_error,
    usage_error_word,
)

if TYPE_CHECKING:
    from ..plan.lookup import Lookup
    from ..read.observations import ReadResult

__all__ = ["DiagnosticsFormat", "renderer_for"]

# A progress bar is worth drawing for files above this size (bytes).
_PROGRESS_THRESHOLD = 4 << 20


def _load_lookup(targets_path: str | None) -> Lookup:
    from ..plan.lookup import load_lookup

    try:
        return load_lookup(targets_path)
    except OSError as error:
        usage_error_word("cli.cannot_read_registry", why=error.strerror or str(error))
    except Exception as error:
        registry = sys.modules.get("sz_quality.plan.registry")
        if registry is not None and isinstance(error, registry.RegistryError):
            fail_registry(error)
        raise


def _needs_calamine(files: list[str]) -> None:
    if not any(file.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")) for file in files):
        return
    import importlib.util

    if importlib.util.find_spec("python_calamine") is None:
        usage_error_word("cli.needs_calamine")


def _read_with_progress(files: list[str], run):  # type: ignore[no-untyped-def]
    """Run `run(progress)`, drawing a bar on stderr for large files when it is a terminal."""
    sizes = {}
    for file in files:
        try:
            sizes[file] = os.path.getsize(file)
        except OSError:
            sizes[file] = 0
    if not sys.stderr.isatty() or sum(sizes.values()) < _PROGRESS_THRESHOLD:
        return run(None)
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks = {file: bar.add_task(Path(file).name, total=sizes[file] or None) for file in files}

        def progress(path: str, done: int, total: int) -> None:
            task = tasks.get(path)
            if task is not None:
                bar.update(task, completed=done, total=total or None)

        return run(progress)


def validate_command(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Data files: CSV (long or wide; UTF-8, UTF-8 with BOM or GB18030), .xlsx, "
            ".xls or .ods. "
            "A later file supersedes an earlier one (reported as a revision).",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        DiagnosticsFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (for people), json (for scripts), github (Actions annotations), "
            "junit (JUnit XML: Jenkins, GitLab, ...) or gitlab (GitLab Code Quality).",
        ),
    ] = DiagnosticsFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only errors.")
    ] = False,
    expect_agency: Annotated[
        str | None,
        typer.Option(
            "--expect-agency",
            metavar="NAME",
            help="The submitting agency (id, Chinese or English name): every indicator its "
            "targets need for --year must have a value (missing-indicator).",
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            min=YEAR_MIN,
            max=YEAR_MAX,
            help="The year the submission covers (with --expect-agency).",
        ),
    ] = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    max_diagnostics: Annotated[
        int,
        typer.Option(
            "--max-diagnostics",
            min=0,
            metavar="N",
            help="List at most N diagnostics of one code per file, count the rest (0: all).",
        ),
    ] = 1000,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Processes for a large CSV file (default: 2 on two or more CPUs).",
        ),
    ] = None,
    lang: LangOption = ...,  # type: ignore[assignment]
    output: OutputOption = None,
) -> None:
    """Check data submissions: exit 0 valid, 1 invalid data, 2 bad usage."""
    check_data_files(files, "validate")
    refuse_output_over_inputs(output, state_of(ctx).inputs(files), lang.value)
    if (expect_agency is None) != (year is None):
        usage_error_word("cli.expect_agency_year")
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            usage_error_word("cli.unknown_encoding", encoding=encoding)
    _needs_calamine(files)
    language = lang.value
    lookup = _load_lookup(state_of(ctx).targets_path)
    if expect_agency is not None:
        from ..plan.agencies import UnknownAgencyError

        try:
            lookup.resolve_agency(expect_agency)
        except UnknownAgencyError as error:
            unknown_agency(error)

    from ..read.reader import ReadOptions, validate_files

    def run(progress):  # type: ignore[no-untyped-def]
        reading = ReadOptions(
            encoding=encoding,
            sheet=sheet,
            lang=language,
            max_per_code=max_diagnostics,
            jobs=jobs,
            progress=progress,
        )
        return validate_files(files, lookup, reading, expect_agency=expect_agency, year=year)

    result: ReadResult = _read_with_progress(files, run)
    refuse_missing_sheet(result, language)
    if (
        output_format is DiagnosticsFormat.text
        and (output is None or output == "-")
        and sys.stdout.isatty()
    ):
        from ..render.validate.text import print_rich

        print_rich(result, strict=strict, lang=language)
    else:
        emit(
            renderer_for(output_format)(result, strict=strict, lang=language),
            output,
            json=output_format in (DiagnosticsFormat.json, DiagnosticsFormat.gitlab),
            xml=output_format is DiagnosticsFormat.junit,
        )
    from ..read.codes import is_valid

    raise typer.Exit(EXIT_OK if is_valid(result, strict=strict) else EXIT_INVALID)


def schema_command(
    output: OutputOption = None,
    registry: Annotated[
        bool,
        typer.Option(
            "--registry",
            help="The JSON Schema of a targets registry (targets.yaml) instead, for an "
            "editor's completion and validation (VS Code's YAML extension reads it).",
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="zh|en",
            help="Language of the descriptions: zh or en (default: both).",
            show_default=False,
        ),
    ] = None,
    yearly_plan: Annotated[
        bool,
        typer.Option(
            "--yearly-plan",
            help="The schema of a yearly plan's row (a sub-target, docs/yearly-plans.md).",
        ),
    ] = False,
) -> None:
    """The JSON Schema of a long-format data row (one row per value), or of a registry."""

    from ..read.row_schema import plan_json_schema, row_json_schema
    from ..render.jsonout import dumps

    if lang not in (None, "zh", "en"):
        usage_error(f"unknown language {lang!r}: use zh or en")
    if registry:
        from ..plan.registry_schema import registry_json_schema

        emit(dumps(registry_json_schema()), output, json=True)
        return
    schema = plan_json_schema(lang) if yearly_plan else row_json_schema(lang)
    emit(dumps(schema), output, json=True)
