"""szq's unit system: Chinese unit strings parsed into one small pint registry.

The plan writes units the way Chinese statistics do: magnitudes stack in front of a
base unit (万亿元 = 10^12 元, 万吨标准煤, 千人), denominators name populations
(件/万人, 张/千人), and counts carry measure words (家, 张, 套). Pint's prefix
mechanism allows one prefix per unit, so a small tokenizer turns each term into
magnitude factors times a base unit, and pint does the dimensional algebra.

The registry is built from scratch (not pint's default definitions file): building
it costs milliseconds. 元 and 美元 are distinct dimensions, so converting between
them is refused unless the caller supplies the year's exchange rate.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .series_info import Factor

__all__ = [
    "CurrencyError",
    "UnitError",
    "conversion_factor",
    "define_units",
    "define_units_lazily",
    "defined_units",
    "vocabulary",
    "dimensionality",
    "factor_or_error",
    "factor_and_currency_shift",
    "normalise_unit_text",
    "parse_unit",
    "preload",
    "quantity",
    "same_meaning",
    "unit_registry",
]


class UnitError(ValueError):
    """A unit that does not parse, or two units that do not convert."""


class CurrencyError(UnitError):
    """元 and 美元 differ by an exchange rate, which is data, not a constant."""


# One definition a line; names are ASCII, symbols are what users type.
_DEFINITIONS = """
CNY = [currency_cny]
USD = [currency_usd]
tce = [coal_equivalent]
meter = [length] = m
second = [time] = s
gram = [mass] = g
item = [count]
person = [person]
household = [household]
kilometer = 1000 * meter = km
tonne = 1e6 * gram = t
minute = 60 * second
hour = 60 * minute = h
day = 24 * hour = d
year = 365 * day = a
percent = 0.01
"""

# Magnitude words that stack in front of a base unit (万亿元 = 万 x 亿 x 元).
MAGNITUDES: dict[str, float] = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}
MAGNITUDE_WORDS = "".join(MAGNITUDES)
# The stacks of them a statistics table writes (十万人, 万亿元): every series unit is
# compiled with each in front, and a value written with one (1.5万) gets a hint to put
# it in the unit column.
MAGNITUDE_STACKS = (
    "十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿",
)  # fmt: skip
# Measure words of things counted (3 家 enterprises are not 3 张 beds): each its own kind
# of count. 个 is a count of no kind.
MEASURE_WORDS = frozenset("家所张套辆宗册台件项次座条处")

# Base units: what users write -> a pint expression over _DEFINITIONS.
# Longest names are tried first, so 平方公里 wins over 公里 and 吨标准煤 over 吨.
_BASE_UNITS: dict[str, str] = {
    # currencies
    "元": "CNY",
    "人民币元": "CNY",
    "人民币": "CNY",
    "yuan": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "美元": "USD",
    "usd": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    # energy as coal equivalent
    "吨标准煤": "tce",
    "吨标煤": "tce",
    "tce": "tce",
    # mass
    "吨": "tonne",
    "t": "tonne",
    "tonne": "tonne",
    "tonnes": "tonne",
    "公斤": "(1e-3 * tonne)",
    "kg": "(1e-3 * tonne)",
    # length, area, volume
    "公里": "km",
    "千米": "km",
    "km": "km",
    "米": "m",
    "m": "m",
    "平方公里": "km**2",
    "km2": "km**2",
    "km^2": "km**2",
    "km²": "km**2",
    "平方米": "m**2",
    "亩": "(2000 / 3 * m**2)",
    "mu": "(2000 / 3 * m**2)",
    "公顷": "(1e4 * m**2)",
    "hm2": "(1e4 * m**2)",
    "ha": "(1e4 * m**2)",
    "hectare": "(1e4 * m**2)",
    "hectares": "(1e4 * m**2)",
    "m2": "m**2",
    "m^2": "m**2",
    "m²": "m**2",
    "立方米": "m**3",
    "m3": "m**3",
    "m^3": "m**3",
    "m³": "m**3",
    # time
    "小时": "hour",
    "h": "hour",
    "hour": "hour",
    "hours": "hour",
    "天": "day",
    "日": "day",
    "day": "day",
    "days": "day",
    "年": "year",
    "岁": "year",
    "year": "year",
    "years": "year",
    # shares, and their increments in percentage points (a share plus 0.4个百分点)
    "%": "percent",
    "percent": "percent",
    "pct": "percent",
    "个百分点": "percent",
    "百分点": "percent",
    "pp": "percent",
    "percentagepoint": "percent",
    "percentagepoints": "percent",
    # people and households
    "人": "person",
    "名": "person",
    "口": "person",
    "person": "person",
    "persons": "person",
    "people": "person",
    "户": "household",
    "household": "household",
    "households": "household",
    # counts: measure words of things
    "个": "item",
    **dict.fromkeys(sorted(MEASURE_WORDS), "item"),
    "item": "item",
    "items": "item",
    "count": "item",
    "unit": "item",
    "units": "item",
}

_BASE_NAMES = sorted(_BASE_UNITS, key=len, reverse=True)
# units a registry defines (`units:`): name -> (factor, a unit in known units)
_DEFINED: dict[str, tuple[float, str]] = {}
_TERM_SPLIT = re.compile(r"([*/·×])")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?(?:e[+-]?\d+)?$")


def normalise_unit_text(text: str) -> str:
    """Full-width characters to half-width, white space removed, case folded for ASCII."""
    text = unicodedata.normalize("NFKC", text)
    # NFKC also maps ² and ³ to 2 and 3, which the base-unit table reads as exponents.
    text = "".join(text.split())
    return text.lower() if text.isascii() else text


@dataclass(frozen=True)
class ParsedUnit:
    """A unit string read as magnitude x pint expression."""

    text: str
    magnitude: float
    expression: str


def _parse_term(term: str, original: str) -> tuple[float, str]:
    if _NUMBER.match(term):
        return float(term), "1"
    lowered = term.lower()
    for name in _names():
        if not lowered.endswith(name.lower()):
            continue
        magnitude = _magnitude_of(term[: len(term) - len(name)], term, original)
        if name in _DEFINED:
            factor, unit_text = _DEFINED[name]
            inner = _parse(unit_text)
            return magnitude * factor * inner.magnitude, f"({inner.expression})"
        return magnitude, f"({_BASE_UNITS[name]})"
    # a bare magnitude such as the 万 of 元/万 (per 10^4)
    if term and all(char in MAGNITUDES for char in term):
        magnitude = 1.0
        for char in term:
            magnitude *= MAGNITUDES[char]
        return magnitude, "1"
    raise UnitError(f"unknown unit {original!r}: cannot read {term!r}")


@cache
def _names() -> list[str]:
    """Every unit name, the longest first (平方公里 before 公里); a registry's before a
    built-in one of the same length."""
    return sorted([*_DEFINED, *_BASE_NAMES], key=lambda name: (-len(name), name not in _DEFINED))


def _magnitude_of(prefix: str, term: str, original: str) -> float:
    magnitude = 1.0
    for char in prefix:
        if char not in MAGNITUDES:
            raise UnitError(f"unknown unit {original!r}: cannot read {term!r}")
        magnitude *= MAGNITUDES[char]
    return magnitude


def define_units(definitions: list[tuple[str, str]]) -> None:
    """Add units a registry defines: (name, definition) pairs, the definition a unit in
    known units with an optional factor in front ("666.67 平方米", "1e4 平方米", "万元").

    Raises UnitError for a definition that does not parse or that names the unit itself.
    A name defined again with another meaning replaces it (the last registry loaded wins).
    """
    for name, definition in definitions:
        key, factor, unit_text = _definition(name, definition)
        # parsed before the name is known: a definition cannot refer to itself
        parse_unit(unit_text)  # raises UnitError
        _define(key, factor, unit_text)


def define_units_lazily(definitions: list[tuple[str, str]]) -> None:
    """define_units without checking the definitions (they were, when the registry's
    cache entry was written): no pint import on a warm start."""
    for name, definition in definitions:
        _define(*_definition(name, definition))


def _definition(name: str, definition: str) -> tuple[str, float, str]:
    key = normalise_unit_text(name)
    if not key:
        raise UnitError("a unit needs a name")
    parts = definition.split(maxsplit=1)
    factor, unit_text = 1.0, definition
    if len(parts) == 2 and _NUMBER.match(parts[0].lower()):
        factor, unit_text = float(parts[0]), parts[1]
    if not factor > 0:
        raise UnitError(f"unit {name!r}: the factor must be positive, got {parts[0]!r}")
    return key, factor, unit_text


def _define(key: str, factor: float, unit_text: str) -> None:
    if _DEFINED.get(key) == (factor, unit_text):
        return
    _DEFINED[key] = (factor, unit_text)
    _names.cache_clear()
    _parse.cache_clear()
    _pint_unit.cache_clear()
    _factor.cache_clear()


def defined_units() -> dict[str, tuple[float, str]]:
    """The units registries defined in this process: name -> (factor, unit)."""
    return dict(_DEFINED)


@cache
def _parse(text: str) -> ParsedUnit:
    normalised = normalise_unit_text(text)
    if not normalised:
        raise UnitError("empty unit")
    if normalised.startswith("每"):
        raise UnitError(f"unknown unit {text!r}: write a rate as 'X/每Y' or 'X/Y'")
    normalised = normalised.replace("×", "*").replace("·", "*")
    parts = _TERM_SPLIT.split(normalised)
    magnitude = 1.0
    expression: list[str] = []
    operator = "*"
    for index, part in enumerate(parts):
        if index % 2 == 1:
            operator = "/" if part == "/" else "*"
            continue
        if not part:
            raise UnitError(f"unknown unit {text!r}: an operator without a unit")
        term = part[1:] if part.startswith("每") else part
        term_magnitude, term_expression = _parse_term(term, text)
        magnitude = magnitude / term_magnitude if operator == "/" else magnitude * term_magnitude
        if index == 0:
            expression.append(term_expression)
        else:
            expression.append(f" {operator} {term_expression}")
    return ParsedUnit(text=text, magnitude=magnitude, expression="".join(expression))


@cache
def unit_registry() -> Any:
    """The one pint registry of szq's units, built once per process."""
    import pint

    registry: Any = pint.UnitRegistry(None, cache_folder=None)
    for line in _DEFINITIONS.strip().splitlines():
        registry.define(line)
    return registry


