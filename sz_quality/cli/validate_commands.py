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

from ..render.validate.dispatch import DiagnosticsFormat, renderer_for
from . import common, options

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
        common.usage_error_word("cli.cannot_read_registry", why=error.strerror or str(error))
    except Exception as error:
        registry = sys.modules.get("sz_quality.plan.registry")
        if registry is not None and isinstance(error, registry.RegistryError):
            common.fail_registry(error)
        raise


def _needs_calamine(files: list[str]) -> None:
    if not any(file.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")) for file in files):
        return
    import importlib.util

    if importlib.util.find_spec("python_calamine") is None:
        common.usage_error_word("cli.needs_calamine")


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
    files: options.Files,
    output_format: Annotated[
        DiagnosticsFormat, typer.Option("--format", "-f")
    ] = DiagnosticsFormat.text,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    expect_agency: Annotated[str | None, typer.Option("--expect-agency", metavar="NAME")] = None,
    year: options.Year = None,
    encoding: options.Encoding = None,
    sheet: options.Sheet = None,
    max_diagnostics: Annotated[int, typer.Option("--max-diagnostics", min=0, metavar="N")] = 1000,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N")] = None,
    lang: options.Language = ...,  # type: ignore[assignment]
    output: options.Output = None,
) -> None:
    begun = common.begin(
        ctx, "validate", files, output=output, lang=lang, encoding=encoding, sheet=sheet
    )
    if (expect_agency is None) != (year is None):
        common.usage_error_word("cli.expect_agency_year")
    _needs_calamine(files)
    language = begun.lang
    lookup = _load_lookup(begun.state.targets_path)
    if expect_agency is not None:
        from ..plan.agencies import UnknownAgencyError

        try:
            lookup.resolve_agency(expect_agency)
        except UnknownAgencyError as error:
            common.unknown_agency(error)

    from dataclasses import replace

    from ..read.reader import validate_files

    def run(progress):  # type: ignore[no-untyped-def]
        reading = replace(begun.reading, max_per_code=max_diagnostics, jobs=jobs, progress=progress)
        return validate_files(files, lookup, reading, expect_agency=expect_agency, year=year)

    result: ReadResult = _read_with_progress(files, run)
    common.refuse_missing_sheet(result, language)
    if (
        output_format is DiagnosticsFormat.text
        and (output is None or output == "-")
        and sys.stdout.isatty()
    ):
        from ..render.validate.text import print_rich

        print_rich(result, strict=strict, lang=language)
    else:
        common.emit(
            renderer_for(output_format)(result, strict=strict, lang=language),
            output,
            json=output_format in (DiagnosticsFormat.json, DiagnosticsFormat.gitlab),
            xml=output_format is DiagnosticsFormat.junit,
        )
    from ..read.codes import is_valid

    raise typer.Exit(common.EXIT_OK if is_valid(result, strict=strict) else common.EXIT_INVALID)


def schema_command(
    output: options.Output = None,
    registry: Annotated[bool, typer.Option("--registry")] = False,
    lang: Annotated[str | None, typer.Option("--lang", metavar="zh|en", show_default=False)] = None,
    yearly_plan: Annotated[bool, typer.Option("--yearly-plan")] = False,
) -> None:

    from ..read.row_schema import plan_json_schema, row_json_schema
    from ..render.jsonout import dumps

    if lang not in (None, "zh", "en"):
        common.usage_error_word("cli.unknown_lang", language=lang)
    if registry:
        from ..plan.registry_schema import registry_json_schema

        common.emit(dumps(registry_json_schema()), output, json=True)
        return
    schema = plan_json_schema(lang) if yearly_plan else row_json_schema(lang)
    common.emit(dumps(schema), output, json=True)
