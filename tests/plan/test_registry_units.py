"""Units the registry can extend (issue 21): `units:` definitions, 亩 and 公顷,
个百分点 as the unit of an increment of a share, and a dimensionless ratio's spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from sz_quality.check.evaluate import evaluate
from sz_quality.plan import units
from sz_quality.plan.registry import RegistryError, load_registry
from sz_quality.read.observations import Observation
from sz_quality.render.format import format_quantity, outlook_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "check" / "registry.yaml"

UNITS = """
units:
  - {name: 支, definition: 1 个, name_zh: 支, name_en: stick}
  - {name: 标准箱, definition: 50000 支, name_zh: 标准箱, name_en: standard case}
"""

TARGETS = """
  - {id: cigarettes, name_zh: 卷烟产量, name_en: Cigarettes, unit: 万支, direction: lower}
  - {id: farmland, name_zh: 耕地保有量, name_en: Farmland, unit: 公顷, direction: higher}
  - {id: income_ratio, name_zh: 城乡居民收入比, name_en: Urban-rural income ratio, unit: "1",
     direction: lower}
targets:
  - id: cigarettes_cap
    indicator: cigarettes
    name_zh: 卷烟产量不超过10万箱
    name_en: At most 100,000 cases of cigarettes
    chapter: 1
    kind: level
    comparator: "<="
    value: 10
    unit: 万标准箱
    quote: 卷烟产量不超过10万箱
  - id: farmland_kept
    indicator: farmland
    name_zh: 耕地保有量不低于18亿亩
    name_en: Farmland kept at 1.8 billion mu or more
    chapter: 1
    kind: level
    comparator: ">="
    value: 18
    unit: 亿亩
    quote: 耕地保有量不低于18亿亩
  - id: rd_share_up
    indicator: rd_share
    name_zh: 研发经费投入强度提高0.4个百分点
    name_en: R&D intensity up 0.4 percentage points
    chapter: 1
    kind: increment
    comparator: ">="
    value: 0.4
    unit: 个百分点
    quote: 研发经费投入强度提高0.4个百分点
"""


def forget_defined_units() -> None:
    """The unit system as a new process has it: no registry's units defined yet."""
    units._DEFINED.clear()
    for cached in (units._names, units._parse, units._pint_unit, units._factor):
        cached.cache_clear()


def registry_text(extra_units: str = UNITS) -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    head, _ = text.split("\ntargets:\n", 1)
    head = head.replace("\nchapters:", extra_units + "\nchapters:", 1)
    return head + TARGETS


def test_a_registry_defines_units_and_uses_built_in_areas(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(registry_text(), encoding="utf-8")
    registry = load_registry(path)
    assert [unit.name for unit in registry.units] == ["支", "标准箱"]
    assert registry.unit_factors[("万标准箱", "万支")] == (pytest.approx(50000), 0.0)
    assert units.conversion_factor("亿亩", "公顷") == pytest.approx(1e8 * 2000 / 3 / 1e4)
    data = [
        Observation("cigarettes", 2015, 400000, ""),  # 万支: 8万箱
        Observation("farmland", 2015, 1.2e8, ""),  # 公顷: 18亿亩
        Observation("rd_spending", 2010, 300, ""),
        Observation("gdp", 2010, 10000, ""),
        Observation("rd_spending", 2015, 680, ""),
        Observation("gdp", 2015, 20000, ""),
    ]
    report = evaluate(registry, data, 2015)
    found = {result.target: result for result in report.results}
    assert found["cigarettes_cap"].actual == pytest.approx(8.0)
    assert found["cigarettes_cap"].status == "met"
    assert found["farmland_kept"].actual == pytest.approx(18.0)
    assert found["farmland_kept"].status == "met"
    # 3% -> 3.4%: 0.4 points up, in the target's unit
    assert found["rd_share_up"].actual == pytest.approx(0.4)
    assert found["rd_share_up"].status == "met"
    assert format_quantity(0.4, "个百分点") == "0.4 个百分点"
    # an increment of a share moves by points a year
    assert outlook_text(found["rd_share_up"], "en") == "so far +0.08 pp a year"


def test_defined_units_come_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SZQ_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "plan.yaml"
    path.write_text(registry_text(), encoding="utf-8")
    load_registry(path)  # fresh: writes the cache
    forget_defined_units()  # a new process knows none
    registry = load_registry(path)  # warm: from the cache
    assert [unit.name for unit in registry.units] == ["支", "标准箱"]
    assert units.conversion_factor("标准箱", "个") == pytest.approx(50000)


def test_a_dimensionless_ratio_prints_without_a_unit() -> None:
    assert format_quantity(2.71, "1") == "2.71"
    assert units.conversion_factor("1", "1") == 1.0


def test_a_definition_that_does_not_parse_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    broken = UNITS.replace("50000 支", "50000 盒子")
    text = registry_text(broken)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        load_registry(path)
    line = text.splitlines().index(broken.splitlines()[3]) + 1
    assert f"{path}:{line}: units[1].definition: unknown unit '盒子'" in str(raised.value)


def test_a_data_file_writes_a_defined_unit_on_a_warm_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sz_quality.plan.lookup import load_lookup
    from sz_quality.read.reader import read_files

    monkeypatch.setenv("SZQ_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "plan.yaml"
    path.write_text(registry_text(), encoding="utf-8")
    load_lookup(path)  # writes the lookup's cache entry
    forget_defined_units()  # a new process (szq validate reads the lookup only)
    data = tmp_path / "data.csv"
    data.write_text("indicator,year,value,unit\ncigarettes,2015,8,万标准箱\n", encoding="utf-8")
    result = read_files([data], load_lookup(path))
    assert not result.diagnostics
    (row,) = result.observations
    assert row.value == pytest.approx(400000)  # 万支