@cache
def _pint_unit(text: str) -> tuple[float, Any]:
    """(magnitude, pint Unit-bearing Quantity) for a unit string."""
    parsed = _parse(text)
    registry = unit_registry()
    try:
        quantity = registry.parse_expression(parsed.expression)
    except Exception as error:  # pint raises several unrelated types
        raise UnitError(f"unknown unit {text!r}: {error}") from None
    return parsed.magnitude, quantity


def quantity(text: str) -> Any:
    """One of the unit, as a pint Quantity (magnitude words folded in)."""
    magnitude, parsed = _pint_unit(text)
    return parsed * magnitude


def parse_unit(text: str) -> ParsedUnit:
    """Check that a unit string parses; raise UnitError otherwise."""
    parsed = _parse(text)
    _pint_unit(text)
    return parsed


def dimensionality(text: str) -> str:
    """The unit's dimensions as text, e.g. '[coal_equivalent] / [currency_cny]'."""
    _, quantity = _pint_unit(text)
    return str(quantity.dimensionality)


def _currency_exponent(quantity: Any, name: str) -> float:
    return float(quantity.dimensionality.get(f"[{name}]", 0))


# Factors computed in an earlier run (kept in the compiled registry cache), so that a
# warm start converts the registry's units without importing pint.
_PRELOADED: dict[tuple[str, str], tuple[float, float]] = {}


