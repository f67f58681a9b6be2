"""The one resolver of derived indicators (sz_quality.plan.resolve): values, presence, years."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from sz_quality.plan.formula import CompiledFormula
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.registry import load_registry
from sz_quality.plan.resolve import (
    available_years,
    derived_value,
    formula_inputs,
    is_available,
    missing_inputs,
    reachable,
    resolve_value,
)
from sz_quality.read import completeness

ROOT = Path(__file__).resolve().parents[2]


def formula(indicator: str, text: str, *inputs: str) -> CompiledFormula:
    return CompiledFormula(indicator, text, dict.fromkeys(inputs, 1.0), 1.0)


# share = part / whole; whole = a + b (a formula over a formula); loop_a and loop_b use
# each other (a cycle the registry does not refuse)
FORMULAS = {
    "share": formula("share", "part / whole", "part", "whole"),
    "whole": formula("whole", "a + b", "a", "b"),
    "loop_a": formula("loop_a", "loop_b * 2", "loop_b"),
    "loop_b": formula("loop_b", "loop_a + a", "loop_a", "a"),
}
INPUTS = formula_inputs(FORMULAS)


def own_of(values: dict[str, float]) -> Callable[[str], float | None]:
    return values.get


def test_own_value_first() -> None:
    own = own_of({"share": 7.0, "part": 1.0, "a": 1.0, "b": 1.0})
    found = resolve_value("share", own, FORMULAS)
    assert (found.value, found.derived, found.missing) == (7.0, False, ())


def test_formulas_over_formulas() -> None:
    found = resolve_value("share", own_of({"part": 1.0, "a": 1.0, "b": 3.0}), FORMULAS)
    assert (found.value, found.derived) == (0.25, True)


def test_missing_names_the_series_first_then_its_inputs() -> None:
    found = resolve_value("share", own_of({"a": 1.0}), FORMULAS)
    assert found.value is None
    assert found.missing == ("share", "part", "whole", "b")


def test_a_division_by_zero_is_derived_and_missing() -> None:
    found = resolve_value("share", own_of({"part": 1.0, "a": 0.0, "b": 0.0}), FORMULAS)
    assert (found.value, found.derived, found.missing) == (None, True, ("share",))


def test_a_cycle_is_missing_not_a_loop() -> None:
    found = resolve_value("loop_a", own_of({"a": 1.0}), FORMULAS)
    assert found.value is None
    assert found.missing == ("loop_a", "loop_b")
    # an own value on the cycle ends it
    assert resolve_value("loop_a", own_of({"loop_b": 5.0}), FORMULAS).value == 10.0


def test_derived_value_ignores_the_series_own_value() -> None:
    own = own_of({"share": 7.0, "part": 1.0, "whole": 4.0})
    assert derived_value("share", own, FORMULAS) == 0.25
    assert derived_value("part", own, FORMULAS) is None  # no formula


def test_presence_agrees_with_values() -> None:
    rng = random.Random(5)
    names = sorted(set(reachable("share", INPUTS)) | set(reachable("loop_a", INPUTS)))
    for _ in range(300):
        present = {name for name in names if rng.random() < 0.5}
        values = {name: 1.0 for name in present}
        for series in names:
            found = resolve_value(series, own_of(values), FORMULAS)
            assert is_available(series, present.__contains__, INPUTS) == (found.value is not None)
            assert missing_inputs(series, present.__contains__, INPUTS) == found.missing


def test_reachable() -> None:
    assert reachable("share", INPUTS) == ["share", "part", "whole", "a", "b"]
    assert reachable("loop_a", INPUTS) == ["loop_a", "loop_b", "a"]
    assert reachable("gdp", INPUTS) == ["gdp"]


def test_available_years() -> None:
    years = {"part": {2012, 2013, 2014}, "a": {2013, 2014}, "b": {2014, 2015}, "share": {2010}}
    found = available_years("share", lambda name: years.get(name, set()), INPUTS)
    assert found == [2010, 2014]


# --- the reader's agency completeness check --------------------------------------------


def reader_has(lookup: Lookup, series_id: str, present: set[int], depth: int = 0) -> bool:
    """The reader's `_has` as it stood before it asked the resolver: the reference."""
    info = lookup.get(series_id)
    if info is None:
        return False
    if info.index in present:
        return True
    if info.inputs and depth < 8:
        return all(reader_has(lookup, name, present, depth + 1) for name in info.inputs)
    return False


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return Lookup.from_registry(load_registry(ROOT / "targets.yaml"))


def test_the_reader_asks_the_resolver(lookup: Lookup) -> None:
    # the completeness check of `szq validate --expect-agency`: `present` holds the
    # indexes of the series with a value in the year
    def has(series_id: str, present: set[int]) -> bool:
        return completeness._has(lookup, series_id, present)

    derived = [info for info in lookup.series if info.inputs]
    assert derived, "the shipped registry has derived indicators"
    rng = random.Random(11)
    ids = [info.id for info in lookup.series] + ["not_a_series"]
    for _ in range(200):
        present = {info.index for info in lookup.series if rng.random() < 0.5}
        for series_id in ids:
            assert has(series_id, present) == reader_has(lookup, series_id, present), series_id
    # a derived indicator without a value of its own, all its inputs present
    share = derived[0]
    inputs_present = {lookup.get(name).index for name in share.inputs}  # type: ignore[union-attr]
    assert has(share.id, inputs_present)
    assert not has(share.id, inputs_present - {min(inputs_present)})
