"""Charts: deterministic SVG, escaped text, text as text in a CJK-capable font stack."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from sz_quality.report.charts import (
    TargetChart,
    target_svg,
)
from sz_quality.report.svg import FONT_STACK, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"

CHART = TargetChart(
    chart_id="chart-rd_share_2015",
    title="研发投入 <script>alert(1)</script> --> R&D",
    unit="%",
    history=((2010, 3.5), (2012, 3.8), (2015, 4.05)),
    baseline_year=2010,
    baseline_value=3.5,
    target_year=2015,
    target_value=4.0,
    year=2015,
    status="met",
)


def test_target_chart_is_deterministic_svg() -> None:
    first = target_svg(CHART)
    assert first == target_svg(CHART)
    assert first.startswith("<svg") and first.rstrip().endswith("</svg>")
    assert 'id="chart-rd_share_2015"' in first
    assert "<dc:date>" not in first  # no timestamp in the metadata


def test_chart_ids_differ_between_charts() -> None:
    other = TargetChart(**{**CHART.__dict__, "chart_id": "chart-other"})
    ids_one = set(re.findall(r'id="([^"]+)"', target_svg(CHART)))
    ids_two = set(re.findall(r'id="([^"]+)"', target_svg(other)))
    # clip paths and glyph ids must not collide when both are inlined in one HTML page
    assert ids_one & ids_two == set()
    assert all(i.startswith("chart-rd_share_2015") for i in ids_one)


def test_text_in_charts_is_escaped() -> None:
    svg = target_svg(CHART)
    assert "<script" not in svg
    assert "-->" not in svg.split("<!--", 1)[-1].replace("-->", "", svg.count("<!--"))


def test_range_target_and_missing_baseline_draw() -> None:
    ranged = TargetChart(
        chart_id="chart-range",
        title="range",
        unit="%",
        history=((2011, 5.0), (2013, 6.0)),
        baseline_year=2010,
        baseline_value=None,
        target_year=2015,
        target_value=None,
        target_min=4.0,
        target_max=7.0,
        status="on_track",
    )
    assert "<svg" in target_svg(ranged)


def _texts(svg: str) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_chart_text_is_text_in_a_cjk_font_stack() -> None:
    chinese = TargetChart(
        **{
            **CHART.__dict__,
            "title": "研发经费支出占GDP比重达到4%",
            "labels": ("数据", "达标路径", "目标", "目标年"),
        }
    )
    svg = target_svg(chinese)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("font-family") == FONT_STACK
    assert "Noto Sans CJK SC" in FONT_STACK and FONT_STACK.endswith("sans-serif")
    texts = _texts(svg)
    assert texts[0] == "研发经费支出占GDP比重达到4%"  # the title, as characters
    assert {"数据", "达标路径", "目标", "目标年", "%", "2010", "2015"} <= set(texts)
    assert "<path" not in svg  # no glyphs drawn as outlines


def test_nice_ticks() -> None:
    assert nice_ticks(0.9, 1.9) == [1.0, 1.2, 1.4, 1.6, 1.8]
    assert nice_ticks(-3, 47) == [0, 10, 20, 30, 40]
    assert nice_ticks(5, 5) == [5]


def test_a_compound_path_is_drawn_year_by_year() -> None:
    compound = TargetChart(**{**CHART.__dict__, "path": "compound"})
    svg = target_svg(compound)
    # the straight path is one dashed line; the compound one a polyline through every
    # year of the period in a dash of its own (told apart in the legend too), bending
    # below the straight line of a rising target
    assert 'polyline points="' in svg and 'stroke-dasharray="2 2"/>' in svg
    assert 'stroke-dasharray="5 3"' not in svg and 'stroke-dasharray="5 3"' in target_svg(CHART)
    dashed = re.findall(r'<polyline points="([^"]+)"[^>]*stroke-dasharray', svg)
    assert len(dashed) == 1
    points = [tuple(map(float, pair.split(","))) for pair in dashed[0].split()]
    span = CHART.target_year - CHART.baseline_year
    assert len(points) == span + 1
    (x0, y0), (x1, y1) = points[0], points[-1]
    middle_x, middle_y = points[span // 2]
    straight_y = y0 + (y1 - y0) * (middle_x - x0) / (x1 - x0)
    assert middle_y > straight_y  # lower on the page: SVG's y grows downward
    assert re.findall(r"<polyline[^>]*stroke-dasharray", target_svg(CHART)) == []


def test_statuses_by_chapter_are_stacked_bars_with_their_counts() -> None:
    from sz_quality.report.charts import StatusChart, statuses_svg

    chart = StatusChart(
        "chart-statuses",
        "各领域目标完成情况",
        (
            ("一、总体要求和主要目标", (("met", 3), ("not_met", 2), ("no_data", 1))),
            ("二、经济发展质量提升行动", (("met", 3), ("not_met", 1), ("no_data", 20))),
        ),
        ("已达到", "未达到", "缺少数据"),
    )
    svg = target = statuses_svg(chart)
    assert svg == statuses_svg(chart)  # deterministic
    # one segment per non-zero count, its count written in it, a legend per status
    assert target.count("<rect") == 6 + 3
    assert (
        ">20</text>" in svg
        and ">缺少数据</text>" in svg
        and ">一、总体要求和主要目标</text>" in svg
    )