def preload(factors: dict[tuple[str, str], tuple[float, float]]) -> None:
    """Seed the factor table with (factor, currency shift) pairs computed earlier."""
    _PRELOADED.update(factors)


def factor_and_currency_shift(source: str, target: str) -> tuple[float, float]:
    """(factor, currency shift): value_target = value_source * factor / rate**shift.

    The shift is the power of 元 that becomes 美元 (1 for 元/人 -> 美元/人; 0 when the
    currencies agree): converting then needs the year's rate in 元 per 美元.
    """
    known = _PRELOADED.get((source, target))
    if known is not None:
        return known
    return _factor(source, target)


@cache
def _factor(source: str, target: str) -> tuple[float, float]:
    source_magnitude, source_quantity = _pint_unit(source)
    target_magnitude, target_quantity = _pint_unit(target)
    shift = _currency_exponent(source_quantity, "currency_cny") - _currency_exponent(
        target_quantity, "currency_cny"
    )
    usd_shift = _currency_exponent(target_quantity, "currency_usd") - _currency_exponent(
        source_quantity, "currency_usd"
    )
    if shift != 0 and shift == usd_shift:
        # Swap the currency on the source side, then let pint check the rest.
        registry = unit_registry()
        ratio = registry.parse_expression("USD / CNY") ** shift
        source_quantity = source_quantity * ratio
    try:
        converted = source_quantity.to(target_quantity.units)
    except Exception:
        raise UnitError(
            f"cannot convert {source!r} ({source_quantity.dimensionality}) "
            f"to {target!r} ({target_quantity.dimensionality})"
        ) from None
    factor = float(converted.magnitude) / float(target_quantity.magnitude)
    return factor * source_magnitude / target_magnitude, shift if shift == usd_shift else 0.0


