"""The shipped examples hold published figures only, each traced to examples/sources.

Every example row that does not say `illustrative` in `source` must be a row of
examples/sources/shenzhen-statistics-2010-2016.csv: the same indicator (through the
mapping below), year and value (after unit conversion), and the publication's title and
URL in `source`. A figure recalled from memory, or attributed to a publication the
sources file does not hold, fails here.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality import conversion_factor
from sz_quality.cli import app
from sz_quality.plan.registry import Registry
from sz_quality.plan.units import CurrencyError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SOURCES = EXAMPLES / "sources" / "shenzhen-statistics-2010-2016.csv"
EXAMPLE_FILES = sorted([*EXAMPLES.glob("*.csv"), *EXAMPLES.glob("submissions/*.csv")])

# The sources file's indicator (indicator_zh) -> szq's indicator or target id, and the
# szq unit its figure is in (the file writes 元 and 美元 for GDP per capita, 元/人 and
# 美元/人 in szq).
MAPPING: dict[str, tuple[str, str | None]] = {
    "本市生产总值": ("gdp", None),
    "人均生产总值": ("gdp_per_capita", "元/人"),
    "人均生产总值(美元)": ("gdp_per_capita", "美元/人"),
    "第三产业增加值占GDP比重": ("tertiary_share", None),
    "第三产业增加值": ("tertiary_value_added", None),
    "居民人均可支配收入": ("disposable_income_per_capita", None),
    "万元GDP能耗": ("energy_intensity", None),
    "万元GDP水耗": ("water_per_10k_gdp", None),
    "全社会研发投入占GDP比重": ("rd_share", None),
    "战略性新兴产业增加值占GDP比重": ("strategic_emerging_share", None),
    "金融业增加值占GDP比重": ("finance_share", None),
    "社会消费品零售总额": ("retail_sales", None),
    "常住人口(六普)": ("resident_population", None),
    "常住人口": ("resident_population", None),
    "户籍人口(六普登记)": ("registered_population", None),
    "户籍人口": ("registered_population", None),
    "空气质量优良天数": ("good_air_days", None),
    "绿道总长度": ("greenway_length", None),
    "人均公园绿地面积": ("green_space_per_capita", None),
    "公共交通出行分担率(轨道+道路公交)": ("public_transport_share", None),
    "新能源公交车累计推广量": ("new_energy_buses", None),
    "每千人口病床数": ("beds_per_10k", None),
    "医院病床数": ("hospital_beds", None),
    "每千人口医生数": ("doctors_per_10k", None),
    "万元GDP水耗累计下降率(十二五)": ("water_intensity_decline_2015", None),
    "化学需氧量排放累计下降率(十二五)": ("cod_decline_2015", None),
    "氨氮排放累计下降率(十二五)": ("ammonia_nitrogen_decline_2015", None),
    "二氧化硫排放累计下降率(十二五)": ("so2_decline_2015", None),
    "氮氧化物排放累计下降率(十二五)": ("nox_decline_2015", None),
}

# Caveats a row must state in `note`, by the szq id it maps to (and the year, if only one).
CAVEATS: dict[tuple[str, int | None], str] = {
    ("disposable_income_per_capita", 2015): "survey",
    ("good_air_days", None): "AQI",
    ("public_transport_share", None): "all trips",
    ("resident_population", 2010): "census",
    ("registered_population", 2010): "census",
}

QUALIFIER = re.compile(r"\s*\(.*\)\s*$")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def shared_unit(row: dict[str, str]) -> str:
    """The szq unit of a sources row: its unit without qualifiers such as (约) or (下限)."""
    override = MAPPING[row["indicator_zh"]][1]
    return override or QUALIFIER.sub("", row["unit"]).strip()


def example_rows() -> list[tuple[str, int, dict[str, str]]]:
    return [
        (path.name, line, row)
        for path in EXAMPLE_FILES
        for line, row in enumerate(read_csv(path), start=2)
    ]


def same_figure(value: float, unit: str, shared: dict[str, str]) -> bool:
    """Whether `value` in `unit` is the sources row's figure (never across currencies)."""
    try:
        factor = conversion_factor(unit, shared_unit(shared))
    except CurrencyError:
        return False
    return math.isclose(value * factor, float(shared["value"]), rel_tol=1e-9)


