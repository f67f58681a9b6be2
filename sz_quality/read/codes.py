"""The diagnostic codes of data files: stable names and severities, and a Diagnostic of one.

A CI job relies on the codes, so they never change meaning; the README's table is
generated from CODES (and a test keeps the two in step). What each code means, and the
messages of its diagnostics, are words of sz_quality.words ("code.*", "diagnostic.*");
the templates a diagnostic keeps are made by sz_quality.read.messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..words import word
from .messages import Template
from .observations import Diagnostic, ReadResult, Severity

__all__ = ["CODES", "Code", "is_valid", "make", "markdown_table", "summary_counts"]


@dataclass(frozen=True)
class Code:
    """A diagnostic code: its usual severity and what it means."""

    code: str
    severity: str  # "error", "warning", or "error or warning"

    @property
    def default_severity(self) -> Severity:
        """The severity of a diagnostic of this code when its maker does not say."""
        return "warning" if self.severity == "warning" else "error"

    def meaning(self, lang: str) -> str:
        """What the code means, in `lang` (the words: sz_quality.words, "code.<code>")."""
        return word(f"code.{self.code}", lang)


CODES: dict[str, Code] = {
    code.code: code
    for code in (
        Code("encoding-error", "error"),
        Code("bad-file", "error"),
        Code("empty-file", "error"),
        Code("missing-column", "error"),
        Code("duplicate-column", "error"),
        Code("skipped-rows", "warning"),
        Code("cover-sheet", "error"),
        Code("hidden-sheet", "warning"),
        Code("unknown-column", "warning"),
        Code("bad-csv", "error"),
        Code("ragged-row", "error"),
        Code("split-number", "error"),
        Code("blank-row", "warning"),
        Code("unknown-indicator", "error"),
        Code("bad-year", "error"),
        Code("bad-number", "error"),
        Code("no-value", "warning"),
        Code("unknown-unit", "error"),
        Code("bad-unit", "error"),
        Code("unit-mismatch", "error"),
        Code("out-of-range", "error"),
        Code("suspect-fraction", "warning"),
        Code("duplicate-row", "error or warning"),
        Code("revision", "warning"),
        Code("missing-indicator", "error"),
        Code("unknown-region", "warning"),
        Code("district-column", "error"),
        Code("suspect-magnitude", "warning"),
        Code("repeated-value", "warning"),
        Code("parts-total-mismatch", "warning"),
        Code("derived-mismatch", "warning"),
        Code("wrong-template", "error or warning"),
        Code("too-many", "error or warning"),
        Code("status-encoding", "error"),
        Code("status-empty", "error"),
        Code("status-missing-column", "error"),
        Code("status-unknown-column", "warning"),
        Code("status-missing-id", "error"),
        Code("status-unknown-measure", "error"),
        Code("status-invalid-status", "error"),
        Code("status-duplicate", "warning"),
        Code("plan-no-source", "warning"),
        Code("plan-no-target", "warning"),
        Code("plan-short-of-target", "warning"),
        Code("plan-parts-short", "warning"),
    )
}


def markdown_table() -> str:
    """The README's table of codes, generated from CODES (a test keeps the README current)."""
    lines = ["| code | severity | meaning |", "| --- | --- | --- |"]
    lines.extend(f"| `{c.code}` | {c.severity} | {c.meaning('en')} |" for c in CODES.values())
    return "\n".join(lines) + "\n"


def make(
    code: str,
    file: str,
    line: int | None,
    column: int | None,
    field: str | None,
    text: Template,
    hint: Template | None = None,
    *,
    severity: Severity | None = None,
    lang: str = "en",
) -> Diagnostic:
    """A Diagnostic of a known code; the severity defaults to the code's.

    `text` and `hint` are `template(...)`s (sz_quality.read.messages); `lang` is the
    language of the read.
    """
    if severity is None:
        severity = CODES[code].default_severity
    hint_key, hint_params = (None, ()) if hint is None else hint
    return Diagnostic(
        code,
        severity,
        file,
        line,
        column,
        field,
        message_key=text[0],
        params=text[1],
        hint_key=hint_key,
        hint_params=hint_params,
        lang=lang,
    )


def summary_counts(diagnostics: tuple[Diagnostic, ...]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for diagnostic in diagnostics if diagnostic.severity == "error")
    return errors, len(diagnostics) - errors


def is_valid(result: ReadResult, *, strict: bool = False) -> bool:
    """No errors (and, when `strict`, no warnings either): what exit code 0 means."""
    return not (result.has_errors or (strict and result.has_warnings))
