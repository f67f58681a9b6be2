"""The registry's models: plan, agencies, indicators, targets, tables and measures.

Plain frozen, slotted dataclasses: building them from the compiled registry cache
costs microseconds and imports nothing, which keeps `szq check` starting fast. The
YAML is validated by pydantic (`registry.validate_items` wraps each class in a
TypeAdapter) only when a registry is loaded afresh: types and literals by pydantic,
unknown fields refused (`__pydantic_config__`), and the rules pydantic cannot express
as types (ranges, ids, the fields each comparator needs) in `__post_init__`, which
runs on every construction, from YAML or from the cache alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, get_args

from ..words import word
from .years import YEAR_MAX, YEAR_MIN

__all__ = [
    "COMPARATORS",
    "KINDS",
    "Agency",
    "Bounds",
    "Chapter",
    "Comparator",
    "Direction",
    "District",
    "FieldError",
    "Indicator",
    "Kind",
    "Measure",
    "MeasureTable",
    "NATURES",
    "Nature",
    "Path",
    "Plan",
    "ProgressBands",
    "Target",
    "Unit",
    "path_of",
]

Direction = Literal["higher", "lower"]
Kind = Literal[
    "level",
    "change",
    "increment",
    "kept",
    "yearly_rate",
    "milestone",
    "trend",
    "average_growth",
    "cumulative",
]
Comparator = Literal[">=", ">", "<=", "<", "==", "between", "about"]
# the path from the baseline value to the figure an earlier year is judged against, and
# the basis of the rates and the projection (docs/rules.md, section 4)
Path = Literal["compound", "straight"]
# 约束性 (binding: the government commits to it) or 预期性 (expected: a guide)
Nature = Literal["binding", "expected"]
NATURES: tuple[Nature, ...] = get_args(Nature)
# units of shares and ratios: their default path is straight, every other unit's compound
STRAIGHT_UNITS = frozenset({"%", "‰", "‱", "1", "个百分点"})
COMPARATORS: tuple[Comparator, ...] = get_args(Comparator)
KINDS: tuple[Kind, ...] = get_args(Kind)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# pydantic reads this from each dataclass: a key the model does not know is an error, and
# so is a number that is not finite (.nan, .inf, 1.0e+400): JSON has no such numbers
_FORBID_EXTRA: dict[str, Any] = {"extra": "forbid", "allow_inf_nan": False}


class FieldError(ValueError):
    """A rule broken by one field; the loader reports it at that field's YAML line.

    `key` and `fields` are its words in the catalogue (sz_quality/words.json);
    `message` is them in English."""

    def __init__(self, field: str | None, key: str, /, **fields: Any) -> None:
        self.message = word(key, "en", **fields)
        super().__init__(self.message)
        self.field = field
        self.key = key
        self.fields = fields


def _check_id(field: str, value: str) -> None:
    if not _ID.match(value):
        raise FieldError(field, "model.not_id", value=value)


def _check_text(field: str, value: str) -> None:
    if not value.strip():
        raise FieldError(field, "model.empty")


# a clause's or a table's number: positive, as any plan numbers them (not one plan's count)
MAX_NUMBER = 999


def _check_range(field: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise FieldError(field, "model.range", low=low, high=high, value=value)


# Eurostat's and Open SDG's bands: the trend ratio R of a target with a figure, and the
# observed compound growth rate (% a year) of a `trend` target (Open SDG's method 1)
DEFAULT_RATIO_BANDS = (0.95, 0.60, 0.0)
DEFAULT_RATE_BANDS = (1.5, 0.5, 0.0)


def _check_bands(field: str, bands: tuple[float, float, float] | None) -> None:
    """Three finite lower bounds, strictly descending (significant, moderate, insufficient)."""
    if bands is None:
        return
    if len(bands) != 3 or not all(math.isfinite(bound) for bound in bands):
        raise FieldError(field, "model.bands_three", bands=list(bands))
    if not bands[0] > bands[1] > bands[2]:
        raise FieldError(field, "model.bands_descending", bands=list(bands))


# a rule of one field: called with the field's name and value, raises FieldError
Rule = Callable[[str, Any], None]


def _in_range(low: int, high: int) -> Rule:
    return lambda field, value: _check_range(field, value, low, high)


def _check_texts(field: str, values: tuple[str, ...]) -> None:
    for value in values:
        _check_text(field, value)


_CHAPTER = _in_range(1, 99)
_NUMBER = _in_range(1, MAX_NUMBER)
_YEAR = _in_range(YEAR_MIN, YEAR_MAX)


@dataclass(frozen=True, slots=True)
class _Model:
    """A registry model: unknown fields refused, and its field rules run on construction.

    `_RULES` are the rules of single fields, in the order they are checked; `_check`
    the rules that tie fields together, checked after them.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA
    _RULES: ClassVar[tuple[tuple[str, Rule], ...]] = ()

    def __post_init__(self) -> None:
        for name, rule in self._RULES:
            rule(name, getattr(self, name))
        self._check()

    def _check(self) -> None:
        """The rules across fields; none unless a model says so."""


