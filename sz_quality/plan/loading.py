"""Validate a YAML registry file; every problem names its file, YAML line and field.

Shared by the targets registry (registry.py) and the measures (measures.py). yaml and
pydantic are imported here only when a file is validated afresh (a cache miss).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..words import word
from .issue_words import pydantic_words, unknown_words
from .models import FieldError

__all__ = [
    "LoadIssue",
    "MAX_REGISTRY_BYTES",
    "RegistryError",
    "check_unique",
    "read_document",
    "validate_items",
    "validate_one",
]


@dataclass(frozen=True)
class LoadIssue:
    """One problem in a registry file: `message` in English, and `key` and `fields`, its
    words in the catalogue (sz_quality/words.json), to word it in another language."""

    file: str
    line: int | None
    field: str | None
    message: str
    key: str = dataclasses.field(default="", compare=False)  # "": none, `message` in every language
    fields: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    @classmethod
    def said(
        cls, file: str, line: int | None, at: str | None, key: str, /, **fields: Any
    ) -> LoadIssue:
        """The problem worded by the catalogue's `key`, its English as `message`."""
        return cls(file, line, at, word(key, "en", **fields), key, fields)

    @property
    def where(self) -> str:
        """file:line, or the file alone."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def message_in(self, lang: str) -> str:
        """The message in `lang`; in English, `message` as it was said."""
        if lang == "en" or not self.key:
            return self.message
        return word(self.key, lang, **self.fields)

    def text_in(self, lang: str) -> str:
        """The problem, where it is and its field, in `lang`: one line's text."""
        message = self.message_in(lang)
        if self.field:
            return word("registry.issue", lang, where=self.where, field=self.field, message=message)
        return word("registry.issue.no_field", lang, where=self.where, message=message)

    def __str__(self) -> str:
        return self.text_in("en")


class RegistryError(Exception):
    """The registry could not be loaded; `issues` lists every problem found."""

    def __init__(self, issues: Iterable[LoadIssue]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegistryError(
            [LoadIssue.said(name, None, None, "registry.not_utf8", error=error)]
        ) from None


# The largest registry file szq loads: 32 times the shipped targets.yaml (125 KB). Loading
# costs time and memory that grow faster than the file (a 26 MB registry took minutes and
# gigabytes): above the bound, a clear error at once (docs/registry.md).
MAX_REGISTRY_BYTES = 4 * 1024 * 1024


def read_document(name: str, raw: bytes) -> Any:
    """The YAML document of a registry file, or RegistryError with the syntax error's line."""
    from .yamlpos import YamlSyntaxError, read_yaml

    if len(raw) > MAX_REGISTRY_BYTES:
        limit = MAX_REGISTRY_BYTES // (1024 * 1024)
        size = len(raw) / 2**20
        issue = LoadIssue.said(name, None, None, "registry.too_large", size=size, limit=limit)
        raise RegistryError([issue])
    try:
        return read_yaml(_decode(name, raw))
    except YamlSyntaxError as error:
        said = {"error": error.message}
        issue = LoadIssue(name, error.line, None, error.message, "registry.yaml_syntax", said)
        raise RegistryError([issue]) from None


_ADAPTERS: dict[type[Any], Any] = {}


def _adapter(model: type[Any]) -> Any:
    """One pydantic TypeAdapter per model class, built on first use (a cache miss)."""
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[model] = TypeAdapter(model)
    return adapter


def validate_one(
    name: str,
    document: Any,
    path: tuple[str | int, ...],
    model: type[Any],
    item: Any,
    issues: list[LoadIssue],
) -> Any | None:
    """Validate one mapping into `model`; record each problem at its YAML line."""
    from pydantic import ValidationError

    try:
        return _adapter(model).validate_python(item)
    except ValidationError as error:
        for problem in error.errors():
            location = tuple(problem["loc"])
            message = problem["msg"]
            said = pydantic_words(problem)
            cause = (problem.get("ctx") or {}).get("error")
            if isinstance(cause, FieldError):
                location = (*location, cause.field) if cause.field else location
                message, said = cause.message, (cause.key, cause.fields)
            elif problem["type"] == "unexpected_keyword_argument":
                names = [item.name for item in dataclasses.fields(model)]
                said = unknown_words("field", str(location[-1]), names)
                message = word(said[0], "en", **said[1])
            elif problem["type"] in ("missing", "missing_argument"):
                message = "required field missing"
            elif problem["type"] == "literal_error":
                message = f"{message}, got {problem.get('input')!r}"
            full = (*path, *location)
            field_name = "".join(
                f".{part}" if isinstance(part, str) else f"[{part}]" for part in full
            ).lstrip(".")
            # a type the catalogue does not word keeps pydantic's English in every language
            key, fields = said or ("", {})
            issues.append(LoadIssue(name, document.line(full), field_name, message, key, fields))
    return None


def validate_items(
    name: str,
    document: Any,
    section: str,
    model: type[Any],
    issues: list[LoadIssue],
    defaults: Mapping[str, Any] | None = None,
) -> list[Any]:
    """Validate each item of a top-level list; record issues with their YAML lines."""
    items = document.data.get(section) if isinstance(document.data, dict) else None
    if not isinstance(items, list):
        line = document.line(())
        issues.append(LoadIssue.said(name, line, section, "registry.list_required"))
        return []
    valid = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and defaults:
            item = {**defaults, **item}
        checked = validate_one(name, document, (section, index), model, item, issues)
        if checked is not None:
            valid.append(checked)
    return valid


def check_unique(
    name: str,
    document: Any,
    section: str,
    items: list[Any],
    issues: list[LoadIssue],
    key: str = "id",
) -> None:
    """Each item of `section` must have its own `key` (an id, a chapter number)."""
    seen: dict[object, int] = {}
    raw_items = document.data.get(section) or []
    for index, raw_item in enumerate(raw_items):
        item_id = raw_item.get(key) if isinstance(raw_item, dict) else None
        if not isinstance(item_id, str | int) or isinstance(item_id, bool):
            continue
        if item_id in seen:
            issues.append(
                LoadIssue.said(
                    name,
                    document.line((section, index, key)),
                    f"{section}[{index}].{key}",
                    "registry.duplicate",
                    what=key,
                    value=item_id,
                    first=f"{section}[{seen[item_id]}]",
                )
            )
        else:
            seen[item_id] = index
