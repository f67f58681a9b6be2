"""Charts: deterministic SVG, escaped text, text as text in a CJK-capable font stack."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from sz_quality.report.charts import (
    BulletRow,
    TargetChart,
    agency_bullet_svg,
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


def test_bullet_chart() -> None:
    rows = [
        BulletRow("研发投入强度", 1.1, 0.6, "met"),
        BulletRow("no data", None, 0.6, "no_data"),
        BulletRow("behind", -0.5, 0.6, "off_track"),
    ]
    svg = agency_bullet_svg("bullet-agency-drc", "市发展改革委", rows)
    assert svg == agency_bullet_svg("bullet-agency-drc", "市发展改革委", rows)
    assert 'id="bullet-agency-drc"' in svg


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


def test_bullet_chart_text_is_text() -> None:
    rows = [BulletRow("研发投入强度", 1.1, 0.6, "met"), BulletRow("户籍人口", None, 0.6, "no_data")]
    labels = ("进度", "应达进度", "缺少数据")
    texts = _texts(agency_bullet_svg("bullet-x", "市发展改革委", rows, labels))
    assert texts[:3] == ["市发展改革委", "研发投入强度", "户籍人口"]
    assert {"缺少数据", "进度", "应达进度", "100%"} <= set(texts)


def test_nice_ticks() -> None:
    assert nice_ticks(0.9, 1.9) == [1.0, 1.2, 1.4, 1.6, 1.8]
    assert nice_ticks(-3, 47) == [0, 10, 20, 30, 40]
    assert nice_ticks(5, 5) == [5]


def test_a_compound_path_is_drawn_year_by_year() -> None:
    compound = TargetChart(**{**CHART.__dict__, "path": "compound"})
    svg = target_svg(compound)
    # the straight path is one dashed line; the compound one a dashed polyline through
    # every year of the period, bending below the straight line of a rising target
    assert 'polyline points="' in svg and 'stroke-dasharray="5 3"/>' in svg
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
