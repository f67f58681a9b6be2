"""`szq validate` for people: diagnostics grouped by file, then a summary.

`render` gives plain text (for a pipe or a file) and never imports rich; `print_rich`
colours the same lines on a terminal and imports rich only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...read.codes import is_valid, summary_counts
from ...read.observations import Diagnostic, ReadResult
from ..verdict_words import word

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["lines", "print_rich", "render", "summary_line"]


def _where(diagnostic: Diagnostic) -> str:
    if diagnostic.line is None:
        return "-"
    if diagnostic.column is None:
        return str(diagnostic.line)
    return f"{diagnostic.line}:{diagnostic.column}"


def lines(result: ReadResult, *, strict: bool = False, lang: str = "en") -> list[tuple[str, str]]:
    """(style, text) lines: "file", "error", "warning", "hint", "ok" or "bad"."""
    out: list[tuple[str, str]] = []
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        by_file.setdefault(diagnostic.file, []).append(diagnostic)
    paths = [summary.path for summary in result.inputs]
    for summary in result.inputs:
        out.append(("file", word("validate.rows", lang, **summary.to_dict())))
        out.extend(_diagnostic_lines(by_file.get(summary.path, []), lang))
    for path, diagnostics in by_file.items():
        if path not in paths:
            out.append(("file", path or word("validate.other", lang)))
            out.extend(_diagnostic_lines(diagnostics, lang))
    errors, warnings = summary_counts(result.diagnostics)
    valid = is_valid(result, strict=strict)
    summary_text = summary_line(result, strict=strict, lang=lang)
    if strict and warnings:
        summary_text += word("validate.strict", lang)
    out.append(("ok" if valid else "bad", summary_text))
    return out


def _diagnostic_lines(diagnostics: list[Diagnostic], lang: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for diagnostic in diagnostics:
        severity = word(f"severity.{diagnostic.severity}", lang)
        out.append(
            (
                diagnostic.severity,
                f"  {_where(diagnostic):>9}  {severity:<7} {diagnostic.code:<18} "
                f"{diagnostic.message_in(lang)}",
            )
        )
        hint = diagnostic.hint_in(lang)
        if hint:
            out.append(("hint", f"{'':>11}  {word('hint', lang)}{word('punct.colon', lang)}{hint}"))
    return out


def render(result: ReadResult, *, strict: bool = False, lang: str = "en") -> str:
    return "".join(f"{text}\n" for _, text in lines(result, strict=strict, lang=lang))


_STYLES = {
    "file": "bold",
    "error": "red",
    "warning": "yellow",
    "hint": "dim",
    "ok": "bold green",
    "bad": "bold red",
}


def print_rich(
    result: ReadResult, *, strict: bool = False, lang: str = "en", console: Console | None = None
) -> None:
    """The same lines as `render`, coloured, on a terminal."""
    from rich.console import Console
    from rich.text import Text

    console = console or Console(highlight=False, soft_wrap=True)
    for style, text in lines(result, strict=strict, lang=lang):
        console.print(Text(text, style=_STYLES.get(style, "")))


def summary_line(result: ReadResult, *, strict: bool, lang: str) -> str:
    """The verdict and the counts every format ends with: files, rows, rows rejected, and
    the diagnostics listed (one wording for text, github and junit)."""
    errors, warnings = summary_counts(result.diagnostics)
    valid = is_valid(result, strict=strict)
    return word(
        "validate.summary",
        lang,
        verdict=word("validate.valid" if valid else "validate.invalid", lang),
        files=len(result.inputs),
        rows=sum(summary.rows for summary in result.inputs),
        rejected=sum(summary.rejected for summary in result.inputs),
        errors=errors,
        warnings=warnings,
    )
