"""User-facing words in Chinese and English: the one word list of every output.

The check's table, Markdown and CSV, the annual report (HTML, Markdown, JSON), the
registry listings and `szq validate` all take their words from here, so that one
concept has one wording wherever it is printed (tests/test_words.py checks that the
check and the report say the same). Each entry: key -> (zh, en); a few hold
`{fields}` that `word` fills in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..plan.lang import Lang

if TYPE_CHECKING:  # annotations only: `szq validate` does not import the rules engine
    from ..check.reasons import Reason, ReasonWords

__all__ = ["kind_prefix", "status_word", "text", "trend_word", "word"]

_TEXT: dict[str, tuple[str, str]] = {
    # --- the registry: targets, measures, agencies ------------------------------------
    "id": ("编号", "ID"),
    "target": ("目标", "Target"),
    "targets": ("目标", "Targets"),
    "indicator": ("指标", "Indicator"),
    "chapter": ("章", "Chapter"),
    "clause": ("条", "Clause"),
    "table": ("表", "Table"),
    "kind": ("类型", "Kind"),
    "comparator": ("比较", "Comparator"),
    "target_value": ("目标值", "Target value"),
    "unit": ("单位", "Unit"),
    "years": ("基期→目标年", "Baseline→target"),
    "lead": ("牵头单位", "Lead agencies"),
    "inferred": ("推定", "inferred"),
    "lead_inferred": ("推定牵头", "lead inferred"),
    "aspirational": ("力争", "aspirational"),
    "derived": ("推算", "derived"),
    "agency": ("牵头单位", "Agency"),
    "measure": ("措施", "Measure"),
    "measures": ("具体措施", "Specific measures"),
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
    "kind.trend": ("趋势向好", "trend in its direction"),
    "kind.average_growth": ("年均增长", "average growth a year"),
    "kind.cumulative": ("累计", "cumulative total"),
    "change.decrease": ("下降", "decrease"),
    "change.increase": ("增长", "increase"),
    # what a target's figure starts with, by kind: 累计变化 ≥ 20%, 新增 40–50 家, ...
    "prefix.change": ("累计变化", "change"),
    "prefix.increment": ("新增", "new"),
    "prefix.kept": ("每年", "every year"),
    "prefix.yearly_rate": ("每年", "each year"),
    "prefix.average_growth": ("年均增长", "average growth"),
    "prefix.cumulative": ("累计", "total"),
    # --- a target checked: statuses, trend, the columns of its row ---------------------
    "status.met": ("已达到", "met"),
    "status.not_met": ("未达到", "not met"),
    "status.on_track": ("进度正常", "on track"),
    "status.off_track": ("进度滞后", "off track"),
    "status.no_data": ("缺少数据", "no data"),
    "status.not_assessable": ("无法评估", "not assessable"),
    "trend.significant": ("显著进展", "significant progress"),
    "trend.moderate": ("一定进展", "moderate progress"),
    "trend.insufficient": ("进展不足", "insufficient progress"),
    "trend.moving_away": ("背离目标", "moving away"),
    "actual": ("实际值", "Actual"),
    "status": ("状态", "Status"),
    "gap": ("差距", "Gap"),
    "progress": ("进度", "Progress"),
    "trend": ("趋势", "Trend"),
    "reason": ("说明", "Note"),
    "points": ("个百分点", " pp"),  # the unit of a gap in a share
    # what is still needed and where it is heading (render/format.py outlook_text)
    "outlook": ("展望", "Outlook"),
    "outlook.required": ("需年均{rate}", "needs {rate} a year"),
    "outlook.observed": ("至今年均{rate}", "so far {rate} a year"),
    "outlook.observed_since": ("（至今年均{rate}）", "so far {rate} a year"),
    "outlook.average": ("至今各年平均{value}", "so far {value} on average a year"),
    "outlook.projected": (
        "按此趋势{year}年为{value}：{status}",
        "at this pace {value} in {year}: {status}",
    ),
    "actual_year": ("实际值年份", "Actual year"),
    "target_figure": ("目标要求", "Target figure"),
    "target_name": ("目标名称", "Target name"),
    "gap_pct": ("差距(%)", "Gap (%)"),
    "trend_ratio": ("趋势比值R", "Trend ratio R"),
    "reason_code": ("说明代码", "Note code"),
    "observed_rate": ("至今年均变化", "Observed rate a year"),
    "required_rate": ("需年均变化", "Required rate a year"),
    "rate_unit": ("变化单位", "Rate unit"),
    "projected_value": ("按此趋势目标年的值", "Projected value"),
    "projected_status": ("按此趋势", "Projected status"),
    "column": ("列", "Column"),
    "xlsx.results": ("各目标结果", "Results"),
    "region": ("地区", "Region"),
    "value": ("数值", "Value"),
    "formula": ("公式", "Formula"),
    "own_value": ("数据自带数值", "Value in the data"),
    # --- szq check ----------------------------------------------------------------------
    "check.title": ("目标检查：{year}年", "Target check for {year}"),
    "check.input": (
        "{path}：{rows}行，接受{accepted}行，拒绝{rejected}行",
        "{path}: {rows} rows, {accepted} accepted, {rejected} rejected",
    ),
    "check.of_total": ("（共{total}项）", " (of {total})"),
    "check.shown": (
        "仅列出{statuses}：{shown}项（共{total}项）",
        "Showing {statuses} only: {shown} of {total}",
    ),
    "check.footnote": (
        "* 原文未指定牵头单位，按推定的牵头单位列出。",
        "* the text names no lead agency: listed under the inferred one.",
    ),
    # --- the annual report --------------------------------------------------------------
    "report.title": ("{plan}年度进展报告（{year}年）", "{plan}: annual progress report, {year}"),
    "measure.done": ("已完成", "done"),
    "measure.in_progress": ("推进中", "in progress"),
    "measure.not_started": ("未启动", "not started"),
    "measure.not_reported": ("未报告", "not reported"),
    "summary": ("总览", "Summary"),
    "by_chapter": ("分章情况", "By chapter"),
    "by_agency": ("分牵头单位情况", "By lead agency"),
    "widest_gaps": ("差距最大的牵头单位", "Agencies with the widest gaps"),
    "open_gaps": ("未达到或滞后", "not met or off track"),
    "no_open_gaps": ("没有未达到或滞后的目标。", "No target is not met or off track."),
    "chapters": ("各章", "Chapters"),
    "agencies": ("各牵头单位", "Lead agencies"),
    "note": ("备注", "Note"),
    "no_measures": ("无具体措施。", "No specific measures."),
    "measures_summary": ("措施实施情况", "Implementation of the measures"),
    "charts": ("图表", "Charts"),
    "chart.data": ("数据", "data"),
    "chart.path": ("达标路径", "path to target"),
    "chart.target": ("目标", "target"),
    "chart.target_year": ("目标年", "target year"),
    "chart.progress": ("进度", "progress"),
    "chart.expected": ("应达进度", "expected"),
    "appendix": ("附录", "Appendix"),
    "inputs": ("输入文件", "Inputs"),
    "file": ("文件", "File"),
    "rows": ("行数", "Rows"),
    "accepted": ("接受", "Accepted"),
    "rejected": ("拒绝", "Rejected"),
    "diagnostics": ("诊断信息", "Diagnostics"),
    "no_diagnostics": ("无。", "None."),
    "severity": ("级别", "Severity"),
    "line": ("行", "Line"),
    "code": ("代码", "Code"),
    "message": ("信息", "Message"),
    "revisions": ("修订", "Revisions"),
    "no_revisions": ("无。", "None."),
    "series": ("序列", "Series"),
    "year": ("年份", "Year"),
    "old": ("原值", "Old"),
    "new": ("新值", "New"),
    "sources": ("数据来源", "Sources"),
    "no_sources": ("数据文件未注明来源。", "The data files name no source."),
    "source": ("来源", "Source"),
    "data_notes": ("数据备注", "Notes of the data"),
    "no_data_notes": ("数据文件没有备注。", "The data files carry no note."),
    "generated": ("生成时间", "Generated"),
    "registry": ("目标登记册", "Target registry"),
    "status_file": ("措施状态文件", "Measures status file"),
    "year_of_report": ("报告年份", "Year of the report"),
    "inferred_note": (
        "标注“推定牵头”的目标，原文未写明牵头单位，按职责推定。",
        "Targets marked “lead inferred” have no lead named by the text; the lead is inferred.",
    ),
    "path_note": (
        "进度为从基期值到目标值已完成的比例；“进度正常”指达到或超过从基期到目标年的路径"
        "（总量按年均增长的复合路径，比重按时间过半、任务过半的直线路径）。",
        "Progress is the share of the distance from the baseline value to the target "
        "covered; “on track” means at or beyond the path from the baseline to the target "
        "year (compound for quantities that grow, straight for shares and ratios).",
    ),
    # --- the rows a verdict rests on (render/evidence_text.py) ----------------------------
    "evidence.note": (
        "※ 数据备注（{series} {year}）：{note}",
        "※ data note ({series} {year}): {note}",
    ),
    "evidence.used": ("所用数据：", "Data used:"),
    "evidence.separator": ("；", "; "),
    "evidence.row": (
        "{series} {year}：{value}（{file} 第 {line} 行）",
        "{series} {year}: {value} ({file}, line {line})",
    ),
    "evidence.source": ("来源：{source}", "source: {source}"),
    "evidence.rate": (
        "{year}年汇率：{rate} 元/美元（{source}）",
        "exchange rate {year}: {rate} 元/美元 ({source})",
    ),
    "evidence.rate_data": ("数据文件", "the data"),
    # --- szq template: the submission form's headers (sz_quality.read.cells reads them) ---
    "template.indicator": ("指标", "indicator"),
    "template.name_zh": ("中文名称", "name_zh"),
    "template.name_en": ("英文名称", "name_en"),
    "template.unit": ("单位", "unit"),
    "template.year": ("年份", "year"),
    "template.value": ("数值", "value"),
    "template.source": ("来源", "source"),
    "template.note": ("备注", "note"),
    "template.targets": ("相关目标", "targets"),
    "template.number": ("请填写数字", "Enter a number"),
    "template.number_help": (
        "数值须为数字,单位见“单位”列;无数值请留空。",
        "The value must be a number in the unit of the unit column; leave it blank if none.",
    ),
    # --- szq validate -------------------------------------------------------------------
    "validate.rows": (
        "{path}:{rows} 行,接受 {accepted},拒绝 {rejected}",
        "{path}: {rows} row(s), {accepted} accepted, {rejected} rejected",
    ),
    "validate.valid": ("有效", "valid"),
    "validate.invalid": ("无效", "invalid"),
    "validate.summary": (
        "{verdict}:{files} 个文件,{rows} 行,拒绝 {rejected} 行;列出诊断 {errors} 个错误、"
        "{warnings} 个警告",
        "{verdict}: {files} file(s), {rows} row(s), {rejected} rejected; diagnostics listed: "
        "{errors} error(s), {warnings} warning(s)",
    ),
    "validate.strict": ("(--strict:警告也视为失败)", " (--strict: warnings fail too)"),
    "validate.other": ("(其他)", "(other)"),
    "junit.line": ("第 {line} 行", "line {line}"),
    "junit.column": ("第 {column} 列", "column {column}"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "hint": ("提示", "hint"),
    # --- -o refused: szq never writes over what it was given ---------------------------
    "output.is_input": (
        "-o {output} 就是输入文件 {input}：szq 不会覆盖输入，请另选输出文件",
        "-o {output} is the input {input}: szq never writes over an input; "
        "choose another output file",
    ),
    "output.charts_hold_input": (
        "输入文件 {input} 位于 Markdown 报告的图表文件夹 {folder} 中：szq 会写入该文件夹，"
        "请另选报告文件名",
        "the input {input} is in the Markdown report's chart folder {folder}, which szq "
        "writes: choose another report name",
    ),
    "output.chart_not_ours": (
        "{path} 已存在且不是 szq 写入的：szq 不会覆盖它，请移走该文件或另选报告文件名",
        "{path} exists and szq did not write it: szq does not replace it; move it away "
        "or choose another report name",
    ),
}


def word(key: str, lang: Lang | str, **fields: object) -> str:
    """The words for `key` in `lang`, `{fields}` filled in; an unknown key is a KeyError."""
    zh, en = _TEXT[key]
    chosen = zh if lang == "zh" else en
    return chosen.format(**fields) if fields else chosen


def status_word(status: str, lang: Lang | str) -> str:
    """met -> 已达到 / met: what every output calls a status."""
    return word(f"status.{status}", lang)


def trend_word(category: str, lang: Lang | str) -> str:
    return word(f"trend.{category}", lang)


def kind_prefix(kind: str, lang: Lang | str) -> str:
    """What a target's figure starts with for its kind ("累计变化 ", "new "), or ""."""
    pair = _TEXT.get(f"prefix.{kind}")
    return "" if pair is None else (pair[0] if lang == "zh" else pair[1]) + " "


def text(key: str, lang: Lang) -> str:
    """The label for `key` in `lang`; an unknown key is returned as is."""
    pair = _TEXT.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


# Reasons a target has no verdict
# -------------------------------
# The engine keeps a reason as a code and its fields (sz_quality.check.reasons); these
# are its words.

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
        "缺少基期数据 {indicator} {year}：无法判断是否达到进度",
        "no baseline value of {indicator} for {year}: the path to the target needs it",
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
    "at_baseline": (
        "{year}年即基期，尚无进展可判断",
        "{year} is the baseline year: no progress to judge yet",
    ),
    "too_few_years": (
        "{indicator}只有{year}年一年数据，趋势需要两年",
        "{indicator} has data for {year} only: a trend needs two years",
    ),
    "sign_change": (
        "{indicator}从{baseline}年到{year}年正负号改变，无法计算增长率",
        "{indicator} changes sign from {baseline} to {year}: no growth rate",
    ),
    "lagging_regions": ("未达到的区：{regions}", "districts not meeting it: {regions}"),
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
        regions="、".join(reason.regions),
    )


def reason_words(lang: Lang) -> ReasonWords:
    """reason_text in `lang`, for Report.to_dict and Result.to_dict."""
    return lambda reason: reason_text(reason, lang)
