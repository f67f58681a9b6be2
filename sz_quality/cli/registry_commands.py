"""`szq targets`, `szq measures`, `szq agencies`: what the plan asks, and of whom."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from enum import Enum
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..render.grid import LISTING_WIDTH
from . import common, options
from .options import LangChoice
from .streams import degrade_for_stdout

if TYPE_CHECKING:
    from ..render.registry.tables import Layout


class ListFormat(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[ListFormat, typer.Option("--format", "-f")]


def _degrade(output: str | None) -> Callable[[str], str] | None:
    """The console's stand-ins for a table printed to it (a file is always UTF-8)."""
    return degrade_for_stdout() if output in (None, "-") else None


def _width() -> int | None:
    return shutil.get_terminal_size((LISTING_WIDTH, 24)).columns


def _stack(output: str | None) -> bool:
    """Rows stacked where the grid is wider than the terminal (not in a file or a pipe)."""
    return output in (None, "-") and sys.stdout.isatty()


def _listing_state(ctx: typer.Context, output: str | None, lang: LangChoice) -> common.State:
    """The state of a listing command, once -o is known not to overwrite one of its inputs."""
    state = common.state_of(ctx)
    common.refuse_output_over_inputs(output, state.inputs(), lang.value)
    return state


def _show(
    output_format: ListFormat,
    output: str | None,
    records: Callable[[], list[Any]],
    table: Callable[[ModuleType, Layout], str],
) -> None:
    """A listing as JSON records, or as a table as wide as the terminal: `table` is given
    render/registry/tables.py (imported only then) and its Layout (the width, the
    console's stand-ins, whether rows may stack)."""
    if output_format is ListFormat.json:
        from ..render.jsonout import dumps

        common.emit(dumps(records()), output, json=True)
    else:
        from ..render.registry import tables

        layout = tables.Layout(_width(), _degrade(output), _stack(output))
        common.emit(table(tables, layout), output)


def targets_command(
    ctx: typer.Context,
    agency: options.Agency = None,
    chapter: Annotated[int | None, typer.Option("--chapter", "-c", min=1)] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k")] = None,
    lang: options.Language = ...,  # type: ignore[assignment]
    output_format: FormatOption = ListFormat.table,
    output: options.Output = None,
) -> None:
    from ..plan.listing import filter_targets, target_record
    from ..plan.models import KINDS

    state = _listing_state(ctx, output, lang)
    if kind is not None and kind not in KINDS:
        common.usage_error_word("cli.unknown_kind", kind=kind, choices=", ".join(KINDS))
    registry = state.registry()
    if chapter is not None and chapter not in registry.chapters_by_number:
        listed = ", ".join(str(number) for number in registry.chapters_by_number)
        common.usage_error_word("cli.unknown_chapter", chapter=chapter, listed=listed)
    chosen = filter_targets(
        registry, agency=common.resolve_agency(state, agency), chapter=chapter, kind=kind
    )
    _show(
        output_format,
        output,
        lambda: [target_record(target) for target in chosen],
        lambda tables, layout: tables.targets_table(registry, chosen, lang.value, layout),
    )


def measures_command(
    ctx: typer.Context,
    agency: options.Agency = None,
    table: Annotated[int | None, typer.Option("--table", "-t", min=1)] = None,
    target: Annotated[str | None, typer.Option("--target", metavar="ID")] = None,
    lang: options.Language = ...,  # type: ignore[assignment]
    output_format: FormatOption = ListFormat.table,
    output: options.Output = None,
) -> None:
    from ..plan.listing import filter_measures, measure_record

    state = _listing_state(ctx, output, lang)
    registry = state.registry()
    if target is not None and target not in registry.targets_by_id:
        from ..plan.names import suggest

        guess = suggest(target, registry.targets_by_id)
        if guess is None:
            common.usage_error_word("cli.unknown_target", name=target)
        common.usage_error_word("cli.unknown_target.hint", name=target, hint=guess)
    measures = state.measures()
    chosen = filter_measures(
        measures, agency=common.resolve_agency(state, agency), table=table, target=target
    )
    _show(
        output_format,
        output,
        lambda: [measure_record(measure, measures) for measure in chosen],
        lambda tables, layout: tables.measures_table(
            registry, measures, chosen, lang.value, layout
        ),
    )


def agencies_command(
    ctx: typer.Context,
    lang: options.Language = ...,  # type: ignore[assignment]
    output_format: FormatOption = ListFormat.table,
    output: options.Output = None,
) -> None:
    from ..plan.listing import agency_counts

    state = _listing_state(ctx, output, lang)
    rows = agency_counts(state.registry(), state.measures())
    _show(
        output_format,
        output,
        lambda: [row.to_dict() for row in rows],
        lambda tables, layout: tables.agencies_table(rows, lang.value, layout),
    )
