"""`szq validate`'s output formats (its diagnostics), each mapped to its renderer.

As sz_quality.render.check.dispatch: an enum of formats, each of which names its
renderer (a Format of render/dispatch.py). The renderers are imported on use and import
nothing from here: this module imports nothing else but Format, so that
`szq validate` starts fast, and no renderer depends on the dispatch that chooses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from ..dispatch import Format

if TYPE_CHECKING:
    from ...read.observations import ReadResult

__all__ = ["DiagnosticsFormat", "DiagnosticsRenderer", "renderer_for"]


class DiagnosticsRenderer(Protocol):
    def __call__(self, result: ReadResult, *, strict: bool = ..., lang: str = ...) -> str: ...


class DiagnosticsFormat(Format):
    text = "text", ".text:render"
    json = "json", ".as_json:render"
    github = "github", ".github:render"
    junit = "junit", ".junit:render"
    gitlab = "gitlab", ".gitlab:render"


def renderer_for(choice: DiagnosticsFormat) -> DiagnosticsRenderer:
    """The `render(result, *, strict, lang) -> str` function of a format."""
    return cast("DiagnosticsRenderer", choice.renderer())
