"""Formulas of derived indicators: the grammar, its unary minus, and its errors."""

from __future__ import annotations

import math

import pytest

from sz_quality.plan.formula import CompiledFormula, FormulaError, parse_formula, references


def _evaluate(text: str, **values: float) -> float | None:
    ones = dict.fromkeys(values, 1.0)
    return CompiledFormula("x", text, ones, 1.0).evaluate(values)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-a", -3.0),
        ("-a * b", -12.0),
        ("a - -b", 7.0),
        ("--a", 3.0),
        ("-(a - b) / 2", 0.5),
        ("2 * -a + b", -2.0),
        ("-1.5e1 + a", -12.0),
    ],
)
def test_unary_minus_negates_the_factor_it_stands_before(text: str, expected: float) -> None:
    assert _evaluate(text, a=3.0, b=4.0) == expected


def test_minus_zero_keeps_its_sign() -> None:
    result = _evaluate("-a", a=0.0)
    assert result == 0.0 and math.copysign(1.0, result) == -1.0


def test_references_are_the_indicator_ids_named() -> None:
    assert references(parse_formula("-(gdp / population) * 100 - -rd")) == {
        "gdp",
        "population",
        "rd",
    }
    assert references(parse_formula("-2 * 3")) == set()


def test_division_by_zero_is_undefined() -> None:
    assert _evaluate("a / (b - b)", a=1.0, b=2.0) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty formula"),
        ("a +", "formula 'a +' ends too early"),
        ("(a", "formula '(a' ends too early"),
        ("a b", "formula 'a b': unexpected 'b'"),
        ("a $ b", "unexpected character '$' at position 3"),
        ("* a", "formula '* a': unexpected '*'"),
    ],
)
def test_what_does_not_parse(text: str, message: str) -> None:
    with pytest.raises(FormulaError) as raised:
        parse_formula(text)
    assert str(raised.value) == message