# Units that count things of one kind, so that they convert in dimension but not in
# meaning: 351 good-air days are days counted, not a duration of 8,424 hours, and 3 家
# (enterprises) are not 3 张 (beds). Each term of a unit has a kind: a measure word is its
# own kind, 天/日 count days, the other time units measure durations; 个 (and 人, 户,
# the other units) have none and convert by dimension alone.
_COUNTED_DAYS = frozenset({"天", "日", "day", "days"})
_DURATIONS = frozenset({"小时", "h", "hour", "hours", "年", "岁", "year", "years"})


def _kind(term: str) -> str | None:
    """The kind of one term of a unit (万张 -> 张, 小时 -> duration), or None."""
    bare = term.lstrip("每").lstrip(MAGNITUDE_WORDS).lower()
    if bare in _COUNTED_DAYS:
        return "day"
    if bare in _DURATIONS:
        return "duration"
    return bare if bare in MEASURE_WORDS else None


def _kinds(text: str) -> tuple[set[str], set[str]]:
    """The kinds of a unit's numerator and of its denominator."""
    normalised = normalise_unit_text(text).replace("×", "*").replace("·", "*")
    numerator: set[str] = set()
    denominator: set[str] = set()
    operator = "*"
    for index, part in enumerate(_TERM_SPLIT.split(normalised)):
        if index % 2 == 1:
            operator = part
            continue
        kind = _kind(part)
        if kind is not None:
            (denominator if operator == "/" else numerator).add(kind)
    return numerator, denominator


def same_meaning(source: str, target: str) -> bool:
    """Whether two units that convert in dimension count the same kind of thing."""
    for mine, theirs in zip(_kinds(source), _kinds(target), strict=True):
        if mine and theirs and mine != theirs:
            return False
    return True


def conversion_factor(source: str, target: str, *, cny_per_usd: float | None = None) -> float:
    """The factor that converts a value in `source` units to `target` units.

    元 and 美元 convert only with `cny_per_usd`, the year's exchange rate (yuan per dollar).
    """
    if source == target:
        return 1.0
    factor, currency_shift = factor_and_currency_shift(source, target)
    if currency_shift:
        if cny_per_usd is None:
            raise CurrencyError(
                f"converting {source!r} to {target!r} needs the year's exchange rate (元 per 美元)"
            )
        if not cny_per_usd > 0:
            raise CurrencyError(f"exchange rate must be positive, got {cny_per_usd}")
        factor = factor / cny_per_usd**currency_shift
    return factor


def factor_or_error(source: str, target: str) -> Factor:
    """The factor from `source` to `target`, or why there is none (a Lookup's entry)."""
    try:
        parse_unit(source)
    except UnitError:
        return "unknown"
    try:
        factor = conversion_factor(source, target)
    except CurrencyError:
        return "currency"
    except UnitError:
        return "mismatch"
    if not same_meaning(source, target):
        return "meaning"  # 小时 for good-air days (a count of days), 家 for beds
    return factor if math.isfinite(factor) else "mismatch"


def vocabulary() -> list[tuple[str, str, str]]:
    """Every unit name szq reads: (name, what it is, "built-in" | "magnitude" |
    "registry"), the built-in base units in their table's order, then the magnitude
    words, then the units the loaded registries define."""
    rows = [(name, expression.strip("()"), "built-in") for name, expression in _BASE_UNITS.items()]
    rows += [(name, f"{factor:g}", "magnitude") for name, factor in MAGNITUDES.items()]
    for name, (factor, unit_text) in _DEFINED.items():
        rows.append((name, f"{factor:g} {unit_text}" if factor != 1 else unit_text, "registry"))
    return rows
