"""The plumbing every command shares: the global options' state, the checks before
anything is read, usage errors and exit codes, writing the output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from ..words import word
from .options import LangChoice, default_lang

if TYPE_CHECKING:
    from ..plan.agencies import UnknownAgencyError
    from ..plan.lang import Lang
    from ..plan.measures import MeasureRegistry
    from ..plan.models import Agency
    from ..plan.registry import Registry
    from ..read.observations import Diagnostic, ReadResult
    from ..read.reading import ReadOptions

_Loaded = TypeVar("_Loaded")

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


def help_language(arguments: list[str]) -> str:
    """The language of the help: a --lang among the arguments, else the default of --lang."""
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith("--lang="):
            return argument.removeprefix("--lang=")
    return default_lang().value


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


@dataclass
class State:
    """What the global options chose; the registries are loaded on first use."""

    targets_path: str | None = None
    measures_path: str | None = None
    _registry: Registry | None = field(default=None, repr=False)
    _measures: MeasureRegistry | None = field(default=None, repr=False)

    def inputs(self, files: Iterable[str] = ()) -> list[str]:
        """Every file a command reads: the data files and the registries given."""
        return [*files, *(path for path in (self.targets_path, self.measures_path) if path)]

    def registry(self) -> Registry:
        if self._registry is None:
            from ..plan.registry import load_registry

            self._registry = _loaded("targets", lambda: load_registry(self.targets_path))
        return self._registry

    def measures(self) -> MeasureRegistry:
        """The measures given with --measures; the shipped ones for the shipped plan only:
        another plan (--targets) without --measures has none."""
        if self._measures is None and self.measures_path is None and self._another_plan():
            from ..plan.measures import MeasureRegistry

            self._measures = MeasureRegistry(path="", tables=(), measures=())
        if self._measures is None:
            from ..plan.measures import load_measures

            registry = self.registry()
            self._measures = _loaded(
                "measures", lambda: load_measures(registry, self.measures_path)
            )
        return self._measures

    def _another_plan(self) -> bool:
        if self.targets_path is None:
            return False
        from ..paths import default_targets_path

        try:
            return not Path(self.targets_path).samefile(default_targets_path())
        except OSError:
            return True


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
        unknown_agency(error)


def unknown_agency(error: UnknownAgencyError) -> NoReturn:
    """An agency no name of the registry names: bad usage, with the closest one."""
    if error.hint is None:
        usage_error_word("cli.unknown_agency", name=error.query)
    usage_error_word(
        "cli.unknown_agency.hint",
        name=error.query,
        hint=error.hint,
        hint_name=error.hint_name or error.hint,
    )


@dataclass(frozen=True)
class DataRun:
    """A command that reads data files, once its inputs are checked: the global options'
    state (the registries), how the files are read, and the library's language."""

    state: State
    reading: ReadOptions
    lang: Lang


def begin(
    ctx: typer.Context,
    command: str,
    files: list[str],
    *,
    output: str | None,
    lang: LangChoice,
    encoding: str | None = None,
    sheet: str | None = None,
    others: Iterable[str | None] = (),
    charts_folder: str | None = None,
) -> DataRun:
    """What a command that reads data files checks before it reads any, each a usage
    error: every file given (the data `files`, then `others`: yearly plans, a measures
    status) exists and can be read, `-o` names none of them nor a registry, and the
    `encoding` is one Python knows."""
    check_data_files(files, command)
    given = [path for path in others if path]
    if given:
        check_data_files(given, command)
    state = state_of(ctx)
    refuse_output_over_inputs(
        output, state.inputs([*files, *given]), lang.value, charts_folder=charts_folder
    )
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            usage_error_word("cli.unknown_encoding", encoding=encoding)
    from ..read.reading import ReadOptions

    reading = ReadOptions(encoding=encoding, sheet=sheet, lang=lang.code)
    return DataRun(state, reading, lang.code)


