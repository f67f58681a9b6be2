"""The registry's models: plan, agencies, indicators, targets, tables and measures.

Every model is frozen and forbids unknown fields, so a typo in the YAML is a load
error rather than a silently ignored key. Cross-references (a target's indicator, a
measure's agency) are checked by the loader, which knows the YAML lines.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Agency",
    "Bounds",
    "Comparator",
    "Direction",
    "Indicator",
    "Kind",
    "Measure",
    "MeasureTable",
    "Plan",
    "Target",
    "COMPARATORS",
    "KINDS",
]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{value!r} is not a snake_case ASCII id (a-z, 0-9, _; a letter first)")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Text = Annotated[str, Field(min_length=1)]

Direction = Literal["higher", "lower"]
Kind = Literal["level", "change", "increment", "kept", "yearly_rate", "milestone"]
Comparator = Literal[">=", ">", "<=", "<", "==", "between", "about"]
COMPARATORS: tuple[str, ...] = (">=", ">", "<=", "<", "==", "between", "about")
KINDS: tuple[str, ...] = ("level", "change", "increment", "kept", "yearly_rate", "milestone")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Plan(_Model):
    """The plan the registry encodes, and the default years of its targets."""

    id: Text
    name_zh: Text
    name_en: Text
    baseline_year: int = Field(ge=1900, le=2100)
    target_year: int = Field(ge=1900, le=2100)
    source: str | None = None


class Agency(_Model):
    """A lead agency (牵头单位), under its full name with 市."""

    id: Id
    name_zh: Text
    name_en: Text
    aliases: tuple[str, ...] = ()


class Bounds(_Model):
    """The plausible range of an indicator's values, in the indicator's unit."""

    min: float | None = None
    max: float | None = None


class Indicator(_Model):
    """A statistical series: what data files name, in the unit they are expected in."""

    id: Id
    name_zh: Text
    name_en: Text
    unit: Text
    direction: Direction
    aliases: tuple[str, ...] = ()
    bounds: Bounds | None = None
    formula: str | None = None
    note: str | None = None


class Target(_Model):
    """One quantified target of the plan, as the text states it."""

    id: Id
    indicator: Id
    name_zh: Text
    name_en: Text
    chapter: int = Field(ge=1, le=8)
    # null for the headline targets that open a chapter, before its first clause
    clause: int | None = Field(default=None, ge=1, le=30)
    table: int | None = Field(default=None, ge=1, le=17)
    kind: Kind
    comparator: Comparator
    value: float | None = None
    min: float | None = None
    max: float | None = None
    tolerance: float | None = None
    change: Literal["decrease", "increase"] | None = None
    unit: Text
    baseline_year: int = Field(ge=1900, le=2100)
    target_year: int = Field(ge=1900, le=2100)
    lead_agencies: tuple[str, ...] = ()
    lead_agencies_inferred: tuple[str, ...] = ()
    aspirational: bool = False
    quote: Text
    note: str | None = None

    @model_validator(mode="after")
    def _fields_fit_the_comparator(self) -> Target:
        if self.comparator == "between":
            if self.min is None or self.max is None:
                raise ValueError("comparator 'between' needs both 'min' and 'max'")
            if self.min > self.max:
                raise ValueError(f"'min' ({self.min}) is greater than 'max' ({self.max})")
            if self.value is not None:
                raise ValueError("comparator 'between' takes 'min' and 'max', not 'value'")
        else:
            if self.value is None:
                raise ValueError(f"comparator {self.comparator!r} needs a 'value'")
            if self.min is not None or self.max is not None:
                raise ValueError("'min' and 'max' go with comparator 'between' only")
        if self.comparator == "about":
            if self.tolerance is None or self.tolerance <= 0:
                raise ValueError("comparator 'about' needs an explicit positive 'tolerance'")
        elif self.tolerance is not None:
            raise ValueError("'tolerance' goes with comparator 'about' only")
        if (self.kind == "change") != (self.change is not None):
            raise ValueError("'change' (decrease|increase) is required for kind 'change' only")
        if self.baseline_year >= self.target_year:
            raise ValueError(
                f"baseline_year {self.baseline_year} is not before target_year {self.target_year}"
            )
        return self

    @property
    def leads(self) -> tuple[str, ...]:
        """The agencies a report files the target under: the text's, else the inferred."""
        return self.lead_agencies or self.lead_agencies_inferred

    @property
    def leads_are_inferred(self) -> bool:
        return not self.lead_agencies and bool(self.lead_agencies_inferred)


class MeasureTable(_Model):
    """One of the 17 tables of specific measures (具体措施)."""

    table: int = Field(ge=1, le=17)
    title_zh: Text
    title_en: Text
    clause: int = Field(ge=1, le=30)
    note: str | None = None


class Measure(_Model):
    """One specific measure (a bullet of a table), under its row's lead agency."""

    id: Id
    table: int = Field(ge=1, le=17)
    agency: Text
    text_zh: Text
    text_en: Text
    targets: tuple[str, ...] = ()
    targets_stated: tuple[str, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _stated_targets_are_served(self) -> Measure:
        missing = sorted(set(self.targets_stated) - set(self.targets))
        if missing:
            raise ValueError(f"targets_stated {missing} must also be in 'targets'")
        return self
