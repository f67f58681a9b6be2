"""The rules engine's edge cases, as docs/rules.md states them: one test per rule.

Each test builds one target of the small test registry (tests/fixtures/check) and a
short series, and checks the engine's verdict by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.check.outlook import outlook_fields
from sz_quality.check.results import Result
from sz_quality.check.trend import category_of
from sz_quality.plan.models import Target
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.read.observations import Observation

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"


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


# --- the tolerance: relative 1e-9, at least 1e-9 absolute ---------------------------


def test_the_tolerance_is_relative_with_an_absolute_floor(base: Registry) -> None:
    at_most_zero = target_like(base, "rate_at_most", value=0.0)
    assert check(base, at_most_zero, {2015: 1e-9}, 2015).status == "met"
    assert check(base, at_most_zero, {2015: 2e-9}, 2015).status == "not_met"
    at_least_small = target_like(base, "share_over", comparator=">=", value=1e-6)
    assert check(base, at_least_small, {2015: 9.99999e-7}, 2015).status == "met"
    assert check(base, at_least_small, {2015: 9.98e-7}, 2015).status == "not_met"
    # 1e-9 of a million is 0.001
    at_least_large = target_like(base, "share_over", comparator=">=", value=1e6)
    assert check(base, at_least_large, {2015: 1e6 - 0.0009}, 2015).status == "met"
    assert check(base, at_least_large, {2015: 1e6 - 0.0011}, 2015).status == "not_met"


def test_the_bands_are_compared_with_the_absolute_tolerance() -> None:
    assert category_of(0.95 - 5e-10) == "significant"
    assert category_of(0.95 - 2e-9) == "moderate"
    assert category_of(-5e-10) == "insufficient"
    assert category_of(-2e-9) == "moving_away"


# --- between: the bound nearer the baseline -----------------------------------------


def test_between_aims_at_the_bound_nearer_a_baseline_outside_it(base: Registry) -> None:
    # share should rise, but from 60 above 40-50 the range is reached at its top
    target = target_like(
        base,
        "share_about",
        comparator="between",
        value=None,
        min=40.0,
        max=50.0,
        tolerance=None,
    )
    above = check(base, target, {2010: 60, 2012: 55}, 2012)
    assert above.target_value == 50.0 and above.gap == 5.0
    assert above.status == "on_track"  # the path from 60 to 50 is at 56 in 2012
    assert above.progress == 0.5
    assert check(base, target, {2010: 60, 2012: 57}, 2012).status == "off_track"
    below = check(base, target, {2010: 30, 2012: 35}, 2012)
    assert below.target_value == 40.0 and below.gap == -5.0
    inside = check(base, target, {2010: 45, 2015: 45}, 2015)
    assert inside.target_value == 40.0 and inside.gap == 0.0  # rising: min
    falling = target_like(base, "rate_at_most", comparator="between", value=None, min=2.0, max=3.0)
    assert check(base, falling, {2010: 2.5, 2015: 2.5}, 2015).target_value == 3.0


# --- kept / yearly_rate: on_track while every year holds, met only in the target year -


def test_a_kept_target_held_so_far_is_on_track_not_met(base: Registry) -> None:
    target = base.targets_by_id["air_days_kept"]  # >= 360 days every year
    held = {2010: 361, 2011: 362, 2012: 365}
    assert check(base, target, held, 2012).status == "on_track"
    assert check(base, target, {**held, 2013: 363, 2014: 361, 2015: 362}, 2015).status == "met"
    failed = check(base, target, {2010: 361, 2011: 350, 2012: 365}, 2012)
    assert failed.status == "off_track"
    assert failed.reason is not None and failed.reason.years == (2011,)
    assert check(base, target, {2010: 361}, 2010).status == "no_data"  # at_baseline


# --- the baseline year --------------------------------------------------------------


def test_a_target_met_in_its_baseline_year_is_met(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]  # >= 1.5 万亿元
    met = check(base, target, {2010: 16000}, 2010)
    assert (met.status, met.reason, met.progress) == ("met", None, None)
    assert met.outlook is None  # no rate: nothing required, one year observed
    short = check(base, target, {2010: 10000}, 2010)
    assert short.status == "no_data" and short.reason is not None
    assert (short.reason.code, short.progress) == ("at_baseline", 0.0)


# --- no baseline value: no path, but the rest is shown ------------------------------


def test_without_a_baseline_value_the_result_still_carries_the_rest(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    result = check(base, target, {2011: 11000, 2012: 12000}, 2012)
    assert result.status == "no_data" and result.reason is not None
    assert result.reason.code == "no_path"
    assert result.actual == 1.2 and result.gap == pytest.approx(-0.3)
    assert result.progress is None
    # R and the rates from the first year with data, 2011
    assert result.trend is not None and result.trend.first_year == 2011
    assert result.trend.ratio == pytest.approx(1.1275673920560019)
    assert result.outlook is not None
    assert result.outlook.observed_rate == pytest.approx(100 / 11)
    assert result.outlook.projected_status == "met"


# --- change and increment figures under the target's own id -------------------------


def test_a_change_reported_under_its_own_id_comes_first_and_is_linear(
    base: Registry,
) -> None:
    target = base.targets_by_id["energy_intensity_decline"]  # >= 20 % decline by 2015
    levels = [
        Observation("energy", 2010, 100, ""),
        Observation("gdp", 2010, 100, ""),
        Observation("energy", 2012, 90, ""),
        Observation("gdp", 2012, 110, ""),
    ]
    own = [Observation(target.id, 2010, 0, ""), Observation(target.id, 2012, 12, "")]
    registry = replace(base, targets=(target,))
    from_levels = evaluate(registry, levels, 2012).results[0]
    assert from_levels.actual == pytest.approx((1 - 90 / 110) * 100)  # 18.18 % declined
    assert from_levels.outlook is not None and from_levels.outlook.basis == "compound"
    result = evaluate(registry, levels + own, 2012).results[0]
    assert result.actual == 12.0 and result.status == "on_track"
    found = result.outlook
    assert found is not None
    # points of the change a year: 12 in two years, 8 more needed in three
    assert (found.basis, found.rate_unit) == ("linear", "%")
    assert found.observed_rate == 6.0
    assert found.required_rate == pytest.approx(8 / 3)
    assert found.projected_value == 30.0
    # R over the same linear changes: 6 / (20 / 5)
    assert result.trend is not None and result.trend.ratio == pytest.approx(1.5)


def test_increment_rates_are_over_the_indicator_level(base: Registry) -> None:
    target = base.targets_by_id["count_increment"]  # >= 1 万个 new projects
    # an amount added accrues with the time elapsed: straight, its rates linear
    straight = check(base, target, {2010: 100, 2012: 5000}, 2012)
    assert straight.outlook is not None
    assert (straight.outlook.basis, straight.outlook.rate_unit) == ("linear", "个")
    assert straight.outlook.observed_rate == 2450.0
    # on a compound path (path: compound) the rates are compound, over the levels
    result = check(base, replace(target, path="compound"), {2010: 100, 2012: 5000}, 2012)
    assert result.actual == pytest.approx(0.49)
    found = result.outlook
    assert found is not None
    # the level grew from 100 to 5000 个 in two years: sqrt(50) - 1 a year
    assert (found.basis, found.rate_unit) == ("compound", "%")
    assert found.observed_rate == pytest.approx((50**0.5 - 1) * 100)
    # to 10100 个 (100 + 1 万) by 2015
    assert found.required_rate == pytest.approx(((10100 / 5000) ** (1 / 3) - 1) * 100)
    from_zero = check(base, target, {2010: 0, 2012: 5000}, 2012)
    assert from_zero.outlook is not None
    assert (from_zero.outlook.basis, from_zero.outlook.rate_unit) == ("linear", "个")
    assert from_zero.outlook.observed_rate == 2500.0


# --- no rate, no basis --------------------------------------------------------------


def test_without_a_rate_the_basis_is_empty(base: Registry) -> None:
    result = check(base, base.targets_by_id["gdp_level"], {2015: 17000}, 2015)
    assert result.status == "met" and result.outlook is None
    fields = outlook_fields(result.outlook)
    assert fields["rate_basis"] is None and fields["rate_unit"] is None
    assert fields["observed_rate"] is None and fields["required_rate"] is None
