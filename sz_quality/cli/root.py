"""The root command `szq`: the app and its global options (--targets, --measures, --lang).

The commands are registered on it in one place, `sz_quality.cli.__init__`; no command
module imports this one's package, so there is no import cycle.
"""

from __future__ import annotations

import os

import typer

from .. import __version__
from .common import State

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
