"""The annual report: its data, HTML/Markdown/JSON, escaping, determinism, golden JSON."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("matplotlib")

from samples import XSS, make_data  # noqa: E402

from sz_quality.check.evaluate import evaluate  # noqa: E402
from sz_quality.read.measures_status import parse_measures_status  # noqa: E402
from sz_quality.read.observations import (  # noqa: E402
    ReadResult,
)
from sz_quality.render.format import format_number  # noqa: E402
from sz_quality.render.report.as_json import report_json  # noqa: E402
from sz_quality.render.report.dispatch import (  # noqa: E402
    ReportFormat,
    ReportOptions,
    renderer_for,
)
from sz_quality.render.report.pages import render_html  # noqa: E402
from sz_quality.render.report.writer import format_for, write_charts, write_report  # noqa: E402
from sz_quality.render.verdict_words import reason_words  # noqa: E402
from sz_quality.report.build import build_report, collect_history  # noqa: E402

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report"


@pytest.fixture(scope="module")
def data() -> ReadResult:
    return make_data()


@pytest.fixture(scope="module")
def status(measure_registry: Any) -> Any:
    raw = (f"measure,status,note\nm01_01,done,{XSS}\nm02_01,in_progress,\nm_nope,done,\n").encode()
    return parse_measures_status(raw, [m.id for m in measure_registry.measures], name="st.csv")


@pytest.fixture(scope="module")
def report(registry: Any, data: ReadResult) -> Any:
    return evaluate(registry, data, 2013)


def _annual_without_charts(
    report: Any, registry: Any, measure_registry: Any, status: Any, data: ReadResult
) -> Any:
    """The English report of the examples with the measures' status, charts left out."""
    return build_report(
        report,
        registry,
        measures=measure_registry,
        measures_status=status,
        data=data,
        lang="en",
        charts=False,
    )


def test_history_uses_the_engine_values(registry: Any, data: ReadResult) -> None:
    history = collect_history(registry, data, 2013)
    assert [year for year, _ in history["rd_share_2015"]] == [2010, 2012, 2013]
    assert history["rd_share_2015"][-1][1] == pytest.approx(4.0)
    # GDP target in 万亿元: the engine's conversion, not the data's 亿元
    assert history["gdp_2015"][0][1] == pytest.approx(0.951091)


def test_build_counts_and_sections(
    registry: Any, measure_registry: Any, report: Any, data: ReadResult, status: Any
) -> None:
    annual = _annual_without_charts(report, registry, measure_registry, status, data)
    assert annual.total == len(registry.targets)
    assert sum(annual.summary.values()) == annual.total
    assert sum(sum(c.counts.values()) for c in annual.chapters) == annual.total
    assert annual.charts == {}
    drc = next(a for a in annual.agencies if a.key == "市发展改革委")
    statuses = {m.measure.id: m.status for m in drc.measures}
    assert statuses["m01_01"] == "done" and statuses["m02_01"] == "in_progress"
    assert statuses["m02_02"] == "not_reported"
    assert drc.measure_counts["done"] == 1
    assert annual.measure_counts is not None and annual.measure_counts["done"] == 1
    assert any(d.code == "status-unknown-measure" for d in annual.diagnostics)
    assert [w.open_gaps for w in annual.widest_gaps] == sorted(
        (w.open_gaps for w in annual.widest_gaps), reverse=True
    )
    assert annual.sources[0].series == ("gdp", "rd_share", "resident_population")


def test_html_is_self_contained_and_escaped(
    registry: Any, measure_registry: Any, report: Any, data: ReadResult, status: Any
) -> None:
    annual = build_report(
        report, registry, measures=measure_registry, measures_status=status, data=data, lang="en"
    )
    html = render_html(annual)
    assert "<script" not in html  # the note, the source and the diagnostic show as text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert html.count("<svg") == len(annual.charts) >= 2
    assert 'id="chart-rd_share_2015"' in html
    assert "http://" not in html.replace("http://www.w3.org", "").replace(
        "http://purl.org", ""
    ).replace("http://creativecommons.org", "")
    assert "<link" not in html and "@import" not in html and "src=" not in html
    assert 'id="overall"' in html and "2. Main indicators" in html
    # the registry's identity in the last annex, not under the title
    assert html.index(annual.registry_sha256[:12]) > html.index('id="annexes"')


def test_chinese_report(registry: Any, report: Any, data: ReadResult) -> None:
    annual = build_report(report, registry, data=data, lang="zh")
    html = render_html(annual)
    assert "一、总体情况" in html and "二、主要指标完成情况" in html and "市发展改革委" in html
    assert '<html lang="zh-CN">' in html


@pytest.mark.parametrize("suffix", ["html", "md", "json"])
def test_same_inputs_same_bytes(
    tmp_path: Path,
    suffix: str,
    registry: Any,
    measure_registry: Any,
    report: Any,
    data: ReadResult,
    status: Any,
) -> None:
    outputs = []
    for run in ("one", "two"):
        folder = tmp_path / run
        folder.mkdir()
        _, written = write_report(
            folder / f"report.{suffix}",
            report,
            registry,
            measures=measure_registry,
            measures_status=status,
            data=data,
            lang="zh",
        )
        outputs.append({path.relative_to(folder): path.read_bytes() for path in written})
    assert outputs[0] == outputs[1]
    if suffix == "md":
        assert any(str(path).startswith("report_charts/") for path in outputs[0])


