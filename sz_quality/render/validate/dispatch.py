"""`szq validate`'s output formats (its diagnostics), each mapped to its renderer.

As sz_quality.render.check.dispatch: an enum of formats and one function that maps every member
to a renderer (a test asserts that none is missing). The renderers are imported on use
and import nothing from here: this module imports nothing else, so that `szq validate`
starts fast, and no renderer depends on the dispatch that chooses it.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Protocol, assert_never

if TYPE_CHECKING:
    from ...read.observations import ReadResult

__all__ = ["DiagnosticsFormat", "DiagnosticsRenderer", "renderer_for"]


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
        from .text import render as text

        return text
    if choice is DiagnosticsFormat.json:
        from .as_json import render as json

        return json
    if choice is DiagnosticsFormat.github:
        from .github import render as github

        return github
    if choice is DiagnosticsFormat.junit:
        from .junit import render as junit

        return junit
    if choice is DiagnosticsFormat.gitlab:
        from .gitlab import render as gitlab

        return gitlab
    assert_never(choice)
