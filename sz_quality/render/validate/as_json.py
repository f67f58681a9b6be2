"""`szq validate --format json`: the contract a CI job parses.

{"valid": bool, "files": [{"path", "rows", "accepted", "rejected"}],
 "diagnostics": [{"code", "severity", "file", "line", "column", "field", "message", "hint",
                  "message_key", "params", "hint_key", "hint_params"}]}

`message` and `hint` are in the language asked for (--lang); the other fields are the
same in every language: the template keys of sz_quality.read.messages and the
values that fill them (a value named `x_zh`/`x_en` fills `{x}` in that language).
"""

from __future__ import annotations

from typing import Any

from ...read.codes import is_valid
from ...read.observations import Diagnostic, ReadResult
from ..jsonout import dumps

__all__ = ["diagnostic_dict", "render", "to_dict"]


def diagnostic_dict(diagnostic: Diagnostic, lang: str | None = None) -> dict[str, Any]:
    """One diagnostic as every JSON output of szq writes it: text in `lang`, and its fields."""
    return diagnostic.to_json(lang)


def to_dict(result: ReadResult, *, strict: bool = False, lang: str | None = None) -> dict[str, Any]:
    """The contract as a dict; texts in `lang` (default: the language of the read)."""
    return {
        "valid": is_valid(result, strict=strict),
        "files": [summary.to_dict() for summary in result.inputs],
        "diagnostics": [diagnostic_dict(diagnostic, lang) for diagnostic in result.diagnostics],
    }


def render(result: ReadResult, *, strict: bool = False, lang: str = "en") -> str:
    return dumps(to_dict(result, strict=strict, lang=lang))
