"""`szq lint`: a registry (and a measures file) checked without data.

Every problem the loader finds, each at its line with a hint of what to write; then, for
a registry that loads, what only a reader of the plan's text would notice: a quote that
is not in the plan's source text (when `plan.source` names one), a quote without the
target's figure, targets marked binding / expected while others are not. Errors stop a
registry from loading; warnings do not.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from .loading import LoadIssue, RegistryError, read_document
from .models import Target
from .registry import Registry, load_registry

__all__ = ["LintIssue", "lint_registry"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class LintIssue:
    """One problem of a registry file, at its line, with what to do about it."""

    file: str
    line: int | None
    severity: Severity
    field: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f" {self.field}:" if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}: {self.severity}:{what} {self.message}{hint}"

    def to_dict(self) -> dict[str, object]:
        """Every field, in their order: what `szq lint --format json` lists."""
        return asdict(self)


# what to write, by the last part of the field a problem is at
_HINTS = {
    "unit": "write it as szq reads units (szq units lists them), or define it under 'units:'",
    "definition": "a factor and a unit szq knows, e.g. '666.67 平方米'",
    "comparator": "one of >=, >, <=, <, ==, between, about (none for kind trend)",
    "kind": "level, change, increment, kept, yearly_rate, milestone, trend, "
    "average_growth or cumulative (docs/schema.md)",
    "indicator": "an id listed under 'indicators:'",
    "growth_indicator": "an id listed under 'indicators:' whose values are growth rates in %",
    "chapter": "a number listed under 'chapters:'",
    "lead_agencies": "an agency's name_zh as listed under 'agencies:'",
    "lead_agencies_inferred": "an agency's name_zh as listed under 'agencies:'",
    "change": "decrease or increase, with kind change",
    "value": "the figure the text states, in the target's unit",
    "tolerance": "an absolute tolerance in the target's unit, with comparator about",
    "id": "snake_case ASCII: a-z, 0-9 and _, a letter first",
    "quote": "copy the words of the plan's text that state the target, verbatim",
    "nature": "binding (约束性) or expected (预期性)",
    "path": "compound or straight (docs/rules.md, section 4)",
    "schema_version": "schema_version: 1",
}


def _hint(field: str | None) -> str:
    if not field:
        return ""
    last = field.rsplit(".", 1)[-1].split("[", 1)[0]
    return _HINTS.get(last, "")


def _from_load(issue: LoadIssue) -> LintIssue:
    return LintIssue(
        issue.file, issue.line, "error", issue.field, issue.message, _hint(issue.field)
    )


def lint_registry(
    path: str | os.PathLike[str], measures: str | os.PathLike[str] | None = None
) -> list[LintIssue]:
    """Every problem of the registry at `path` (and of `measures`, checked against it)."""
    name = str(path)
    try:
        registry = load_registry(path)
    except RegistryError as error:
        return [_from_load(issue) for issue in error.issues]
    found = _text_checks(registry, Path(path))
    if measures is not None:
        from .measures import load_measures

        try:
            load_measures(registry, measures)
        except RegistryError as error:
            found.extend(_from_load(issue) for issue in error.issues)
    return sorted(found, key=lambda issue: (issue.file != name, issue.line or 0))


def _text_checks(registry: Registry, path: Path) -> list[LintIssue]:
    """What a loaded registry may still get wrong: quotes and natures."""
    name = str(path)
    document = read_document(name, path.read_bytes())
    found: list[LintIssue] = []
    source = _source_text(registry, path, found, document.line(("plan", "source")))
    marked = [target for target in registry.targets if target.nature is not None]
    for index, target in enumerate(registry.targets):

        def line(field: str, index: int = index) -> int | None:
            return int(document.line(("targets", index, field)) or 0) or None

        quote = "".join(target.quote.split())
        if source is not None and quote not in source:
            found.append(
                LintIssue(
                    name,
                    line("quote"),
                    "error",
                    f"targets[{index}].quote",
                    f"{target.id}: the quote is not in the plan's text ({registry.plan.source})",
                    _HINTS["quote"] + " (white space aside)",
                )
            )
        figure = _figure(target)
        if figure is not None and figure not in quote:
            found.append(
                LintIssue(
                    name,
                    line("quote"),
                    "warning",
                    f"targets[{index}].quote",
                    f"{target.id}: the quote does not hold the figure {figure}",
                    "quote the words that state the figure, or say in 'note' how it was read",
                )
            )
        if marked and target.nature is None:
            found.append(
                LintIssue(
                    name,
                    line("id"),
                    "warning",
                    f"targets[{index}].nature",
                    f"{target.id}: not marked binding or expected, as {len(marked)} others are",
                    _HINTS["nature"],
                )
            )
    return found


def _figure(target: Target) -> str | None:
    """The figure as the text would write it (6, 0.4, 4050 for 40 to 50); None for a
    target without one, a milestone (全部, 每个区: a state, in words) and one whose note
    says how its figure was read."""
    if target.kind in ("trend", "milestone") or target.note:
        return None
    if target.comparator == "between" and target.min is not None and target.max is not None:
        return f"{target.min:g}{target.max:g}"
    return None if target.value is None else f"{target.value:g}"


def _source_text(
    registry: Registry, path: Path, found: list[LintIssue], line: int | None
) -> str | None:
    """The plan's source text, white space removed; None without one."""
    source = registry.plan.source
    if not source:
        return None
    for candidate in (path.parent / source, Path(source)):
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8-sig")
            return "".join(text.split())
    found.append(
        LintIssue(
            str(path),
            line,
            "warning",
            "plan.source",
            f"the plan's text {source!r} is not found: the quotes are not compared with it",
            "a path relative to the registry file",
        )
    )
    return None
