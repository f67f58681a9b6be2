"""The rules engine: every kind and comparator at, above and below its boundary; statuses."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.evaluate import BOUNDARY_RTOL, evaluate, holds
from sz_quality.check.reasons import Reason
from sz_quality.check.results import Result
from sz_quality.check.series import ExchangeRate
from sz_quality.plan.lang import Lang
from sz_quality.plan.models import Target
from sz_quality.plan.registry import Registry, RegistryError, load_registry
from sz_quality.read.observations import Observation
from sz_quality.render.verdict_words import reason_text, reason_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"


@pytest.fixture(scope="module")
def base() -> Registry:
    return load_registry(FIXTURES / "registry.yaml")


def obs(series: str, year: int, value: float, region: str = "") -> Observation:
    return Observation(series, year, value, region)


def target_like(base: Registry, target_id: str, **changes: Any) -> Target:
    # dataclasses.replace re-runs the model's checks (__post_init__)
    return replace(base.targets_by_id[target_id], **changes)


def only(base: Registry, target: Target) -> Registry:
    return replace(base, targets=(target,))


def check(
    registry: Registry, observations: list[Observation], year: int | None = None, **kwargs: Any
) -> Result:
    report = evaluate(registry, observations, year, **kwargs)
    assert len(report.results) == 1
    return report.results[0]


def said(result: Result, lang: Lang = "en") -> str | None:
    """The result's reason in words, as the renderers show it."""
    return None if result.reason is None else reason_text(result.reason, lang)


# --- level comparators at, above and below the boundary ------------------------------

LEVEL_CASES = [
    # comparator, value, actual, status
    (">=", 4.0, 3.99, "not_met"),
    (">=", 4.0, 4.0, "met"),
    (">=", 4.0, 4.01, "met"),
    (">", 4.0, 3.99, "not_met"),
    (">", 4.0, 4.0, "not_met"),
    (">", 4.0, 4.01, "met"),
    ("<=", 4.0, 3.99, "met"),
    ("<=", 4.0, 4.0, "met"),
    ("<=", 4.0, 4.01, "not_met"),
    ("<", 4.0, 3.99, "met"),
    ("<", 4.0, 4.0, "not_met"),
    ("<", 4.0, 4.01, "not_met"),
    ("==", 4.0, 3.99, "not_met"),
    ("==", 4.0, 4.0, "met"),
    ("==", 4.0, 4.01, "not_met"),
]


@pytest.mark.parametrize(("comparator", "value", "actual", "status"), LEVEL_CASES)
def test_level_comparators(
    base: Registry, comparator: str, value: float, actual: float, status: str
) -> None:
    target = target_like(base, "share_over", comparator=comparator, value=value)
    result = check(only(base, target), [obs("share", 2015, actual)])
    assert result.status == status
    assert result.actual == actual
    assert result.gap == pytest.approx(actual - value)


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        (14.24, "not_met"),
        (14.25, "met"),
        (14.26, "met"),
        (15.0, "met"),
        (15.74, "met"),
        (15.75, "met"),
        (15.76, "not_met"),
    ],
)
def test_about_uses_its_stated_tolerance(base: Registry, actual: float, status: str) -> None:
    result = check(only(base, base.targets_by_id["share_about"]), [obs("share", 2015, actual)])
    assert result.status == status


@pytest.mark.parametrize(
    ("actual", "status", "gap"),
    [
        (39, "not_met", -1),
        (40, "met", 0),
        (41, "met", 0),
        (49, "met", 0),
        (50, "met", 0),
        (51, "not_met", 1),
    ],
)
def test_between_increment(base: Registry, actual: float, status: str, gap: float) -> None:
    target = base.targets_by_id["firms_between"]
    result = check(only(base, target), [obs("firms", 2010, 10), obs("firms", 2015, 10 + actual)])
    assert result.status == status
    assert result.actual == actual
    assert result.gap == gap
    assert result.target_value == 40


def test_overshooting_a_range_says_so(base: Registry) -> None:
    target = base.targets_by_id["firms_between"]
    result = check(only(base, target), [obs("firms", 2010, 0), obs("firms", 2015, 60)])
    assert result.status == "not_met"
    assert said(result) == "beyond the target range"


# --- the floating-point tolerance ----------------------------------------------------


def test_boundary_tolerance_is_small_and_stated() -> None:
    assert BOUNDARY_RTOL == 1e-9