@dataclass(frozen=True, slots=True)
class ProgressBands(_Model):
    """The lower bounds of the trend bands: significant, moderate, insufficient progress.

    `ratio`: of R = CAGR observed / |CAGR required| (targets with a figure);
    `rate`: of the observed compound growth rate, in % a year (kind trend).
    A target's own `progress:` overrides the plan's, field by field.
    """

    _RULES = (("ratio", _check_bands), ("rate", _check_bands))

    ratio: tuple[float, float, float] | None = None
    rate: tuple[float, float, float] | None = None

    def over(self, plan: ProgressBands) -> ProgressBands:
        """These bands, the plan's where these leave one unset."""
        return ProgressBands(self.ratio or plan.ratio, self.rate or plan.rate)


PLAN_BANDS = ProgressBands(DEFAULT_RATIO_BANDS, DEFAULT_RATE_BANDS)


def _check_both_bands(field: str, bands: ProgressBands) -> None:
    if bands.ratio is None or bands.rate is None:
        raise FieldError(field, "model.bands_both")


@dataclass(frozen=True, slots=True)
class Plan(_Model):
    """The plan the registry encodes, and the default years of its targets."""

    _RULES = (
        ("progress", _check_both_bands),
        ("id", _check_text),  # any text: a plan's id is not a snake_case id
        ("name_zh", _check_text),
        ("name_en", _check_text),
        ("baseline_year", _YEAR),
        ("target_year", _YEAR),
    )

    id: str
    name_zh: str
    name_en: str
    baseline_year: int
    target_year: int
    source: str | None = None
    progress: ProgressBands = PLAN_BANDS


_NUMERALS = "一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1..99 as a chapter heading writes it: 一, 十, 十二, 二十, 二十一."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{_NUMERALS[tens - 1]}十")
    return head + (_NUMERALS[units - 1] if units else "")


@dataclass(frozen=True, slots=True)
class Chapter(_Model):
    """A chapter of the plan: its number and its name (the heading without the number)."""

    _RULES = (("number", _CHAPTER), ("name_zh", _check_text), ("name_en", _check_text))

    number: int
    name_zh: str  # verbatim from the plan's text
    name_en: str

    def heading(self, lang: str) -> str:
        """The heading as the text numbers it: 一、总体要求和主要目标 / 1. General requirements."""
        if lang == "zh":
            return f"{chinese_number(self.number)}、{self.name_zh}"
        return f"{self.number}. {self.name_en}"


_NAMED_RULES: tuple[tuple[str, Rule], ...] = (
    ("id", _check_id),
    ("name_zh", _check_text),
    ("name_en", _check_text),
)


