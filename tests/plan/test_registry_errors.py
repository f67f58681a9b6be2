"""A registry that is wrong fails to load with the file, the YAML line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from samples import BODY, CHAPTERS, GOOD

from sz_quality.plan.registry import RegistryError, load_registry


def load_text(tmp_path: Path, text: str) -> RegistryError:
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return caught.value


def test_the_good_registry_loads(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(GOOD, encoding="utf-8")
    registry = load_registry(path)
    assert [target.id for target in registry.targets] == ["gdp_2015"]
    assert registry.targets[0].target_year == 2015  # the plan's default
    assert registry.unit_factors[("万亿元", "亿元")] == (10000.0, 0.0)


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        (
            "    clause: 2\n",
            "    clause: 2\n    colour: red\n",
            25,
            "targets[0].colour",
            "unknown field 'colour'",
        ),
        (
            '    comparator: ">="\n',
            '    comparator: "=>"\n',
            26,
            "targets[0].comparator",
            "Input should be '>=', '>', '<=', '<', '==', 'between' or 'about', got '=>'",
        ),
        (
            "    unit: 万亿元\n",
            "    unit: 万亿英镑\n",
            28,
            "targets[0].unit",
            "unknown unit '万亿英镑': cannot read '万亿英镑'",
        ),
        (
            "    indicator: gdp\n",
            "    indicator: gpd\n",
            20,
            "targets[0].indicator",
            "unknown indicator 'gpd' (did you mean 'gdp'?)",
        ),
        (
            "    lead_agencies: [市发展改革委]\n",
            "    lead_agencies: [市发改委]\n",
            29,
            "targets[0].lead_agencies",
            "unknown agency '市发改委'",
        ),
        (
            "    unit: 亿元\n",
            "    unit: 亿元\n    tone: x\n",
            17,
            "indicators[0].tone",
            "unknown field 'tone'",
        ),
        ("    direction: higher\n", "", 13, "indicators[0].direction", "required field missing"),
    ],
)
def test_each_error_names_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in GOOD
    error = load_text(tmp_path, GOOD.replace(old, new))
    assert len(error.issues) == 1, error
    issue = error.issues[0]
    assert (issue.line, issue.field) == (line, field)
    assert issue.message.startswith(message), issue.message
    assert str(issue).startswith(f"{tmp_path / 'targets.yaml'}:{line}: {field}: ")


def test_duplicate_id(tmp_path: Path) -> None:
    target = BODY[BODY.index("  - id: gdp_2015") :]
    error = load_text(tmp_path, BODY + target + CHAPTERS)
    assert [(issue.line, issue.field, issue.message) for issue in error.issues] == [
        (31, "targets[1].id", "duplicate id 'gdp_2015' (first at targets[0])")
    ]


def test_a_unit_of_another_dimension_does_not_fit_the_indicator(tmp_path: Path) -> None:
    error = load_text(tmp_path, GOOD.replace("    unit: 万亿元\n", "    unit: 万人\n"))
    assert error.issues[0].line == 28
    assert "does not fit indicator 'gdp'" in error.issues[0].message


def test_comparator_fields_are_checked(tmp_path: Path) -> None:
    error = load_text(tmp_path, GOOD.replace('comparator: ">="', "comparator: about"))
    assert error.issues[0].line == 19  # the target's first line
    assert "needs an explicit positive 'tolerance'" in error.issues[0].message


def test_duplicate_yaml_key_and_syntax_error(tmp_path: Path) -> None:
    error = load_text(tmp_path, GOOD.replace("    clause: 2\n", "    clause: 2\n    clause: 3\n"))
    assert (error.issues[0].line, error.issues[0].message) == (
        25,
        "duplicate key 'clause' (first on line 24)",
    )
    error = load_text(tmp_path, GOOD + "  - [unclosed\n")
    assert error.issues[0].line is not None and error.issues[0].line >= 30


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = GOOD.replace("indicator: gdp", "indicator: nope").replace(
        "[市发展改革委]", "[市无此局]"
    )
    error = load_text(tmp_path, broken)
    assert {issue.field for issue in error.issues} == {
        "targets[0].indicator",
        "targets[0].lead_agencies",
    }


def test_formula_errors_point_at_the_formula(tmp_path: Path) -> None:
    extra = """\
  - id: population
    name_zh: 常住人口
    name_en: Resident population
    unit: 万人
    direction: higher
  - id: gdp_per_capita
    name_zh: 人均生产总值
    name_en: GDP per capita
    unit: 元/人
    direction: higher
    formula: "gdp / population"
"""
    text = GOOD.replace("targets:\n", extra + "targets:\n")
    path = tmp_path / "ok.yaml"
    path.write_text(text, encoding="utf-8")
    registry = load_registry(path)
    formula = registry.formulas["gdp_per_capita"]
    # 20000 亿元 / 1000 万人 = 200000 元/人
    assert formula.evaluate({"gdp": 20000.0, "population": 1000.0}) == pytest.approx(200000.0)
    wrong_unit = load_text(tmp_path, text.replace('"gdp / population"', '"gdp * population"'))
    assert wrong_unit.issues[0].field == "indicators[2].formula"
    assert wrong_unit.issues[0].line == 28
    assert "does not convert" in wrong_unit.issues[0].message
    mixed = load_text(tmp_path, text.replace('"gdp / population"', '"gdp + population"'))
    assert "mixes units" in mixed.issues[0].message
    unknown = load_text(tmp_path, text.replace('"gdp / population"', '"gdp / people"'))
    assert "unknown indicator(s) ['people']" in unknown.issues[0].message
    syntax = load_text(tmp_path, text.replace('"gdp / population"', '"__import__(1)"'))
    assert "unexpected" in syntax.issues[0].message


def test_cache_is_used_and_equals_a_fresh_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("SZQ_CACHE_DIR", str(tmp_path / "cache"))
    first = load_registry(path)
    assert len(list((tmp_path / "cache").glob("registry-*.json"))) == 1
    second = load_registry(path)
    assert second.targets == first.targets
    assert second.unit_factors == first.unit_factors
    monkeypatch.setenv("SZQ_CACHE_DIR", "off")
    assert load_registry(path).targets == first.targets


def test_one_wording_for_a_name_not_found() -> None:
    from sz_quality.plan.agencies import UnknownAgencyError
    from sz_quality.plan.issue_words import unknown_words
    from sz_quality.words import word

    def unknown(what: str, name: str, choices: list[str]) -> str:
        key, fields = unknown_words(what, name, choices)
        return word(key, "en", **fields)

    assert unknown("agency", "dcr", ["drc", "stic"]) == "unknown agency 'dcr' (did you mean 'drc'?)"
    assert unknown("agency", "zzz", ["drc"]) == "unknown agency 'zzz'"
    assert unknown("target", "zzz", []) == "unknown target 'zzz'"
    assert str(UnknownAgencyError("发改", "drc", "市发展改革委")) == (
        "unknown agency '发改' (did you mean 'drc', 市发展改革委?); `szq agencies` lists them"
    )
    assert str(UnknownAgencyError("zzz", None, None)) == (
        "unknown agency 'zzz'; `szq agencies` lists them"
    )
