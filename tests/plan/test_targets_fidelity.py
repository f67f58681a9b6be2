"""Every target traces to a verbatim quote of the plan, and the quote holds its figure."""

from __future__ import annotations

import re

import pytest

from sz_quality.plan.registry import Registry

# Targets whose figure the text writes in words, not digits: the word must be quoted.
FIGURE_WORDS = {
    "zero_employment_households_2015": "零",
    "tertiary_hospital_every_district_2015": "一家",
    "homeless_households_housed_2015": "全部",
    "low_nox_burner_retrofit_2015": "全部",
    "fibre_access_capacity_2015": "千万",
    "trunk_road_grid_2015": "七横十三纵",
    "tb_ict_infrastructure_2015": "TB级",
    "circular_economy_parks_2015": "四大",
    "eco_belts_corridors_2015": "四带六廊",
}


def figure_text(value: float) -> str:
    return f"{value:g}"


def test_counts(registry: Registry) -> None:
    # 106 quantified targets, and the trends the text gives a direction but no figure
    quantified = [target for target in registry.targets if target.kind != "trend"]
    assert len(quantified) == 106
    assert [target.id for target in registry.targets if target.kind == "trend"] == [
        "registered_population_share_trend"
    ]
    assert len(registry.agencies) == 32
    assert len({target.id for target in registry.targets}) == 107


def test_every_quote_is_verbatim_and_holds_the_figure(
    registry: Registry, source_compact: str
) -> None:
    for target in registry.targets:
        quote = "".join(target.quote.split())
        assert quote in source_compact, f"{target.id}: quote not in the source"
        if target.id in FIGURE_WORDS:
            assert FIGURE_WORDS[target.id] in quote, target.id
            continue
        if target.kind == "trend":  # a direction, no figure to find in the quote
            continue
        if target.comparator == "between":
            assert target.min is not None and target.max is not None
            figure = figure_text(target.min) + figure_text(target.max)  # 4050家: 40 to 50
        else:
            assert target.value is not None
            figure = figure_text(target.value)
        assert figure in quote, f"{target.id}: figure {figure} not in {quote!r}"


def test_quote_words_fix_the_comparator(registry: Registry) -> None:
    """The words of the quote agree with the comparator (docs/domain.md's table)."""
    for target in registry.targets:
        quote = target.quote
        if re.search(r"(?<!不)超过", quote) and target.comparator not in (">", "between"):
            pytest.fail(f"{target.id}: 超过 is strict")
        if target.comparator == "about":
            assert "左右" in quote or "约" in quote, target.id
            assert target.tolerance and target.note and "tolerance" in target.note.lower()
        if re.search(r"不超过|不高于|以下", quote):
            assert target.comparator == "<=", target.id


def test_aspirational_matches_lizheng(registry: Registry) -> None:
    for target in registry.targets:
        assert target.aspirational == ("力争" in target.quote), target.id


def test_kinds_and_years(registry: Registry) -> None:
    by_id = registry.targets_by_id
    assert by_id["water_intensity_decline_2015"].kind == "change"
    assert by_id["water_intensity_decline_2015"].change == "decrease"
    assert by_id["hospital_beds_new_2015"].kind == "increment"
    assert by_id["good_air_days_2015"].kind == "kept"
    assert by_id["polluting_enterprises_phase_out_yearly"].kind == "yearly_rate"
    assert by_id["tertiary_hospital_every_district_2015"].kind == "milestone"
    assert by_id["energy_intensity_2015"].kind == "level"  # 下降到 is a level
    assert by_id["liveable_demo_projects_2012"].target_year == 2012
    headquarters = by_id["headquarters_enterprises_2015"]
    assert (headquarters.comparator, headquarters.min, headquarters.max) == ("between", 40, 50)
    assert by_id["strategic_emerging_scale_2015"].comparator == ">"
    for target in registry.targets:
        assert target.baseline_year == 2010
        if target.id != "liveable_demo_projects_2012":
            assert target.target_year == 2015


def test_lead_agencies_as_the_text_assigns_them(registry: Registry) -> None:
    by_id = registry.targets_by_id
    # The headline targets (clause (二) of chapter 1, and the paragraphs that open
    # chapters 2-6) name no lead: the inference is kept apart, with its reason.
    for target in registry.targets:
        headline = target.chapter == 1 or (target.clause is None and target.table is None)
        if headline:
            assert target.lead_agencies == (), target.id
            assert target.lead_agencies_inferred, target.id
            assert target.note and "infer" in target.note.lower(), target.id
        else:
            assert target.lead_agencies, target.id
            assert target.lead_agencies_inferred == (), target.id
    # 以上两项由市科工贸信委牵头 covers the SME listings paragraph
    assert by_id["sme_listings_2015"].lead_agencies == ("市科工贸信委",)
    # (市发展改革委、科工贸信委牵头): abbreviations resolved to full names
    assert by_id["key_labs_centres_2015"].lead_agencies == ("市发展改革委", "市科工贸信委")
    # a target inside a table takes its row's agency
    assert by_id["boilers_retrofitted_2015"].lead_agencies == ("市人居环境委",)
    for target in registry.targets:
        for name in (*target.lead_agencies, *target.lead_agencies_inferred):
            assert name.startswith("市"), (target.id, name)


def test_artifacts_are_flagged(registry: Registry) -> None:
    by_id = registry.targets_by_id
    for target_id in (
        "headquarters_enterprises_2015",
        "hightech_share_2015",
        "cod_decline_2015",
        "nox_decline_2015",
        "environmental_industry_bases_2015",
    ):
        assert by_id[target_id].note, target_id


def test_every_indicator_states_its_direction(registry: Registry) -> None:
    for indicator in registry.indicators:
        assert indicator.direction in ("higher", "lower")
    used = {target.indicator for target in registry.targets}
    assert used <= set(registry.indicators_by_id)