def test_derived_share_a_hair_below_the_boundary_is_met(base: Registry) -> None:
    # 0.036 / 0.9 * 100 is 3.9999999999999996 in binary floating point
    target = base.targets_by_id["rd_share_level"]
    registry = only(base, target)
    value = registry.formulas["rd_share"].evaluate({"rd_spending": 0.036, "gdp": 0.9})
    assert value is not None and value < 4.0
    result = check(registry, [obs("rd_spending", 2015, 0.036), obs("gdp", 2015, 0.9)])
    assert result.status == "met"
    assert result.derived


def test_strict_comparator_not_met_by_a_hair_above(base: Registry) -> None:
    # 0.068 / 1.7 * 100 is 4.000000000000001: "> 4" is still not met
    target = target_like(base, "rd_share_level", comparator=">")
    result = check(only(base, target), [obs("rd_spending", 2015, 0.068), obs("gdp", 2015, 1.7)])
    assert result.actual is not None and result.actual > 4.0
    assert result.status == "not_met"


def test_holds_is_the_single_comparison(base: Registry) -> None:
    target = base.targets_by_id["rd_share_level"]
    assert holds(4.0 - 1e-12, target)
    assert not holds(4.0 - 1e-6, target)


# --- change ----------------------------------------------------------------------------


@pytest.mark.parametrize(("now", "status"), [(80.01, "not_met"), (80.0, "met"), (79.99, "met")])
def test_change_decrease_from_the_indicator(base: Registry, now: float, status: str) -> None:
    # energy intensity = energy / gdp: baseline 1.0, the target a 20% decline
    target = base.targets_by_id["energy_intensity_decline"]
    data = [
        obs("energy", 2010, 1000),
        obs("gdp", 2010, 10000),
        obs("energy", 2015, now * 10),
        obs("gdp", 2015, 10000),
    ]
    result = check(only(base, target), data)
    assert result.status == status
    assert result.actual == pytest.approx(100 - now)
    assert result.progress == pytest.approx((100 - now) / 20)


@pytest.mark.parametrize(("reported", "status"), [(19.9, "not_met"), (20, "met"), (20.1, "met")])
def test_change_reported_under_the_target_id(base: Registry, reported: float, status: str) -> None:
    target = base.targets_by_id["energy_intensity_decline"]
    result = check(only(base, target), [obs("energy_intensity_decline", 2015, reported)])
    assert result.status == status
    assert result.actual == reported


def test_change_increase(base: Registry) -> None:
    target = target_like(base, "energy_intensity_decline", change="increase", value=10)
    data = [obs("energy_intensity", 2010, 1.0), obs("energy_intensity", 2015, 1.1)]
    result = check(only(base, target), data)
    assert result.actual == pytest.approx(10)
    assert result.status == "met"


def test_change_needs_both_years(base: Registry) -> None:
    target = base.targets_by_id["energy_intensity_decline"]
    result = check(only(base, target), [obs("energy_intensity", 2015, 0.8)])
    assert result.status == "no_data"
    assert said(result) is not None and "energy_intensity 2010" in said(result)


def test_change_with_a_zero_baseline(base: Registry) -> None:
    target = base.targets_by_id["energy_intensity_decline"]
    data = [obs("energy_intensity", 2010, 0.0), obs("energy_intensity", 2015, 0.8)]
    result = check(only(base, target), data)
    assert result.status == "no_data"
    assert said(result) is not None and "zero" in said(result)


# --- increment ------------------------------------------------------------------------


@pytest.mark.parametrize(("now", "status"), [(10099, "not_met"), (10100, "met"), (10101, "met")])
def test_increment_converts_to_the_target_unit(base: Registry, now: float, status: str) -> None:
    # the target is 1 万个; the indicator counts 个
    target = base.targets_by_id["count_increment"]
    result = check(only(base, target), [obs("count", 2010, 100), obs("count", 2015, now)])
    assert result.status == status
    assert result.actual == pytest.approx((now - 100) / 10000)
    assert result.unit == "万个"


def test_increment_reported_under_the_target_id(base: Registry) -> None:
    target = base.targets_by_id["count_increment"]
    result = check(only(base, target), [obs("count_increment", 2015, 1.2)])
    assert result.status == "met"
    assert result.actual == 1.2


# --- kept and yearly rates ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["kept", "yearly_rate"])
@pytest.mark.parametrize(("low", "status"), [(359.99, "not_met"), (360.0, "met"), (360.01, "met")])
def test_every_year_must_hold(base: Registry, kind: str, low: float, status: str) -> None:
    target = target_like(base, "air_days_kept", kind=kind)
    data = [obs("air_days", year, 365) for year in (2011, 2012, 2014, 2015)]
    data.append(obs("air_days", 2013, low))
    result = check(only(base, target), data)
    assert result.status == status
    if status == "not_met":
        assert said(result) == "not held in 2013"


