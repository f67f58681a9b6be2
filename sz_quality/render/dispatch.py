"""One dispatch from an output format to its renderer, for every family of outputs.

Each family (check, validate, calc, report, template, assess) declares in its dispatch.py
an enum of its formats, a Format, whose every member names its renderer beside its word:
`xlsx = "xlsx", ".workbook:render_xlsx"`. A renderer is where it lives, as an entry
point's "module:function" (the module relative to the family's package), or, where the
family's signature needs an adapter, a function of the dispatch module itself that imports
its renderer when called. A member without its renderer cannot be declared, so no format
is ever without one. A renderer's module is imported on first use, so that a command
imports only the renderer it writes with (`szq validate` loads no table, workbook or
report code; `--format json` never loads rich).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum
from typing import Any, Self

__all__ = ["Format"]

BINARY = frozenset({"xlsx", "docx"})  # a workbook, a Word document


class Format(str, Enum):
    """A family's output format: its value the word `--format` takes, and its renderer."""

    _value_: str
    renderer_at: str | Callable[..., Any]

    def __new__(cls, word: str, renderer_at: str | Callable[..., Any] | None = None) -> Self:
        # called once per member as the class is made; `SomeFormat("xlsx")` afterwards
        # looks a member up by its word without calling this
        if renderer_at is None:
            raise TypeError(f"{cls.__name__}: the format {word!r} has no renderer")
        member = str.__new__(cls, word)
        member._value_ = word
        member.renderer_at = renderer_at
        return member

    @property
    def binary(self) -> bool:
        """A workbook or a Word document (bytes, not for a terminal) rather than text."""
        return self.value in BINARY

    def renderer(self) -> Any:
        """The function that renders in this format, its module imported on first use."""
        if not isinstance(self.renderer_at, str):
            return self.renderer_at
        module, _, function = self.renderer_at.partition(":")
        package = type(self).__module__.rpartition(".")[0]
        return getattr(importlib.import_module(module, package), function)
