"""User-facing words in Chinese and English: the one word list of every output."""

from __future__ import annotations

from ..plan.lang import Lang

__all__ = ["text"]

# Labels shared by renderers and the CLI. Each entry: key -> (zh, en).
_TEXT: dict[str, tuple[str, str]] = {
    "id": ("编号", "ID"),
    "target": ("目标", "Target"),
    "targets": ("目标", "Targets"),
    "indicator": ("指标", "Indicator"),
    "chapter": ("章", "Chapter"),
    "clause": ("条", "Clause"),
    "table": ("表", "Table"),
    "kind": ("类型", "Kind"),
    "comparator": ("比较", "Comparator"),
    "value": ("目标值", "Value"),
    "unit": ("单位", "Unit"),
    "years": ("基期→目标年", "Baseline→target"),
    "lead": ("牵头单位", "Lead agencies"),
    "inferred": ("推定", "inferred"),
    "aspirational": ("力争", "aspirational"),
    "agency": ("牵头单位", "Agency"),
    "measure": ("具体措施", "Measure"),
    "measures": ("具体措施", "Measures"),
    "count": ("数量", "Count"),
    "targets_by_text": ("目标(原文)", "Targets (text)"),
    "targets_inferred": ("目标(推定)", "Targets (inferred)"),
    "none": ("无", "none"),
    "total": ("合计", "Total"),
    "kind.level": ("水平", "level"),
    "kind.change": ("累计变化", "change"),
    "kind.increment": ("新增", "increment"),
    "kind.kept": ("每年保持", "kept every year"),
    "kind.yearly_rate": ("每年比例", "yearly rate"),
    "kind.milestone": ("节点", "milestone"),
    "change.decrease": ("下降", "decrease"),
    "change.increase": ("增长", "increase"),
}


def text(key: str, lang: Lang) -> str:
    """The label for `key` in `lang`; an unknown key is returned as is."""
    pair = _TEXT.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


# Reasons a target has no verdict
# -------------------------------
# The engine keeps a reason as a code and its fields (sz_quality.check.reasons); these
# are its words. Imported here rather than at the top, to keep this section apart.
from ..check.reasons import Reason, ReasonWords  # noqa: E402 - see the comment above

__all__ += ["reason_text", "reason_words"]

# template -> (zh, en), str.format fields; "missing_derived" is a missing reason whose
# derived indicator's inputs are missing (it names the formula)
_REASON_WORDS: dict[str, tuple[str, str]] = {
    "missing": ("缺少数据：{pairs}", "no data: {pairs}"),
    "missing_derived": (
        "缺少数据：{pairs}（{indicator} = {formula}）",
        "no data: {pairs} ({indicator} = {formula})",
    ),
    "no_rate": (
        "缺少{year}年人民币对美元汇率（元/美元）：请在数据中提供 cny_per_usd",
        "no exchange rate (元 per 美元) for {year}: give cny_per_usd in the data",
    ),
    "before_baseline": (
        "{year}年早于基期{baseline}年",
        "{year} is before the baseline year {baseline}",
    ),
    "zero_baseline": (
        "{indicator} {year}年基期值为零，无法计算变化率",
        "the baseline value of {indicator} in {year} is zero: no relative change",
    ),
    "no_path": (
        "缺少基期数据 {indicator} {year}：无法判断是否达到进度（时间过半、任务过半）",
        "no baseline value of {indicator} for {year}: the straight path to the target needs it",
    ),
    "judgement": (
        "节点目标需要判断；{reason}",
        "a milestone that needs a judgement; {reason}",
    ),
    "failed_years": ("未保持的年份：{years}", "not held in {years}"),
    "overshoot": ("超出目标范围", "beyond the target range"),
    "unknown_indicator": (
        "登记册中没有指标 {indicator}",
        "indicator {indicator} is not in the registry",
    ),
}


def reason_text(reason: Reason, lang: Lang) -> str:
    """A result's reason in words, in `lang`."""
    key: str = reason.code
    if key == "missing" and reason.formula is not None:
        key = "missing_derived"
    zh, en = _REASON_WORDS[key]
    return (zh if lang == "zh" else en).format(
        pairs=", ".join(f"{series} {year}" for series, year in reason.missing),
        indicator=reason.indicator,
        formula=reason.formula,
        year=reason.year,
        baseline=reason.baseline_year,
        years=", ".join(str(year) for year in reason.years),
        reason=reason_text(reason.cause, lang) if reason.cause is not None else "",
    )


def reason_words(lang: Lang) -> ReasonWords:
    """reason_text in `lang`, for Report.to_dict and Result.to_dict."""
    return lambda reason: reason_text(reason, lang)
