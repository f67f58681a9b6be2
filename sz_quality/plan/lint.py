"""`szq lint`: a registry (and a measures file) checked without data.

Every problem the loader finds, each at its line with a hint of what to write; then, for
a registry that loads, what only a reader of the plan's text would notice: a quote that
is not in the plan's source text (when `plan.source` names one), a quote without the
target's figure, targets marked binding / expected while others are not. Errors stop a
registry from loading; warnings do not.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..words import word
from .loading import LoadIssue, RegistryError, read_document
from .models import Target
from .registry import Registry, load_registry

__all__ = ["LintIssue", "lint_registry"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class LintIssue:
    """One problem of a registry file, at its line, with what to do about it.

    `message` and `hint` are in English; `key` and `fields` (the message's) and
    `hint_key` are their words in the catalogue (sz_quality/words.json), for `text_in`."""

    file: str
    line: int | None
    severity: Severity
    field: str | None
    message: str
    hint: str = ""
    key: str = dataclasses.field(default="", compare=False)  # "": `message` in every language
    fields: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False)
    hint_key: str = dataclasses.field(default="", compare=False)

    def message_in(self, lang: str) -> str:
        """The message in `lang`; in English, `message` as it was said."""
        if lang == "en" or not self.key:
            return self.message
        return word(self.key, lang, **self.fields)

    def hint_in(self, lang: str) -> str:
        """What to do about it, in `lang`; "" for no hint."""
        return word(self.hint_key, lang) if self.hint_key and lang != "en" else self.hint

    def text_in(self, lang: str) -> str:
        """The problem's line of `szq lint`, in `lang`."""
        hint = self.hint_in(lang)
        words = {
            "where": f"{self.file}:{self.line}" if self.line else self.file,
            "severity": word(f"lint.severity.{self.severity}", lang),
            "message": self.message_in(lang),
            "hint": word("lint.hint", lang, hint=hint) if hint else "",
        }
        if self.field:
            return word("lint.issue", lang, field=self.field, **words)
        return word("lint.issue.no_field", lang, **words)

    def __str__(self) -> str:
        return self.text_in("en")

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        """What `szq lint --format json` lists: position, severity, the message and hint in
        `lang`, and the message's key in the catalogue ("" for pydantic's own words)."""
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "field": self.field,
            "message": self.message_in(lang),
            "hint": self.hint_in(lang),
            "key": self.key,
        }


# the fields whose problems have a hint of what to write (`lint.hint.<field>`), by the
# last part of the field a problem is at
_HINTED = frozenset(
    {
        "unit",
        "definition",
        "comparator",
        "kind",
        "indicator",
        "growth_indicator",
        "chapter",
        "lead_agencies",
        "lead_agencies_inferred",
        "change",
        "value",
        "tolerance",
        "id",
        "quote",
        "nature",
        "path",
        "schema_version",
    }
)


def _hint_key(field: str | None) -> str:
    if not field:
        return ""
    last = field.rsplit(".", 1)[-1].split("[", 1)[0]
    return f"lint.hint.{last}" if last in _HINTED else ""


def _issue(
    file: str,
    line: int | None,
    severity: Severity,
    field: str | None,
    key: str,
    hint_key: str,
    /,
    **fields: Any,
) -> LintIssue:
    """A problem worded by the catalogue's `key`, with the hint `hint_key`."""
    message = word(key, "en", **fields)
    hint = word(hint_key, "en")
    return LintIssue(file, line, severity, field, message, hint, key, fields, hint_key)


def _from_load(issue: LoadIssue) -> LintIssue:
    hint_key = _hint_key(issue.field)
    hint = word(hint_key, "en") if hint_key else ""
    return LintIssue(
        issue.file,
        issue.line,
        "error",
        issue.field,
        issue.message,
        hint,
        issue.key,
        issue.fields,
        hint_key,
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
        at = f"targets[{index}]"
        if source is not None and quote not in source:
            issue = _issue(
                name,
                line("quote"),
                "error",
                f"{at}.quote",
                "lint.quote_not_in_text",
                "lint.hint.quote_in_text",
                id=target.id,
                source=registry.plan.source,
            )
            found.append(issue)
        figure = _figure(target)
        if figure is not None and figure not in quote:
            key, hint_key = "lint.quote_without_figure", "lint.hint.figure"
            issue = _issue(
                name,
                line("quote"),
                "warning",
                f"{at}.quote",
                key,
                hint_key,
                id=target.id,
                figure=figure,
            )
            found.append(issue)
        if marked and target.nature is None:
            key, hint_key = "lint.nature_unmarked", "lint.hint.nature"
            issue = _issue(
                name,
                line("id"),
                "warning",
                f"{at}.nature",
                key,
                hint_key,
                id=target.id,
                count=len(marked),
            )
            found.append(issue)
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
    key, hint_key = "lint.source_missing", "lint.hint.source"
    found.append(_issue(str(path), line, "warning", "plan.source", key, hint_key, source=source))
    return None
