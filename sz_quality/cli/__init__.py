"""The `szq` command: a thin edge over the library.

Exit codes: 0 the command ran (data valid); 1 invalid data (or a --fail-on gate);
2 bad usage: an unknown option, a missing file, a registry that does not load;
3 an unexpected internal error (one line, never a traceback).
"""

from __future__ import annotations

import os
import sys

import typer

from .. import __version__
from .common import EXIT_INTERNAL, State, help_language, wants_help

app = typer.Typer(
    name="szq",
    help=(
        "szq: check official statistics against the quantified targets of the Shenzhen "
        "Quality action plan (关于创造深圳质量的行动计划)."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"szq {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    targets: str | None = typer.Option(
        None,
        "--targets",
        metavar="PATH",
        help="Load another registry of targets with the same schema (docs/schema.md). "
        "Default: the shipped targets.yaml.",
        envvar="SZQ_TARGETS",
    ),
    measures: str | None = typer.Option(
        None,
        "--measures",
        metavar="PATH",
        help="Load another registry of measures. Default: the shipped measures.yaml.",
        envvar="SZQ_MEASURES",
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        metavar="zh|en",
        help="Language of the help and the output: zh or en (default: $SZQ_LANG, else from "
        "$LANG); the default of every command's --lang.",
        show_default=False,
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    if lang is not None:
        if lang not in ("zh", "en"):
            raise typer.BadParameter(f"{lang!r} is not one of 'zh', 'en'", param_hint="--lang")
        os.environ["SZQ_LANG"] = lang  # what each command's --lang defaults to
    ctx.obj = State(targets_path=targets, measures_path=measures)


# Each command module adds its commands to `app` when imported. A module imports only
# typer and szq's light modules at its top; an optional dependency (python-calamine,
# XlsxWriter, python-docx, jinja2, matplotlib) is imported when its command runs, which then
# names the extra to install.
# So a command is never silently missing: a module that fails to import fails `szq`.
from . import (  # noqa: E402
    check_commands,
    registry_commands,
    report_commands,
    template_commands,
    validate_commands,
)

__all__ = [
    "app",
    "check_commands",
    "main",
    "registry_commands",
    "report_commands",
    "template_commands",
    "validate_commands",
]


class Terminated(SystemExit):
    """SIGTERM (`timeout`, a CI job cancelled): unwind like Ctrl-C, so that `finally`
    blocks stop a second process and remove a half-written temporary file."""


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(128 + signum)


def main() -> None:
    """Console entry point: never a traceback, exit codes a CI can trust."""
    import signal

    from .streams import install

    signal.signal(signal.SIGTERM, _terminate)
    install()  # a console or pipe in GBK, cp1252 or ASCII never ends a command
    arguments = sys.argv[1:]
    try:
        if wants_help(arguments) and help_language(arguments) == "zh":
            from .help_zh import chinese_command

            chinese_command(app)()
        else:
            app()
    except Terminated:
        sys.stderr.write("szq: terminated\n")
        raise
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("szq: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        # the reader went away (szq ... | head): not an error of ours
        sys.stderr.close()
        sys.exit(0)
    except Exception as error:  # the last line of defence
        sys.stderr.write(
            f"szq: internal error: {type(error).__name__}: {error} "
            "(please report it with the command you ran)\n"
        )
        sys.exit(EXIT_INTERNAL)