def test_kept_ignores_the_baseline_year(base: Registry) -> None:
    target = base.targets_by_id["air_days_kept"]
    data = [obs("air_days", 2010, 300)] + [obs("air_days", y, 361) for y in range(2011, 2016)]
    result = check(only(base, target), data)
    assert result.status == "met"


def test_kept_in_an_earlier_year(base: Registry) -> None:
    target = base.targets_by_id["air_days_kept"]
    good = [obs("air_days", 2011, 361), obs("air_days", 2012, 362)]
    assert check(only(base, target), good).status == "on_track"
    bad = [obs("air_days", 2011, 350), obs("air_days", 2012, 362)]
    result = check(only(base, target), bad)
    assert result.status == "off_track"
    assert said(result) == "not held in 2011"


def test_kept_needs_the_year_itself(base: Registry) -> None:
    target = base.targets_by_id["air_days_kept"]
    result = check(only(base, target), [obs("air_days", 2011, 361)], year=2015)
    assert result.status == "no_data"
    assert said(result) == "no data: air_days 2015"


# --- milestones -----------------------------------------------------------------------


@pytest.mark.parametrize(("value", "status"), [(99.99, "not_met"), (100, "met")])
def test_milestone(base: Registry, value: float, status: str) -> None:
    target = base.targets_by_id["districts_milestone"]
    assert check(only(base, target), [obs("districts", 2015, value)]).status == status


def test_milestone_without_data_is_not_assessable(base: Registry) -> None:
    target = base.targets_by_id["districts_milestone"]
    result = check(only(base, target), [obs("gdp", 2015, 1.0)])
    assert result.status == "not_assessable"
    assert said(result) == "a milestone that needs a judgement; no data: districts 2015"
    zh = evaluate(only(base, target), [obs("gdp", 2015, 1.0)]).results[0]
    assert said(zh, "zh") == "节点目标需要判断；缺少数据：districts 2015"


# --- earlier years: the straight path -------------------------------------------------


@pytest.mark.parametrize(
    ("value_2013", "status"),
    [(12999, "off_track"), (13000, "on_track"), (13001, "on_track"), (15000, "met")],
)
def test_straight_path_from_the_baseline(base: Registry, value_2013: float, status: str) -> None:
    # 1.0 万亿 in 2010 -> 1.5 万亿 in 2015: the straight path passes 1.3 万亿 in 2013
    target = replace(base.targets_by_id["gdp_level"], path="straight")
    data = [obs("gdp", 2010, 10000), obs("gdp", 2013, value_2013)]
    result = check(only(base, target), data)
    assert result.status == status
    assert result.actual_year == 2013
    assert result.progress == pytest.approx((value_2013 / 10000 - 1.0) / 0.5)


@pytest.mark.parametrize(
    ("value_2013", "status"), [(3.11, "off_track"), (3.1, "on_track"), (3.09, "on_track")]
)
def test_straight_path_downwards(base: Registry, value_2013: float, status: str) -> None:
    # "< 2.5" from 4.0 in 2010: the path passes 4.0 - 1.5 * 3/5 = 3.1 in 2013
    target = base.targets_by_id["rate_below"]
    result = check(only(base, target), [obs("rate", 2010, 4.0), obs("rate", 2013, value_2013)])
    assert result.status == status


