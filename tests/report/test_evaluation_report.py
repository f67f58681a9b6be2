"""The evaluation report (issue 22): its parts from the results, its prose's figures in the
JSON, 完成情况 in the words plan reviews use, English units in English."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.run import run_check
from sz_quality.plan.measures import load_measures
from sz_quality.render.format import format_number, target_label
from sz_quality.render.report.as_json import report_json
from sz_quality.render.report.evaluation_text import (
    chapter_paragraphs,
    next_steps,
    overall_paragraphs,
    problem_paragraphs,
)
from sz_quality.render.result_row import indicator_cells, indicator_headers
from sz_quality.report.build import build_report
from sz_quality.report.model import AnnualReport

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = {
    2015: [EXAMPLES / "data-2015.csv", EXAMPLES / "data-2013.csv"],
    2013: [EXAMPLES / "data-2013.csv"],
}


@pytest.fixture(scope="module")
def runs(registry: Any) -> dict[int, Any]:
    return {year: run_check(files, registry, year=year) for year, files in FILES.items()}


def build(registry: Any, runs: dict[int, Any], year: int, lang: str) -> AnnualReport:
    run = runs[year]
    return build_report(
        run.report,
        registry,
        measures=load_measures(registry),
        data=run.data,
        lang=lang,  # type: ignore[arg-type]
        charts=False,
    )


def prose(annual: AnnualReport) -> list[str]:
    found = annual.evaluation
    assert found is not None
    paragraphs = overall_paragraphs(annual)
    for chapter in found.chapters:
        paragraphs += chapter_paragraphs(chapter, annual.lang)
    paragraphs += problem_paragraphs(found, annual.lang)
    paragraphs += next_steps(found, annual.lang)
    return paragraphs


def _numbers(value: Any) -> Iterator[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


def figures_of_json(data: dict[str, Any]) -> set[str]:
    """Every number of the report's JSON as the tables print it (a share also as a
    percentage; a gap also without its sign)."""
    found: set[str] = set()
    for value in _numbers(data):
        found |= {format_number(value), format_number(abs(value)), format_number(value * 100)}
        if isinstance(value, int):
            found.add(str(value))
    return found


FIGURE = re.compile(r"(?<![0-9.,A-Za-z])[+-]?\d+(?:,\d{3})*(?:\.\d+)?")


def figures_of_prose(annual: AnnualReport, paragraphs: list[str]) -> list[str]:
    """The figures of the prose, less those of the names it quotes (the plan's, the
    targets', the agencies') and the numbers of a list's items."""
    names = [annual.plan, *(target_label(r.result.spec, annual.lang) for r in annual.targets)]
    names += [section.label for section in annual.agencies]
    figures = []
    for paragraph in paragraphs:
        text = re.sub(r"^\d+\. ", "", paragraph)
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, " ")
        figures += [figure.lstrip("+-") for figure in FIGURE.findall(text)]
    return figures


@pytest.mark.parametrize("year", [2015, 2013])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_of_the_prose_is_in_the_json(
    registry: Any, runs: dict[int, Any], year: int, lang: str
) -> None:
    annual = build(registry, runs, year, lang)
    paragraphs = prose(annual)
    figures = figures_of_prose(annual, paragraphs)
    assert len(figures) > 20  # the prose states figures, not only words
    known = figures_of_json(json.loads(report_json(annual)))
    assert [figure for figure in figures if figure not in known] == []


def test_a_figure_not_in_the_json_is_caught(registry: Any, runs: dict[int, Any]) -> None:
    annual = build(registry, runs, 2015, "zh")
    known = figures_of_json(json.loads(report_json(annual)))
    figures = figures_of_prose(annual, ["户籍人口2015年为369.6万人。"])
    assert figures == ["2015", "369.6"] and "369.6" not in known and "369.63" in known


def test_the_2015_overall_counts_and_completion(registry: Any, runs: dict[int, Any]) -> None:
    annual = build(registry, runs, 2015, "zh")
    found = annual.evaluation
    assert found is not None and found.final
    assert found.counts["met"] == 11 and found.counts["not_met"] == 4
    assert found.counts["no_data"] == 85 and found.checked == 15
    overall = overall_paragraphs(annual)
    assert "已完成11项，未完成4项，完成率73.33%" in overall[1]
    assert "85项目标缺少数据" not in "".join(overall)  # counted once, in 存在的问题
    problems = problem_paragraphs(found, "zh")
    # without data: one count per lead agency, never a list of targets
    assert problems[-1].startswith("85项目标缺少数据") and "市科工贸信委21项" in problems[-1]
    assert [line.result.target for line in found.problems] == [
        "disposable_income_per_capita_2015",
        "registered_population_2015",
        "retail_sales_2015",
        "tertiary_share_2015",
    ]


