"""Every verdict carries the rows it used, and their caveats are shown beside it.

The test case is the plan's income target (4.9万元, set on the old household survey)
checked with 2015's figure from the new survey: the note saying so must reach the
check's table, Markdown, CSV and JSON and the annual report's HTML, Markdown and JSON.
An auditor must find where GDP's 17,502.99 came from without rerunning anything.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import Report, Result
from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup
from sz_quality.plan.registry import Registry
from sz_quality.read.reader import read_files
from sz_quality.render.markdown_escape import escape as markdown_escape
from sz_quality.render.verdict_words import reason_words

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "data-2015.csv"
NEW_SURVEY = (
    "new integrated household survey (from 2014): not comparable with 2010-2012 nor with "
    "the target, which was set on the old survey"
)
OLD_SURVEY = (
    "about (3.24万元); old household survey (before the 2014 change), the basis of the target"
)
INCOME_NOTE = f"※ data note (disposable_income_per_capita 2015): {NEW_SURVEY}"


@pytest.fixture(scope="module")
def report(registry: Registry) -> Report:
    return evaluate(registry, read_files([EXAMPLE], Lookup.from_registry(registry)))


def result_of(report: Report, target: str) -> Result:
    (found,) = [result for result in report.results if result.target == target]
    return found


def invoke(*arguments: str) -> str:
    run = CliRunner().invoke(app, list(arguments))
    assert run.exit_code == 0, run.output
    return run.output


def example_line(number: int) -> dict[str, str]:
    with EXAMPLE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return rows[number - 2]


def test_the_income_verdict_uses_both_surveys_rows(report: Report) -> None:
    income = result_of(report, "disposable_income_per_capita_2015")
    assert income.status == "not_met"
    assert [(row.series, row.year, row.line, row.note) for row in income.evidence.rows] == [
        ("disposable_income_per_capita", 2015, 25, NEW_SURVEY),
        ("disposable_income_per_capita", 2010, 22, OLD_SURVEY),
    ]


def test_where_the_17502_99_came_from(report: Report) -> None:
    data = json.loads(invoke("check", str(EXAMPLE), "--format", "json"))
    (shown,) = [r for r in data["results"] if r["target"] == "gdp_2015"]
    line = example_line(6)
    assert shown["used"][0] == {
        "indicator": "gdp",
        "region": "",
        "year": 2015,
        "value": "17502.99",
        "unit": "亿元",
        "value_converted": 17502.99,
        "file": str(EXAMPLE),
        "line": 6,
        "source": line["source"],
        "note": line["note"],
    }
    assert [row["line"] for row in shown["used"]] == [6, 2]  # the year checked, the baseline
    assert shown["exchange_rates"] == []
    library = result_of(report, "gdp_2015").to_dict(reason_words("en"))
    assert shown["used"][1:] == [{**row, "file": str(EXAMPLE)} for row in library["used"][1:]]


def test_a_derived_value_lists_its_inputs_and_the_rates(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(
        "indicator,year,value,unit,note\n"
        "gdp,2015,1.750299,万亿元,first release\n"
        "resident_population,2015,1137.87,万人,\n"
        "gdp,2010,9500,亿元,\n"
        "resident_population,2010,1035.79,万人,census\n"
        "cny_per_usd,2015,6.2284,元/美元,annual average\n",
        encoding="utf-8",
    )
    data = json.loads(invoke("check", str(path), "--format", "json"))
    (shown,) = [r for r in data["results"] if r["target"] == "gdp_per_capita_2015"]
    assert [
        (r["indicator"], r["year"], r["value"], r["unit"], r["line"]) for r in shown["used"]
    ] == [
        ("gdp", 2015, "1.750299", "万亿元", 2),
        ("resident_population", 2015, "1137.87", "万人", 3),
        ("cny_per_usd", 2015, "6.2284", "元/美元", 6),
        ("gdp", 2010, "9500", "亿元", 4),
        ("resident_population", 2010, "1035.79", "万人", 5),
    ]
    assert shown["used"][0]["value_converted"] == 17502.99
    assert shown["exchange_rates"] == [
        {"year": 2015, "cny_per_usd": 6.2284, "source": "data"},
        {
            "year": 2010,
            "cny_per_usd": 6.7695,
            "source": "中国统计年鉴 人民币汇率(年平均价) / China Statistical Yearbook: "
            "RMB exchange rate (annual average)",
        },
    ]
    # 17502.99 亿元 / 1137.87 万人 at 6.2284 元 per 美元
    assert shown["actual"] == pytest.approx(17502.99e8 / 1137.87e4 / 6.2284 / 1e4, rel=1e-9)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_check_shows_the_survey_caveat_beside_the_verdict(fmt: str) -> None:
    output = invoke("check", str(EXAMPLE), "--format", fmt, "--lang", "en")
    if fmt == "markdown":
        (row,) = [
            line
            for line in output.splitlines()
            if line.startswith("| Per capita disposable income reaches 49,000 yuan")
        ]
        # as every Markdown cell, escaped for Markdown (render/markdown_escape.py)
        assert markdown_escape(INCOME_NOTE) in row and "| not met |" in row
    else:
        # the table gives the note as a footnote of the target's row, wrapped to the
        # table's width (long words too): compare without the white space
        assert "".join(INCOME_NOTE.split()) in "".join(output.split())
        lines = output.splitlines()
        (start,) = [n for n, line in enumerate(lines) if "Per capita disposable" in line]
        row = " ".join(line.split("│")[1] for line in lines[start : start + 3])
        assert re.search(r"\[\d+(,\d+|-\d+)?\]", row)  # the row cites its footnotes


def test_check_csv_has_the_notes_column() -> None:
    output = invoke("check", str(EXAMPLE), "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(output)))
    (income, *_) = [r for r in rows if r["target"] == "disposable_income_per_capita_2015"]
    assert income["notes"].split("\n") == [
        INCOME_NOTE,
        f"※ data note (disposable_income_per_capita 2010): {OLD_SURVEY}",
    ]


def test_a_target_without_noted_rows_shows_no_note(report: Report) -> None:
    rd = result_of(report, "rd_share_2015")
    assert rd.evidence.rows and not rd.evidence.noted


@pytest.mark.parametrize("suffix", ["html", "md", "json"])
def test_the_report_shows_every_note_and_source_with_its_value(
    tmp_path: Path, suffix: str, report: Report
) -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")
    out = tmp_path / f"report.{suffix}"
    invoke("report", str(EXAMPLE), "-o", str(out), "--lang", "en")
    text = out.read_text(encoding="utf-8")
    if suffix == "json":
        data: dict[str, Any] = json.loads(text)
        # every note of the data (the charts show more years than a row uses)
        noted_lines = [
            number
            for number in range(2, 2 + len(EXAMPLE.read_text(encoding="utf-8").splitlines()) - 1)
            if example_line(number)["note"]
        ]
        assert [row["line"] for row in data["notes"]] == noted_lines
        assert [row["note"] for row in data["notes"]] == [
            example_line(number)["note"] for number in noted_lines
        ]
        for shown in data["results"]:
            expected = result_of(report, shown["target"]).to_dict(reason_words("en"))
            assert shown["used"] == expected["used"]
            assert shown["exchange_rates"] == expected["exchange_rates"]
        return
    noted = [r for r in report.results if r.evidence.rows]
    assert noted
    from markupsafe import escape  # what the HTML template escapes with (jinja2's)

    def shown_as(value: object) -> str:
        # Markdown is escaped for Markdown only (render/markdown_escape.py), HTML for HTML
        return markdown_escape(value) if suffix == "md" else str(escape(value))

    for result in noted:
        for row in result.evidence.rows:
            assert shown_as(row.source) in text, (result.target, row.line)
            if row.note:
                note = f"※ data note ({row.series} {row.year}): {row.note}"
                assert shown_as(note) in text, (result.target, row.line)
    assert shown_as(INCOME_NOTE) in text
    appendix = text[text.index(shown_as("Notes of the data")) :]
    with EXAMPLE.open(encoding="utf-8", newline="") as stream:
        notes = [row["note"] for row in csv.DictReader(stream) if row["note"]]
    assert len(notes) > 20
    for note in notes:
        assert shown_as(note) in appendix, note