def test_earlier_year_without_a_baseline(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    result = check(only(base, target), [obs("gdp", 2013, 12000)])
    assert result.status == "no_data"
    assert said(result) is not None and "gdp for 2010" in said(result)


def test_a_baseline_already_beyond_the_target_then_lost_is_off_track(base: Registry) -> None:
    target = base.targets_by_id["rate_at_most"]
    result = check(only(base, target), [obs("rate", 2010, 2.0), obs("rate", 2013, 3.5)])
    assert result.status == "off_track"


def test_about_overshoot_in_an_earlier_year(base: Registry) -> None:
    target = base.targets_by_id["share_about"]
    result = check(only(base, target), [obs("share", 2010, 10), obs("share", 2013, 17)])
    assert result.status == "off_track"
    assert said(result) == "beyond the target range"


def test_missed_target_is_never_on_track_in_its_final_year(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    data = [obs("gdp", 2010, 10000), obs("gdp", 2014, 14900), obs("gdp", 2015, 14999)]
    assert check(only(base, target), data).status == "not_met"


def test_a_year_after_the_target_year_checks_the_target_year(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    data = [obs("gdp", 2015, 16000), obs("gdp", 2016, 12000)]
    result = check(only(base, target), data, year=2016)
    assert result.status == "met"
    assert result.actual_year == 2015


def test_a_year_before_the_baseline(base: Registry) -> None:
    result = check(only(base, base.targets_by_id["gdp_level"]), [obs("gdp", 2009, 1)])
    assert result.status == "no_data"
    assert said(result) == "2009 is before the baseline year 2010"


# --- derived indicators and currency --------------------------------------------------


def test_derived_value_is_used_only_without_an_own_value(base: Registry) -> None:
    target = target_like(base, "gdp_per_capita_usd", unit="元/人", value=100000)
    registry = only(load_registry(FIXTURES / "registry.yaml"), target)
    registry = replace(registry, unit_factors={("元/人", "元/人"): (1.0, 0.0)})
    derived = [obs("gdp", 2015, 12000), obs("population", 2015, 1000)]
    result = check(registry, derived)
    assert result.actual == pytest.approx(120000)
    assert result.derived
    own = check(registry, [*derived, obs("gdp_per_capita", 2015, 99000)])
    assert own.actual == 99000
    assert own.status == "not_met"
    assert not own.derived


def test_derived_value_names_the_missing_input(base: Registry) -> None:
    target = base.targets_by_id["gdp_per_capita_usd"]
    result = check(only(base, target), [obs("gdp", 2015, 12000)])
    assert result.status == "no_data"
    assert said(result) == (
        "no data: gdp_per_capita 2015, population 2015 (gdp_per_capita = gdp / population)"
    )


@pytest.mark.parametrize(("per_capita", "status"), [(124567, "not_met"), (124568, "met")])
def test_currency_at_the_shipped_rate(base: Registry, per_capita: float, status: str) -> None:
    # 2 万美元 at 6.2284 yuan per dollar (2015) is 124568 元
    target = base.targets_by_id["gdp_per_capita_usd"]
    result = check(only(base, target), [obs("gdp_per_capita", 2015, per_capita)])
    assert result.status == status
    assert result.actual == pytest.approx(per_capita / 62284)


def test_currency_rate_from_the_data_comes_first(base: Registry) -> None:
    target = base.targets_by_id["gdp_per_capita_usd"]
    data = [obs("gdp_per_capita", 2015, 124568), obs("cny_per_usd", 2015, 7.0)]
    result = check(only(base, target), data)
    assert result.actual == pytest.approx(124568 / 70000)
    assert result.status == "not_met"


def test_currency_without_a_rate_is_no_data(base: Registry) -> None:
    target = base.targets_by_id["gdp_per_capita_usd"]
    result = check(only(base, target), [obs("gdp_per_capita", 2015, 150000)], rates={})
    assert result.status == "no_data"
    assert said(result) == "no exchange rate (元 per 美元) for 2015: give cny_per_usd in the data"


def test_currency_with_a_given_table(base: Registry) -> None:
    target = base.targets_by_id["gdp_per_capita_usd"]
    rates = {2015: ExchangeRate(2015, 5.0, "test")}
    result = check(only(base, target), [obs("gdp_per_capita", 2015, 100000)], rates=rates)
    assert result.actual == pytest.approx(2.0)
    assert result.status == "met"


def test_a_formula_whose_unit_does_not_fit_fails_to_load() -> None:
    with pytest.raises(RegistryError) as caught:
        load_registry(FIXTURES / "bad_formula_unit.yaml")
    (issue,) = caught.value.issues
    assert issue.line == 14
    assert issue.field == "indicators[2].formula"
    assert "does not convert" in issue.message


# --- data handling ------------------------------------------------------------------


def test_only_the_city_total_is_evaluated(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    result = check(only(base, target), [obs("gdp", 2015, 20000, region="福田区")], year=2015)
    assert result.status == "no_data"


def test_a_later_observation_supersedes_an_earlier_one(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    data = [obs("gdp", 2015, 14000), obs("gdp", 2015, 16000)]
    assert check(only(base, target), data).status == "met"


def test_default_year_is_the_latest_in_the_data(base: Registry) -> None:
    report = evaluate(base, [obs("gdp", 2012, 1), obs("share", 2013, 1)])
    assert report.year == 2013
    assert evaluate(base, []).year == 2015


def test_every_status_occurs(base: Registry) -> None:
    data = [
        obs("gdp", 2010, 10000),
        obs("gdp", 2013, 14000),  # gdp_level: on_track
        obs("share", 2010, 90),
        obs("share", 2013, 99.5),  # share_over: met
        obs("rate", 2010, 4.0),
        obs("rate", 2013, 3.9),  # rate_below: off_track
        obs("air_days", 2011, 350),
        obs("air_days", 2013, 365),  # kept: off_track
    ]
    statuses = {r.target: r.status for r in evaluate(base, data, 2013).results}
    assert statuses["gdp_level"] == "on_track"
    assert statuses["share_over"] == "met"
    assert statuses["rate_below"] == "off_track"
    assert statuses["count_increment"] == "no_data"
    assert statuses["districts_milestone"] == "not_assessable"
    final = {r.target: r.status for r in evaluate(base, data, 2015).results}
    assert final["share_over"] == "no_data"
    assert (
        check(only(base, base.targets_by_id["share_over"]), [obs("share", 2015, 98)]).status
        == "not_met"
    )


# --- trend ----------------------------------------------------------------------------


def test_trend_ratio_and_category(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    # required: 1.0 -> 1.5 over 5 years; observed: 1.0 -> 1.2 over 3 years
    data = [obs("gdp", 2010, 10000), obs("gdp", 2013, 12000)]
    result = check(only(base, target), data)
    assert result.trend is not None
    required = 1.5 ** (1 / 5) - 1
    observed = 1.2 ** (1 / 3) - 1
    assert result.trend.ratio == pytest.approx(observed / required)
    assert result.trend.category == "moderate"


def test_trend_is_direction_aware(base: Registry) -> None:
    target = base.targets_by_id["rate_at_most"]  # unemployment: direction lower
    falling = check(only(base, target), [obs("rate", 2010, 4.0), obs("rate", 2013, 3.3)])
    assert falling.trend is not None and falling.trend.category == "significant"
    rising = check(only(base, target), [obs("rate", 2010, 4.0), obs("rate", 2013, 4.2)])
    assert rising.trend is not None and rising.trend.category == "moving_away"
    assert rising.trend.ratio is not None and rising.trend.ratio < 0


def test_no_trend_from_a_single_year(base: Registry) -> None:
    result = check(only(base, base.targets_by_id["gdp_level"]), [obs("gdp", 2015, 16000)])
    assert result.trend is None
    assert result.to_dict(reason_words("en"))["trend"] == {"ratio": None, "category": None}


# --- reasons are data; words are made at the edge --------------------------------------


def test_a_missing_input_is_kept_as_pairs(base: Registry) -> None:
    target = base.targets_by_id["gdp_per_capita_usd"]
    result = check(only(base, target), [obs("gdp", 2015, 12000)])
    assert result.reason == Reason(
        "missing",
        missing=(("gdp_per_capita", 2015), ("population", 2015)),
        indicator="gdp_per_capita",
        formula="gdp / population",
    )
    data = result.to_dict(reason_words("zh"))
    assert data["reason"] == (
        "缺少数据：gdp_per_capita 2015、population 2015（gdp_per_capita = gdp / population）"
    )
    assert data["reason_code"] == "missing"
    assert data["missing"] == [
        {"series": "gdp_per_capita", "year": 2015},
        {"series": "population", "year": 2015},
    ]
    assert data["reason_fields"] == {"indicator": "gdp_per_capita", "formula": "gdp / population"}


def test_a_missing_rate_is_kept_as_its_year(base: Registry) -> None:
    target = base.targets_by_id["gdp_per_capita_usd"]
    result = check(only(base, target), [obs("gdp_per_capita", 2015, 150000)], rates={})
    assert result.reason == Reason("no_rate", year=2015)
    data = result.to_dict(reason_words("en"))
    assert (data["reason_code"], data["missing"], data["reason_fields"]) == (
        "no_rate",
        [],
        {"year": 2015},
    )


def test_a_milestone_keeps_why_it_needs_a_judgement(base: Registry) -> None:
    target = base.targets_by_id["districts_milestone"]
    result = check(only(base, target), [obs("gdp", 2015, 1.0)])
    assert result.reason is not None and result.reason.code == "judgement"
    assert result.reason.missing_pairs == (("districts", 2015),)
    data = result.to_dict(reason_words("en"))
    assert data["missing"] == [{"series": "districts", "year": 2015}]
    assert data["reason_fields"] == {"cause": "missing", "indicator": "districts"}


def test_a_result_without_a_reason_has_empty_reason_fields(base: Registry) -> None:
    result = check(only(base, base.targets_by_id["gdp_level"]), [obs("gdp", 2015, 16000)])
    data = result.to_dict(reason_words("en"))
    assert (data["reason"], data["reason_code"], data["missing"], data["reason_fields"]) == (
        None,
        None,
        [],
        {},
    )
