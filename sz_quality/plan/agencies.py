"""The one rule for naming a lead agency, used by every command that takes one.

An agency is named by its id, its Chinese name, its Chinese name without the 市 prefix,
its English name or an alias; case, white space and full-width forms do not matter
(``ＤＲＣ``, ``drc`` and ``发展改革委`` all name ``drc``). The folded names are kept as a
plain mapping so that the compiled lookup can cache them as JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from ..words import word
from .names import fold, suggest

__all__ = ["AgencyNames", "NamedAgency", "UnknownAgencyError", "agency_spellings"]


class NamedAgency(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name_zh(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


class UnknownAgencyError(ValueError):
    """No agency has this name; `hint` is the id of the closest one, if any is close."""

    def __init__(self, query: str, hint: str | None, hint_name: str | None) -> None:
        self.query = query
        self.hint = hint
        self.hint_name = hint_name
        # the command line's words, in English: one wording of an unknown agency
        key = "cli.unknown_agency" if hint is None else "cli.unknown_agency.hint"
        super().__init__(word(key, "en", name=query, hint=hint, hint_name=hint_name or hint))


def agency_spellings(agency: NamedAgency) -> list[str]:
    """Every folded spelling that names `agency`."""
    names = (
        agency.id,
        agency.name_zh,
        agency.name_zh.removeprefix("市"),
        agency.name_en,
        *agency.aliases,
    )
    return [key for key in (fold(name) for name in names) if key]


class AgencyNames:
    """Folded spelling -> agency id, with the agencies' Chinese names for hints."""

    def __init__(self, keys: Mapping[str, str], labels: Mapping[str, str]) -> None:
        self.keys = keys  # folded spelling -> agency id
        self.labels = labels  # agency id -> Chinese name

    @classmethod
    def of(cls, agencies: Iterable[NamedAgency]) -> AgencyNames:
        keys: dict[str, str] = {}
        labels: dict[str, str] = {}
        for agency in agencies:
            labels[agency.id] = agency.name_zh
            for key in agency_spellings(agency):
                keys.setdefault(key, agency.id)  # an earlier agency keeps a shared spelling
        return cls(keys, labels)

    def find(self, query: str) -> str | None:
        """The id of the agency `query` names, or None."""
        return self.keys.get(fold(query))

    def closest(self, query: str) -> str | None:
        """The id of the agency whose spelling is closest to `query`, for a hint."""
        match = suggest(fold(query), self.keys) if fold(query) else None
        return self.keys[match] if match is not None else None

    def resolve(self, query: str) -> str:
        """The id of the agency `query` names; UnknownAgencyError (with a hint) otherwise."""
        found = self.find(query)
        if found is None:
            hint = self.closest(query)
            raise UnknownAgencyError(query, hint, self.labels.get(hint) if hint else None)
        return found
