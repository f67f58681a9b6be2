"""The words of a result: a status, a trend, a kind, a reason, in the user's language.

The words themselves are in the one catalogue, sz_quality.words (`word`); these helpers
pick the key a result's field names (tests/render/test_words.py checks that the check and the
report say the same).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..plan.lang import Lang
from ..words import WORDS, word

if TYPE_CHECKING:  # annotations only: `szq validate` does not import the rules engine
    from ..check.reasons import Reason, ReasonWords

__all__ = ["kind_prefix", "status_word", "text", "trend_word", "word"]


def status_word(status: str, lang: Lang | str) -> str:
    """met -> 已达到 / met: what every output calls a status."""
    return word(f"status.{status}", lang)


def trend_word(category: str, lang: Lang | str) -> str:
    return word(f"trend.{category}", lang)


def kind_prefix(kind: str, lang: Lang | str) -> str:
    """What a target's figure starts with for its kind ("累计变化 ", "new "), or ""."""
    key = f"prefix.{kind}"
    return word(key, lang) + " " if key in WORDS else ""


def text(key: str, lang: Lang) -> str:
    """The label for `key` in `lang`; an unknown key is returned as is."""
    return word(key, lang) if key in WORDS else key


# Reasons a target has no verdict
# -------------------------------
# The engine keeps a reason as a code and its fields (sz_quality.check.reasons); these
# are its words.

__all__ += ["reason_text", "reason_words"]


def reason_text(reason: Reason, lang: Lang) -> str:
    """A result's reason in words, in `lang`."""
    key: str = reason.code
    if key == "missing" and reason.formula is not None:
        key = "missing_derived"
    separator = word("list.separator", lang)
    return word(
        f"reason.{key}",
        lang,
        pairs=separator.join(f"{series} {year}" for series, year in reason.missing),
        indicator=reason.indicator,
        formula=reason.formula,
        year=reason.year,
        baseline=reason.baseline_year,
        years=separator.join(str(year) for year in reason.years),
        reason=reason_text(reason.cause, lang) if reason.cause is not None else "",
        regions=word("list.separator", "zh").join(reason.regions),  # Chinese names, either way
    )


def reason_words(lang: Lang) -> ReasonWords:
    """reason_text in `lang`, for Report.to_dict and Result.to_dict."""
    return lambda reason: reason_text(reason, lang)
