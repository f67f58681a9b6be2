"""The rules engine's edge cases, as docs/rules.md states them: one test per rule.

Each test builds one target of the small test registry (tests/fixtures/check) and a
short series, and checks the engine's verdict by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import Result
from sz_quality.plan.models import Target
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.read.observations import Observation

FIXTURES = Path(__file__).parent / "fixtures" / "check"


@pytest.fixture(scope="module")
def base() -> Registry:
    return load_registry(FIXTURES / "registry.yaml")


def target_like(base: Registry, target_id: str, **changes: Any) -> Target:
    return replace(base.targets_by_id[target_id], **changes)


def check(registry: Registry, target: Target, series: dict[int, float], year: int) -> Result:
    """`target` checked in `year` against its indicator's `series` (year -> value)."""
    data = [Observation(target.indicator, each, value, "") for each, value in series.items()]
    report = evaluate(replace(registry, targets=(target,)), data, year)
    assert len(report.results) == 1
    return report.results[0]


# --- R is empty when the first year already met the target --------------------------


def test_about_already_inside_its_band_has_no_trend_ratio(base: Registry) -> None:
    # about 100 ± 5: 103 in 2010 is already inside the band, so no rate is required
    target = target_like(base, "share_about", value=100.0, tolerance=5.0)
    result = check(base, target, {2010: 103, 2011: 101}, 2011)
    assert result.status == "met"
    assert result.progress is None
    assert result.trend is not None
    assert (result.trend.ratio, result.trend.category) == (None, None)
    assert (result.trend.first_year, result.trend.last_year) == (2010, 2011)


def test_between_already_inside_its_range_has_no_trend_ratio(base: Registry) -> None:
    target = target_like(
        base, "share_about", comparator="between", value=None, min=40.0, max=50.0, tolerance=None
    )
    result = check(base, target, {2010: 45, 2012: 41}, 2012)
    assert result.status == "met"
    assert result.progress is None
    assert result.trend is not None and result.trend.ratio is None
    assert result.trend.category is None


# --- a strict comparator exactly at its figure, from a baseline past it -------------


def test_strictly_above_exactly_at_the_figure_from_a_baseline_past_it(base: Registry) -> None:
    # > 150 from 200 in 2010: the path from 200 is the target itself; 150 does not meet it
    target = target_like(base, "share_over", value=150.0)
    at = check(base, target, {2010: 200, 2012: 150}, 2012)
    below = check(base, target, {2010: 200, 2012: 149.9}, 2012)
    assert below.status == "off_track"
    assert at.status == "off_track"
    assert at.outlook is not None and at.outlook.required_rate == 0.0


def test_strictly_below_exactly_at_the_figure_from_a_baseline_past_it(base: Registry) -> None:
    target = target_like(base, "rate_below", value=2.5)
    assert check(base, target, {2010: 2.0, 2013: 2.5}, 2013).status == "off_track"
    assert check(base, target, {2010: 2.0, 2013: 2.4}, 2013).status == "met"
