"""The `szq` command: a thin edge over the library.

Exit codes: 0 the command ran (data valid); 1 invalid data (or a --fail-on gate);
2 bad usage: an unknown option, a missing file, a registry that does not load;
3 an unexpected internal error (one line, never a traceback).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

from . import (
    assess_commands,
    check_commands,
    plan_commands,
    registry_commands,
    report_commands,
    template_commands,
    validate_commands,
)
from .common import EXIT_INTERNAL, help_language
from .root import app

# Every command, registered here and nowhere else. A command module imports only typer
# and szq's light modules at its top; an optional dependency (python-calamine,
# XlsxWriter, python-docx, jinja2, matplotlib) is imported when its command runs, which
# then names the extra to install. A command is never silently missing: a module that
# fails to import fails `szq`.
COMMANDS: dict[str, Callable[..., None]] = {  # in the order of `szq --help`
    "check": check_commands.check_command,
    "calc": check_commands.calc_command,
    "targets": registry_commands.targets_command,
    "measures": registry_commands.measures_command,
    "agencies": registry_commands.agencies_command,
    "report": report_commands.report_command,
    "assess": assess_commands.assess_command,
    "template": template_commands.template_command,
    "validate": validate_commands.validate_command,
    "schema": validate_commands.schema_command,
    "lint": plan_commands.lint_command,
    "units": plan_commands.units_command,
}
for _name, _command in COMMANDS.items():
    app.command(_name)(_command)

__all__ = ["COMMANDS", "app", "main"]


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
    if help_language(arguments) == "zh":  # click's own usage errors in Chinese too
        from .usage_zh import install as chinese_usage_errors

        chinese_usage_errors()
    try:
        app()
    except Terminated:
        _say("cli.terminated", arguments)
        raise
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _say("cli.interrupted", arguments)
        sys.exit(130)
    except BrokenPipeError:
        # the reader went away (szq ... | head): not an error of ours
        sys.stderr.close()
        sys.exit(0)
    except Exception as error:  # the last line of defence
        _say("cli.internal_error", arguments, kind=type(error).__name__, error=error)
        sys.exit(EXIT_INTERNAL)
    finally:
        _say_if_uncached(arguments)


def _say(key: str, arguments: list[str], **fields: object) -> None:
    """A last line of szq's, in the language of the arguments (nothing else may be
    trusted by then: this runs as szq ends)."""
    from ..words import word

    lang = help_language(arguments)
    text = word("cli.note", lang, message=word(key, lang, **fields))
    with contextlib.suppress(OSError, ValueError):  # stderr gone (szq ... | head)
        sys.stderr.write(text + "\n")


def _say_if_uncached(arguments: list[str]) -> None:
    """Once per run: the compiled registry could not be cached (a read-only home)."""
    from ..plan.cache import unwritable

    failed = unwritable()
    if failed is not None:
        folder, why = failed
        _say("cli.cache-unwritable", arguments, folder=str(folder), why=why)
