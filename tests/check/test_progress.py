"""Progress analysis: the baseline year, required and observed rates, the projection,
trends without a numeric target (Open SDG's method 1) and the bands from the registry."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import Result
from sz_quality.plan.models import ProgressBands, Target
from sz_quality.plan.registry import Registry, RegistryError, load_registry
from sz_quality.read.observations import Observation
from sz_quality.render.format import outlook_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"


@pytest.fixture(scope="module")
def base() -> Registry:
    return load_registry(FIXTURES / "registry.yaml")


def obs(series: str, year: int, value: float) -> Observation:
    return Observation(series, year, value, "")


def target_like(base: Registry, target_id: str, **changes: Any) -> Target:
    return replace(base.targets_by_id[target_id], **changes)


def check(registry: Registry, target: Target, data: list[Observation], year: int) -> Result:
    report = evaluate(replace(registry, targets=(target,)), data, year)
    assert len(report.results) == 1
    return report.results[0]


# --- the baseline year: nothing shown yet -------------------------------------------


def test_the_baseline_year_gives_no_verdict(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]  # >= 1.5 万亿元, 2010 -> 2015
    result = check(base, target, [obs("gdp", 2010, 10000)], 2010)
    assert result.status == "no_data"
    assert result.reason is not None and result.reason.code == "at_baseline"
    assert result.actual == 1.0 and result.progress == 0.0
    # what is needed is known already: (1.5 / 1.0) ** (1/5) - 1 = 8.447 % a year
    assert result.outlook is not None
    assert result.outlook.required_rate == pytest.approx(8.447177119769855)
    assert result.outlook.observed_rate is None and result.outlook.projected_value is None


# --- required rate and projection, hand-computed ------------------------------------


def test_compound_rates_and_projection(base: Registry) -> None:
    # 1.0 万亿元 in 2010, 1.21 in 2012: +10 % a year observed; 1.21 * 1.1 ** 3 = 1.61051
    # in 2015 (met); needed from 2012: (1.5 / 1.21) ** (1/3) - 1 = 7.42416 % a year
    target = base.targets_by_id["gdp_level"]
    data = [obs("gdp", 2010, 10000), obs("gdp", 2011, 11000), obs("gdp", 2012, 12100)]
    result = check(base, target, data, 2012)
    assert result.status == "on_track"
    found = result.outlook
    assert found is not None
    assert (found.basis, found.rate_unit) == ("compound", "%")
    assert found.observed_rate == pytest.approx(10.0)
    assert found.required_rate == pytest.approx(7.424159133)
    assert found.projected_value == pytest.approx(1.61051)
    assert (found.projected_year, found.projected_status) == (2015, "met")
    assert outlook_text(result, "en") == (
        "needs +7.42% a year, so far +10% a year; at this pace 1.61 万亿元 in 2015: met"
    )
    assert outlook_text(result, "zh") == (
        "需年均+7.42%（至今年均+10%）；按此趋势2015年为1.61 万亿元：已达到"
    )


def test_from_zero_the_rates_are_linear(base: Registry) -> None:
    # 0 in 2010, 30 in 2012: +15 a year; 30 + 15 * 3 = 75 in 2015 < 100 (not met);
    # needed: (100 - 30) / 3 = 23.33 a year
    target = target_like(base, "gdp_level", indicator="count", unit="个", value=100)
    data = [obs("count", 2010, 0), obs("count", 2012, 30)]
    found = check(base, target, data, 2012).outlook
    assert found is not None
    assert (found.basis, found.rate_unit) == ("linear", "个")
    assert found.observed_rate == pytest.approx(15.0)
    assert found.required_rate == pytest.approx(70 / 3)
    assert found.projected_value == pytest.approx(75.0)
    assert found.projected_status == "not_met"


def test_a_sign_change_makes_the_rates_linear(base: Registry) -> None:
    # -20 in 2010, 10 in 2013: +10 a year; 10 + 10 * 2 = 30 in 2015 < 50 (not met);
    # needed: (50 - 10) / 2 = 20 a year
    target = target_like(base, "gdp_level", unit="亿元", value=50)
    data = [obs("gdp", 2010, -20), obs("gdp", 2013, 10)]
    found = check(base, target, data, 2013).outlook
    assert found is not None
    assert found.basis == "linear"
    assert found.observed_rate == pytest.approx(10.0)
    assert found.required_rate == pytest.approx(20.0)
    assert found.projected_value == pytest.approx(30.0)
    assert found.projected_status == "not_met"


def test_a_met_target_needs_no_rate(base: Registry) -> None:
    target = base.targets_by_id["gdp_level"]
    data = [obs("gdp", 2010, 10000), obs("gdp", 2012, 16000)]
    result = check(base, target, data, 2012)
    assert result.status == "met"
    assert result.outlook is not None and result.outlook.required_rate is None


def test_a_change_target_projects_its_change(base: Registry) -> None:
    # energy intensity (energy / gdp) 1.0 in 2010, 0.9 in 2011: -10 % a year; kept to
    # 2015: 0.9 ** 5 = 0.59049, a decrease of 40.951 % >= 20 % (met). Needed from 2011
    # to reach 0.8: (0.8 / 0.9) ** (1/4) - 1 = -2.9016 % a year
    target = base.targets_by_id["energy_intensity_decline"]
    data = [
        obs("energy", 2010, 1000),
        obs("gdp", 2010, 1000),
        obs("energy", 2011, 900),
        obs("gdp", 2011, 1000),
    ]
    found = check(base, target, data, 2011).outlook
    assert found is not None and found.basis == "compound"
    assert found.observed_rate == pytest.approx(-10.0)
    assert found.required_rate == pytest.approx(-2.901645659)
    assert found.projected_value == pytest.approx(40.951)
    assert found.projected_status == "met"


# --- trends without a numeric target: Open SDG's method 1 ---------------------------
# Expected figures from sdg-build's ProgressMeasure (methodology_1, growth_calculation
# and get_progress_status with its default thresholds 0.015 / 0.005 / 0), run on the
# same inputs, base year 2010, current year the latest in the data:
#   up       {2010: 100, 2011: 104, 2012: 107, 2013: 110} positive
#            -> 0.03228011545636722 substantial_progress
#   down     {2010: 50, 2012: 49.6, 2014: 49} negative -> 0.005037943607311912 moderate
#   late     {2011: 200, 2013: 201} positive (2010 missing: base year 2011)
#            -> 0.002496882788171062 limited_progress
#   negative {2010: -10, 2012: -12} positive -> -0.09544511501033215 deterioration
#   wrong    {2010: 30, 2013: 31} negative -> -0.01098989096313252 deterioration
# szq's names: substantial -> significant, moderate -> moderate, limited ->
# insufficient, deterioration -> moving_away; status on_track in the top band only.

OPEN_SDG_CASES = [
    ("gdp", {2010: 100, 2011: 104, 2012: 107, 2013: 110}, 0.03228011545636722, "significant"),
    ("energy", {2010: 50, 2012: 49.6, 2014: 49}, 0.005037943607311912, "moderate"),
    ("gdp", {2011: 200, 2013: 201}, 0.002496882788171062, "insufficient"),
    ("gdp", {2010: -10, 2012: -12}, -0.09544511501033215, "moving_away"),
    ("energy", {2010: 30, 2013: 31}, -0.01098989096313252, "moving_away"),
]


def trend_target(base: Registry, indicator: str, **changes: Any) -> Target:
    unit = base.indicators_by_id[indicator].unit
    return target_like(
        base,
        "gdp_level",
        id=f"{indicator}_trend",
        indicator=indicator,
        kind="trend",
        comparator=None,
        value=None,
        unit=unit,
        **changes,
    )


@pytest.mark.parametrize(("indicator", "values", "open_sdg", "category"), OPEN_SDG_CASES)
def test_trend_without_target_as_open_sdg(
    base: Registry, indicator: str, values: dict[int, float], open_sdg: float, category: str
) -> None:
    target = trend_target(base, indicator)
    data = [obs(indicator, year, value) for year, value in values.items()]
    result = check(base, target, data, max(values))
    assert result.trend is not None and result.trend.category == category
    # on track when it moved the required way; the band is its strength, beside
    assert result.status == ("on_track" if open_sdg > 0 else "off_track")
    direction = 1 if base.indicators_by_id[indicator].direction == "higher" else -1
    sign = -1 if min(values.items())[1] < 0 else 1
    assert result.outlook is not None
    # the observed rate is the series' own growth; Open SDG's value is it signed
    assert sign * direction * result.outlook.observed_rate == pytest.approx(open_sdg * 100)
    assert result.target_value is None and result.gap is None


def test_a_trend_from_zero_or_across_zero_has_no_rate(base: Registry) -> None:
    target = trend_target(base, "gdp")
    zero = check(base, target, [obs("gdp", 2010, 0), obs("gdp", 2012, 5)], 2012)
    assert (zero.status, zero.reason and zero.reason.code) == ("no_data", "zero_baseline")
    across = check(base, target, [obs("gdp", 2010, -5), obs("gdp", 2012, 5)], 2012)
    assert (across.status, across.reason and across.reason.code) == ("no_data", "sign_change")
    once = check(base, target, [obs("gdp", 2012, 5)], 2012)
    assert (once.status, once.reason and once.reason.code) == ("no_data", "too_few_years")


def test_a_trend_target_needs_a_value_in_the_year_checked(base: Registry) -> None:
    data = [obs("gdp", 2010, 100), obs("gdp", 2012, 120)]
    result = check(base, trend_target(base, "gdp"), data, 2013)
    assert result.status == "no_data" and result.reason is not None
    assert result.reason.code == "missing"
    assert result.reason.missing == (("gdp", 2013),)


def test_a_trend_falling_to_zero_is_a_rate_not_a_sign_change(base: Registry) -> None:
    # 50 -> 0: -100% a year, the compound rate to 0 (Open SDG computes the same)
    data = [obs("gdp", 2010, 50), obs("gdp", 2012, 0)]
    rising = check(base, trend_target(base, "gdp"), data, 2012)
    assert (rising.status, rising.reason) == ("off_track", None)
    assert rising.trend is not None and rising.trend.category == "moving_away"
    assert rising.outlook is not None and rising.outlook.observed_rate == -100.0
    data = [obs("energy", 2010, 50), obs("energy", 2012, 0)]
    falling = check(base, trend_target(base, "energy"), data, 2012)
    assert (falling.status, falling.reason) == ("on_track", None)
    assert falling.trend is not None and falling.trend.category == "significant"


def test_a_trend_target_takes_no_figure(base: Registry) -> None:
    with pytest.raises(ValueError, match="takes no 'value'"):
        replace(trend_target(base, "gdp"), value=3.0)
    with pytest.raises(ValueError, match="needs a 'comparator'"):
        target_like(base, "gdp_level", comparator=None)


# --- the bands from the registry ----------------------------------------------------


def test_the_shipped_registry_writes_the_defaults_out() -> None:
    plan = load_registry().plan
    assert plan.progress == ProgressBands((0.95, 0.60, 0.0), (1.5, 0.5, 0.0))


def test_a_target_overrides_the_rate_bands(base: Registry) -> None:
    # 'late' grows 0.2497 % a year: insufficient by default, significant from 0.2 % up
    values = {2011: 200, 2013: 201}
    data = [obs("gdp", year, value) for year, value in values.items()]
    own = ProgressBands(rate=(0.2, 0.1, 0.0))
    result = check(base, trend_target(base, "gdp", progress=own), data, 2013)
    assert result.trend is not None and result.trend.category == "significant"
    assert result.status == "on_track"


def _registry_with(tmp_path: Path, progress: str) -> Path:
    text = (FIXTURES / "registry.yaml").read_text(encoding="utf-8")
    text = text.replace("  target_year: 2015\n", f"  target_year: 2015\n{progress}", 1)
    path = tmp_path / "registry.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_plan_sets_the_ratio_bands(tmp_path: Path) -> None:
    # R = 1.58 for gdp 1.0 -> 1.21 -> ... : significant by default, moderate under 2.0
    path = _registry_with(
        tmp_path, "  progress:\n    ratio: [2.0, 0.6, 0]\n    rate: [1.5, 0.5, 0]\n"
    )
    registry = load_registry(path)
    assert registry.plan.progress.ratio == (2.0, 0.6, 0.0)
    target = registry.targets_by_id["gdp_level"]
    data = [obs("gdp", 2010, 10000), obs("gdp", 2012, 12100)]
    result = check(registry, target, data, 2012)
    assert result.trend is not None and result.trend.ratio is not None
    assert 0.6 < result.trend.ratio < 2.0 and result.trend.category == "moderate"


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ("[0.6, 0.95, 0]", "strictly descending"),
        ("[.inf, 0.6, 0]", "finite"),
        ("[0.95, 0.6]", "ratio"),
    ],
)
def test_bands_are_validated_at_load(tmp_path: Path, bands: str, message: str) -> None:
    path = _registry_with(tmp_path, f"  progress:\n    ratio: {bands}\n    rate: [1.5, 0.5, 0]\n")
    with pytest.raises(RegistryError, match=message):
        load_registry(path)
