"""The 五年规划-style example (examples/five-year-plan, invented figures): every kind of a
main-indicator table, checked mid-term (2023) and at the end (2025), as
docs/registry-guide.md walks through it; and every agency's forms for those years ask
for what the check needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.registry import Registry, load_registry
from sz_quality.plan.submission import requirements
from sz_quality.read.observations import Observation
from sz_quality.read.reader import read_files

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "five-year-plan"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(EXAMPLE / "targets.yaml")


def statuses(registry: Registry, year: int) -> dict[str, tuple[str, float | None]]:
    lookup = Lookup.from_registry(registry)
    data = read_files([EXAMPLE / f"data-{year}.csv"], lookup)
    assert not data.diagnostics
    report = evaluate(registry, data, year)
    return {r.target: (r.status, r.actual and round(r.actual, 2)) for r in report.results}


def test_mid_term_2023(registry: Registry) -> None:
    assert statuses(registry, 2023) == {
        "gdp_growth_2025": ("on_track", 6.15),  # from the levels, constant prices
        "urbanisation_2025": ("off_track", 70.5),  # a share: straight path at 70.74
        "rd_intensity_up_2025": ("off_track", 0.18),  # 个百分点
        "income_growth_2025": ("off_track", 5.7),  # nominal
        "income_ratio_narrowing": ("on_track", 2.24),  # moved the required way
        "new_urban_jobs_2025": ("off_track", 35.7),  # 累计 against 36 so far
        "unemployment_2025": ("off_track", 5.2),  # 5.6% in 2022
        "life_expectancy_2025": ("off_track", 80.3),
        "low_income_rural_2025": ("off_track", 1.9),
        "energy_intensity_decline_2025": ("off_track", 7.4),  # reported directly
        "co2_intensity_decline_2025": ("off_track", 10.98),  # compound path of the levels
        "good_air_share_kept": ("off_track", 92.3),  # 89.6% in 2022
        "forest_cover_2025": ("off_track", 44.0),
        "farmland_kept": ("on_track", 60.8),  # 万亩
    }


def test_at_the_end_2025(registry: Registry) -> None:
    assert statuses(registry, 2025) == {
        "gdp_growth_2025": ("not_met", 5.85),  # chained from the yearly rates
        "urbanisation_2025": ("met", 72.3),
        "rd_intensity_up_2025": ("not_met", 0.36),
        "income_growth_2025": ("met", 6.22),
        "income_ratio_narrowing": ("met", 2.19),
        "new_urban_jobs_2025": ("met", 60.2),
        "unemployment_2025": ("not_met", 5.0),
        "life_expectancy_2025": ("met", 81.2),
        "low_income_rural_2025": ("met", 0.0),
        "energy_intensity_decline_2025": ("met", 14.1),
        "co2_intensity_decline_2025": ("not_met", 15.85),
        "good_air_share_kept": ("not_met", 93.4),
        "forest_cover_2025": ("met", 45.2),
        "farmland_kept": ("met", 60.2),
    }


def test_the_example_agrees_with_itself_mid_term(registry: Registry) -> None:
    """Status, R and projection one judgement: no target is on track with a projection
    that misses, or off track with one that meets, when the path and rates share a basis."""
    lookup = Lookup.from_registry(registry)
    report = evaluate(registry, read_files([EXAMPLE / "data-2023.csv"], lookup), 2023)
    for result in report.results:
        found = result.outlook
        if result.spec.kind in ("kept", "yearly_rate", "trend") or found is None:
            continue
        if found.projected_status is None or result.status not in ("on_track", "off_track"):
            continue
        assert (result.status == "on_track") == (found.projected_status == "met"), result.target
    nominal = {r.target for r in report.results if r.nominal}
    assert nominal == {"income_growth_2025"}
    assert report.summary_by_nature()["binding"]["off_track"] == 5


PLAUSIBLE = {  # a value for 2020 and its change a year, in the indicator's unit
    "gdp": (5000.0, 300.0),
    "urbanisation": (68.4, 0.8),
    "rd_intensity": (2.6, 0.08),
    "income": (42000.0, 2600.0),
    "income_ratio": (2.31, -0.02),
    "new_urban_jobs": (12.0, 0.1),
    "unemployment": (5.2, -0.05),
    "life_expectancy": (79.6, 0.3),
    "low_income_rural": (4.2, -0.8),
    "energy_intensity": (0.5, -0.015),
    "co2_intensity": (0.82, -0.03),
    "good_air_share": (91.0, 0.5),
    "forest_cover": (43.1, 0.4),
    "farmland": (61.0, -0.1),
}


@pytest.mark.parametrize("year", [2023, 2025])
def test_every_agency_form_gives_the_check_what_it_needs(registry: Registry, year: int) -> None:
    lookup = Lookup.from_registry(registry)
    for agency in lookup.agencies:
        rows = requirements(lookup, agency, year)
        data = []
        for row in rows:
            start, step = PLAUSIBLE[row.series]
            data.append(Observation(row.series, row.year, start + step * (row.year - 2020), ""))
        report = evaluate(registry, data, year)
        led = [r for r in report.results if r.target in agency.targets]
        assert led, agency.id
        assert [r.target for r in led if r.status == "no_data"] == [], (agency.id, year)
