"""Markdown outputs read right: rendered by a real Markdown library (markdown-it-py), every
text shows as written: no `&gt;`, no stray backslash, each cell in its column, no tag."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

markdown_it = pytest.importorskip("markdown_it")

from sz_quality.check.evaluate import evaluate  # noqa: E402
from sz_quality.plan.registry import load_registry  # noqa: E402
from sz_quality.read.codes import make  # noqa: E402
from sz_quality.read.messages import template  # noqa: E402
from sz_quality.read.observations import (  # noqa: E402
    InputSummary,
    Observation,
    ReadResult,
)
from sz_quality.render.check.dispatch import OutputFormat, RenderOptions, renderer_for  # noqa: E402
from sz_quality.render.check.summary import diagnostic_line, status_label  # noqa: E402
from sz_quality.render.format import gap_text, target_text  # noqa: E402
from sz_quality.render.markdown_escape import code_span, escape  # noqa: E402
from sz_quality.render.result_row import target_name  # noqa: E402
from sz_quality.render.verdict_words import reason_text  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"
HOSTILE = "<script>alert('x')</script> | *a* _b_ `c` [d](e) &gt;= \\ # ~f~ $g$ R&D"


class Blocks(HTMLParser):
    """The text a reader sees, by element: table rows of cells, headings, items, code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.rows: list[list[str]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th", "h1", "h2", "h3", "h4", "li", "p", "code", "strong"):
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            _, parts = self._open.pop()
            text = "".join(parts)
            if tag in ("td", "th"):
                self.rows[-1].append(text)
            self.texts.setdefault(tag, []).append(text)
            if self._open:
                self._open[-1][1].append(text)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def render(markdown: str) -> Blocks:
    # raw HTML allowed, as GitHub and most viewers allow some: an escape must hold anyway
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    blocks = Blocks()
    blocks.feed(parser.render(markdown))
    return blocks


PUNCTUATION = st.sampled_from(
    list("\\`*_[]|<>#&~$!-+=.():;/\"'{} \t\n0123456789aZ深")
    + ["&gt;", "&#60;", "<b>", "```", "---", "1. ", "> ", "## ", "![x](y)", "http://a.b"]
)
# any printable text (Markdown shows a NUL as U+FFFD, by the CommonMark spec)
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=3)
TEXTS = st.lists(PUNCTUATION | PRINTABLE, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_escaped_text_shows_as_itself_everywhere(value: str) -> None:
    shown = " ".join(value.split())
    inline, line = escape(value), escape(value, line_start=True)
    blocks = render(
        f"| a | b |\n|---|---|\n| {inline} | x |\n\n## {inline}\n\n"
        f"- {line}\n\n{line}\n\n- {code_span(value)}\n"
    )
    assert blocks.rows == [["a", "b"], [shown, "x"]]
    assert blocks.texts["h2"] == [shown]
    assert blocks.texts["li"] == [shown, shown]
    assert blocks.texts.get("code", []) == ([shown] if shown else [])
    assert blocks.texts.get("p", []) == ([shown] if shown else [])
    assert set(blocks.tags) <= {
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h2",
        "ul",
        "li",
        "p",
        "code",
    }


def test_check_markdown_reads_as_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = load_registry(FIXTURES / "registry.yaml")
    rows = [
        ("gdp", 2010, 9510.91),
        ("gdp", 2013, 14500.23),
        ("share", 2010, 97),
        ("share", 2013, 99.5),
        ("rate", 2010, 2.6),
        ("rate", 2013, 2.5),
    ]
    observations = tuple(
        Observation(series, year, value, "", "d|a`t`a.csv", line)
        for line, (series, year, value) in enumerate(rows, start=2)
    )
    diagnostic = make(
        "unknown-indicator",
        "d|a`t`a.csv",
        9,
        1,
        "indicator",
        template("unknown-indicator", name=HOSTILE),
    )
    data = ReadResult(observations, (diagnostic,), (InputSummary("d|a`t`a.csv", 8, 7, 1),))
    report = evaluate(registry, data)
    markdown = renderer_for(OutputFormat.markdown)(report, RenderOptions(lang="en"))
    blocks = render(markdown)
    assert "script" not in blocks.tags
    assert blocks.texts["code"] == [diagnostic_line(diagnostic, "en")]  # exactly as written
    assert repr(HOSTILE) in blocks.texts["code"][0]
    assert blocks.texts["li"][0].strip() == "d|a`t`a.csv: 8 rows, 7 accepted, 1 rejected"
    results = {target_name(result, "en"): result for result in report.results}
    checked = 0
    for cells in blocks.rows:
        if cells[0] == "Target":
            continue
        result = results[cells[0]]
        assert cells[1] == target_text(result, "en")  # ≥ / > / < as szq check prints them
        assert cells[3] == status_label(result.status, "en")
        assert cells[4] == gap_text(result, "en")
        assert cells[7] == (reason_text(result.reason, "en") if result.reason else "")
        checked += 1
    assert checked == sum(len(group.results) for group in report.by_agency())
    text = " ".join(" ".join(cells) for cells in blocks.rows)
    assert "&gt;" not in text and "&lt;" not in text and "\\" not in text
    assert {"> 99% (2015)", "< 2.5% (2015)"} <= {cells[1] for cells in blocks.rows}


@pytest.fixture(scope="module")
def report_markdown(registry: Any, measure_registry: Any) -> tuple[Any, str]:
    pytest.importorskip("jinja2")
    from samples import make_data

    from sz_quality.read.measures_status import parse_measures_status
    from sz_quality.render.report.pages import render_markdown
    from sz_quality.report.build import build_report

    data = make_data()
    quoted = HOSTILE.replace('"', '""')
    status = parse_measures_status(
        f'measure,status,note\nm01_01,done,"{quoted}"\n'.encode(),
        [m.id for m in measure_registry.measures],
        name="st.csv",
    )
    report = evaluate(registry, data, 2013)
    annual = build_report(
        report,
        registry,
        measures=measure_registry,
        measures_status=status,
        data=data,
        lang="en",
        charts=False,
    )
    return annual, render_markdown(annual, "my report_charts")


def test_report_markdown_reads_as_written(report_markdown: tuple[Any, str]) -> None:
    annual, markdown = report_markdown
    blocks = render(markdown)
    assert "script" not in blocks.tags
    assert "&gt;" not in markdown.replace(escape(HOSTILE), "")
    cells = [cell for row in blocks.rows for cell in row]
    assert HOSTILE in cells  # the measure's note, as the submitter wrote it
    shown = " ".join([*cells, *(text for texts in blocks.texts.values() for text in texts)])
    assert "&gt;" not in shown.replace(HOSTILE, "") and "&lt;" not in shown
    assert "\\" not in shown.replace(HOSTILE, "")
    assert "**" not in shown  # the summary's total is bold, not starred

    # the main indicators table: one row per target with data, its cells as every
    # renderer shows them (render/result_row.py), the data it used cited after the name
    from sz_quality.render.result_row import common_years, indicator_cells

    lines = annual.evaluation.indicators
    years = common_years(lines)
    expected = {str(line.number): indicator_cells(line, "en", years) for line in lines}
    checked = 0
    for cells in blocks.rows:
        if len(cells) != 9 or cells[0] not in expected:
            continue
        want = expected[cells[0]]
        assert cells[1].startswith(want[1]) and cells[2:] == want[2:]
        checked += 1
    assert checked == len(lines) >= 2


def test_report_markdown_chart_links_are_encoded(registry: Any) -> None:
    pytest.importorskip("jinja2")
    from samples import make_data

    from sz_quality.render.report.pages import render_markdown
    from sz_quality.report.build import build_report

    data = make_data()
    annual = build_report(evaluate(registry, data, 2013), registry, data=data, lang="en")
    markdown = render_markdown(annual, "my (2013) report_charts")
    parser = markdown_it.MarkdownIt("commonmark")
    images = [
        token
        for block in parser.parse(markdown)
        for token in block.children or ()
        if token.type == "image"
    ]
    sources = [str(image.attrs["src"]) for image in images]
    assert "my%20%282013%29%20report_charts/chart-gdp_2015.svg" in sources
    assert len(sources) == len(annual.charts)
    assert all(source.startswith("my%20%282013%29%20report_charts/") for source in sources)
