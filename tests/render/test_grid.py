"""The text grid: wide characters take two columns, no line overflows, no text is lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sz_quality.render.grid import (
    Cell,
    Column,
    Ink,
    render_fitted,
    render_grid,
    sgr,
    text_width,
    wrap,
)

TEXT = st.text(
    alphabet=st.sampled_from(list("abc xyz,.-") + list("深圳质量目标达到万亿元") + ["_", "%"]),
    max_size=80,
)


def test_widths() -> None:
    assert text_width("GDP") == 3
    assert text_width("万亿元") == 6
    assert text_width("4.05%（2015）") == 13  # full-width brackets are wide


def test_wrap_breaks_words_only_when_they_do_not_fit() -> None:
    # a word longer than a line breaks where it stands; one that fits is carried over
    assert wrap("no data: tech_progress_contribution 2015", 12) == [
        "no data: tec",
        "h_progress_c",
        "ontribution",
        "2015",
    ]
    assert wrap("not assessable", 9) == ["not asses", "sable"]  # as textwrap does
    assert wrap("本市生产总值达到1.5万亿元", 10) == ["本市生产总", "值达到1.5", "万亿元"]
    assert wrap("two\nlines", 10) == ["two", "lines"]


@given(TEXT, st.integers(min_value=2, max_value=30))
def test_wrap_never_overflows_and_keeps_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(text_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_render_grid_aligns_columns_and_colours_only_when_asked() -> None:
    columns = [Column("目标", 8), Column("Gap", 6, "right")]
    plain = render_grid(columns, [["达到60%", Cell("-1.2", "red")]])
    assert plain.splitlines() == [
        "┏━━━━━━━━━━┳━━━━━━━━┓",
        "┃ 目标     ┃    Gap ┃",  # headers follow their column's justification
        "┡━━━━━━━━━━╇━━━━━━━━┩",
        "│ 达到60%  │   -1.2 │",
        "└──────────┴────────┘",
    ]
    coloured = render_grid(columns, [["x", Cell("-1.2", "red")]], Ink(color=True))
    assert "\x1b[31m" in coloured and "\x1b[31m" not in plain


def test_a_style_is_the_ansi_codes_of_its_words() -> None:
    assert sgr("red") == "\x1b[31m" and sgr("magenta") == "\x1b[35m" and sgr("dim") == "\x1b[2m"
    assert sgr("bold green") == "\x1b[1;32m" and sgr("bold red") == "\x1b[1;31m"
    with pytest.raises(ValueError):
        sgr("mauve")


def test_rows_too_wide_for_the_terminal_are_stacked_in_the_same_ink() -> None:
    columns = [Column("目标", 8), Column("Gap", 6, "right"), Column("Note", 5)]
    rows = [["达到60% ≥ 多", Cell("-1.2", "red"), ""], [Cell("x", "bold green"), "", "a b c"]]
    ascii_only = str.maketrans({"─": "-", "≥": ">="})
    ink = Ink(color=True, degrade=lambda text: text.translate(ascii_only))
    assert render_fitted(columns, rows, 20, ink).splitlines() == [
        "-" * 20,
        "达到60% >= 多",
        "  \x1b[31mGap: -1.2\x1b[0m",  # an empty cell has no line
        "-" * 20,
        "\x1b[1;32mx\x1b[0m",
        "  Note: a b c",
        "-" * 20,
    ]
    assert render_fitted(columns, rows, 40, ink) == render_grid(columns, rows, ink)
