"""`szq validate`'s output formats, each mapped to its renderer.

As sz_quality.render.check: an enum of formats and one function that maps every member
to a renderer (a test asserts that none is missing). The renderers are imported on use:
this module imports nothing else, so that `szq validate` starts fast.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Protocol, assert_never

if TYPE_CHECKING:
    from ..read.observations import ReadResult

__all__ = ["DiagnosticsFormat", "DiagnosticsRenderer", "renderer_for", "summary_line"]


class DiagnosticsRenderer(Protocol):
    def __call__(self, result: ReadResult, *, strict: bool = ..., lang: str = ...) -> str: ...


class DiagnosticsFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"


def renderer_for(choice: DiagnosticsFormat) -> DiagnosticsRenderer:
    """The `render(result, *, strict, lang) -> str` function of a format."""
    if choice is DiagnosticsFormat.text:
        from .diagnostics_text import render as text

        return text
    if choice is DiagnosticsFormat.json:
        from .diagnostics_json import render as json

        return json
    if choice is DiagnosticsFormat.github:
        from .diagnostics_github import render as github

        return github
    if choice is DiagnosticsFormat.junit:
        from .diagnostics_junit import render as junit

        return junit
    if choice is DiagnosticsFormat.gitlab:
        from .diagnostics_gitlab import render as gitlab

        return gitlab
    assert_never(choice)


def summary_line(result: ReadResult, *, strict: bool, lang: str) -> str:
    """The verdict and the counts every format ends with: files, rows, rows rejected, and
    the diagnostics listed (one wording for text, github and junit)."""
    from ..read.codes import is_valid, summary_counts
    from .words import word

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
