"""`szq check`'s table for people: a target in at most three lines, its details as
footnotes, the targets without data in one line; `--explain` shows everything in the
table as before (issue 22)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sz_quality.check.run import run_check
from sz_quality.render.check.dispatch import OutputFormat, RenderOptions, renderer_for
from sz_quality.render.check.table import _columns, _compact
from sz_quality.render.grid import render_grid
from sz_quality.render.result_row import column_labels

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def report_2013(registry: Any) -> Any:
    return run_check([EXAMPLES / "data-2013.csv"], registry, year=2013).report


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [100, 120])
def test_a_target_is_at_most_three_lines(report_2013: Any, lang: str, width: int) -> None:
    columns = _columns(column_labels(lang), width)  # type: ignore[arg-type]
    heights = []
    for group in report_2013.groups("agency"):
        rows, _, _ = _compact(group.results, lang, columns[0].width)  # type: ignore[arg-type]
        for row in rows:
            # the grid of one row: top border, header, rule, the row, bottom border
            heights.append(len(render_grid(columns, [row]).rstrip("\n").splitlines()) - 4)
    assert heights and max(heights) <= 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_2013_table_is_at_most_half_as_long(report_2013: Any, lang: str) -> None:
    render = renderer_for(OutputFormat.table)
    compact = render(report_2013, RenderOptions(lang=lang, width=120))  # type: ignore[arg-type]
    explained = render(report_2013, RenderOptions(lang=lang, width=120, explain=True))  # type: ignore[arg-type]
    assert 2 * len(compact.splitlines()) <= len(explained.splitlines())
    # nothing is lost: each detail of the explained table is a footnote of the compact one
    assert "[1] → " in compact and "※ " in compact
    # a target without data is named once per group, in its one line
    assert compact.count("缺少数据（" if lang == "zh" else "No data (") >= 10
    # the footnotes and the line without data are wrapped to the table's width
    from sz_quality.render.grid import text_width

    table_width = text_width(compact.splitlines()[6])
    assert all(text_width(line) <= table_width for line in compact.splitlines()[5:])
