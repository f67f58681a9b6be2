"""The plan's chapters come from the registry's `chapters:` section, never from code."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan.models import Chapter, chinese_number
from sz_quality.plan.registry import Registry, RegistryError, load_registry

runner = CliRunner()

OWN_PLAN = """\
schema_version: 1
plan: {id: own, name_zh: 自有计划, name_en: Own plan, baseline_year: 2010, target_year: 2015}
chapters:
  - {number: 1, name_zh: 甲篇总则, name_en: Alpha principles}
  - {number: 12, name_zh: 乙篇增长, name_en: Beta growth}
agencies:
  - {id: alpha, name_zh: 市甲局, name_en: Alpha Bureau}
indicators:
  - {id: gdp, name_zh: 生产总值, name_en: GDP, unit: 亿元, direction: higher}
targets:
  - id: gdp_2015
    indicator: gdp
    name_zh: 生产总值达到1.5万亿元
    name_en: GDP reaches 1.5 trillion yuan
    chapter: 12
    kind: level
    comparator: ">="
    value: 1.5
    unit: 万亿元
    lead_agencies: [市甲局]
    quote: 生产总值达到1.5万亿元
"""


@pytest.fixture()
def own_plan(tmp_path: Path) -> Path:
    path = tmp_path / "own.yaml"
    path.write_text(OWN_PLAN, encoding="utf-8")
    return path


@pytest.fixture()
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.csv"
    path.write_text("indicator,year,value,unit\ngdp,2013,14000,亿元\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "heading"), [("en", "12. Beta growth"), ("zh", "十二、乙篇增长")])
def test_check_by_chapter_shows_the_registry_s_names(
    own_plan: Path, data_file: Path, lang: str, heading: str
) -> None:
    result = runner.invoke(
        app,
        [
            "--targets",
            str(own_plan),
            "check",
            str(data_file),
            "--by",
            "chapter",
            "--format",
            "markdown",
            "--lang",
            lang,
        ],
    )
    assert result.exit_code == 0, result.output
    assert heading in result.stdout
    assert "经济发展" not in result.stdout and "economic development" not in result.stdout


def test_a_target_s_chapter_must_be_listed(own_plan: Path, tmp_path: Path) -> None:
    text = own_plan.read_text(encoding="utf-8").replace("    chapter: 12\n", "    chapter: 3\n")
    path = tmp_path / "unlisted.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    (issue,) = caught.value.issues
    assert (issue.line, issue.field) == (15, "targets[0].chapter")
    assert issue.message == "chapter 3 is not listed under 'chapters' (listed: 1, 12)"


def test_chapters_are_required_and_unique(own_plan: Path, tmp_path: Path) -> None:
    text = own_plan.read_text(encoding="utf-8")
    path = tmp_path / "twice.yaml"
    path.write_text(text.replace("number: 12,", "number: 1,"), encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    fields = [(issue.line, issue.field) for issue in caught.value.issues]
    assert (5, "chapters[1].number") in fields
    start, end = text.index("chapters:"), text.index("agencies:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert [issue.field for issue in caught.value.issues] == ["chapters"]


def test_targets_chapter_option_follows_the_registry(own_plan: Path) -> None:
    listed = runner.invoke(app, ["--targets", str(own_plan), "targets", "-c", "12", "-f", "json"])
    assert listed.exit_code == 0 and "gdp_2015" in listed.stdout
    unknown = runner.invoke(app, ["--targets", str(own_plan), "targets", "--chapter", "3"])
    assert unknown.exit_code == 2
    assert "unknown chapter 3; the registry lists: 1, 12" in unknown.stderr


def test_the_shipped_chapter_names_are_the_text_s_headings(
    registry: Registry, source_text: str
) -> None:
    assert [chapter.number for chapter in registry.chapters] == list(range(1, 9))
    headings = {line.strip() for line in source_text.splitlines()}
    for chapter in registry.chapters:
        assert chapter.heading("zh") in headings
    assert {target.chapter for target in registry.targets} <= set(registry.chapters_by_number)


def test_headings_number_chapters_as_the_text_does() -> None:
    assert [chinese_number(n) for n in (1, 8, 10, 11, 20, 21, 99)] == [
        "一",
        "八",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
    ]
    assert Chapter(3, "社会", "Society").heading("en") == "3. Society"
