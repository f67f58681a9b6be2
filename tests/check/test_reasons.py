"""Reasons are data in the engine and words at the edge: every code has its words."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from sz_quality.check.reasons import REASON_CODES, Reason, ReasonCode
from sz_quality.plan.lang import Lang
from sz_quality.render.verdict_words import reason_text

README = Path(__file__).resolve().parents[2] / "docs" / "checking.md"

# one reason of each code, every field its words use filled in
EXAMPLES: dict[str, Reason] = {
    "missing": Reason("missing", missing=(("gdp", 2015),), indicator="gdp"),
    "no_rate": Reason("no_rate", year=2015),
    "before_baseline": Reason("before_baseline", year=2009, baseline_year=2010),
    "zero_baseline": Reason("zero_baseline", indicator="gdp", year=2010),
    "no_path": Reason("no_path", indicator="gdp", year=2010),
    "judgement": Reason("judgement", cause=Reason("no_rate", year=2015)),
    "failed_years": Reason("failed_years", years=(2012, 2013)),
    "overshoot": Reason("overshoot"),
    "unknown_indicator": Reason("unknown_indicator", indicator="nope"),
    "at_baseline": Reason("at_baseline", year=2010),
    "too_few_years": Reason("too_few_years", indicator="gdp", year=2013),
    "sign_change": Reason("sign_change", indicator="gdp", year=2013, baseline_year=2010),
    "lagging_regions": Reason("lagging_regions", regions=("福田区", "南山区")),
}


def test_the_codes_are_the_literal() -> None:
    assert get_args(ReasonCode) == REASON_CODES
    assert set(EXAMPLES) == set(REASON_CODES)


@pytest.mark.parametrize("code", REASON_CODES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_code_has_words(code: str, lang: Lang) -> None:
    text = reason_text(EXAMPLES[code], lang)
    assert text and "None" not in text and "{" not in text


def test_the_words_differ_by_language_only() -> None:
    reason = EXAMPLES["judgement"]
    assert reason_text(reason, "en") == (
        "a milestone that needs a judgement; no exchange rate (元 per 美元) for 2015: "
        "give cny_per_usd in the data"
    )
    assert reason_text(reason, "zh").startswith("节点目标需要判断；缺少2015年人民币对美元汇率")


def test_a_derived_indicator_names_its_formula() -> None:
    reason = Reason(
        "missing",
        missing=(("rd_share", 2013), ("rd_spending", 2013)),
        indicator="rd_share",
        formula="rd_spending / gdp",
    )
    assert reason_text(reason, "en") == (
        "no data: rd_share 2013, rd_spending 2013 (rd_share = rd_spending / gdp)"
    )


def test_the_checking_guide_names_every_code() -> None:
    text = README.read_text(encoding="utf-8")
    for code in REASON_CODES:
        assert f"`{code}`" in text, code
