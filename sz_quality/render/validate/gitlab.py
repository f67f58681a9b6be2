"""`szq validate --format gitlab`: a GitLab Code Quality report (JSON).

A list of issues, one per diagnostic, with the fields GitLab documents: `description`
(the message and hint in --lang), `check_name` (the diagnostic's code), `fingerprint`,
`severity` (error: major, warning: minor; with --strict a warning fails the job but
stays minor), `location.path` and `location.lines.begin` (the line; 1 for a diagnostic
of the whole file). The fingerprint is the SHA-256 of the code, position and the English
message: the same problem has the same fingerprint in every run and every language, so
GitLab can tell new problems from fixed ones; two problems never share one.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ...read.observations import Diagnostic, ReadResult

__all__ = ["issue", "render"]

_SEVERITY = {"error": "major", "warning": "minor"}


def _fingerprint(diagnostic: Diagnostic) -> str:
    key = [
        diagnostic.code,
        diagnostic.file,
        diagnostic.line,
        diagnostic.column,
        diagnostic.field,
        diagnostic.message_in("en"),
    ]
    encoded = json.dumps(key, ensure_ascii=True).encode("ascii")
    return hashlib.sha256(encoded).hexdigest()


def issue(diagnostic: Diagnostic, lang: str) -> dict[str, Any]:
    description = diagnostic.text_in(lang)
    return {
        "description": description,
        "check_name": diagnostic.code,
        "fingerprint": _fingerprint(diagnostic),
        "severity": _SEVERITY[diagnostic.severity],
        "location": {"path": diagnostic.file, "lines": {"begin": diagnostic.line or 1}},
    }


def render(result: ReadResult, *, strict: bool = False, lang: str = "en") -> str:
    del strict  # the severities say what failed; the exit code says whether the job fails
    issues = [issue(diagnostic, lang) for diagnostic in result.diagnostics]
    seen: set[str] = set()
    for number, entry in enumerate(issues):
        # the same problem twice at one place (rare): the later ones take their rank too
        while entry["fingerprint"] in seen:
            entry["fingerprint"] = hashlib.sha256(
                f"{entry['fingerprint']}:{number}".encode("ascii")
            ).hexdigest()
        seen.add(entry["fingerprint"])
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
