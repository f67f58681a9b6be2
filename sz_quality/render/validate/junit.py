"""`szq validate --format junit`: JUnit XML, read by Jenkins, GitLab and most CI servers.

One <testcase> per data file (classname "szq.validate", name the file's path), one
<failure> per error in it (per warning too with --strict), its type the diagnostic's
code and its message "line L, column C: text (hint)"; the other warnings are listed in
the test case's <system-out>. The document conforms to the JUnit schema Jenkins uses
(tests/schemas/junit-10.xsd). No time or host attributes: the same input gives the
same bytes.
"""

from __future__ import annotations

import re

from ...read.observations import Diagnostic, ReadResult
from ..verdict_words import word
from .text import summary_line

__all__ = ["render"]

# characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str, *, attribute: bool = False) -> str:
    text = _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = (
            text.replace('"', "&quot;")
            .replace("\n", "&#10;")
            .replace("\r", "&#13;")
            .replace("\t", "&#9;")
        )
    return text


def _where(diagnostic: Diagnostic, lang: str) -> str:
    parts = []
    if diagnostic.line is not None:
        parts.append(word("junit.line", lang, line=diagnostic.line))
    if diagnostic.column is not None:
        parts.append(word("junit.column", lang, column=diagnostic.column))
    return word("list.comma", lang).join(parts)


def _text(diagnostic: Diagnostic, lang: str) -> str:
    message = diagnostic.text_in(lang)
    where = _where(diagnostic, lang)
    return f"{where}{word('punct.colon', lang)}{message}" if where else message


def _by_file(result: ReadResult) -> dict[str, list[Diagnostic]]:
    """Every input file in order, then any other file a diagnostic names."""
    files: dict[str, list[Diagnostic]] = {summary.path: [] for summary in result.inputs}
    for diagnostic in result.diagnostics:
        files.setdefault(diagnostic.file, []).append(diagnostic)
    return files


def render(result: ReadResult, *, strict: bool = False, lang: str = "en") -> str:
    failing = ("error", "warning") if strict else ("error",)
    cases: list[str] = []
    failures = 0
    for path, diagnostics in _by_file(result).items():
        body: list[str] = []
        notes: list[str] = []
        for diagnostic in diagnostics:
            text = _text(diagnostic, lang)
            said = word(f"severity.{diagnostic.severity}", lang)
            line = f"{said} {diagnostic.code}{word('punct.colon', lang)}{text}"
            if diagnostic.severity in failing:
                failures += 1
                body.append(
                    f'      <failure type="{_xml(diagnostic.code, attribute=True)}" '
                    f'message="{_xml(text, attribute=True)}">'
                    f"{_xml(line)}</failure>"
                )
            else:
                notes.append(line)
        if notes:
            body.append(f"      <system-out>{_xml(chr(10).join(notes))}</system-out>")
        opening = f'    <testcase classname="szq.validate" name="{_xml(path, attribute=True)}"'
        cases.append(
            f"{opening}>\n" + "\n".join(body) + "\n    </testcase>" if body else f"{opening}/>"
        )
    summary = summary_line(result, strict=strict, lang=lang)
    counts = f'tests="{len(cases)}" failures="{failures}" errors="0"'
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="szq validate" {counts}>',
        f'  <testsuite name="szq validate" {counts} skipped="0">',
        *cases,
        f"    <system-out>{_xml(summary)}</system-out>",
        "  </testsuite>",
        "</testsuites>",
    ]
    return "\n".join(lines) + "\n"
