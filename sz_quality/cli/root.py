"""The root command `szq`: the app and its global options (--targets, --measures, --lang).

The commands are registered on it in one place, `sz_quality.cli.__init__`; no command
module imports this one's package, so there is no import cycle.
"""

from __future__ import annotations

import os
from typing import Any

import typer
from typer.core import TyperGroup

from .. import __version__
from .common import State, help_language, wants_help

__all__ = ["GLOBAL_OPTIONS", "app", "hoist_globals"]

# the global options that name a registry: accepted after the command as before it
GLOBAL_OPTIONS = ("--targets", "--measures")
_ROOT_VALUED = (*GLOBAL_OPTIONS, "--lang")  # the root's options that take a value


def hoist_globals(arguments: list[str], commands: Any) -> list[str]:
    """`szq check --targets plan.yaml data.csv` as `szq --targets plan.yaml check data.csv`:
    --targets and --measures after the command move before it (not after `--`)."""
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument in _ROOT_VALUED:
            index += 2
            continue
        if argument in commands:
            break
        index += 1
    else:
        return arguments
    head, tail = arguments[: index + 1], arguments[index + 1 :]
    moved: list[str] = []
    kept: list[str] = []
    position = 0
    while position < len(tail):
        argument = tail[position]
        if argument == "--":
            kept.extend(tail[position:])
            break
        if argument in GLOBAL_OPTIONS and position + 1 < len(tail):
            moved.extend(tail[position : position + 2])
            position += 2
            continue
        if argument.startswith(tuple(f"{name}=" for name in GLOBAL_OPTIONS)):
            moved.append(argument)
        else:
            kept.append(argument)
        position += 1
    return [*head[:-1], *moved, head[-1], *kept]


class _Group(TyperGroup):
    """szq's root: the registry options are global, wherever they are written, and the
    help names the plan loaded (--targets), not the shipped one."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        args = hoist_globals(list(args), self.commands)
        if wants_help(args):  # the help's words are the catalogue's, in the run's language
            from .help import localize

            lang = help_language(args)
            localize(self, lang)
            ctx.formatter_class = self.context_class.formatter_class
            self.help = _plan_help(_targets_of(args), lang) or self.help
        return list(super().parse_args(ctx, args))


def _targets_of(args: list[str]) -> str | None:
    """The --targets given before the command (else $SZQ_TARGETS)."""
    for index, argument in enumerate(args):
        if argument == "--targets" and index + 1 < len(args):
            return args[index + 1]
        if argument.startswith("--targets="):
            return argument.split("=", 1)[1]
    return os.environ.get("SZQ_TARGETS") or None


def _plan_help(targets: str | None, lang: str) -> str | None:
    """The root's help for the plan `targets` loads; None for the shipped one, or when
    the registry does not load (the command then says why)."""
    if targets is None:
        return None
    from ..plan.registry import RegistryError, load_registry
    from ..words import word

    try:
        plan = load_registry(targets).plan
    except (RegistryError, OSError):
        return None
    if lang == "zh":
        return word("cli.plan_help", lang, plan=plan.name_zh)
    both = plan.name_en + word("punct.parenthesised", lang, text=plan.name_zh)
    return word("cli.plan_help", lang, plan=both)


app = typer.Typer(
    name="szq",
    cls=_Group,
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
    targets: str | None = typer.Option(None, "--targets", metavar="PATH", envvar="SZQ_TARGETS"),
    measures: str | None = typer.Option(None, "--measures", metavar="PATH", envvar="SZQ_MEASURES"),
    lang: str | None = typer.Option(None, "--lang", metavar="zh|en", show_default=False),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
) -> None:
    if lang is not None:
        if lang not in ("zh", "en"):
            raise typer.BadParameter(f"{lang!r} is not one of 'zh', 'en'", param_hint="--lang")
        os.environ["SZQ_LANG"] = lang  # what each command's --lang defaults to
    ctx.obj = State(targets_path=targets, measures_path=measures)
