"""How every output writes a figure: values, signed gaps with their unit, percentages, and
a target's comparator, figure and unit.

One module, so that `szq check` (table, Markdown), the annual report (HTML, Markdown) and
the registry tables print the same target and the same gap the same way
(tests/render/test_words.py compares the check's and the report's text).
"""

from __future__ import annotations

import math

from ..check.results import Result, number
from ..plan.lang import Lang, name_of
from ..plan.models import Target
from ..words import WORDS
from .verdict_words import kind_prefix, text, trend_word, word

__all__ = [
    "MISSING",
    "actual_text",
    "format_exact",
    "format_number",
    "format_percent",
    "format_quantity",
    "gap_text",
    "outlook_text",
    "progress_text",
    "rate_text",
    "target_figure",
    "target_label",
    "target_text",
    "trend_text",
    "quantity_in",
    "unit_name",
    "unit_suffix",
    "value_in_year",
]

MISSING = "—"  # a value that is not there
_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


_COMPACT_FROM = 1e15  # from here a figure in full would be a row of digits: 1.23e+304


def format_exact(value: float) -> str:
    """A figure as stored (10 significant digits, no grouping): an exchange rate, a
    value traced to its row, where rounding would hide what the file says."""
    rounded = number(value)
    return f"{rounded:.10g}" if rounded is not None else MISSING


def format_number(value: float | None) -> str:
    """A figure for people: thousands separated, at most 2 decimals (3 significant < 1);
    3 significant digits with an exponent from 1e15 up (1e304 in full is 305 digits)."""
    if value is None or not math.isfinite(value):
        return MISSING
    rounded = number(value)
    assert rounded is not None
    magnitude = abs(rounded)
    if magnitude >= _COMPACT_FROM:
        text = f"{rounded:.3g}"
    elif magnitude >= 1000:
        text = f"{rounded:,.0f}"
    elif magnitude >= 1 or magnitude == 0:
        text = f"{rounded:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{rounded:.3g}"
    return "0" if text in ("-0", "") else text


def unit_suffix(unit: str) -> str:
    """A unit after a figure: '%' sticks to it (99.5%), any other is spaced (1.5 万亿元);
    a dimensionless ratio ("1") has none (2.71)."""
    if not unit or unit == "1":
        return ""
    return unit if unit == "%" else f" {unit}"


def unit_name(unit: str, lang: Lang) -> str:
    """A unit as the language writes it: 万亿元 in Chinese, trillion yuan in English (the
    registry's unit when the catalogue has no English for it)."""
    key = f"unit.{unit}"
    return word(key, lang) if unit and key in WORDS else unit


def quantity_in(value: float | None, unit: str, lang: Lang) -> str:
    """A figure with its unit in the language's words: 1.5 万亿元, 1.5 trillion yuan."""
    if value is None:
        return MISSING
    name = unit_name(unit, lang)
    return f"{format_number(value)}{name if lang == 'zh' else unit_suffix(name)}"


def value_in_year(value: float | None, year: int | None) -> str:
    """A figure and its year, without unit (the table has a unit column): 1.75 (2015)."""
    if value is None:
        return MISSING
    return format_number(value) if year is None else f"{format_number(value)} ({year})"


def format_quantity(value: float | None, unit: str) -> str:
    """A figure with its unit: 99.5%, 1.45 万亿元; — when there is none."""
    if value is None:
        return MISSING
    return f"{format_number(value)}{unit_suffix(unit)}"


def format_percent(value: float | None) -> str:
    """A share as a percentage: 0.8333 -> 83.33%; empty when there is none."""
    if value is None:
        return ""
    return f"{format_number(value * 100)}%"


def _figure(target: Target, suffix: str) -> str:
    """A target's comparator, figure and unit: ≥ 1.5 万亿元, 40–50 家, 15 ± 0.75%."""
    comparator = target.comparator
    if not comparator:
        return ""
    if comparator == "between":
        return f"{format_number(target.min)}–{format_number(target.max)}{suffix}"
    if comparator == "about":
        return f"{format_number(target.value)} ± {format_number(target.tolerance)}{suffix}"
    symbol = _SYMBOLS.get(comparator, comparator)
    return f"{symbol} {format_number(target.value)}{suffix}"


def target_figure(target: Target, lang: Lang, suffix: str | None = None) -> str:
    """The target as a reader states it, in every output that shows one: 下降 ≥ 20%
    (decrease ≥ 20%), new 40–50 家, ≥ 1.5 万亿元, 15 ± 0.75%.

    A change says its direction when the target has one (else 累计变化, change), an
    increment says new; empty for a target without a figure (kind trend). `suffix`
    replaces the unit after the figure ("" where a column gives the unit)."""
    figure = _figure(target, unit_suffix(target.unit) if suffix is None else suffix)
    if not figure:
        return ""
    if target.kind == "change" and target.change:
        return f"{text('change.' + target.change, lang)} {figure}"
    falls = target.kind == "increment" and (target.value or 0) < 0 and target.comparator in _FALLS
    if falls:  # a count that falls: 减少 ≥ 5,575万人, not 新增 ≤ -5,575万人
        assert target.value is not None
        way = _SYMBOLS.get(_FALLS[target.comparator or ""], "")
        amount = f"{format_number(-target.value)}{unit_suffix(target.unit)}"
        return f"{text('change.decrease', lang)} {way} {amount}"
    return f"{kind_prefix(target.kind, lang)}{figure}"