SHARED = read_csv(SOURCES)


def test_the_sources_file_is_the_published_one() -> None:
    assert len(SHARED) == 157
    assert list(SHARED[0]) == [
        "indicator_zh",
        "indicator_en",
        "year",
        "value",
        "unit",
        "source_title",
        "source_url",
        "quote",
    ]
    assert (EXAMPLES / "sources" / "README.md").exists()


def test_examples_exist() -> None:
    names = {path.name for path in EXAMPLE_FILES}
    assert {"data-2015.csv", "data-2013.csv", "gdp-2010-revised.csv"} <= names


@pytest.mark.parametrize(
    ("name", "line", "row"),
    [pytest.param(*item, id=f"{item[0]}:{item[1]}") for item in example_rows()],
)
def test_every_sourced_row_is_a_published_figure(
    name: str, line: int, row: dict[str, str], registry: Registry
) -> None:
    if "illustrative" in row["source"]:
        assert "illustrative" in name, f"{name}:{line}: illustrative rows belong in their own file"
        return
    year = int(row["year"])
    indicator = row["indicator"]
    known = registry.indicators_by_id.get(indicator)
    unit = row["unit"] or (known.unit if known else registry.targets_by_id[indicator].unit)
    candidates = [
        shared
        for shared in SHARED
        if MAPPING.get(shared["indicator_zh"], ("",))[0] == indicator
        and int(shared["year"]) == year
        and row["source"] == f"{shared['source_title']} {shared['source_url']}"
    ]
    assert candidates, f"{name}:{line}: {indicator} {year} is not in the sources file"
    value = float(row["value"])
    matches = [shared for shared in candidates if same_figure(value, unit, shared)]
    assert matches, f"{name}:{line}: {value} {unit} differs from {candidates[0]['value']}"
    shared = matches[0]
    assert "下限" not in shared["unit"], f"{name}:{line}: a lower bound is not a value"
    note = row["note"]
    if "约" in shared["unit"]:
        assert "about" in note or "approximately" in note, f"{name}:{line}: an approximate figure"
    if shared["quote"].startswith("[DERIVED]"):
        assert "derived" in note, f"{name}:{line}: a derived figure says so"
    for (caveat_id, caveat_year), word in CAVEATS.items():
        if indicator == caveat_id and caveat_year in (None, year):
            assert word in note, f"{name}:{line}: the note must state the caveat ({word})"


def test_no_row_names_a_communique_the_sources_file_lacks() -> None:
    titles = {row["source_title"] for row in SHARED}
    for name, line, row in example_rows():
        if "公报" in row["source"]:
            assert any(row["source"].startswith(title) for title in titles), (name, line)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.name)
def test_every_example_file_validates(path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(path), "--strict"])
    assert result.exit_code == 0, result.output


def test_the_revised_gdp_file_shows_a_revision() -> None:
    result = CliRunner().invoke(
        app,
        [
            "validate",
            str(EXAMPLES / "data-2015.csv"),
            str(EXAMPLES / "gdp-2010-revised.csv"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert '"code": "revision"' in result.output
    assert "9511" in result.output


def test_the_readme_data_snippet_is_example_rows() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```csv\n", 1)[1].split("```", 1)[0].splitlines()
    lines = {
        line for path in EXAMPLE_FILES for line in path.read_text(encoding="utf-8").splitlines()
    }
    assert block[0] == "indicator,year,value,unit,region,source,note"
    assert block[1:] and all(line in lines for line in block[1:]), block
