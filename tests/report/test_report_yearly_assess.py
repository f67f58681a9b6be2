"""The annual report with a yearly plan (年度目标 beside each result) and the assessment's annex."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("jinja2")

from sz_quality.check.run import run_assess  # noqa: E402
from sz_quality.cli import app  # noqa: E402
from sz_quality.plan.registry import Registry  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATA = [EXAMPLES / "data-2013.csv", EXAMPLES / "districts-2013-illustrative.csv"]
PLAN = EXAMPLES / "plans" / "plan-2013-illustrative.csv"
runner = CliRunner()


def _report(tmp_path: Path, name: str, *options: str) -> str:
    out = tmp_path / name
    args = ["report", *map(str, DATA), "--year", "2013", "-o", str(out), *options]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_markdown_report_shows_the_yearly_target_beside_the_results(tmp_path: Path) -> None:
    text = _report(tmp_path, "r.md", "--plan", str(PLAN), "--lang", "zh")
    header = next(line for line in text.splitlines() if line.startswith("| 序号 | 指标 |"))
    assert header.endswith("| 牵头单位 | 年度目标 |")
    assert "|---:|---|---|---:|---:|---:|---:|---|---|---|" in text
    gdp = next(line for line in text.splitlines() if line.startswith("| 1 | 本市生产总值达到"))
    assert gdp.endswith("| 快于预期 | 市发展改革委 | 1.48 万亿元 (2013)，未达到 |")
    per_capita = next(line for line in text.splitlines() if line.startswith("| 2 | 人均生产总值"))
    assert per_capita.endswith("| 市发展改革委 |  |")  # no sub-target: blank
    assert "年度目标" not in _report(tmp_path, "plain.md", "--lang", "zh")


def test_the_json_report_has_the_yearly_verdicts_and_the_assessment(
    tmp_path: Path, registry: Registry
) -> None:
    data = json.loads(_report(tmp_path, "r.json", "--plan", str(PLAN), "--assessment"))
    assert data["yearly_plan"] == [str(PLAN)]
    gdp = next(r for r in data["results"] if r["target"] == "gdp_2015")
    assert (gdp["yearly"]["value"], gdp["yearly"]["status"]) == (1.48, "not_met")
    expected = run_assess([str(p) for p in DATA], registry, year=2013, plan=[str(PLAN)])
    assert data["assessment"] == json.loads(json.dumps(expected.to_dict()))
    plain = json.loads(_report(tmp_path, "plain.json"))
    assert "assessment" not in plain and "yearly_plan" not in plain


def test_the_html_report_has_the_assessment_as_an_annex(tmp_path: Path) -> None:
    html = _report(tmp_path, "r.html", "--plan", str(PLAN), "--assessment", "--lang", "zh")
    annex = html[html.index('<section class="part" id="assessment">') :]
    assert "<h2>附件：2013 年考核得分</h2>" in annex
    assert '<a href="#assessment">附件：2013 年考核得分</a>' in html
    assert "<h3>各区</h3>" in annex
    assert "年度计划：1/1，权重 20，得 100.00 分：gdp_2015 已达到" in annex
    assert '<td>市国资委<div class="reason">无可考核内容</div></td>' in annex
    assert 'id="assessment"' not in _report(tmp_path, "plain.html")


def test_the_word_report_has_the_assessment_as_an_annex(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    pytest.importorskip("matplotlib")
    out = tmp_path / "r.docx"
    args = ["report", *map(str, DATA), "--year", "2013", "-o", str(out), "--lang", "zh"]
    assert runner.invoke(app, [*args, "--plan", str(PLAN), "--assessment"]).exit_code == 0
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "附件：2013 年考核得分" in headings and headings[-1] == "各区"
    districts = document.tables[-1]
    assert [c.text for c in districts.rows[1].cells][2:] == ["100.00", "—", "—", "—", "100.00"]
    assert districts.rows[1].cells[1].text.startswith("福田区\n")


def test_the_word_report_shows_the_yearly_target_beside_the_results(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    pytest.importorskip("matplotlib")
    out = tmp_path / "r.docx"
    args = ["report", *map(str, DATA), "--year", "2013", "-o", str(out), "--lang", "zh"]
    assert runner.invoke(app, [*args, "--plan", str(PLAN)]).exit_code == 0
    table = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "序号")
    assert [cell.text for cell in table.rows[0].cells][-2:] == ["牵头单位", "年度目标"]
    gdp = next(row for row in table.rows if row.cells[1].text.startswith("本市生产总值达到"))
    assert gdp.cells[-1].text == "1.48 万亿元 (2013)，未达到"
    plain = tmp_path / "plain.docx"
    assert runner.invoke(app, [*args[:-4], "-o", str(plain), "--lang", "zh"]).exit_code == 0
    first = next(t for t in docx.Document(str(plain)).tables if t.rows[0].cells[0].text == "序号")
    assert first.rows[0].cells[-1].text == "牵头单位"
