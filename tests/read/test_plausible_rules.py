"""The plausibility rules, defined once, give the same verdict on the row path and the
column-wise path: each rule's batch predicate against its scalar one, and both read paths
on the same cells."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sz_quality.plan.lookup import Lookup, SeriesInfo, load_lookup
from sz_quality.read.cell_resolver import Resolver
from sz_quality.read.cells import ABSURD, TINY
from sz_quality.read.columns import check_plain_batch
from sz_quality.read.findings import Findings, SourceFile
from sz_quality.read.layout import Layout
from sz_quality.read.plausible import RULES, any_rule_speaks
from sz_quality.read.rows import RowChecker
from sz_quality.read.store import SlotStore

RULE = {rule.name: rule for rule in RULES}


def test_the_rules_are_these() -> None:
    assert [(rule.name, rule.code) for rule in RULES] == [
        ("implausible", "out-of-range"),
        ("below", "out-of-range"),
        ("above", "out-of-range"),
        ("fraction", "suspect-fraction"),
    ]


def _info(index: int, low: float | None, high: float | None, reference: float | None) -> SeriesInfo:
    unit = "%" if reference is not None else "亿元"
    return SeriesInfo(index, f"s{index}", "indicator", f"s{index}", unit, "甲", "A", low, high,
                      reference=reference)  # fmt: skip


SHARE = _info(0, 0.0, 100.0, 40.0)  # a % series whose target is 40: fractions 0.08–1
COUNT = _info(1, 0.0, None, None)  # a count: at least 0
LEVEL = _info(2, -5.0, 5.0, None)  # both bounds
FREE = _info(3, None, None, None)  # no bound
ZERO_REFERENCE = _info(4, None, None, 0.0)  # a target of 0: no fraction looks like it

# (rule, series, value, whether the value breaks the rule): at and across each bound
EXAMPLES = [
    ("implausible", FREE, ABSURD, True),
    ("implausible", FREE, math.nextafter(ABSURD, 0), False),
    ("implausible", FREE, -ABSURD, True),
    ("implausible", FREE, -math.nextafter(ABSURD, 0), False),
    ("implausible", FREE, math.inf, True),
    ("implausible", FREE, -math.inf, True),
    ("implausible", FREE, math.nan, True),
    ("implausible", FREE, TINY, False),
    ("implausible", FREE, math.nextafter(TINY, 0), True),
    ("implausible", FREE, -TINY, False),
    ("implausible", FREE, -math.nextafter(TINY, 0), True),
    ("implausible", FREE, 0.0, False),
    ("implausible", FREE, -0.0, False),
    ("below", COUNT, 0.0, False),
    ("below", COUNT, -0.0, False),
    ("below", COUNT, math.nextafter(0, -1), True),
    ("below", COUNT, -3.0, True),
    ("below", LEVEL, -5.0, False),
    ("below", LEVEL, math.nextafter(-5.0, -6), True),
    ("below", FREE, -1e14, False),
    ("above", LEVEL, 5.0, False),
    ("above", LEVEL, math.nextafter(5.0, 6), True),
    ("above", SHARE, 100.0, False),
    ("above", SHARE, 100.5, True),
    ("above", COUNT, 1e14, False),
    ("fraction", SHARE, 40.0 / 500, True),
    ("fraction", SHARE, math.nextafter(40.0 / 500, 0), False),
    ("fraction", SHARE, 1.0, True),
    ("fraction", SHARE, math.nextafter(1.0, 2), False),
    ("fraction", SHARE, 0.415, True),
    ("fraction", _info(5, 0.0, 100.0, 3.0), 3.0 / 20, True),
    ("fraction", _info(5, 0.0, 100.0, 3.0), math.nextafter(3.0 / 20, 1), False),
    ("fraction", ZERO_REFERENCE, 0.0, False),
    ("fraction", COUNT, 0.5, False),
]


@pytest.mark.parametrize(("name", "info", "value", "breaks"), EXAMPLES)
def test_each_rule_at_and_across_its_bounds(
    name: str, info: SeriesInfo, value: float, breaks: bool
) -> None:
    rule = RULE[name]
    assert rule.breaks(info, value) is breaks
    assert rule.any_breaks({"x": info}, ["x"], [value]) is breaks
    # among values that break nothing, and in a batch of several series
    assert rule.any_breaks({"x": info, "y": FREE}, ["y", "x", "y"], [1.5, value, 2.0]) is breaks


def test_every_rule_has_examples_both_ways() -> None:
    assert {(name, breaks) for name, _, _, breaks in EXAMPLES} == {
        (rule.name, breaks) for rule in RULES for breaks in (True, False)
    }


_bound = st.none() | st.floats(-1e6, 1e6)
_series = st.builds(
    lambda index, low, high, reference: _info(index, low, high, reference),
    st.just(0),
    _bound,
    _bound,
    st.none() | st.floats(-10.0, 200.0),
)
_values = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.floats(-2.0, 2.0)
    | st.sampled_from([0.0, -0.0, TINY, -TINY, ABSURD, -ABSURD, 1.0, 100.0])
)


@settings(max_examples=300, deadline=None)
@given(
    series=st.lists(_series, min_size=1, max_size=4),
    cells=st.lists(st.tuples(st.integers(0, 3), _values), min_size=1, max_size=8),
)
def test_batch_predicates_are_the_scalar_ones(
    series: list[SeriesInfo], cells: list[tuple[int, float]]
) -> None:
    infos = {f"r{number}": info for number, info in enumerate(series)}
    raws = [f"r{pick % len(series)}" for pick, _ in cells]
    values = [value for _, value in cells]
    for rule in RULES:
        expected = any(
            rule.breaks(infos[raw], value) for raw, value in zip(raws, values, strict=True)
        )
        assert rule.any_breaks(infos, raws, values) is expected, rule.name
    scalar = any(
        rule.breaks(infos[raw], value)
        for rule in RULES
        for raw, value in zip(raws, values, strict=True)
    )
    assert any_rule_speaks(infos, raws, values) is scalar


# -- both read paths on the same cells --------------------------------------------------


@pytest.fixture(scope="module")
def registry() -> Lookup:
    return load_lookup()


LAYOUT = Layout("long", 5, ["indicator", "year", "value", "unit", "region"],
                {"indicator": 0, "year": 1, "value": 2, "unit": 3, "region": 4})  # fmt: skip


def _stored(store: SlotStore) -> dict[int, float]:
    """The values stored, by line."""
    return {
        store.lines[slot]: store.values[slot]
        for slot in range(len(store.owner))
        if store.owner[slot]
    }


def _fast(lookup: Lookup, cells: list[tuple[str, str]]) -> tuple[int | None, dict[int, float]]:
    """The column path's verdict on rows (series id, value text): rows taken or None."""
    findings = Findings(0, "en")
    store = SlotStore(lookup, findings, keep=False, regions=None)
    text = "".join(f"{id},2015,{value},,r{row}\n" for row, (id, value) in enumerate(cells))
    rejected: list[int] = []

    def reject_row(file: SourceFile, layout: Layout, row: list[str], line: int) -> None:
        rejected.append(line)

    taken = check_plain_batch(
        Resolver(lookup), store, SourceFile("a.csv", 1), LAYOUT, text, ",", 2, reject_row
    )
    assert not rejected and not findings.diagnostics
    return taken, _stored(store)


