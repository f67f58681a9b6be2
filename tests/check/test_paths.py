"""Verdicts that agree with themselves (issue 21): the path a target is judged on is the
basis of its rates and projection too; direction-only targets are met; targets kept
every year name the years not seen and show the average of their yearly values."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import Result
from sz_quality.plan.models import Target, path_of
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.read.observations import Observation
from sz_quality.render.verdict_words import reason_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"


@pytest.fixture(scope="module")
def base() -> Registry:
    return load_registry(FIXTURES / "registry.yaml")


def obs(series: str, year: int, value: float) -> Observation:
    return Observation(series, year, value, "")


def check(base: Registry, target: Target, data: list[Observation], year: int) -> Result:
    (result,) = evaluate(replace(base, targets=(target,)), data, year).results
    return result


def gdp_2020(base: Registry, **changes: Any) -> Target:
    """GDP 92.7万亿元 by 2020 from 67.7 in 2015 (the issue's example)."""
    fields: dict[str, Any] = {"baseline_year": 2015, "target_year": 2020, "value": 92.7}
    return replace(base.targets_by_id["gdp_level"], **(fields | changes))


GDP = [obs("gdp", 2015, 677000), obs("gdp", 2016, 724000), obs("gdp", 2017, 772200)]


def test_the_default_path_follows_the_unit(base: Registry) -> None:
    gdp = base.indicators_by_id["gdp"]  # 亿元: grows multiplicatively
    share = base.indicators_by_id["share"]  # %: moves by points
    assert path_of(base.targets_by_id["gdp_level"], gdp) == "compound"
    assert path_of(base.targets_by_id["share_over"], share) == "straight"
    assert path_of(replace(base.targets_by_id["share_over"], path="compound"), share) == (
        "compound"
    )
    assert path_of(base.targets_by_id["gdp_level"], replace(gdp, path="straight")) == "straight"


def test_a_level_reached_by_growth_is_one_judgement(base: Registry) -> None:
    # 2017 at 77.22: the compound path stands at 67.7 × (92.7/67.7)^0.4 = 76.75, the
    # straight one at 77.7; R and the projection say on track, and now the status too
    result = check(base, gdp_2020(base), GDP, 2017)
    assert (result.status, result.path, result.other_path_status) == (
        "on_track",
        "compound",
        "off_track",
    )
    assert result.trend is not None and result.trend.ratio == pytest.approx(1.048, abs=1e-3)
    assert result.outlook is not None and result.outlook.basis == "compound"
    assert result.outlook.projected_status == "met"
    assert result.outlook.projected_value == pytest.approx(94.07, abs=0.01)
    data = result.to_dict(reason_words("en"))
    assert (data["path"], data["other_path_status"]) == ("compound", "off_track")


def test_the_straight_path_by_choice_judges_rates_linearly(base: Registry) -> None:
    result = check(base, gdp_2020(base, path="straight"), GDP, 2017)
    assert (result.status, result.path, result.other_path_status) == (
        "off_track",
        "straight",
        "on_track",
    )
    assert result.outlook is not None and result.outlook.basis == "linear"
    # linear: +4.76万亿 a year, 2020 at 91.52: not met, as the status says
    assert result.outlook.projected_status == "not_met"
    assert result.trend is not None and result.trend.ratio is not None
    assert result.trend.ratio < 1


def test_a_share_moves_by_points(base: Registry) -> None:
    # 56.5% -> 60% over five years: 1.4 points a year needed, not a relative rate
    target = replace(base.targets_by_id["share_over"], value=60.0, comparator=">=")
    data = [obs("share", 2010, 56.5), obs("share", 2012, 57.9)]
    result = check(base, target, data, 2012)
    assert (result.status, result.path, result.other_path_status) == ("on_track", "straight", None)
    assert result.outlook is not None
    assert (result.outlook.basis, result.outlook.rate_unit) == ("linear", "%")
    assert result.outlook.observed_rate == pytest.approx(0.7)
    assert result.outlook.projected_value == pytest.approx(60.0)


def test_a_decline_on_the_compound_path_of_its_levels(base: Registry) -> None:
    # energy intensity down 20% by 2015: half way, the levels' compound path stands at
    # 1 - 0.8^0.5 = 10.56% down; the straight one at 10%
    target = base.targets_by_id["energy_intensity_decline"]
    data = [obs("energy", 2010, 1000), obs("gdp", 2010, 1000)]
    # 2012 (0.4 of the period): compound 1 - 0.8^0.4 = 8.54%, straight 8%
    data += [obs("energy", 2012, 917), obs("gdp", 2012, 1000)]
    result = check(base, target, data, 2012)
    assert result.actual == pytest.approx(8.3)
    assert (result.status, result.path, result.other_path_status) == (
        "off_track",
        "compound",
        "on_track",
    )
    assert result.trend is not None and result.trend.ratio is not None
    assert result.trend.ratio < 1  # R agrees: below the pace needed


def test_a_direction_only_target_is_met_in_its_target_year(base: Registry) -> None:
    target = replace(
        base.targets_by_id["gdp_level"], kind="trend", comparator=None, value=None, unit="亿元"
    )
    rising = [obs("gdp", 2010, 100), obs("gdp", 2015, 106.7)]  # +1.3% a year
    met = check(base, target, rising, 2015)
    assert met.status == "met"
    assert met.trend is not None and met.trend.category == "moderate"  # its strength
    falling = [obs("gdp", 2010, 100), obs("gdp", 2015, 99)]
    assert check(base, target, falling, 2015).status == "not_met"
    assert check(base, target, rising[:1] + [obs("gdp", 2012, 101)], 2012).status == "on_track"


def test_a_kept_target_names_the_years_not_seen(base: Registry) -> None:
    target = base.targets_by_id["air_days_kept"]  # >= 360 days every year
    data = [obs("air_days", year, 361) for year in (2010, 2011, 2013, 2015)]
    result = check(base, target, data, 2015)
    assert result.status == "no_data"
    assert result.reason is not None and result.reason.code == "missing"
    assert result.reason.missing == (("air_days", 2012), ("air_days", 2014))
    # a year that failed decides, seen or not
    failed = check(base, target, [*data, obs("air_days", 2014, 300)], 2015)
    assert (failed.status, failed.reason and failed.reason.years) == ("not_met", (2014,))


def test_a_rate_kept_every_year_shows_its_average(base: Registry) -> None:
    target = base.targets_by_id["phase_out_yearly"]  # >= 10% each year
    rates = {2010: 8.0, 2011: 12.0, 2012: 10.0, 2013: 11.0}
    result = check(base, target, [obs("phase_out", y, v) for y, v in rates.items()], 2013)
    assert result.status == "on_track"
    assert result.outlook is not None
    assert (result.outlook.basis, result.outlook.rate_unit) == ("average", "%")
    assert result.outlook.observed_rate == pytest.approx(11.0)  # not a rate of rates
    assert result.outlook.projected_value is None