def check_data_files(files: list[str], command: str) -> None:
    """Every data file must exist, not be a folder and be readable: otherwise a usage error.

    `-` is standard input; a pipe (/dev/stdin, a process substitution) is a file too."""
    if not files:
        usage_error_word("cli.no_data_file", command=command)
    if files.count("-") > 1:
        usage_error_word("cli.stdin_once")
    for file in files:
        if file == "-":  # standard input
            continue
        path = Path(file)
        if not path.exists():
            usage_error_word("cli.no_such_file", file=file)
        if path.is_dir():
            usage_error_word("cli.is_a_folder", file=file)
        if not os.access(path, os.R_OK):
            usage_error_word("cli.not_readable", file=file)


def refuse_output_over_inputs(
    output: str | None,
    inputs: Iterable[str | None],
    lang: str,
    *,
    charts_folder: str | None = None,
) -> None:
    """A usage error (exit 2) when `-o` names one of the inputs, before anything is read.

    The same file whatever the spelling (relative, absolute, `..`, a symbolic or hard
    link): the same device and inode when both exist, the same resolved path otherwise.
    A Markdown report's chart folder, which szq writes into, must hold no input either.
    """
    if output is None or output == "-":
        return
    from ..render.verdict_words import word

    given = [path for path in inputs if path]
    for path in given:
        if _same_file(output, path):
            usage_error(word("output.is_input", lang, output=output, input=path))
    if charts_folder is not None:
        for path in given:
            if _same_file(charts_folder, path) or _inside(path, charts_folder):
                usage_error(
                    word("output.charts_hold_input", lang, input=path, folder=charts_folder)
                )


def _resolved(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same_file(first: str, second: str) -> bool:
    if second == "-":  # standard input, redirected from a file (`- < d.csv -o d.csv`)
        return _stdin_is(first)
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet): compare where they point
        return _resolved(first) == _resolved(second)


def _stdin_is(path: str) -> bool:
    """Whether standard input is the file at `path` (a pipe or a terminal never is)."""
    try:
        given, there = os.fstat(sys.stdin.fileno()), os.stat(path)
    except (OSError, ValueError, AttributeError):  # no such file yet, or no real stdin
        return False
    return (given.st_dev, given.st_ino) == (there.st_dev, there.st_ino)


def _inside(path: str, folder: str) -> bool:
    return Path(_resolved(folder)) in Path(_resolved(path)).parents


def read_data(registry: Registry, files: list[str], reading: ReadOptions) -> ReadResult:
    """The data, read as `szq validate` reads it (`sz_quality.check.run.read_data`); an
    unknown encoding, a missing sheet or an unreadable file is bad usage."""
    from ..check.run import read_data as read

    with usage_errors_of_reading(reading.lang):
        return read(files, registry, reading)


@contextmanager
def usage_errors_of_reading(lang: str) -> Iterator[None]:
    """What reading the data raises for bad usage, as a usage error (exit 2)."""
    from ..check.run import MissingSheetError

    try:
        yield
    except MissingSheetError as error:
        missing_sheet(error.diagnostic, lang)
    except LookupError as error:  # an unknown --encoding
        usage_error(str(error))
    except OSError as error:
        usage_error_word("cli.cannot_read_data", why=error.strerror or str(error))


def refuse_missing_sheet(result: ReadResult, lang: str) -> None:
    """A --sheet that a workbook does not have is bad usage (exit 2), not invalid data."""
    for diagnostic in result.diagnostics:
        if diagnostic.message_key == "no-sheet":
            missing_sheet(diagnostic, lang)


def missing_sheet(diagnostic: Diagnostic, lang: str) -> NoReturn:
    hint = diagnostic.hint_in(lang)
    usage_error(
        f"{diagnostic.file}: {diagnostic.message_in(lang)}" + (f" ({hint})" if hint else "")
    )


