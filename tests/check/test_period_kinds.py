"""The kinds of a 五年规划 table (issue 21): 年均增长 (average_growth) from levels or from
yearly growth rates, 累计 (cumulative) sums of yearly flows, cumulative declines
reported directly, and counts that fall."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import Result
from sz_quality.plan.models import Indicator, Target
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.read.observations import Observation
from sz_quality.render.format import outlook_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"
GROWTH = Indicator("gdp_growth", "生产总值增长率", "GDP growth", "%", "higher")
JOBS = Indicator("new_jobs", "城镇新增就业", "New urban jobs", "万人", "higher")


@pytest.fixture(scope="module")
def base() -> Registry:
    registry = load_registry(FIXTURES / "registry.yaml")
    return replace(registry, indicators=(*registry.indicators, GROWTH, JOBS))


def obs(series: str, year: int, value: float) -> Observation:
    return Observation(series, year, value, "")


def check(base: Registry, target: Target, data: list[Observation], year: int) -> Result:
    (result,) = evaluate(replace(base, targets=(target,)), data, year).results
    return result


def growth_target(base: Registry, **changes: Any) -> Target:
    """GDP 年均增长 6.5% over 2015-2020."""
    fields: dict[str, Any] = {
        "id": "gdp_growth_average",
        "kind": "average_growth",
        "value": 6.5,
        "unit": "%",
        "baseline_year": 2015,
        "target_year": 2020,
    }
    return replace(base.targets_by_id["gdp_level"], **(fields | changes))


def levels(*values: float) -> list[Observation]:
    return [obs("gdp", 2015 + index, value) for index, value in enumerate(values)]


def test_average_growth_from_levels_at_the_end(base: Registry) -> None:
    target = growth_target(base)
    met = check(base, target, levels(100, 106.9, 114.2, 121.7, 129.8, 137.1), 2020)
    assert met.status == "met"
    assert met.actual == pytest.approx(((137.1 / 100) ** 0.2 - 1) * 100)
    assert met.target_value == 6.5
    short = check(base, target, levels(100, 106, 112, 118, 124, 130), 2020)
    assert short.status == "not_met"
    assert short.gap == pytest.approx(((1.3) ** 0.2 - 1) * 100 - 6.5)


def test_average_growth_mid_term_shows_the_rate_still_needed(base: Registry) -> None:
    target = growth_target(base)
    # 2017: 6% a year so far; to average 6.5% over five years the last three need
    # (1.065^5 / 1.06^2)^(1/3) - 1 = 6.83% a year
    result = check(base, target, levels(100, 106, 112.36), 2017)
    assert (result.status, result.path) == ("off_track", "compound")
    assert result.actual == pytest.approx(6.0)
    found = result.outlook
    assert found is not None and (found.basis, found.rate_unit) == ("compound", "%")
    assert found.observed_rate == pytest.approx(6.0)
    assert found.required_rate == pytest.approx(((1.065**5 / 1.06**2) ** (1 / 3) - 1) * 100)
    assert found.projected_value == pytest.approx(6.0)  # at this pace, 6% on average
    assert found.projected_status == "not_met"
    assert result.trend is not None and result.trend.ratio == pytest.approx(6.0 / 6.5, rel=1e-3)
    # progress: the share of the period's growth achieved
    assert result.progress == pytest.approx((1.1236 - 1) / (1.065**5 - 1))
    ahead = check(base, target, levels(100, 107, 114.49), 2017)
    assert ahead.status == "on_track"  # never met before the target year
    assert outlook_text(result, "en").startswith("needs +6.83% a year")


def test_average_growth_from_yearly_rates(base: Registry) -> None:
    target = growth_target(base, growth_indicator="gdp_growth")
    rates = {2016: 6.8, 2017: 6.9, 2018: 6.7, 2019: 6.0, 2020: 2.3}
    data = [obs("gdp_growth", year, rate) for year, rate in rates.items()]
    result = check(base, target, data, 2020)
    product = 1.0
    for rate in rates.values():
        product *= 1 + rate / 100
    assert result.actual == pytest.approx((product**0.2 - 1) * 100)  # 5.72%
    assert result.status == "not_met"
    assert [row.series for row in result.evidence.rows] == ["gdp_growth"] * 5
    # a year without its rate is named
    gap = check(base, target, [row for row in data if row.year != 2018], 2020)
    assert (gap.status, gap.reason and gap.reason.missing) == (
        "no_data",
        (("gdp_growth", 2018),),
    )
    # levels, when the data has both ends, come first
    both = check(base, target, [*data, obs("gdp", 2015, 100), obs("gdp", 2020, 140)], 2020)
    assert both.actual == pytest.approx((1.4**0.2 - 1) * 100) and both.status == "met"


def jobs_target(base: Registry, **changes: Any) -> Target:
    """城镇新增就业 累计 5000万人 over 2016-2020."""
    fields: dict[str, Any] = {
        "id": "new_jobs_total",
        "indicator": "new_jobs",
        "kind": "cumulative",
        "value": 5000.0,
        "unit": "万人",
        "baseline_year": 2015,
        "target_year": 2020,
    }
    return replace(base.targets_by_id["gdp_level"], **(fields | changes))


def test_cumulative_sums_the_years_after_the_baseline(base: Registry) -> None:
    target = jobs_target(base)
    yearly = {2015: 1312, 2016: 1314, 2017: 1351, 2018: 1361, 2019: 1352, 2020: 1186}
    data = [obs("new_jobs", year, value) for year, value in yearly.items()]
    end = check(base, target, data, 2020)
    assert (end.status, end.actual) == ("met", 1314 + 1351 + 1361 + 1352 + 1186)
    # 2017: 2665 against the time-elapsed path of 2000: already past it, not yet 5000
    mid = check(base, target, data, 2017)
    assert (mid.status, mid.actual, mid.path) == ("on_track", 2665, "straight")
    assert mid.progress == pytest.approx(2665 / 5000)
    found = mid.outlook
    assert found is not None and (found.basis, found.rate_unit) == ("linear", "万人")
    assert found.observed_rate == pytest.approx(1332.5)
    assert found.required_rate == pytest.approx((5000 - 2665) / 3)
    assert found.projected_value == pytest.approx(2665 + 3 * 1332.5)
    slow = check(base, target, [obs("new_jobs", 2016, 900), obs("new_jobs", 2017, 900)], 2017)
    assert slow.status == "off_track"
    missing = check(base, target, [obs("new_jobs", 2017, 900)], 2017)
    assert (missing.status, missing.reason and missing.reason.missing) == (
        "no_data",
        (("new_jobs", 2016),),
    )


def test_a_cumulative_decline_reported_directly_needs_points(base: Registry) -> None:
    # 能耗降低 13.2% (2015-2020) reported as the decline itself: 5.0 by 2017
    target = replace(
        base.targets_by_id["energy_intensity_decline"],
        value=13.2,
        baseline_year=2015,
        target_year=2020,
    )
    result = check(base, target, [obs(target.id, 2016, 2.5), obs(target.id, 2017, 5.0)], 2017)
    assert result.status == "off_track"  # the straight path stands at 5.28
    found = result.outlook
    assert found is not None and (found.basis, found.rate_unit) == ("linear", "%")
    assert found.required_rate == pytest.approx((13.2 - 5.0) / 3)
    assert outlook_text(result, "en").startswith("needs +2.73 pp a year")
    assert outlook_text(result, "zh").startswith("需年均+2.73个百分点")


def test_a_count_that_falls_is_never_projected_below_zero(base: Registry) -> None:
    # 农村贫困人口 from 5575万 to 0: -1200万 a year would reach -1025 by 2020
    target = replace(
        base.targets_by_id["gdp_level"],
        indicator="count",
        unit="个",
        comparator="<=",
        value=0.0,
        baseline_year=2015,
        target_year=2020,
    )
    data = [obs("count", 2015, 5575), obs("count", 2016, 4335), obs("count", 2017, 3175)]
    result = check(base, target, data, 2017)
    assert result.status == "on_track"  # straight to 0: the path stands at 3345
    found = result.outlook
    assert found is not None and found.basis == "linear"
    assert found.projected_value == 0.0 and found.projected_status == "met"


def test_a_change_without_its_direction_says_so(base: Registry) -> None:
    from sz_quality.plan.models import FieldError

    target = base.targets_by_id["energy_intensity_decline"]
    with pytest.raises(FieldError, match="kind 'change' needs 'change': decrease or increase"):
        replace(target, change=None)
    with pytest.raises(FieldError, match="goes with kind 'change' only"):
        replace(base.targets_by_id["gdp_level"], change="increase")
    with pytest.raises(FieldError, match="'growth_indicator' goes with kind 'average_growth'"):
        replace(base.targets_by_id["gdp_level"], growth_indicator="gdp_growth")


def test_a_count_stated_as_a_negative_increment_prints_as_a_decrease(base: Registry) -> None:
    from sz_quality.render.format import target_figure

    poverty = replace(
        base.targets_by_id["count_increment"], comparator="<=", value=-5575.0, unit="万个"
    )
    assert target_figure(poverty, "zh") == "下降 ≥ 5,575 万个"
    assert target_figure(poverty, "en") == "decrease ≥ 5,575 万个"
    rising = base.targets_by_id["count_increment"]
    assert target_figure(rising, "en") == "new ≥ 1 万个"


def test_nominal_growth_is_labelled(base: Registry) -> None:
    from sz_quality.render.format import actual_text

    income = replace(GROWTH, id="income", unit="元", prices="current")
    registry = replace(base, indicators=(*base.indicators, income))
    target = growth_target(base, indicator="income")
    data = [obs("income", 2015, 30000), obs("income", 2017, 33000)]
    (result,) = evaluate(replace(registry, targets=(target,)), data, 2017).results
    assert result.nominal
    assert actual_text(result, "zh") == "4.88% (2017、名义)"
    assert outlook_text(result, "en").endswith("(nominal)")
    assert outlook_text(result, "zh").endswith("（名义）")
