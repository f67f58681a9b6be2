"""`szq validate --format json`: the contract a CI job parses.

{"valid": bool, "files": [{"path", "rows", "accepted", "rejected"}],
 "diagnostics": [{"code", "severity", "file", "line", "column", "field", "message", "hint"}]}
"""

from __future__ import annotations

import json
from typing import Any

from ..read.diagnostics import is_valid
from ..read.observations import ReadResult

__all__ = ["render", "to_dict"]


def to_dict(result: ReadResult, *, strict: bool = False) -> dict[str, Any]:
    return {
        "valid": is_valid(result, strict=strict),
        "files": [summary.to_dict() for summary in result.inputs],
        "diagnostics": [diagnostic.to_dict() for diagnostic in result.diagnostics],
    }


def render(result: ReadResult, *, strict: bool = False, lang: str = "en") -> str:
    return json.dumps(to_dict(result, strict=strict), ensure_ascii=False, indent=2) + "\n"
