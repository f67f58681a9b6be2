"""The catalogue's keys for a registry's problems that szq does not word itself: a name
not found ("unknown agency '…' (did you mean '…'?)") and pydantic's errors.

The words are in sz_quality/words.json (section "a registry's problems"); an issue
carries its key and fields, and is worded in a language when it is printed
(loading.LoadIssue.text_in, lint.LintIssue.text_in).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .names import suggest

__all__ = ["Words", "pydantic_words", "unknown_words"]

# a catalogue key and the fields its words take
Words = tuple[str, dict[str, Any]]

# pydantic's error types whose message takes no field, each `pydantic.<type>` in the
# catalogue (its English the same as pydantic's)
_PLAIN = frozenset(
    {
        "int_parsing",
        "int_from_float",
        "int_type",
        "float_parsing",
        "float_type",
        "finite_number",
        "string_type",
        "bool_parsing",
        "bool_type",
        "list_type",
        "tuple_type",
        "dict_type",
    }
)
# a literal as pydantic lists it among the expected: 'text' or a number
_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|[-+\w.]+")


def unknown_words(what: str, name: str, choices: Iterable[str] = ()) -> Words:
    """`registry.unknown.<what>` (agency, field, indicator, target), with the closest of
    `choices` as a hint when there is one: the one wording of a name not found."""
    hint = suggest(name, choices)
    if hint is None:
        return f"registry.unknown.{what}", {"name": name}
    return f"registry.unknown.{what}.hint", {"name": name, "hint": hint}


def pydantic_words(problem: Mapping[str, Any]) -> Words | None:
    """The catalogue's key and fields for one of pydantic's errors, by its `type`; None
    for a type the catalogue does not word: its English `msg` is then printed in every
    language (a rare type, or one a newer pydantic adds)."""
    kind = problem["type"]
    context = problem.get("ctx") or {}
    if kind in ("missing", "missing_argument"):
        return "registry.required", {}
    if kind == "literal_error":
        expected = [item for item in _LITERAL.findall(context["expected"]) if item != "or"]
        return "pydantic.literal_error", {
            "expected": ", ".join(expected),
            "input": problem.get("input"),
        }
    if kind == "dataclass_type":
        return "pydantic.dataclass_type", {"class_name": context["class_name"]}
    if kind in _PLAIN:
        return f"pydantic.{kind}", {}
    return None
