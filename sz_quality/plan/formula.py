"""Formulas of derived indicators: parsed by a small grammar, never eval'd, unit-checked.

Grammar: expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
factor := NUMBER | IDENTIFIER | '(' expr ')' | '-' factor. Identifiers are indicator ids.

Unit check: every operand is first brought to pint's base units of its dimension, the
formula is evaluated on those, and the result converted to the derived indicator's
unit. The per-operand and result factors are computed once, when the registry loads,
and kept in the compiled registry so that evaluation never needs pint.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Indicator

__all__ = ["CompiledFormula", "FormulaError", "check_formula", "parse_formula"]


class FormulaError(ValueError):
    """A formula that does not parse, names an unknown indicator, or mixes units."""


@dataclass(frozen=True)
class Binary:
    operator: str
    left: Node
    right: Node


# a number is its float, a reference its indicator's id, and a minus sign before a
# factor a product by -1.0 (exactly the negation, for floats and pint's quantities)
Node = float | str | Binary

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([a-z][a-z0-9_]*)|(.))")


def _tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:  # pragma: no cover - the pattern matches any character
            break
        number, name, other = match.groups()
        if number is not None:
            found.append(("number", number))
        elif name is not None:
            found.append(("name", name))
        elif other in "+-*/()":
            found.append(("op", other))
        else:
            raise FormulaError(f"unexpected character {other!r} at position {match.start(3) + 1}")
        position = match.end()
    return found


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.index = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise FormulaError(f"formula {self.text!r} ends too early")
        self.index += 1
        return token

    def expression(self) -> Node:
        return self.chain("+-", self.term)

    def term(self) -> Node:
        return self.chain("*/", self.factor)

    def chain(self, operators: str, operand: Callable[[], Node]) -> Node:
        """Operands joined left to right by `operators`, which bind equally."""
        node = operand()
        while (token := self.peek()) is not None and token[1] in operators and token[0] == "op":
            self.take()
            node = Binary(token[1], node, operand())
        return node

    def factor(self) -> Node:
        kind, text = self.take()
        if kind == "number":
            return float(text)
        if kind == "name":
            return text
        if text == "-":
            return Binary("*", -1.0, self.factor())
        if text == "(":
            node = self.expression()
            if self.take() != ("op", ")"):
                raise FormulaError(f"formula {self.text!r}: ')' expected")
            return node
        raise FormulaError(f"formula {self.text!r}: unexpected {text!r}")


def parse_formula(text: str) -> Node:
    """The syntax tree of a formula; FormulaError when it does not parse."""
    parser = _Parser(text)
    if not parser.tokens:
        raise FormulaError("empty formula")
    node = parser.expression()
    if parser.peek() is not None:
        raise FormulaError(f"formula {text!r}: unexpected {parser.peek()[1]!r}")  # type: ignore[index]
    return node


def references(node: Node) -> set[str]:
    if isinstance(node, str):
        return {node}
    if isinstance(node, Binary):
        return references(node.left) | references(node.right)
    return set()


def _apply(operator: str, left: Any, right: Any) -> Any:
    if operator == "+":
        return left + right
    if operator == "-":
        return left - right
    if operator == "*":
        return left * right
    return left / right


def _evaluate(node: Node, values: Mapping[str, Any]) -> Any:
    if isinstance(node, float):
        return node
    if isinstance(node, str):
        return values[node]
    return _apply(node.operator, _evaluate(node.left, values), _evaluate(node.right, values))


@functools.lru_cache(maxsize=256)
def _parsed(text: str) -> Node:
    """A formula parsed once (its nodes are immutable): evaluate runs once per value."""
    return parse_formula(text)


@dataclass(frozen=True)
class CompiledFormula:
    """A formula with the factors that make it unit-correct without pint."""

    indicator: str
    text: str
    operand_factors: Mapping[str, float]  # operand unit -> pint base units
    result_factor: float  # base units of the result -> the indicator's unit

    @property
    def inputs(self) -> frozenset[str]:
        return frozenset(self.operand_factors)

    def evaluate(self, values: Mapping[str, float]) -> float | None:
        """The derived value in the indicator's unit; None when it is undefined (÷0)."""
        scaled = {name: value * self.operand_factors[name] for name, value in values.items()}
        try:
            result = float(_evaluate(_parsed(self.text), scaled)) * self.result_factor
        except ZeroDivisionError:
            return None
        return result if math.isfinite(result) else None


def check_formula(indicator: Indicator, indicators: Mapping[str, Indicator]) -> CompiledFormula:
    """Parse and unit-check an indicator's formula against the registry's indicators."""
    from . import units

    text = indicator.formula or ""
    node = parse_formula(text)
    names = references(node)
    unknown = sorted(name for name in names if name not in indicators)
    if unknown:
        raise FormulaError(f"formula {text!r} names unknown indicator(s) {unknown}")
    if indicator.id in names:
        raise FormulaError(f"formula {text!r} refers to its own indicator")
    registry = units.unit_registry()
    base_quantities = {}
    operand_factors = {}
    for name in sorted(names):
        quantity = units.quantity(indicators[name].unit).to_base_units()
        operand_factors[name] = float(quantity.magnitude)
        base_quantities[name] = registry.Quantity(1.0, quantity.units)
    try:
        result = _evaluate(node, base_quantities)
    except Exception as error:  # pint's DimensionalityError when adding 元 to 人
        raise FormulaError(f"formula {text!r} mixes units: {error}") from None
    target = units.quantity(indicator.unit)
    try:
        converted = (result if hasattr(result, "to") else registry.Quantity(result)).to(
            target.units
        )
    except Exception:
        result_units = getattr(result, "units", "dimensionless")
        raise FormulaError(
            f"formula {text!r} gives {result_units}, which does not convert to the "
            f"indicator's unit {indicator.unit!r}"
        ) from None
    result_factor = float(converted.magnitude) / float(target.magnitude)
    return CompiledFormula(indicator.id, text, operand_factors, result_factor)
