"""Every measure is verbatim, under its row's agency, in the table the source puts it in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sz_quality.plan.measures import MeasureRegistry, load_measures
from sz_quality.plan.registry import Registry, RegistryError

TABLE_HEADING = re.compile(r"^(?:(\d+)\s+)?(\S+的具体措施)$")
# Measures whose bullet (●) the web page lost: the only one of table 1's 市发展改革委 row,
# and the first of table 13's 市人居环境委 row (docs/domain.md).
BULLETLESS = ("以深圳国家综合性高技术产业基地", "2015年前完成全部火电厂低氮燃烧器改造")


def measures_per_table_in_source(source_text: str) -> dict[int, int]:
    """Count measures per table straight from the text: bullets, plus the bulletless two."""
    counts: dict[int, int] = {}
    table = 0
    in_table = False
    for raw in source_text.splitlines():
        line = raw.strip()
        heading = TABLE_HEADING.match(line)
        if heading:
            table += 1  # tables 8 and 9 lost their numbers: count in order
            if heading.group(1):
                assert int(heading.group(1)) == table
            in_table = True
            counts[table] = 0
            continue
        if in_table and re.match(r"^[(（]", line):  # the next clause ends the table
            in_table = False
        if in_table and (line.startswith("●") or line.startswith(BULLETLESS)):
            counts[table] += 1
    return counts


def test_counts_per_table_match_the_source(
    measure_registry: MeasureRegistry, source_text: str
) -> None:
    expected = measures_per_table_in_source(source_text)
    assert len(expected) == 17
    found: dict[int, int] = {}
    for measure in measure_registry.measures:
        found[measure.table] = found.get(measure.table, 0) + 1
    assert found == expected
    # 134 bullets and 2 measures that lost theirs: the text holds 136
    assert sum(expected.values()) == len(measure_registry.measures) == 136


def test_every_measure_is_verbatim(measure_registry: MeasureRegistry, source_compact: str) -> None:
    position = 0
    for measure in measure_registry.measures:
        text = "".join(measure.text_zh.split())
        found = source_compact.find(text, position)
        assert found >= 0, f"{measure.id}: not verbatim, or out of order"
        position = found + len(text)
        assert measure.text_en.strip()


def test_every_measure_sits_under_its_rows_agency(
    measure_registry: MeasureRegistry, source_text: str
) -> None:
    compact_lines = ["".join(line.split()) for line in source_text.splitlines()]
    agencies = set(measure_registry.measures[0].agency for _ in [0]) | {
        measure.agency for measure in measure_registry.measures
    }
    for measure in measure_registry.measures:
        text = "".join(measure.text_zh.split())
        index = next(i for i, line in enumerate(compact_lines) if text in line)
        row = next(line for line in reversed(compact_lines[:index]) if line in agencies)
        assert row == measure.agency, measure.id


def test_references_resolve(registry: Registry, measure_registry: MeasureRegistry) -> None:
    agencies = set(registry.agencies_by_name)
    for measure in measure_registry.measures:
        assert measure.agency in agencies
        for target_id in measure.targets:
            assert target_id in registry.targets_by_id
    by_id = {measure.id: measure for measure in measure_registry.measures}
    assert "boilers_retrofitted_2015" in by_id["m13_05"].targets_stated


def test_figures_stated_inside_measures_are_quoted_from_them(
    registry: Registry, measure_registry: MeasureRegistry
) -> None:
    for measure in measure_registry.measures:
        compact = "".join(measure.text_zh.split())
        for target_id in measure.targets_stated:
            quote = "".join(registry.targets_by_id[target_id].quote.split())
            assert quote in compact, (measure.id, target_id)


def test_tables_and_clauses(measure_registry: MeasureRegistry) -> None:
    clauses = {table.table: table.clause for table in measure_registry.tables}
    assert clauses == {
        1: 3,
        2: 4,
        3: 5,
        4: 7,
        5: 8,
        6: 9,
        7: 10,
        8: 11,
        9: 12,
        10: 13,
        11: 14,
        12: 16,
        13: 17,
        14: 18,
        15: 22,
        16: 23,
        17: 24,
    }


BAD_HEAD = """\
schema_version: 1
tables:
  - table: 1
    title_zh: 表
    title_en: Table
    clause: 3
measures:
  - id: m01_01
    table: 1
    agency: 市发展改革委
    text_zh: 文本
    text_en: Text
    targets: [gdp_2015]
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            "agency: 市发展改革委",
            "agency: 市发改委",
            10,
            "unknown agency '市发改委' (did you mean '市发展改革委'?)",
        ),
        (
            "targets: [gdp_2015]",
            "targets: [gdp_2016]",
            13,
            "unknown target 'gdp_2016' (did you mean 'gdp_2015'?)",
        ),
        (
            "    targets: [gdp_2015]\n",
            "    targets: [gdp_2015]\n    owner: x\n",
            14,
            "unknown field 'owner'",
        ),
        (
            "    table: 1\n    agency",
            "    table: 2\n    agency",
            9,
            "table 2 is not defined under 'tables'",
        ),
    ],
)
def test_measure_load_errors(
    registry: Registry, tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    path = tmp_path / "measures.yaml"
    assert old in BAD_HEAD
    path.write_text(BAD_HEAD.replace(old, new), encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_measures(registry, path)
    issue = caught.value.issues[0]
    assert (issue.line, issue.message) == (line, message)


def test_duplicate_measure_id(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "measures.yaml"
    path.write_text(BAD_HEAD + BAD_HEAD[BAD_HEAD.index("  - id: m01_01") :], encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_measures(registry, path)
    assert [(i.line, i.message) for i in caught.value.issues] == [
        (14, "duplicate id 'm01_01' (first at measures[0])")
    ]
