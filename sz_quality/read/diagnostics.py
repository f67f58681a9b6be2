"""The diagnostic codes of data files: stable names, severities and messages in zh and en.

A CI job relies on the codes, so they never change meaning; the README's table is
generated from CODES (and a test keeps the two in step). Messages are templates: a
Diagnostic keeps the template's key and the values that fill it (`template(key, ...)`),
and its text is built in the user's language when it is shown (`message`).

This module is longer than 500 lines: it is the one table of the codes and of every
message, each in Chinese and English, which reads best in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..words import word
from .observations import Diagnostic, Param, Params, ReadResult, Severity

__all__ = [
    "CODES",
    "Code",
    "Template",
    "did_you_mean",
    "is_valid",
    "make",
    "markdown_table",
    "message",
    "summary_counts",
    "template",
]


@dataclass(frozen=True)
class Code:
    """A diagnostic code: its usual severity and what it means."""

    code: str
    severity: str  # "error", "warning", or "error or warning"

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
        Code("unknown-column", "warning"),
        Code("bad-csv", "error"),
        Code("ragged-row", "error"),
        Code("blank-row", "warning"),
        Code("unknown-indicator", "error"),
        Code("bad-year", "error"),
        Code("bad-number", "error"),
        Code("no-value", "warning"),
        Code("unknown-unit", "error"),
        Code("unit-mismatch", "error"),
        Code("out-of-range", "error"),
        Code("suspect-fraction", "warning"),
        Code("duplicate-row", "error or warning"),
        Code("revision", "warning"),
        Code("missing-indicator", "error"),
        Code("too-many", "error or warning"),
        Code("status-encoding", "error"),
        Code("status-empty", "error"),
        Code("status-missing-column", "error"),
        Code("status-unknown-column", "warning"),
        Code("status-missing-id", "error"),
        Code("status-unknown-measure", "error"),
        Code("status-invalid-status", "error"),
        Code("status-duplicate", "warning"),
    )
}


def markdown_table() -> str:
    """The README's table of codes, generated from CODES (a test keeps the README current)."""
    lines = ["| code | severity | meaning |", "| --- | --- | --- |"]
    lines.extend(f"| `{c.code}` | {c.severity} | {c.meaning('en')} |" for c in CODES.values())
    return "\n".join(lines) + "\n"


# messages whose {region} is a phrase ("region 'r3' ") built from the raw region, if any
_WITH_REGION = frozenset({"duplicate-row.equal", "duplicate-row.differ", "revision"})

Template = tuple[str, Params]
"""A message key and the values that fill it."""


def template(key: str, **params: Param) -> Template:
    """A message to build later, in whichever language it is shown.

    A value named `<name>_zh` and `<name>_en` fills `{name}` in that language (names of
    indicators and agencies).
    """
    return key, tuple(params.items())


def did_you_mean(guess: str | None, otherwise: Template | None = None) -> Template | None:
    """The hint of a name not found: "did you mean 'GUESS'?", else `otherwise`."""
    return template("did-you-mean", name=guess) if guess else otherwise


def message(key: str, lang: str, **params: Any) -> str:
    """The message `key` in `lang` ("zh" or "en"), filled with `params`."""
    return word(f"diagnostic.{key}", lang, **_in_language(key, lang, params))


def _in_language(key: str, lang: str, params: dict[str, Any]) -> dict[str, Any]:
    """The values as the template in `lang` takes them."""
    values = dict(params)
    suffix = "_zh" if lang == "zh" else "_en"
    for name, value in params.items():
        if name.endswith(suffix):
            values[name[: -len(suffix)]] = value
    if key == "binary":
        values["kind"] = message(str(values["kind"]), lang)
    elif key in _WITH_REGION:
        region = values.get("region", "")
        values["region"] = message("region", lang, region=region) if region else ""
    return values


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

    `text` and `hint` are `template(...)`s; `lang` is the language of `.message`.
    """
    if severity is None:
        default = CODES[code].severity
        severity = "warning" if default == "warning" else "error"
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