def command_lang() -> str:
    """The language of the command running: its --lang, else the arguments', else the
    default ($SZQ_LANG, else $LANG)."""
    import importlib

    try:  # a recent typer carries its own click; an older one runs on click
        module: Any = importlib.import_module("typer._click.globals")
    except ImportError:  # pragma: no cover
        module = importlib.import_module("click")
    context = module.get_current_context(silent=True)
    while context is not None:
        value = context.params.get("lang")
        if value is not None:
            return str(getattr(value, "value", value))
        context = context.parent
    return help_language(sys.argv[1:])


def _loaded(what: str, load: Callable[[], _Loaded]) -> _Loaded:
    """What `load` reads from the `what` registry; its errors as the CLI reports them."""
    from ..plan.registry import RegistryError

    try:
        return load()
    except RegistryError as error:
        fail_registry(error)
    except OSError as error:
        why = error.strerror or str(error)
        usage_error_word(f"cli.cannot_read_{'registry' if what == 'targets' else what}", why=why)


def usage_error(message: str) -> NoReturn:
    """Bad usage (exit 2): `szq: error: MESSAGE`, the prefix in the command's language."""
    sys.stderr.write(word("cli.error", command_lang(), message=message) + "\n")
    raise typer.Exit(EXIT_USAGE)


def say(key: str, lang: str, **fields: object) -> None:
    """One line on standard error, in `lang`: what szq did besides its output (a file
    written, a form kept)."""
    say_text(word(key, lang, **fields), lang)


def say_text(text: str, lang: str) -> None:
    """`text` as one line of szq's on standard error, in `lang`'s punctuation."""
    sys.stderr.write(word("cli.note", lang, message=text) + "\n")


def usage_error_word(key: str, **params: object) -> NoReturn:
    """Bad usage in the command's language: a message of the catalogue of words."""
    usage_error(word(key, command_lang(), **params))


def cannot_write(output: str, error: OSError) -> NoReturn:
    """-o that cannot be written: names the missing folder, not a temporary file."""
    folder = Path(output).parent
    if isinstance(error, FileNotFoundError) and not folder.exists():
        usage_error_word("cli.cannot_write.no_folder", output=output, folder=str(folder))
    if isinstance(error, FileExistsError) and Path(output).exists():
        usage_error_word("cli.cannot_write.exists", output=output)
    usage_error_word("cli.cannot_write", output=output, why=error.strerror or str(error))


def fail_registry(error: Exception) -> NoReturn:
    """A registry that does not load: each of its problems, in the command's language."""
    issues = getattr(error, "issues", ())
    lang = command_lang()
    sys.stderr.write(word("cli.registry_fails", lang, count=len(issues)) + "\n")
    for issue in issues:
        sys.stderr.write(f"  {issue.text_in(lang)}\n")
    raise typer.Exit(EXIT_USAGE)


_Format = TypeVar("_Format", bound=Enum)


def chosen_format(given: _Format | None, output: str | None, default: _Format) -> _Format:
    """The --format given; without one, xlsx when -o names a .xlsx file, else `default`."""
    if given is not None:
        return given
    if output is not None and output.lower().endswith(".xlsx"):
        return type(default)("xlsx")
    return default


def emit_workbook(make: Callable[[], bytes], output: str | None) -> None:
    """Write a workbook to FILE atomically (or to standard output when it is not a
    terminal); a usage error without XlsxWriter."""
    from ..render.xlsx_book import XlsxExtraMissing

    if output in (None, "-") and sys.stdout.isatty():
        usage_error_word("cli.workbook_terminal")
    try:
        data = make()
    except XlsxExtraMissing as error:
        usage_error(str(error))
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        _write_file(output, data)


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
    else:
        _write_file(output, text.encode("utf-8"))  # as write_text_atomic


def _write_file(output: str, data: bytes) -> None:
    """Write FILE atomically; a usage error when it cannot be written."""
    from ..atomic import write_bytes_atomic

    try:
        write_bytes_atomic(output, data)
    except OSError as error:
        cannot_write(output, error)
