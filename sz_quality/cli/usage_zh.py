"""The command line's own usage errors (an unknown option, a missing argument, a value
not among the choices) in Chinese, under `--lang zh` or a Chinese default.

typer's click words them in English, and prints them with `UsageError.show`: for a
Chinese command line, `install` replaces that method with one that words the usage
line, the hint and the message from the catalogue of words. A message of a shape not
known here is shown as click words it.
"""

from __future__ import annotations

import re
import sys
from typing import IO, Any

from ..words import word

__all__ = ["chinese_message", "install"]

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"No such option: (?P<option>\S+) \(Possible options: (?P<options>.+)\)"),
        "click.no_such_option.possible"),
    (re.compile(r"No such option: (?P<option>\S+)"), "click.no_such_option"),
    (re.compile(r"No such command (?P<name>'[^']*')\.?"), "click.no_such_command"),
    (re.compile(r"Missing argument (?P<name>'[^']*'|\S+?)\.(?P<rest>.*)"),
        "click.missing_argument"),
    (re.compile(r"Missing option (?P<name>'[^']*'|\S+?)\.(?P<rest>.*)"), "click.missing_option"),
    (re.compile(r"Option (?P<name>\S+) requires an argument\.?"), "click.needs_value"),
    (re.compile(r"Option (?P<name>'\S+') requires an argument\.?"), "click.needs_value"),
    (re.compile(r"Invalid value for (?P<name>.+?): (?P<value>.+?) is not one of "
                r"(?P<choices>.+?)\."), "click.not_a_choice"),
    (re.compile(r"Invalid value for (?P<name>.+?): (?P<value>.+?) is not a valid "
                r"(?:integer|int range)\.?"),
        "click.not_an_integer"),
    (re.compile(r"Invalid value for (?P<name>.+?): (?P<detail>.+)"), "click.invalid_value"),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.+)\)"),
        "click.extra"),
)  # fmt: skip


def chinese_message(message: str) -> str:
    """A usage error of click's in Chinese (as click words it, if its shape is unknown)."""
    for shape, key in _SHAPES:
        found = shape.fullmatch(message.strip())
        if found is not None:
            fields = {name: (value or "").strip() for name, value in found.groupdict().items()}
            return word(key, "zh", **fields)
    return message


def _show(self: Any, file: IO[str] | None = None) -> None:
    stream = file if file is not None else sys.stderr
    context = self.ctx
    if context is not None:
        usage = context.get_usage().removeprefix("Usage:").strip()
        stream.write(word("click.usage", "zh", usage=usage) + "\n")
        stream.write(word("click.try_help", "zh", command=context.command_path) + "\n\n")
    stream.write(word("click.error", "zh", message=chinese_message(self.format_message())))
    stream.write("\n")


def install() -> None:
    """Word the usage errors of this process in Chinese."""
    import importlib

    try:  # a recent typer carries its own click; an older one runs on click
        exceptions: Any = importlib.import_module("typer._click.exceptions")
    except ImportError:  # pragma: no cover
        exceptions = importlib.import_module("click.exceptions")
    exceptions.UsageError.show = _show
