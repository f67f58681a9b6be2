"""Options declared once and the plumbing every command shares."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from ..plan.measures import MeasureRegistry
    from ..plan.models import Agency
    from ..plan.registry import Registry
    from ..read.observations import ReadResult

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class LangChoice(str, Enum):
    zh = "zh"
    en = "en"


def _default_lang() -> LangChoice:
    value = os.environ.get("SZQ_LANG", "")
    if value in ("zh", "en"):
        return LangChoice(value)
    return LangChoice.zh if os.environ.get("LANG", "").startswith("zh") else LangChoice.en


def help_language(arguments: list[str]) -> str:
    """The language of the help: a --lang among the arguments, else the default of --lang."""
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith("--lang="):
            return argument.removeprefix("--lang=")
    return _default_lang().value


def wants_help(arguments: list[str]) -> bool:
    """`szq` alone, or -h / --help anywhere before a `--`."""
    if not arguments:
        return True
    for argument in arguments:
        if argument == "--":
            return False
        if argument in ("-h", "--help"):
            return True
    return False


LangOption = Annotated[
    LangChoice,
    typer.Option(
        "--lang",
        help="Language of names and messages: zh or en (default: $SZQ_LANG, else from $LANG).",
        default_factory=_default_lang,
        show_default=False,
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="NAME",
        help="The encoding of CSV files (default: detected: UTF-8, BOM, GB18030).",
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet", metavar="NAME", help="The sheet of .xlsx files: name or 1-based number."
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (atomically) instead of standard output.",
    ),
]


@dataclass
class State:
    """What the global options chose; the registries are loaded on first use."""

    targets_path: str | None = None
    measures_path: str | None = None
    _registry: Registry | None = field(default=None, repr=False)
    _measures: MeasureRegistry | None = field(default=None, repr=False)

    def registry(self) -> Registry:
        if self._registry is None:
            from ..plan.registry import RegistryError, load_registry

            try:
                self._registry = load_registry(self.targets_path)
            except RegistryError as error:
                fail_registry(error)
            except OSError as error:
                usage_error(f"cannot read the targets registry: {error}")
        return self._registry

    def measures(self) -> MeasureRegistry:
        if self._measures is None:
            from ..plan.measures import load_measures
            from ..plan.registry import RegistryError

            try:
                self._measures = load_measures(self.registry(), self.measures_path)
            except RegistryError as error:
                fail_registry(error)
            except OSError as error:
                usage_error(f"cannot read the measures registry: {error}")
        return self._measures


def state_of(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


def resolve_agency(state: State, query: str | None) -> Agency | None:
    """The agency a --agency option names (sz_quality.plan.agencies: id, name with or
    without 市, English name, alias); None without the option; a usage error, with the
    closest name, for an unknown one."""
    if query is None:
        return None
    from ..plan.agencies import UnknownAgencyError

    try:
        return state.registry().resolve_agency(query)
    except UnknownAgencyError as error:
        usage_error(str(error))


def check_data_files(files: list[str], command: str) -> None:
    """Every data file must exist, be a file and be readable: otherwise a usage error."""
    if not files:
        usage_error(f"no data file given (szq {command} FILE...)")
    for file in files:
        path = Path(file)
        if not path.exists():
            usage_error(f"no such file: {file}")
        if path.is_dir():
            usage_error(f"{file} is a directory, not a data file")
        if not os.access(path, os.R_OK):
            usage_error(f"cannot read {file}: permission denied")


def read_data(
    registry: Registry,
    files: list[str],
    encoding: str | None,
    sheet: str | None,
    lang: str,
    regions: frozenset[str] | None = None,
) -> ReadResult:
    """The data, read exactly as `szq validate` reads it (observations of `regions` only).

    The cyclic garbage collector is paused while the observations are built: a million
    rows make a million small objects and no cycles, and its passes over them cost
    about a third of the reading time.
    """
    import gc

    from ..plan.lookup import Lookup
    from ..read.reader import read_files

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return read_files(
            files,
            Lookup.from_registry(registry),
            encoding=encoding,
            sheet=sheet,
            lang=lang,
            regions=regions,
        )
    except LookupError as error:  # an unknown --encoding
        usage_error(str(error))
    except OSError as error:
        usage_error(f"cannot read the data: {error}")
    finally:
        gc.freeze()  # what was read lives to the end of the command: never scan it
        if was_enabled:
            gc.enable()


def usage_error(message: str) -> NoReturn:
    sys.stderr.write(f"szq: error: {message}\n")
    raise typer.Exit(EXIT_USAGE)


def fail_registry(error: Exception) -> NoReturn:
    issues = getattr(error, "issues", ())
    sys.stderr.write(f"szq: error: the registry does not load ({len(issues)} problem(s)):\n")
    for issue in issues:
        sys.stderr.write(f"  {issue}\n")
    raise typer.Exit(EXIT_USAGE)


def emit(text: str, output: str | None, *, json: bool = False, xml: bool = False) -> None:
    """Print to standard output, or write FILE atomically (UTF-8). JSON printed to a
    console whose encoding lacks a character gets JSON's \\uXXXX escape for it; XML
    printed to a console not in UTF-8 is all ASCII, with character references."""
    if output is None or output == "-":
        if json:
            from .streams import json_for_stream

            text = json_for_stream(text, sys.stdout)
        elif xml:
            from .streams import xml_for_stream

            text = xml_for_stream(text, sys.stdout)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ..atomic import write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as error:
        usage_error(f"cannot write {output}: {error}")
