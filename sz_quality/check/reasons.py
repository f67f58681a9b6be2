"""Why a target has no verdict (or a qualified one), in both languages."""

from __future__ import annotations

from collections.abc import Iterable

from ..plan.lang import Lang

__all__ = ["pairs_text", "reason_text"]

# Reasons, in both languages. Each entry: key -> (zh, en), str.format fields.
_REASONS: dict[str, tuple[str, str]] = {
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


def reason_text(key: str, lang: Lang, **fields: object) -> str:
    zh, en = _REASONS[key]
    return (zh if lang == "zh" else en).format(**fields)


def pairs_text(missing: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{series} {year}" for series, year in missing)