@dataclass(frozen=True, slots=True)
class _Named(_Model):
    """What the registry names: a snake_case id, and its names in Chinese and English."""

    _RULES = _NAMED_RULES

    id: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Agency(_Named):
    """A lead agency (牵头单位), under its full name with 市."""

    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Unit(_Model):
    """A unit the registry defines (亩, 标准箱, …) in units szq knows, with its names."""

    _RULES = tuple((name, _check_text) for name in ("name", "definition", "name_zh", "name_en"))

    name: str  # as targets, indicators and data files write it
    definition: str  # a factor and a known unit: "666.67 平方米", "50000 箱"
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class District(_Named):
    """A district of the plan's city, under its canonical name and the names people write."""

    # its name_zh is canonical: what a region becomes in every output (福田区)
    _RULES = (*_NAMED_RULES, ("aliases", _check_texts))

    aliases: tuple[str, ...] = ()  # 福田; 光明, 光明区 for 光明新区
    new_district: bool = False  # a functional area with a 管委会 (新区) in the plan's time


@dataclass(frozen=True, slots=True)
class Bounds(_Model):
    """The plausible range of an indicator's values, in the indicator's unit."""

    min: float | None = None
    max: float | None = None


@dataclass(frozen=True, slots=True)
class Indicator(_Named):
    """A statistical series: what data files name, in the unit they are expected in."""

    _RULES = (*_NAMED_RULES, ("unit", _check_text))

    unit: str
    direction: Direction
    aliases: tuple[str, ...] = ()
    bounds: Bounds | None = None
    formula: str | None = None
    note: str | None = None
    path: Path | None = None  # the default: path_of()
    # a money amount's price basis: a rate from current-price levels is nominal (名义)
    prices: Literal["current", "constant"] | None = None
    # adds up across districts (output, population, energy use, counts): the districts'
    # figures are checked against the city total's (parts-total-mismatch)
    additive: bool = False
    # derived only: how far (relative, in %) a submitted figure may be from the one its
    # formula gives before derived-mismatch (default series_info.DERIVED_TOLERANCE)
    tolerance: float | None = None

    def _check(self) -> None:
        if self.tolerance is not None:
            if self.formula is None:
                raise FieldError("tolerance", "model.tolerance_formula")
            if not 0 < self.tolerance < 100:
                raise FieldError("tolerance", "model.tolerance_percent")