# the comparator of a decrease, for an increment stated as a negative figure
_FALLS = {"<=": ">=", "<": ">", "==": "=="}


def target_label(target: Target, lang: Lang) -> str:
    """The target's name, marked (力争) (aspirational) when the plan says 力争, and
    〔约束性〕 / 〔预期性〕 (binding / expected) when the plan marks it."""
    name = name_of(target, lang)
    if target.aspirational:
        name = f"{name} ({text('aspirational', lang)})"
    if target.nature is not None:
        name = f"{name} {text('nature_mark.' + target.nature, lang)}"
    return name


def target_text(result: Result, lang: Lang) -> str:
    """The target of a checked result: 下降 ≥ 20% (2015), new 40–50 家 (2015), ..."""
    target = result.spec
    figure = target_figure(target, lang)
    if not figure:  # kind trend: a direction, no figure
        return f"{word('kind.' + target.kind, lang)} ({target.target_year})"
    return f"{figure} ({target.target_year})"


def actual_text(result: Result, lang: Lang = "en") -> str:
    """The value compared and its year: 99.5% (2013); — without data; an average growth
    of current-price levels says it is nominal: 5.7% (2023, 名义)."""
    if result.actual is None:
        return MISSING
    year = str(result.actual_year)
    if result.nominal and result.spec.kind == "average_growth":
        year = f"{year}{word('list.separator', lang)}{word('nominal', lang)}"
    return f"{format_quantity(result.actual, result.unit)} ({year})"


def gap_text(result: Result, lang: Lang) -> str:
    """The gap, signed, with its unit; a gap in a share is in points (+0.5 pp, -0.5个百分点)."""
    if result.gap is None:
        return ""
    text = format_number(result.gap)
    sign = "+" if result.gap > 0 and text != "0" else ""
    unit = word("points", lang) if result.unit == "%" else unit_suffix(result.unit)
    return f"{sign}{text}{unit}"


def progress_text(result: Result) -> str:
    return format_percent(result.progress)


def trend_text(result: Result, lang: Lang) -> str:
    """The trend's band and its ratio: 显著进展 (R=1.39)."""
    if result.trend is None or result.trend.category is None:
        return ""
    label = trend_word(result.trend.category, lang)
    if result.trend.ratio is None:
        return label
    return f"{label} (R={format_number(result.trend.ratio)})"


def rate_text(value: float | None, unit: str, suffix: str | None = None) -> str:
    """A yearly rate, signed: +9.57% (compound) or +2.5 家 (linear, in the level's unit);
    `suffix` instead of the unit's (a share's points: +0.7 pp, +0.7个百分点)."""
    if value is None:
        return MISSING
    text = format_number(value)
    sign = "+" if value > 0 and text != "0" else ""
    return f"{sign}{text}{unit_suffix(unit) if suffix is None else suffix}"


def outlook_text(result: Result, lang: Lang) -> str:
    """What is still needed and where it is heading, in one line (empty without an outlook).

    需年均 +9.57%（至今 +5.1%）；按此趋势2015年 1.2 万亿元：未达到
    """
    found = result.outlook
    if found is None:
        return ""
    parts = []
    unit = found.rate_unit
    if found.basis == "average" and found.observed_rate is not None:  # kept, yearly_rate
        average = f"{format_number(found.observed_rate)}{unit_suffix(unit)}"
        return word("outlook.average", lang, value=average)
    # a share's yearly change is in points
    points = word("points", lang) if found.basis == "linear" and unit == "%" else None
    if found.required_rate is not None:
        required = rate_text(found.required_rate, unit, points)
        parts.append(word("outlook.required", lang, rate=required))
    if found.observed_rate is not None:
        observed = rate_text(found.observed_rate, unit, points)
        key = "outlook.observed_since" if parts else "outlook.observed"
        parts.append(word(key, lang, rate=observed))
    text = "".join(parts) if lang == "zh" and len(parts) == 2 else ", ".join(parts)
    if found.projected_value is not None and found.projected_status is not None:
        projected = word(
            "outlook.projected",
            lang,
            year=found.projected_year,
            value=format_quantity(found.projected_value, result.unit),
            status=word(f"status.{found.projected_status}", lang),
        )
        text = f"{text}{word('punct.semicolon', lang)}{projected}"
    if result.nominal and text:  # growth of current-price levels
        text += word("punct.parenthesised", lang, text=word("nominal", lang))
    if result.other_path_status is not None and result.path is not None:
        other = "straight" if result.path == "compound" else "compound"
        decided = word(
            "outlook.path",
            lang,
            path=word(f"path.{result.path}", lang),
            other=word(f"path.{other}", lang),
            status=word(f"status.{result.other_path_status}", lang),
        )
        text = f"{text}{word('punct.semicolon', lang)}{decided}" if text else decided
    return text