def test_markdown_links_its_charts_and_escapes(
    tmp_path: Path, registry: Any, measure_registry: Any, report: Any, data: ReadResult, status: Any
) -> None:
    folder = tmp_path / "report_charts"
    write_charts(folder, {"chart-gone": "<svg/>"})  # an earlier run drew a chart now gone
    stale = folder / "chart-gone.svg"
    assert stale.exists()
    annual, written = write_report(
        tmp_path / "report.md",
        report,
        registry,
        measures=measure_registry,
        measures_status=status,
        data=data,
    )
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "](report_charts/chart-rd_share_2015.svg)" in text
    assert (tmp_path / "report_charts" / "chart-rd_share_2015.svg").read_text().startswith("<svg")
    assert not stale.exists()
    # escaped for Markdown: `\<` shows a "<", never opens a tag (test_markdown_escaping.py)
    assert re.search(r"(?<!\\)<script", text) is None and "\\<script>" in text
    assert len(written) == 1 + len(annual.charts)
    for line in text.splitlines():  # every table row has the header's number of cells
        if line.startswith("| ") and "\\|" in line:
            pytest.fail(f"an escaped pipe inside a table cell should not occur here: {line}")


def test_json_is_the_report_data(
    tmp_path: Path, registry: Any, report: Any, data: ReadResult
) -> None:
    annual, _ = write_report(tmp_path / "r.json", report, registry, data=data, fmt="json")
    loaded = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert loaded == json.loads(report_json(annual))
    check_dict = report.to_dict(reason_words("en"))
    assert loaded["summary"] == check_dict["summary"]
    check_results = {r["target"]: r for r in check_dict["results"]}
    for result in loaded["results"]:
        contract = {k: v for k, v in result.items() if k in check_results[result["target"]]}
        assert contract == check_results[result["target"]]  # the same figures as szq check
    assert "generated" not in loaded


def test_stamp_is_printed_only_when_given(registry: Any, report: Any) -> None:
    plain = render_html(build_report(report, registry, lang="en", charts=False))
    stamped = render_html(
        build_report(report, registry, lang="en", charts=False, stamp="2026-01-01T00:00:00Z")
    )
    assert "2026-01-01T00:00:00Z" not in plain and "2026-01-01T00:00:00Z" in stamped


def test_format_for() -> None:
    assert format_for("a/report.HTML") == "html"
    assert format_for("r.md") == "md"
    assert format_for("r.txt", "json") == "json"
    with pytest.raises(ValueError, match="--format"):
        format_for("report.txt")
    with pytest.raises(ValueError, match="unknown report format"):
        format_for("r.html", "pdf")


def test_every_report_format_has_a_renderer(registry: Any, report: Any, data: ReadResult) -> None:
    # as pip-audit's test_to_format_is_exhaustive; the CLI's --format is this enum
    from sz_quality.cli import report_commands

    assert report_commands.ReportFormat is ReportFormat
    annual = build_report(report, registry, data=data, lang="en")
    for output_format in ReportFormat:
        assert format_for(f"report.{output_format.value}") is output_format
        rendered = renderer_for(output_format)(annual, "report_charts", ReportOptions())
        if output_format.binary:  # a Word document: a zip file
            assert rendered.data.startswith(b"PK")
        else:
            assert rendered.data.decode("utf-8").endswith("\n")
        # only Markdown has charts beside it, as SVG files
        assert bool(rendered.charts) == (output_format is ReportFormat.md)


def test_number_format() -> None:
    assert [format_number(v) for v in (None, 0.0, 1234567.8, 4.0, 3.805, 0.012345, -2.5)] == [
        "—",
        "0",
        "1,234,568",
        "4",
        "3.81",
        "0.0123",
        "-2.5",
    ]


def test_golden_json(
    registry: Any, measure_registry: Any, report: Any, data: ReadResult, status: Any
) -> None:
    annual = _annual_without_charts(report, registry, measure_registry, status, data)
    # the registry's digest changes with every edit of targets.yaml: not part of the golden
    text = report_json(annual).replace(annual.registry_sha256, "<sha256>")
    golden = GOLDEN / "report-2013.en.json"
    if os.environ.get("SZQ_UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        "the report's JSON changed; if on purpose, rerun with SZQ_UPDATE_GOLDEN=1"
    )


def test_every_output_takes_its_status_colours_from_one_table(
    registry: Any, measure_registry: Any, report: Any, data: ReadResult, status: Any
) -> None:
    """The terminal's styles, the workbook's fills, the charts' and the HTML badges'
    colours were four tables; now each reads report/colours.py."""
    from sz_quality.render.check.table import STATUS_STYLES
    from sz_quality.render.check.workbook import status_fills
    from sz_quality.report.charts import STATUS_COLOURS
    from sz_quality.report.colours import MEASURE_BADGES, STATUS_PALETTE

    annual = build_report(
        report, registry, measures=measure_registry, measures_status=status, data=data, lang="en"
    )
    html = render_html(annual)
    fills = status_fills()
    for name, colour in STATUS_PALETTE.items():
        assert f".s-{name} {{ background: {colour.badge}; }}" in html
        assert STATUS_STYLES[name] == colour.terminal
        assert STATUS_COLOURS[name] == colour.chart
        assert (fills[name]["bg_color"], fills[name]["font_color"]) == (colour.fill, colour.font)
    for name, badge in MEASURE_BADGES.items():
        assert f".m-{name} {{ background: {badge}; }}" in html
    # the HTML's <style> names no other colour for a status than the table's
    assert html.count(".s-") >= len(STATUS_PALETTE)
