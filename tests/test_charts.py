"""Charts: deterministic SVG, escaped text, a CJK font when there is one."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("matplotlib")

from sz_quality.report.charts import (  # noqa: E402
    BulletRow,
    TargetChart,
    agency_bullet_svg,
    cjk_font_available,
    cjk_font_warning,
    target_svg,
)

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
        chart_id="chart-range", title="range", unit="%", history=((2011, 5.0), (2013, 6.0)),
        baseline_year=2010, baseline_value=None, target_year=2015, target_value=None,
        target_min=4.0, target_max=7.0, status="on_track",
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


def test_cjk_font_warning_names_the_debian_package() -> None:
    warning = cjk_font_warning()
    if cjk_font_available():
        assert warning is None
    else:
        assert warning is not None and "fonts-noto-cjk" in warning
