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
