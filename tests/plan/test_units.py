"""The unit system: Chinese magnitudes, currencies that need a rate, refused conversions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sz_quality.plan import units


def test_trillion_yuan_to_hundred_million() -> None:
    assert 1.5 * units.conversion_factor("万亿元", "亿元") == pytest.approx(15000)


def test_energy_intensity_per_hundred_million() -> None:
    assert 0.47 * units.conversion_factor("tce/万元", "吨标准煤/亿元") == pytest.approx(4700)


def test_yuan_to_dollar_needs_a_rate() -> None:
    with pytest.raises(units.CurrencyError, match="exchange rate"):
        units.conversion_factor("元", "美元")
    assert units.conversion_factor("元", "美元", cny_per_usd=6.2284) == pytest.approx(1 / 6.2284)
    # per-capita GDP: 元/人 against a target in 万美元/人
    factor = units.conversion_factor("元/人", "万美元/人", cny_per_usd=6.25)
    assert 125000 * factor == pytest.approx(2.0)


def test_amounts_do_not_become_shares() -> None:
    with pytest.raises(units.UnitError, match="cannot convert"):
        units.conversion_factor("亿元", "%")


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("km²", "平方公里", 1.0),
        ("km2", "平方公里", 1.0),
        ("平方公里", "平方米", 1e6),
        ("万人", "人", 1e4),
        ("％", "%", 1.0),
        ("张/千人", "张/万人", 10.0),
        ("亿立方米/万元", "立方米/万元", 1e8),
        ("万吨标准煤", "吨标准煤", 1e4),
        ("ｔｃｅ", "吨标准煤", 1.0),
        ("公里/小时", "km/h", 1.0),
        ("万套", "套", 1e4),
    ],
)
def test_conversions(source: str, target: str, factor: float) -> None:
    assert units.conversion_factor(source, target) == pytest.approx(factor)


@pytest.mark.parametrize("text", ["英镑", "万元GDP", "元/", "", "/人"])
def test_units_that_do_not_parse(text: str) -> None:
    with pytest.raises(units.UnitError):
        units.parse_unit(text)


def test_counts_people_and_things_are_kept_apart() -> None:
    with pytest.raises(units.UnitError):
        units.conversion_factor("家", "人")
    with pytest.raises(units.UnitError):
        units.conversion_factor("户", "人")


@given(
    st.sampled_from(["", "十", "百", "千", "万", "亿", "万亿"]),
    st.sampled_from(["", "十", "百", "千", "万", "亿", "万亿"]),
    st.sampled_from(["元", "人", "吨标准煤", "平方公里", "家"]),
)
def test_magnitudes_compose(first: str, second: str, base: str) -> None:
    magnitude = {"": 1, "十": 10, "百": 100, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
    factor = units.conversion_factor(first + base, second + base)
    assert factor == pytest.approx(magnitude[first] / magnitude[second])


def test_every_unit_of_the_registry_parses(registry) -> None:  # type: ignore[no-untyped-def]
    for indicator in registry.indicators:
        units.parse_unit(indicator.unit)
    for target in registry.targets:
        units.parse_unit(target.unit)


def test_the_registry_builds_in_milliseconds() -> None:
    import time

    units.unit_registry()  # pint imported and the registry built once
    start = time.perf_counter()
    # a second build, beside the process's one: clearing the cache instead would leave
    # quantities of the first registry cached (_pint_unit) to meet those of a new one
    units.unit_registry.__wrapped__()
    # pint's default registry takes ~0.2 s here; szq's own must not
    assert time.perf_counter() - start < 0.1
