"""A registry's problems in the user's language: the loader's, the models', pydantic's
and szq lint's messages are entries of the catalogue (sz_quality/words.json), worded in
English as before and in Chinese under --lang zh."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan import issue_words, lint
from sz_quality.plan.lint import lint_registry
from sz_quality.plan.models import FieldError
from sz_quality.plan.registry import RegistryError, load_registry
from sz_quality.words import WORDS, word

PLAN_DIR = Path(__file__).resolve().parents[2] / "sz_quality" / "plan"
runner = CliRunner()

HEAD = """\
schema_version: 1
plan:
  id: tiny
  name_zh: 小规划
  name_en: A tiny plan
  baseline_year: 2020
  target_year: 2025
  source: plan.txt
chapters:
  - {number: 1, name_zh: 目标, name_en: Goals}
agencies:
  - {id: stats, name_zh: 市统计局, name_en: Statistics Bureau}
indicators:
  - {id: gdp, name_zh: 地区生产总值, name_en: GDP, unit: 亿元, direction: higher}
targets:
"""
# a unknown field, a missing one, a bad literal kind and comparator, a number and a
# boolean that are not, a rule of the model broken, an agency not listed
BROKEN = (
    HEAD.replace("schema_version: 1\n", "schema_version: 1\ncolour: red\n")
    + """\
  - id: gdp_2025
    indicator: gdp
    name_zh: 地区生产总值达到100亿元
    chapter: 1
    clause: one
    kind: levels
    comparator: "=>"
    value: 100
    unit: 亿元
    aspirational: maybe
    quote: 地区生产总值达到100亿元
  - id: gdp_about
    indicator: gdp
    name_zh: 地区生产总值约100亿元
    name_en: GDP about 100
    chapter: 1
    kind: level
    comparator: ">="
    value: 100
    tolerance: 1
    unit: 亿元
    quote: 地区生产总值约100亿元
  - id: gdp_led
    indicator: gdp
    name_zh: 地区生产总值达到100亿元
    name_en: GDP reaches 100
    chapter: 1
    kind: level
    comparator: ">="
    value: 100
    unit: 亿元
    lead_agencies: [市统计]
    quote: 地区生产总值达到100亿元
"""
)
# loads; then a quote not in the text, one without its figure, a nature left unmarked
QUOTES = (
    HEAD
    + """\
  - id: gdp_2025
    indicator: gdp
    name_zh: 地区生产总值达到100亿元
    name_en: GDP reaches 100
    chapter: 1
    kind: level
    comparator: ">="
    value: 100
    unit: 亿元
    nature: expected
    quote: 地区生产总值提高到100亿元
  - id: gdp_2024
    indicator: gdp
    name_zh: 地区生产总值达到90亿元
    name_en: GDP reaches 90
    chapter: 1
    kind: level
    comparator: ">="
    value: 90
    unit: 亿元
    quote: 地区生产总值达到100亿元