def _slow(lookup: Lookup, cells: list[tuple[str, str]]) -> tuple[list[str], dict[int, float]]:
    """The row path's diagnostics on the same rows, and the values it stores."""
    findings = Findings(0, "en")
    store = SlotStore(lookup, findings, keep=False, regions=None)
    checker = RowChecker(Resolver(lookup), store, findings)
    file = SourceFile("a.csv", 1)
    for row, (id, value) in enumerate(cells):
        checker.long_row(file, LAYOUT, [id, "2015", value, "", f"r{row}"], row + 2)
    return [diagnostic.code for diagnostic in findings.diagnostics], _stored(store)


_SERIES = ["gdp", "tertiary_share", "rd_share", "hightech_share", "resident_population"]
_texts = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.floats(-2.0, 120.0).map(repr),
    st.sampled_from(["0", "-0", "1e15", "-1e15", "1e-12", "1e-13", "100", "100.0001", "0.2"]),
    st.sampled_from(["1e400", "-1e400"]),  # not finite: the row path says bad-number
)


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(st.tuples(st.sampled_from(_SERIES), _texts), min_size=1, max_size=5))
def test_both_read_paths_give_the_same_verdict(
    registry: Lookup, cells: list[tuple[str, str]]
) -> None:
    taken, fast_values = _fast(registry, cells)
    codes, slow_values = _slow(registry, cells)
    # the column path takes the batch exactly when the row path has nothing to say
    assert (taken is not None) is (not codes), (cells, codes)
    if taken is not None:
        assert taken == len(cells)
        assert fast_values == slow_values
    else:
        assert set(codes) <= {"out-of-range", "suspect-fraction", "bad-number"}  # 1e400: infinite


@pytest.mark.parametrize(
    ("id", "text", "codes"),
    [
        ("gdp", "1e15", ["out-of-range"]),
        ("gdp", "999999999999999", []),
        ("gdp", "1e-13", ["out-of-range"]),
        ("gdp", "1e-12", []),
        ("gdp", "0", []),
        ("gdp", "-0.001", ["out-of-range"]),
        ("tertiary_share", "100", []),
        ("tertiary_share", "100.0001", ["out-of-range"]),
        ("tertiary_share", "0.6", ["suspect-fraction"]),
        ("tertiary_share", "1.0001", []),
        ("rd_share", "0.2", ["suspect-fraction"]),
        ("rd_share", "0.0079", []),
    ],
)
def test_both_read_paths_at_the_bounds(
    registry: Lookup, id: str, text: str, codes: list[str]
) -> None:
    assert _slow(registry, [(id, text)])[0] == codes
    assert (_fast(registry, [(id, text)])[0] is None) is bool(codes)
