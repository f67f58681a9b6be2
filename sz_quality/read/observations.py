"""What reading data files produces: observations, diagnostics and per-file counts.

Plain frozen dataclasses (no pydantic): reading is the hot path of `szq validate`, which
must start in well under 150 ms. `szq schema` describes a row with a pydantic model
(sz_quality.read.row_model), which is imported only there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ..words import word
from .messages import Param, Params, message

__all__ = [
    "Diagnostic",
    "InputSummary",
    "Observation",
    "Param",
    "Params",
    "ReadResult",
    "Revision",
    "Severity",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a data file, at a stable code and an exact position.

    `line` is the physical line (1-based; the header is line 1; a quoted multi-line cell
    counts every line it spans); for .xlsx it is the sheet row. `column` is 1-based.

    The text is built when it is shown, in the language asked for: `message_in(lang)`
    and `hint_in(lang)` fill the templates of sz_quality.read.messages named by
    `message_key` and `hint_key` with `params` and `hint_params`; `lang` is the language
    of the read, the default of `to_dict`.
    """

    code: str
    severity: Severity
    file: str
    line: int | None
    column: int | None
    field: str | None
    message_key: str
    params: Params = ()
    hint_key: str | None = None
    hint_params: Params = ()
    lang: str = "en"

    def message_in(self, lang: str) -> str:
        """The message in `lang` ("zh" or "en")."""
        return message(self.message_key, lang, **dict(self.params))

    def hint_in(self, lang: str) -> str | None:
        """The hint in `lang`, or None."""
        if self.hint_key is None:
            return None
        return message(self.hint_key, lang, **dict(self.hint_params))

    def text_in(self, lang: str) -> str:
        """The message with its hint, if any, in parentheses, in `lang`: one line's text."""
        hint = self.hint_in(lang)
        text = self.message_in(lang)
        return text + word("punct.parenthesised", lang, text=hint) if hint else text

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Position and text (in `lang`, default the read's): the check report's contract."""
        shown = self.lang if lang is None else lang
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message_in(shown),
            "hint": self.hint_in(shown),
        }

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """What every JSON output of szq writes: position, text in `lang`, and the template
        keys and values the text is built from."""
        return {**self.to_dict(lang), **self.structured()}

    def structured(self) -> dict[str, Any]:
        """The template keys and values the text is built from, the same in every language.

        Text is valid Unicode: bytes a file could not decode show as `\\udcXX` escapes.
        """
        return {
            "message_key": self.message_key,
            "params": _printable(self.params),
            "hint_key": self.hint_key,
            "hint_params": _printable(self.hint_params),
        }


def _printable(params: Params) -> dict[str, Param]:
    return {
        name: value.encode("utf-8", "backslashreplace").decode("utf-8")
        if isinstance(value, str)
        else value
        for name, value in params
    }


@dataclass(frozen=True, slots=True)
class Observation:
    """One accepted value, converted to the unit of what it measures.

    `series` is an indicator id, or a target id when the value was reported for the
    target itself (a cumulative decline, an increment over the period). `value_text`
    and `unit_text` are the cells as the file gives them (trimmed; `unit_text` "" for
    a blank unit or no unit column), `source` and `note` the row's cells (None when
    blank): what an auditor traces a verdict back to. Slots: a kept observation costs
    less memory with these fields than the dict of one without them did.
    """

    series: str
    year: int
    value: float
    region: str = ""
    file: str = ""
    line: int = 0
    source: str | None = None
    note: str | None = None
    value_text: str = ""
    unit_text: str = ""


@dataclass(frozen=True)
class Revision:
    """A later file superseding an earlier one for the same (series, region, year)."""

    series: str
    region: str
    year: int
    old: float
    new: float
    old_file: str
    old_line: int
    new_file: str
    new_line: int


@dataclass(frozen=True)
class InputSummary:
    """Per-file accounting: every data row is either accepted or rejected."""

    path: str
    rows: int
    accepted: int
    rejected: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReadResult:
    """Everything read from one or more files, in file order."""

    observations: tuple[Observation, ...]
    diagnostics: tuple[Diagnostic, ...]
    inputs: tuple[InputSummary, ...]
    revisions: tuple[Revision, ...] = field(default=())

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.severity == "error" for diagnostic in self.diagnostics)

    @property
    def has_warnings(self) -> bool:
        return any(diagnostic.severity == "warning" for diagnostic in self.diagnostics)