@dataclass(frozen=True, slots=True)
class Target(_Model):
    """One quantified target of the plan, as the text states it."""

    _RULES = (
        ("id", _check_id),
        ("indicator", _check_id),
        *((name, _check_text) for name in ("name_zh", "name_en", "unit", "quote")),
        ("chapter", _CHAPTER),  # and listed under `chapters:`
        ("clause", _NUMBER),
        ("table", _NUMBER),
        ("baseline_year", _YEAR),
        ("target_year", _YEAR),
    )

    id: str
    indicator: str
    name_zh: str
    name_en: str
    chapter: int
    kind: Kind
    unit: str
    baseline_year: int
    target_year: int
    quote: str
    # none for kind trend only (a direction without a figure)
    comparator: Comparator | None = None
    # null for the headline targets that open a chapter, before its first clause
    clause: int | None = None
    table: int | None = None
    value: float | None = None
    min: float | None = None
    max: float | None = None
    tolerance: float | None = None
    change: Literal["decrease", "increase"] | None = None
    lead_agencies: tuple[str, ...] = ()
    lead_agencies_inferred: tuple[str, ...] = ()
    aspirational: bool = False
    note: str | None = None
    progress: ProgressBands | None = None  # overrides the plan's bands
    # stated for every district (每个区…): judged on the districts' rows when there are
    every_district: bool = False
    path: Path | None = None  # overrides the indicator's (path_of)
    # average_growth: an indicator of the yearly growth rates (%) of `indicator`, read
    # when the data has no levels for the baseline year or the year checked
    growth_indicator: str | None = None
    nature: Nature | None = None  # 约束性 binding / 预期性 expected, as the plan marks it

    def _check(self) -> None:
        self._check_comparator_fields()
        if self.kind == "change" and self.change is None:
            raise FieldError("change", "model.change_needed")
        if self.kind != "change" and self.change is not None:
            raise FieldError("change", "model.change_only")
        if self.growth_indicator is not None:
            _check_id("growth_indicator", self.growth_indicator)
            if self.kind != "average_growth":
                raise FieldError("growth_indicator", "model.growth_only")
        if self.baseline_year >= self.target_year:
            raise FieldError(
                "baseline_year",
                "model.years_order",
                baseline=self.baseline_year,
                target=self.target_year,
            )

    def _check_comparator_fields(self) -> None:
        if self.kind == "trend" or self.comparator is None:
            self._check_trend_fields()
        elif self.comparator == "between":
            if self.min is None or self.max is None:
                raise FieldError("comparator", "model.between_needs")
            if self.min > self.max:
                raise FieldError("min", "model.min_above_max", min=self.min, max=self.max)
            if self.value is not None:
                raise FieldError("value", "model.between_no_value")
        else:
            if self.value is None:
                raise FieldError("value", "model.needs_value", comparator=self.comparator)
            if self.min is not None or self.max is not None:
                raise FieldError("min", "model.min_max_only")
        if self.comparator == "about":
            if self.tolerance is None or self.tolerance <= 0:
                raise FieldError("tolerance", "model.about_tolerance")
        elif self.tolerance is not None:
            raise FieldError("tolerance", "model.tolerance_about_only")

    def _check_trend_fields(self) -> None:
        """kind trend has a direction (the indicator's) and no figure; every other kind a figure."""
        if self.kind != "trend":
            raise FieldError("comparator", "model.needs_comparator", kind=self.kind)
        for name in ("comparator", "value", "min", "max", "tolerance"):
            if getattr(self, name) is not None:
                raise FieldError(name, "model.trend_takes_no", name=name)

    @property
    def leads(self) -> tuple[str, ...]:
        """The agencies a report files the target under: the text's, else the inferred."""
        return self.lead_agencies or self.lead_agencies_inferred

    @property
    def leads_are_inferred(self) -> bool:
        return not self.lead_agencies and bool(self.lead_agencies_inferred)


def path_of(target: Target, indicator: Indicator) -> Path:
    """The path a target is judged on: its own, else its indicator's, else the default.

    An amount added (kind increment, 新增) accrues with the time elapsed: straight,
    whatever its indicator's path. Otherwise the default follows the indicator's unit:
    a share or a ratio (%, ‰, ‱, 1, 个百分点) moves by points, on a straight path; every
    other quantity (output, income, counts, intensities) grows or falls
    multiplicatively, on a compound path.
    """
    if target.path is not None:
        return target.path
    if target.kind == "increment":
        return "straight"
    if indicator.path is not None:
        return indicator.path
    return "straight" if indicator.unit in STRAIGHT_UNITS else "compound"


@dataclass(frozen=True, slots=True)
class MeasureTable(_Model):
    """A table of specific measures (具体措施; the Shenzhen plan has 17)."""

    _RULES = (
        ("table", _NUMBER),
        ("clause", _NUMBER),
        ("title_zh", _check_text),
        ("title_en", _check_text),
    )

    table: int
    title_zh: str
    title_en: str
    clause: int
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Measure(_Model):
    """One specific measure (a bullet of a table), under its row's lead agency."""

    _RULES = (
        ("id", _check_id),
        ("table", _NUMBER),
        *((name, _check_text) for name in ("agency", "text_zh", "text_en")),
    )

    id: str
    table: int
    agency: str
    text_zh: str
    text_en: str
    targets: tuple[str, ...] = ()
    targets_stated: tuple[str, ...] = ()
    note: str | None = None

    def _check(self) -> None:
        missing = sorted(set(self.targets_stated) - set(self.targets))
        if missing:
            raise FieldError("targets_stated", "model.stated_not_in_targets", missing=missing)
