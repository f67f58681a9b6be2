"""Samples the tests of several layers share: a small registry's YAML (GOOD) and a
small slice of read data with a hostile source text (make_data)."""

from __future__ import annotations

from sz_quality.read.codes import make
from sz_quality.read.messages import template
from sz_quality.read.observations import (
    InputSummary,
    Observation,
    ReadResult,
    Revision,
)

BODY = """\
schema_version: 1
plan:
  id: demo
  name_zh: 演示计划
  name_en: Demo plan
  baseline_year: 2010
  target_year: 2015
agencies:
  - id: drc
    name_zh: 市发展改革委
    name_en: Development and Reform Commission
indicators:
  - id: gdp
    name_zh: 生产总值
    name_en: GDP
    unit: 亿元
    direction: higher
targets:
  - id: gdp_2015
    indicator: gdp
    name_zh: 生产总值达到1.5万亿元
    name_en: GDP reaches 1.5 trillion yuan
    chapter: 1
    clause: 2
    kind: level
    comparator: ">="
    value: 1.5
    unit: 万亿元
    lead_agencies: [市发展改革委]
    quote: 本市生产总值达到1.5万亿元
"""
# after the targets, so that the lines the tests name stay those of BODY
CHAPTERS = """\
chapters:
  - number: 1
    name_zh: 总体要求和主要目标
    name_en: General requirements and main targets
"""
GOOD = BODY + CHAPTERS


XSS = "<script>alert('x')</script>"


def make_data() -> ReadResult:
    """A small, realistic slice of data: GDP, population, R&D share over three years."""
    source = "深圳市统计公报 " + XSS
    rows = [
        ("gdp", 2010, 9510.91),
        ("gdp", 2012, 12950.06),
        ("gdp", 2013, 14500.23),
        ("resident_population", 2010, 1037.20),
        ("resident_population", 2013, 1062.89),
        ("rd_share", 2010, 3.64),
        ("rd_share", 2012, 3.81),
        ("rd_share", 2013, 4.0),
        ("gdp", 2013, 14500.23),
    ]
    observations = tuple(
        Observation(series, year, value, file="data.csv", line=index + 2, source=source)
        for index, (series, year, value) in enumerate(rows)
    )
    diagnostic = make(
        "unknown-indicator",
        "data.csv",
        12,
        1,
        "indicator",
        template("unknown-indicator", name=XSS),
        template("ambiguous-indicator.hint"),
        severity="warning",
    )
    revision = Revision("gdp", "", 2013, 14500.0, 14500.23, "data.csv", 9, "data.csv", 10)
    return ReadResult(
        observations, (diagnostic,), (InputSummary("data.csv", 10, 9, 1),), (revision,)
    )
