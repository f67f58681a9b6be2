"""The help of `szq` and of every command, in the user's language.

The commands declare their options (names, types, defaults) and no words: every help
text is in the catalogue (sz_quality/words.json): `help.command.<command>` for a command
(`szq` itself is `help.command.szq`), `help.option.<option>` for an option that says the
same for every command that has it, and `help.<command>.<option>` only where a command
says it otherwise. When help is asked for (`-h`, `--help`, `szq` alone), the root group
calls `localize` in the language of the run (`--lang`, else $SZQ_LANG, else $LANG); in
Chinese it also gives every command a help formatter (click's public hook,
`Context.formatter_class`) that writes the frame in Chinese (用法, 选项, …) and wraps by
terminal columns with render.grid's `wrap`. Only a help run imports this module.
tests/cli/test_help_lang.py checks that every command and option has its help in both
languages, and that the catalogue holds none that is stale.
"""

from __future__ import annotations

import re
from typing import Any

import typer

from ..render.grid import text_width, wrap
from ..words import WORDS, word

__all__ = ["ROOT", "ChineseHelpFormatter", "help_key", "help_text", "localize", "wrap_text"]

ROOT = "szq"  # the root command's name in the catalogue's keys


def help_key(command: str, parameter: str = "") -> str:
    """The catalogue's key of the help of `command` ("szq" is the root), or of its option
    `parameter` (by its Python name): the command's own where it has one."""
    if not parameter:
        return f"help.command.{command}"
    own = f"help.{command}.{parameter}"
    return own if own in WORDS else f"help.option.{parameter}"


def help_text(command: str, parameter: str, lang: str) -> str:
    """The help of `command` (its option `parameter`, if given) in `lang`."""
    return word(help_key(command, parameter), lang)


# the help's frame as click writes it (the catalogue's click.heading.* and click.phrase.*
# say it in Chinese beside click's English): its headings...
_HEADINGS = {WORDS[key][1]: WORDS[key][0] for key in WORDS if key.startswith("click.heading.")}
# ...and the phrases it adds to the help texts
_PHRASES = [(WORDS[key][1], WORDS[key][0]) for key in WORDS if key.startswith("click.phrase.")]


def wrap_text(text: str, width: int, first: str = "", rest: str = "") -> str:
    """`text` in lines of at most `width` columns, the first indented by `first`, the
    others by `rest`; paragraphs (split by a blank line) kept, with the phrases click
    adds in Chinese."""
    for english, chinese in _PHRASES:
        text = text.replace(english, chinese)
    indent = max(text_width(first), text_width(rest))
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.expandtabs()):
        if paragraph.strip():
            lines = wrap(" ".join(paragraph.split()), width - indent, break_wide=True)
            paragraphs.append(
                "\n".join((first if i == 0 else rest) + line for i, line in enumerate(lines))
            )
    return "\n\n".join(paragraphs)


_HelpFormatter: Any = typer.Context.formatter_class  # click's HelpFormatter


class ChineseHelpFormatter(_HelpFormatter):  # type: ignore[misc]
    """click's help formatter with the frame in Chinese and wrapping by terminal columns
    (a Chinese character takes two)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = " " * self.current_indent + word("click.usage", "zh", usage="")
        self.write(wrap_text(f"{prog} {args}", self.width, prefix, " " * text_width(prefix)))
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        colon = word("punct.colon", "zh")
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}{colon}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent))
        self.write("\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max(text_width(first) for first, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if text_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - text_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_columns = max(self.width - first_col - 2, 10)
            hanging = " " * (first_col + self.current_indent)
            lines = wrap_text(second, text_columns + len(hanging), "", hanging)
            self.write(lines.lstrip(" ") + "\n")


class _ChineseContext(typer.Context):
    formatter_class = ChineseHelpFormatter


def localize(command: Any, lang: str, name: str = ROOT) -> None:
    """Put the help in `lang` on `command` (a click command, `name` in the catalogue) and
    on its subcommands."""
    command.help = help_text(name, "", lang)
    for parameter in command.params:
        if parameter.name != "help":  # click's own --help says its own
            parameter.help = help_text(name, parameter.name or "", lang)
    if lang == "zh":
        # the list of commands shows the first sentence (click cuts at ". ", which
        # Chinese lacks), and the frame is Chinese
        stop = word("punct.full_stop", lang)
        command.short_help = re.split(f"[{stop}\n]", command.help, maxsplit=1)[0]
        command.context_class = _ChineseContext
    for sub_name, sub in getattr(command, "commands", {}).items():
        localize(sub, lang, sub_name)
