"""`szq validate` for people: diagnostics grouped by file, then a summary.

`render` gives plain text (for a pipe or a file) and never imports rich; `print_rich`
colours the same lines on a terminal and imports rich only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..read.diagnostics import is_valid, summary_counts
from ..read.observations import Diagnostic, ReadResult

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["lines", "print_rich", "render"]

_WORDS: dict[str, tuple[str, str]] = {
    "rows": (
        "{path}:{rows} 行,接受 {accepted},拒绝 {rejected}",
        "{path}: {rows} row(s), {accepted} accepted, {rejected} rejected",
    ),
    "valid": ("有效", "valid"),
    "invalid": ("无效", "invalid"),
    "summary": (
        "{verdict}:{files} 个文件,{rows} 行,{errors} 个错误,{warnings} 个警告",
        "{verdict}: {files} file(s), {rows} row(s), {errors} error(s), {warnings} warning(s)",
    ),
    "strict": ("(--strict:警告也视为失败)", " (--strict: warnings fail too)"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "hint": ("提示", "hint"),
    "other": ("(其他)", "(other)"),
}


def _word(key: str, lang: str, **params: Any) -> str:
    pair = _WORDS[key]
    return (pair[0] if lang == "zh" else pair[1]).format(**params)


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
        out.append(("file", _word("rows", lang, **summary.to_dict())))
        out.extend(_diagnostic_lines(by_file.get(summary.path, []), lang))
    for path, diagnostics in by_file.items():
        if path not in paths:
            out.append(("file", path or _word("other", lang)))
            out.extend(_diagnostic_lines(diagnostics, lang))
    errors, warnings = summary_counts(result.diagnostics)
    valid = is_valid(result, strict=strict)
    summary_text = _word(
        "summary",
        lang,
        verdict=_word("valid" if valid else "invalid", lang),
        files=len(result.inputs),
        rows=sum(summary.rows for summary in result.inputs),
        errors=errors,
        warnings=warnings,
    )
    if strict and warnings:
        summary_text += _word("strict", lang)
    out.append(("ok" if valid else "bad", summary_text))
    return out


def _diagnostic_lines(diagnostics: list[Diagnostic], lang: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for diagnostic in diagnostics:
        severity = _word(diagnostic.severity, lang)
        out.append(
            (
                diagnostic.severity,
                f"  {_where(diagnostic):>9}  {severity:<7} {diagnostic.code:<18} "
                f"{diagnostic.message_in(lang)}",
            )
        )
        hint = diagnostic.hint_in(lang)
        if hint:
            out.append(("hint", f"{'':>11}  {_word('hint', lang)}: {hint}"))
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