"""
)
PLAN_TEXT = "到2025年，地区生产总值达到100亿元。\n"


def registry(tmp_path: Path, text: str) -> Path:
    (tmp_path / "plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def lint_lines(path: Path, lang: str) -> list[str]:
    result = runner.invoke(app, ["lint", str(path), "--lang", lang])
    assert result.exit_code == 1, result.output
    return [line.replace(str(path), "F", 1) for line in result.output.splitlines()]


BROKEN_EN = [
    "F:2: error: colour: unknown field 'colour'",
    "F:17: error: targets[0].name_en: required field missing",
    "F:22: error: targets[0].kind: Input should be 'level', 'change', 'increment', 'kept', "
    "'yearly_rate', 'milestone', 'trend', 'average_growth' or 'cumulative', got 'levels' "
    "(hint: level, change, increment, kept, yearly_rate, milestone, trend, average_growth "
    "or cumulative (docs/schema.md))",
    "F:23: error: targets[0].comparator: Input should be '>=', '>', '<=', '<', '==', "
    "'between' or 'about', got '=>' (hint: one of >=, >, <=, <, ==, between, about "
    "(none for kind trend))",
    "F:21: error: targets[0].clause: Input should be a valid integer, unable to parse "
    "string as an integer",
    "F:26: error: targets[0].aspirational: Input should be a valid boolean, unable to "
    "interpret input",
    "F:36: error: targets[1].tolerance: 'tolerance' goes with comparator 'about' only "
    "(hint: an absolute tolerance in the target's unit, with comparator about)",
    "F:48: error: targets[2].lead_agencies: unknown agency '市统计' (did you mean '市统计局'?) "
    "(hint: an agency's name_zh as listed under 'agencies:')",
    "F: 8 error(s), 0 warning(s)",
]
BROKEN_ZH = [
    "F:2：错误：colour：未知字段 'colour'",
    "F:17：错误：targets[0].name_en：缺少必填字段",
    "F:22：错误：targets[0].kind：应为以下之一：'level', 'change', 'increment', 'kept', "
    "'yearly_rate', 'milestone', 'trend', 'average_growth', 'cumulative'；实为 'levels'"
    "（提示：level、change、increment、kept、yearly_rate、milestone、trend、average_growth "
    "或 cumulative（见 docs/schema.md））",
    "F:23：错误：targets[0].comparator：应为以下之一：'>=', '>', '<=', '<', '==', "
    "'between', 'about'；实为 '=>'（提示：>=、>、<=、<、==、between、about 之一"
    "（kind trend 不写））",
    "F:21：错误：targets[0].clause：应为整数，这段文字无法读作整数",
    "F:26：错误：targets[0].aspirational：应为布尔值（true 或 false），无法解读",
    "F:36：错误：targets[1].tolerance：'tolerance' 只与 comparator 'about' 一起使用"
    "（提示：以目标的单位计的绝对容差，与 comparator about 一起使用）",
    "F:48：错误：targets[2].lead_agencies：未知的单位 '市统计'（是否为 '市统计局'？）"
    "（提示：'agencies:' 下列出的单位的 name_zh）",
    "F：8 个错误，0 个警告",
]


QUOTES_EN = [
    "F:26: error: targets[0].quote: gdp_2025: the quote is not in the plan's text "
    "(plan.txt) (hint: copy the words of the plan's text that state the target, verbatim "
    "(white space aside))",
    "F:27: warning: targets[1].nature: gdp_2024: not marked binding or expected, as 1 "
    "others are (hint: binding (约束性) or expected (预期性))",
    "F:36: warning: targets[1].quote: gdp_2024: the quote does not hold the figure 90 "
    "(hint: quote the words that state the figure, or say in 'note' how it was read)",
    "F: 1 error(s), 2 warning(s)",
]
QUOTES_ZH = [
    "F:26：错误：targets[0].quote：gdp_2025：引文不在规划原文中（plan.txt）"
    "（提示：逐字复制原文中表述该目标的文字（空白不计））",
    "F:27：警告：targets[1].nature：gdp_2024：未标明约束性或预期性，而另有 1 个目标已标明"
    "（提示：binding（约束性）或 expected（预期性））",
    "F:36：警告：targets[1].quote：gdp_2024：引文中没有数值 90"
    "（提示：引用表述该数值的原文，或在 'note' 中说明数值是如何读出的）",
    "F：1 个错误，2 个警告",
]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (BROKEN, "en", BROKEN_EN),
        (BROKEN, "zh", BROKEN_ZH),
        (QUOTES, "en", QUOTES_EN),
        (QUOTES, "zh", QUOTES_ZH),
    ],
    ids=["broken-en", "broken-zh", "quotes-en", "quotes-zh"],
)
def test_a_registry_linted_in_each_language(
    tmp_path: Path, text: str, lang: str, expected: list[str]
) -> None:
    """A registry that does not load (every problem the loader finds), and one that does
    (its quotes and natures), each line exactly."""
    assert lint_lines(registry(tmp_path, text), lang) == expected


def test_a_registry_that_does_not_load_lists_its_problems_in_the_command_language(
    tmp_path: Path,
) -> None:
    path = registry(tmp_path, BROKEN)
    zh = runner.invoke(app, ["--targets", str(path), "targets", "--lang", "zh"])
    by_env = runner.invoke(app, ["--targets", str(path), "targets"], env={"SZQ_LANG": "zh"})
    en = runner.invoke(app, ["--targets", str(path), "targets", "--lang", "en"])
    assert zh.exit_code == by_env.exit_code == en.exit_code == 2
    assert zh.stderr == by_env.stderr
    assert zh.stderr.splitlines()[:3] == [
        "szq：错误：登记表无法加载（8 个问题）：",
        f"  {path}:2：colour：未知字段 'colour'",
        f"  {path}:17：targets[0].name_en：缺少必填字段",
    ]
    assert zh.stderr.splitlines()[-1] == (
        f"  {path}:48：targets[2].lead_agencies：未知的单位 '市统计'（是否为 '市统计局'？）"
    )
    assert en.stderr.splitlines()[:2] == [
        "szq: error: the registry does not load (8 problem(s)):",
        f"  {path}:2: colour: unknown field 'colour'",
    ]
    with pytest.raises(RegistryError) as raised:
        load_registry(path)
    assert en.stderr.splitlines()[1:] == [f"  {issue}" for issue in raised.value.issues]


# a tuple of four numbers where three are: pydantic's `too_long`, a type the catalogue
# does not word
FALLBACK = BROKEN.replace(
    "    tolerance: 1\n", "    tolerance: 1\n    progress: {ratio: [1, 0.5, 0.2, 0.1]}\n"
)


def test_a_pydantic_error_the_catalogue_does_not_word_stays_in_english(tmp_path: Path) -> None:
    path = registry(tmp_path, FALLBACK)
    english = "Tuple should have at most 3 items after validation, not 4"
    issues = {issue.field: issue for issue in lint_registry(path)}
    fallback = issues["targets[1].progress.ratio"]
    assert (fallback.message, fallback.key) == (english, "")
    assert fallback.message_in("zh") == english
    assert fallback.text_in("zh") == f"{path}:37：错误：targets[1].progress.ratio：{english}"
    worded = issues["targets[0].clause"]
    assert worded.key == "pydantic.int_parsing"
    assert worded.message_in("zh") == "应为整数，这段文字无法读作整数"


def test_lint_json_gives_the_key_and_the_words_in_its_language(tmp_path: Path) -> None:
    path = registry(tmp_path, BROKEN)
    zh = runner.invoke(app, ["lint", str(path), "--format", "json", "--lang", "zh"])
    en = runner.invoke(app, ["lint", str(path), "--format", "json"], env={"SZQ_LANG": "en"})
    (zh_issue, *_), (en_issue, *_) = (json.loads(r.output)["issues"] for r in (zh, en))
    assert zh_issue == {
        "file": str(path),
        "line": 2,
        "severity": "error",
        "field": "colour",
        "message": "未知字段 'colour'",
        "hint": "",
        "key": "registry.unknown.field",
    }
    assert en_issue == {**zh_issue, "message": "unknown field 'colour'"}
    last = json.loads(zh.output)["issues"][-1]
    assert (last["key"], last["hint"]) == (
        "registry.unknown.agency.hint",
        "'agencies:' 下列出的单位的 name_zh",
    )


def test_a_field_error_carries_its_key_and_fields() -> None:
    error = FieldError("min", "model.min_above_max", min=5.0, max=3.0)
    assert (error.field, error.key, error.fields) == (
        "min",
        "model.min_above_max",
        {"min": 5.0, "max": 3.0},
    )
    assert str(error) == error.message == "'min' (5.0) is greater than 'max' (3.0)"


# -- no message written inline in the plan layer: every key it names is the catalogue's --

_SAYERS = {"FieldError": 1, "said": 3, "_issue": 4}  # the argument that is the key


def _calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    function = call.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")


@pytest.mark.parametrize("path", sorted(PLAN_DIR.glob("*.py")), ids=lambda path: path.name)
def test_the_plan_layer_says_its_problems_by_key(path: Path) -> None:
    """A problem of a registry is said by a key of the catalogue, never by an English
    sentence written where it is raised (the plan keeps only the words it reads)."""
    for call in _calls(path):
        name = _name(call)
        if name in _SAYERS:
            key = call.args[_SAYERS[name]]
            if isinstance(key, ast.Constant):
                assert key.value in WORDS, (path.name, call.lineno)
            else:  # a key computed: never a sentence
                assert not isinstance(key, ast.JoinedStr) or "." in ast.unparse(key), call.lineno
        if name in ("LoadIssue", "LintIssue"):
            message = call.args[3] if name == "LoadIssue" else call.args[4]
            assert not isinstance(message, ast.Constant | ast.JoinedStr), (path.name, call.lineno)


def test_every_key_the_plan_layer_computes_is_in_the_catalogue() -> None:
    for what in ("agency", "field", "indicator", "target"):
        key, _ = issue_words.unknown_words(what, "x")
        assert {key, f"{key}.hint"} <= set(WORDS)
    assert {f"pydantic.{kind}" for kind in issue_words._PLAIN} <= set(WORDS)
    assert {f"lint.hint.{name}" for name in lint._HINTED} <= set(WORDS)
    assert {"lint.severity.error", "lint.severity.warning"} <= set(WORDS)


@pytest.mark.parametrize(
    ("what", "name", "choices"),
    [
        ("agency", "市统计", ["市统计局", "市科技局"]),
        ("field", "colour", ["color", "id"]),
        ("target", "gpd", ["gdp"]),
    ],
)
def test_a_name_not_found_says_the_closest_name(what: str, name: str, choices: list[str]) -> None:
    key, fields = issue_words.unknown_words(what, name, choices)
    assert word(key, "en", **fields) == (f"unknown {what} {name!r} (did you mean {choices[0]!r}?)")