def test_the_main_indicators_table(registry: Any, runs: dict[int, Any]) -> None:
    zh = build(registry, runs, 2015, "zh")
    assert zh.evaluation is not None
    assert indicator_headers("zh") == [
        "序号",
        "指标",
        "单位",
        "基期值",
        "目标值",
        "当前值",
        "年均增长",
        "完成情况",
        "牵头单位",
    ]
    first = indicator_cells(zh.evaluation.indicators[0], "zh")
    assert first == [
        "1",
        "本市生产总值达到1.5万亿元 *",
        "万亿元",
        "0.95 (2010)",
        "≥ 1.5 (2015)",
        "1.75 (2015)",
        "+13%",
        "已完成",
        "市发展改革委",
    ]
    # growth of a money amount the registry says is at current prices: nominal (名义)
    from dataclasses import replace

    from sz_quality.render.result_row import growth_cell

    current_prices = replace(zh.evaluation.indicators[0].result, nominal=True)
    assert growth_cell(current_prices, "zh") == "+13%（名义）"
    assert growth_cell(current_prices, "en") == "+13% (nominal)"
    # one line per target with data, numbered in order
    assert [line.number for line in zh.evaluation.indicators] == list(
        range(1, len(zh.evaluation.indicators) + 1)
    )
    assert all(line.result.actual is not None for line in zh.evaluation.indicators)
    en = build(registry, runs, 2015, "en")
    assert en.evaluation is not None
    cells = indicator_cells(en.evaluation.indicators[0], "en")
    assert cells[2] == "trillion yuan" and cells[6] == "+13%"
    assert cells[8] == "Shenzhen Municipal Development and Reform Commission"


def test_english_prose_has_english_units(registry: Any, runs: dict[int, Any]) -> None:
    annual = build(registry, runs, 2015, "en")
    text = "\n".join(prose(annual))
    assert "369.63 ten thousand people" in text
    assert not re.search(r"\d (万|亿)", text)


def test_the_2013_report_is_a_midterm_review(registry: Any, runs: dict[int, Any]) -> None:
    annual = build(registry, runs, 2013, "zh")
    found = annual.evaluation
    assert found is not None and not found.final
    assert found.time_share == pytest.approx(0.6)
    overall = overall_paragraphs(annual)
    assert overall[1].startswith("2013年时序进度为60%。")
    completions = {line.completion for line in found.indicators}
    assert completions <= {"early", "ahead", "on_schedule", "lagging", "not_assessable"}
    assert "early" in completions  # met before the target year: 提前完成


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_markdown_reports_prose_read_back_has_only_figures_of_the_json(
    registry: Any, runs: dict[int, Any], lang: str
) -> None:
    """The report as written, read back: every paragraph of its body (not its tables nor
    headings nor annexes) states figures the JSON holds, rounded as the tables round."""
    from sz_quality.render.report.pages import render_markdown

    annual = build(registry, runs, 2015, lang)
    text = render_markdown(annual, "charts").replace("\\", "")
    body = text[: text.index("\n## " + ("附件" if lang == "zh" else "Annexes"))]
    paragraphs = [
        line.removeprefix("- ")
        for line in body.splitlines()
        if line
        and not line.startswith(("#", "|", "!", "表", "Table"))
        and not line.startswith(("报告年份", "Year of the report", "注", "Note"))
    ]
    assert paragraphs == prose(annual)
    figures = figures_of_prose(annual, paragraphs)
    known = figures_of_json(json.loads(report_json(annual)))
    assert figures and [figure for figure in figures if figure not in known] == []


def test_the_word_reports_prose_read_back_has_only_figures_of_the_json(
    registry: Any, runs: dict[int, Any]
) -> None:
    """The Word document, opened with python-docx: the paragraphs of its five parts state
    the prose's sentences, and their figures are the JSON's."""
    docx = pytest.importorskip("docx")
    pytest.importorskip("matplotlib")
    import io

    from sz_quality.render.report.docx import render_docx

    annual = build(registry, runs, 2015, "zh")
    document = docx.Document(io.BytesIO(render_docx(annual)))
    body: list[str] = []
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("附件"):
            break
        if paragraph.style.name == "Normal" and paragraph.text:
            body.append(paragraph.text)
    sentences = prose(annual)
    assert [text for text in body if text in sentences] == sentences
    figures = figures_of_prose(annual, body)
    known = figures_of_json(json.loads(report_json(annual)))
    assert len(figures) > 20 and [figure for figure in figures if figure not in known] == []
