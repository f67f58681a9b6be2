"""`szq validate --format github`: GitHub Actions workflow commands, one per diagnostic.

`::error file=F,line=L,col=C,title=CODE::message` puts the problem on the line of the
file in a pull request. Values are escaped as the runner expects (% CR LF, and : , in
properties).
"""

from __future__ import annotations

from ...read.observations import Diagnostic, ReadResult
from .text import summary_line

__all__ = ["annotation", "render"]


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic, lang: str | None = None) -> str:
    """The workflow command of a diagnostic, its text in `lang` (default: the read's)."""
    lang = diagnostic.lang if lang is None else lang
    properties = []
    if diagnostic.file:
        properties.append(f"file={_property(diagnostic.file)}")
    if diagnostic.line is not None:
        properties.append(f"line={diagnostic.line}")
    if diagnostic.column is not None:
        properties.append(f"col={diagnostic.column}")
    properties.append(f"title={_property(diagnostic.code)}")
    message = diagnostic.text_in(lang)
    return f"::{diagnostic.severity} {','.join(properties)}::{_data(message)}"


def render(result: ReadResult, *, strict: bool = False, lang: str = "en") -> str:
    lines = [annotation(diagnostic, lang) for diagnostic in result.diagnostics]
    summary = summary_line(result, strict=strict, lang=lang)
    lines.append(f"szq validate: {summary}")
    return "\n".join(lines) + "\n"
