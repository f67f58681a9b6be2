"""One word list and one formatting: `szq check` and `szq report` print a target the same."""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2")

from sz_quality.check.evaluate import evaluate  # noqa: E402
from sz_quality.check.results import STATUSES, TREND_CATEGORIES, Report  # noqa: E402
from sz_quality.plan.lookup import Lookup  # noqa: E402
from sz_quality.read.reader import read_files  # noqa: E402
from sz_quality.read.reading import ReadOptions
from sz_quality.render.check.dispatch import OutputFormat, RenderOptions, renderer_for  # noqa: E402
from sz_quality.render.report.pages import render_html, render_markdown  # noqa: E402
from sz_quality.render.result_row import completion_word, target_name  # noqa: E402
from sz_quality.render.verdict_words import status_word, trend_word, word  # noqa: E402
from sz_quality.report.build import build_report  # noqa: E402
from sz_quality.report.evaluation import COMPLETIONS  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [str(ROOT / "examples" / "data-2013.csv"), str(ROOT / "examples" / "data-2015.csv")]
_PIPE = re.compile(r"(?<!\\)\|")
_ESCAPED = re.compile(r"\\(.)")


def _rows(markdown: str) -> list[list[str]]:
    """The cells of every table row of a Markdown text, Markdown and HTML escapes undone."""
    rows = []
    for line in markdown.splitlines():
        if not line.startswith("| "):
            continue
        cells = [unescape(_ESCAPED.sub(r"\1", cell.strip())) for cell in _PIPE.split(line)[1:-1]]
        rows.append(cells)
    return rows


def _check_rows(report: Report, lang: Any) -> list[list[str]]:
    """The target rows of `szq check --format markdown --by chapter`, headers dropped."""
    text = renderer_for(OutputFormat.markdown)(report, RenderOptions(lang=lang, by="chapter"))
    return [row for row in _rows(text) if row[0] != word("target", lang)]


def _report_rows(report: Report, registry: Any, lang: Any) -> list[list[str]]:
    """The rows of the annual report's main indicators table (a target with data each)."""
    annual = build_report(report, registry, lang=lang, charts=False)
    lines = render_markdown(annual, "charts").splitlines()
    headings = [_ESCAPED.sub(r"\1", line) for line in lines]
    start = headings.index(f"## {word('eval.indicators', lang)}")
    end = headings.index(f"## {word('eval.chapters', lang)}")
    table = "\n".join(lines[start:end])
    return [row for row in _rows(table) if row[0] != word("col.number", lang)]


@pytest.fixture(scope="module", params=[2013, 2015])
def reports(request: Any, registry: Any) -> dict[str, Report]:
    data = read_files(EXAMPLES, Lookup.from_registry(registry), ReadOptions(lang="en"))
    return {lang: evaluate(registry, data, request.param) for lang in ("en", "zh")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_words_each_status_as_plan_reviews_do(
    reports: dict[str, Report], registry: Any, lang: str
) -> None:
    report = reports[lang]
    annual = _report_rows(report, registry, lang)
    with_data = [r for r in report.results if r.actual is not None and r.actual_year]
    assert len(annual) == len(with_data) > 3
    assert [row[7] for row in annual] == [completion_word(r, lang) for r in with_data]
    allowed = {word(f"completion.{c}", lang) for c in COMPLETIONS}
    assert {row[7] for row in annual} <= allowed


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_and_report_print_the_same_target(
    reports: dict[str, Report], registry: Any, lang: str
) -> None:
    report = reports[lang]
    check = _check_rows(report, lang)
    annual = _report_rows(report, registry, lang)
    with_data = [r for r in report.results if r.actual is not None and r.actual_year]
    for row, result in zip(annual, with_data, strict=True):
        # the report's target is the check's without its unit (a column) nor year (header)
        name = target_name(result, lang)
        shown = [c for c in check if c[0].startswith(name)]
        assert shown and all(c[1].startswith(row[4]) for c in shown), (row, shown)
    assert any(row[4].startswith(("≥", "≤")) for row in annual)  # ≥, not >=
    assert not any(">=" in row[4] or "<=" in row[4] for row in annual)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_report_shows_the_main_table_as_markdown_does(
    reports: dict[str, Report], registry: Any, lang: str
) -> None:
    report = reports[lang]
    html = render_html(build_report(report, registry, lang=lang, charts=False))
    for row in _report_rows(report, registry, lang):
        for cell in row[2:7]:
            assert f'<td class="num">{escape(cell)}</td>' in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_word_per_status_and_trend(lang: str) -> None:
    statuses = [status_word(status, lang) for status in STATUSES]
    trends = [trend_word(category, lang) for category in TREND_CATEGORIES]
    assert len(set(statuses)) == len(statuses) and len(set(trends)) == len(trends)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_and_targets_print_the_same_target_figure_and_mark(
    reports: dict[str, Report], registry: Any, lang: str
) -> None:
    """`szq check` and `szq targets` once said `change ≥ 20%` and `decrease ≥ 20%` for the
    same target, `(力争)` and `[力争]` for the same mark: now one text in both."""
    from sz_quality.render.registry.tables import Layout, targets_table

    report = reports[lang]
    by_id = registry.targets_by_id
    listing = targets_table(registry, list(registry.targets), lang, Layout(width=1000))
    check = renderer_for(OutputFormat.table)(
        report, RenderOptions(lang=lang, width=1000, explain=True)
    )  # every target a row
    energy = next(r for r in report.results if r.spec.kind == "change" and r.spec.change)
    decrease = word("change." + energy.spec.change, lang)
    assert f"{decrease} ≥ " in listing and f"{decrease} ≥ " in check
    mark = f"({word('aspirational', lang)})"
    assert any(by_id[r.target].aspirational for r in report.results)
    assert mark in listing and mark in check
    assert f"[{word('aspirational', lang)}]" not in listing
