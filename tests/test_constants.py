"""Facts with one home: the year range, the magnitude and measure words, and the places
that use them agree with it."""

from __future__ import annotations

import re

import pytest

from sz_quality.plan import units
from sz_quality.plan.lookup import load_lookup
from sz_quality.plan.years import YEAR_MAX, YEAR_MIN
from sz_quality.read.cells import parse_year
from sz_quality.read.messages import template
from sz_quality.read.row_model import YEAR_PATTERN, build_row_json_schema
from sz_quality.read.rows import _bad_number_hint


def test_the_schema_pattern_takes_exactly_the_years_the_reader_takes() -> None:
    pattern = re.compile(YEAR_PATTERN)
    for year in range(1000, 10000):
        for text in (str(year), f" {year}年 ", f"{year}.0"):
            inside = YEAR_MIN <= year <= YEAR_MAX
            assert (pattern.match(text) is not None) is inside, text
            assert parse_year(text) == (year if inside else None), text


def test_the_schema_states_the_year_range() -> None:
    year = build_row_json_schema()["properties"]["year"]
    integer = next(choice for choice in year["anyOf"] if choice["type"] == "integer")
    assert (integer["minimum"], integer["maximum"]) == (YEAR_MIN, YEAR_MAX)
    assert f"{YEAR_MIN}-{YEAR_MAX}" in year["description"]


def test_the_magnitude_stacks_are_made_of_magnitude_words() -> None:
    assert units.MAGNITUDE_WORDS == "十百千万亿"
    assert set("".join(units.MAGNITUDE_STACKS)) == set(units.MAGNITUDE_WORDS)
    assert len(set(units.MAGNITUDE_STACKS)) == len(units.MAGNITUDE_STACKS)


@pytest.mark.parametrize("stack", units.MAGNITUDE_STACKS)
def test_every_stack_converts_and_is_hinted_in_a_value(stack: str) -> None:
    product = 1.0
    for word in stack:
        product *= units.MAGNITUDES[word]
    assert units.conversion_factor(f"{stack}元", "元") == pytest.approx(product)
    assert _bad_number_hint(f"1.5{stack}") == template("bad-number.multiplier", word=stack)


def test_the_lookup_knows_every_stack_of_a_chinese_unit() -> None:
    factors = load_lookup().factors
    for stack in units.MAGNITUDE_STACKS:
        assert factors[(f"{stack}元", "亿元")] == pytest.approx(
            units.conversion_factor(f"{stack}元", "亿元")
        )


def test_measure_words_count_items_of_their_own_kind() -> None:
    for word in units.MEASURE_WORDS:
        assert units.dimensionality(word) == units.dimensionality("个")
        assert units.same_meaning(f"万{word}", word)
        assert units.same_meaning(word, "个")  # 个 counts things of no kind
        other = "张" if word != "张" else "家"
        assert not units.same_meaning(word, other)
