"""Every word szq prints, in Chinese and English: one catalogue, one lookup.

The check's table, Markdown and CSV, the annual report, the registry listings, the
messages of `szq validate` (sz_quality.read.codes), the reasons a target has no verdict
and `szq schema --lang` all take their words from here, so that one concept has one
wording wherever it is printed. Each entry: key -> (zh, en); some hold `{fields}` that
`word` fills in. Chinese entries use full-width punctuation (：，；（）), except inside
`{fields}`, `code`, quotes and what a user types as is (`not_met,off_track`, a CSV line);
tests/render/test_words.py holds both rules. The Chinese help of the commands is keyed by option
in sz_quality/cli/help_zh.py, beside the English that typer declares.

Foundation: any layer may import it, and it imports nothing, so that `szq validate`
starts as fast as before. This module is longer than 500 lines: it is the one table of
every user-facing word, which reads best in one place.
"""

from __future__ import annotations

__all__ = ["WORDS", "both", "word"]

WORDS: dict[str, tuple[str, str]] = {
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
    # 约束性 / 预期性, as a 五年规划 table marks its indicators
    "nature.binding": ("约束性", "binding"),
    "nature.expected": ("预期性", "expected"),
    "nature_mark.binding": ("〔约束性〕", "[binding]"),
    "nature_mark.expected": ("〔预期性〕", "[expected]"),
    "nature.summary": ("{nature}指标", "{nature} targets"),
    "nominal": ("名义", "nominal"),  # growth of current-price levels
    "path.compound": ("复合增长路径", "compound path"),
    "path.straight": ("直线路径", "straight path"),
    "derived": ("推算", "derived"),
    "agency": ("牵头单位", "Agency"),
    "measure": ("措施", "Measure"),
    "measures": ("具体措施", "Specific measures"),
    "count": ("数量", "Count"),
    "targets_by_text": ("目标（原文）", "Targets (text)"),
    "targets_inferred": ("目标（推定）", "Targets (inferred)"),
    "none": ("无", "none"),
    "total": ("合计", "Total"),
    # punctuation by language: the Chinese marks are full-width and take no space
    "list.separator": ("、", ", "),  # between the items of a list in running text
    "list.comma": ("，", ", "),  # between the clauses of a sentence
    "punct.colon": ("：", ": "),
    "punct.semicolon": ("；", "; "),
    "punct.parenthesised": ("（{text}）", " ({text})"),
    # the groups of a check's results that are no agency, chapter or district of the registry
    "group.unassigned": ("未指定牵头单位", "No lead agency named"),
    "group.chapter": ("第{chapter}章", "Chapter {chapter}"),
    "group.city_total": ("全市", "City total"),
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
    "points": ("个百分点", " pp"),
    # what is still needed and where it is heading (render/format.py outlook_text)
    "outlook": ("展望", "Outlook"),
    "outlook.required": ("需年均{rate}", "needs {rate} a year"),
    "outlook.observed": ("至今年均{rate}", "so far {rate} a year"),
    "outlook.observed_since": ("（至今年均{rate}）", "so far {rate} a year"),
    "outlook.average": ("至今各年平均{value}", "so far {value} on average a year"),
    "outlook.path": (
        "按{path}判定（{other}：{status}）",
        "judged on the {path} ({other}: {status})",
    ),
    "outlook.projected": (
        "按此趋势{year}年为{value}：{status}",
        "at this pace {value} in {year}: {status}",
    ),
    "actual_year": ("实际值年份", "Actual year"),
    "nature": ("指标属性", "Nature"),
    "path": ("判定路径", "Path"),
    "target_figure": ("目标要求", "Target figure"),
    "target_name": ("目标名称", "Target name"),
    "xlsx.yes": ("是", "yes"),
    "xlsx.no": ("否", "no"),
    "xlsx.chapter_name": ("章名", "Chapter name"),
    "xlsx.indicator_name": ("指标名称", "Indicator name"),
    "gap_pct": ("差距（%）", "Gap (%)"),
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
    "check.without_data": ("缺少数据（{count}项）：{names}", "No data ({count}): {names}"),
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
    # how a chart drawn without its Chinese legend names its lines, in its caption
    "chart.solid_line": ("实线", "solid line"),
    "chart.dashed_line": ("虚线", "dashed line"),
    "chart.dotted_line": ("点线", "dotted line"),
    "chart.vertical_line": ("竖线", "vertical line"),
    "docx.page": ("第 {page} 页", "Page {page}"),  # the Word report's footer
    "chart.path": ("达标路径", "path to target"),
    "chart.target": ("目标", "target"),
    "chart.target_year": ("目标年", "target year"),
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
        "Progress is the share of the distance from the baseline value to the target covered; "
        "“on track” means at or beyond the path from the baseline to the target year "
        "(compound for quantities that grow, straight for shares and ratios).",
    ),
    # --- the evaluation report (report/evaluation.py, render/evaluation_text.py) ----------
    "eval.title": ("{plan}实施情况评估报告（{year}年）", "{plan}: evaluation report, {year}"),
    "eval.title.kind": ("实施情况评估报告（{year}年）", "Evaluation report, {year}"),
    "eval.category": ("规划评估报告", "Plan evaluation report"),
    "eval.overall": ("一、总体情况", "1. Overall"),
    "eval.indicators": ("二、主要指标完成情况", "2. Main indicators"),
    "eval.chapters": ("三、分领域进展", "3. Progress by chapter"),
    "eval.problems": ("四、存在的问题", "4. Problems"),
    "eval.next": ("五、下一步工作", "5. Next steps"),
    "eval.annexes": ("附件", "Annexes"),
    "eval.annex": ("附件{number}：{title}", "Annex {number}: {title}"),
    "eval.annex.agencies": ("各牵头单位目标和措施", "Each lead agency's targets and measures"),
    "eval.annex.data": ("所用数据及来源", "The data used and their sources"),
    "eval.annex.notes": ("数据说明", "Notes of the data"),
    "eval.annex.inputs": ("输入文件和诊断信息", "Inputs and diagnostics"),
    "eval.annex.registry": ("目标登记册", "The target registry"),
    "eval.table": ("表{number}　{title}", "Table {number}. {title}"),
    "eval.figure": ("图{number}　{title}", "Figure {number}. {title}"),
    "eval.figure.legend": (
        "蓝线为实际值，红色虚线为目标值，灰色点线为从基期值到目标值的路径",
        "blue: the values; red dashed: the target; grey dotted: the path from the baseline",
    ),
    "eval.table.indicators": ("主要指标完成情况", "Main indicators"),
    "eval.figure.statuses": ("各领域目标完成情况", "Targets by chapter and status"),
    # the columns of 主要指标完成情况 (render/result_row.py)
    "col.number": ("序号", "No."),
    "col.indicator": ("指标", "Indicator"),
    "col.unit": ("单位", "Unit"),
    "col.baseline": ("基期值", "Baseline"),
    "col.target": ("目标值", "Target"),
    "col.current": ("当前值", "Current"),
    "col.growth": ("年均增长", "Yearly growth"),
    "col.completion": ("完成情况", "Completion"),
    "col.lead": ("牵头单位", "Lead agency"),
    "col.sources": ("数据", "Data"),
    "eval.nominal": ("（名义）", " (nominal)"),
    "eval.nominal_note": (
        "“名义”：按当年价格的数值计算的年均增长。",
        "Nominal: the yearly growth of figures at current prices.",
    ),
    "eval.table.notes": (
        "注：方括号内为附件2所列数据的序号。",
        "Note: the numbers in brackets are those of the data listed in Annex 2.",
    ),
    "eval.refs": ("[{refs}]", "[{refs}]"),
    "eval.data.value": ("数值", "Value"),
    "eval.and_others": ("{first}等", "{first} et al."),
    "eval.annex.targets": ("目标及完成情况", "Targets and completion"),
    "eval.annex.measures": ("具体措施", "Specific measures"),
    "eval.header_year": ("{header}\n{year}年", "{header}\n{year}"),
    "eval.data.source": ("来源{number}", "Source {number}"),
    "eval.data.file": ("文件：行", "File:line"),
    "eval.annex.without_data_count": (
        "缺少数据的目标{count}项。",
        "Targets without data: {count}.",
    ),
    "eval.annex.unreported": (
        "未报告实施情况的具体措施{count}项（{tables}）。",
        "Specific measures whose implementation is not reported: {count} ({tables}).",
    ),
    "eval.measure_table": ("表{table}", "table {table}"),
    # 完成情况: szq's status in the words plan reviews use (README, "The evaluation report")
    "completion.early": ("提前完成", "achieved early"),
    "completion.completed": ("已完成", "completed"),
    "completion.not_completed": ("未完成", "not completed"),
    "completion.ahead": ("快于预期", "ahead of schedule"),
    "completion.on_schedule": ("符合预期", "on schedule"),
    "completion.lagging": ("滞后", "lagging"),
    "completion.not_assessable": ("无法评估", "not assessable"),
    # 总体情况: sentences written from the counts
    "eval.overall.counts": (
        "本报告评估《{plan}》确定的{total}项目标截至{year}年的完成情况。其中{checked}项有数据并"
        "作出判断，{without}项缺少数据，{unassessable}项有数据但无法评估。",
        "This report evaluates the {total} targets of the {plan} as of {year}. {checked} have "
        "data and a verdict, {without} have no data and {unassessable} have data but cannot "
        "be assessed.",
    ),
    "eval.overall.final": (
        "{year}年为目标年。在作出判断的{checked}项目标中，已完成{met}项，未完成{not_met}项，"
        "完成率{rate}。",
        "{year} is the target year. Of the {checked} targets with a verdict, {met} are met "
        "and {not_met} are not: a completion rate of {rate}.",
    ),
    "eval.overall.midterm": (
        "{year}年时序进度为{share}。在作出判断的{checked}项目标中，已完成{met}项，进度符合或快于"
        "预期{on_track}项，进度滞后{off_track}项，未完成{not_met}项。",
        "In {year}, {share} of the plan's time has elapsed. Of the {checked} targets with a "
        "verdict, {met} are met, {on_track} on or ahead of schedule, {off_track} lagging and "
        "{not_met} not met.",
    ),
    "eval.overall.all_met": (
        "有数据的目标全部完成。",
        "Every target with data is met.",
    ),
    "eval.overall.some_not_met": (
        "{count}项目标未完成，见“存在的问题”。",
        "{count} targets are not met: see “Problems”.",
    ),
    "eval.overall.on_pace": (
        "有数据的目标均达到时序进度要求（时间过半、任务过半）。",
        "Every target with data keeps pace with the time elapsed.",
    ),
    "eval.overall.behind_pace": (
        "{count}项目标未达到时序进度要求，见“存在的问题”。",
        "{count} targets fall behind the time elapsed: see “Problems”.",
    ),
    "eval.overall.missing": (
        "缺少数据的{count}项目标涉及{agencies}个牵头单位，按单位统计见“存在的问题”。",
        "The {count} targets without data fall to {agencies} lead agencies, counted in “Problems”.",
    ),
    # 分领域进展 and 存在的问题: a sentence per target
    "eval.chapter.counts": (
        "本领域共有{total}项目标，作出判断{checked}项，其中已完成{met}项，未完成或滞后{open}项；"
        "缺少数据{without}项。",
        "This chapter has {total} targets; {checked} have a verdict: {met} met, {open} not "
        "met or lagging; {without} have no data.",
    ),
    "eval.chapter.none": (
        "本领域共有{total}项目标，均缺少可作判断的数据。",
        "This chapter has {total} targets, none with data to judge.",
    ),
    "eval.line.met": (
        "{name}{year}年为{actual}，目标{target}，已达到，超出{gap}",
        "{name} was {actual} in {year} against a target of {target}: met, by {gap}",
    ),
    "eval.line.met_exact": (
        "{name}{year}年为{actual}，目标{target}，已达到",
        "{name} was {actual} in {year} against a target of {target}: met",
    ),
    "eval.line.on_track": (
        "{name}{year}年为{actual}，目标{target}，完成度{progress}，进度{completion}",
        "{name} was {actual} in {year} against a target of {target}: {progress} of the "
        "distance covered, {completion}",
    ),
    "eval.line.trend": (
        "{name}{year}年为{actual}，目标为{target}，{completion}",
        "{name} was {actual} in {year} against a target of {target}: {completion}",
    ),
    "eval.line.open": (
        "{name}{year}年为{actual}，目标{target}，尚差{gap}",
        "{name} was {actual} in {year} against a target of {target}: short by {gap}",
    ),
    "eval.line.required": (
        "，此后需年均{required}，而{since}年以来年均{observed}",
        ", needing {required} a year from now against {observed} a year since {since}",
    ),
    "eval.line.required_only": ("，此后需年均{required}", ", needing {required} a year from now"),
    "eval.problems.open": (
        "未完成或进度滞后的目标{count}项：",
        "{count} targets are not met or lagging:",
    ),
    "eval.problems.none": (
        "有数据的目标均已完成或进度符合预期。",
        "Every target with data is met or on schedule.",
    ),
    "eval.problems.beyond": (
        "{names}此后所需的年均增速超过数据中任何一年已实现的增速。",
        "{names} need a yearly rate beyond any the data show achieved.",
    ),
    "eval.problems.missing": (
        "{count}项目标缺少数据，无法评估。按牵头单位统计：{agencies}。",
        "{count} targets have no data and cannot be evaluated. By lead agency: {agencies}.",
    ),
    "eval.agency_count": ("{agency}{count}项", "{agency} {count}"),
    "eval.next.lagging": (
        "{agency}：推动{names}达到目标。",
        "{agency}: bring {names} to target.",
    ),
    "eval.next.data": (
        "{agencies}（{count}个单位）：报送所缺目标的数据（各单位项数见“存在的问题”）。",
        "{agencies} ({count} agencies): submit the data their targets lack (how many each, "
        "in “Problems”).",
    ),
    "eval.next.both": (
        "{agency}：推动{names}达到目标；报送{count}项目标的数据。",
        "{agency}: bring {names} to target; submit the data its targets lack ({count} "
        "without data).",
    ),
    "eval.next.none": ("无。", "None."),
    "eval.annex.without_data": (
        "缺少数据的目标{count}项：{names}。",
        "{count} targets without data: {names}.",
    ),
    "eval.annex.registry_line": (
        "目标登记册：{file}，SHA-256：{sha}",
        "Target registry: {file}, SHA-256: {sha}",
    ),
    "eval.cited": ("数据见附件2第{refs}条。", "Data: Annex 2, items {refs}."),
    "eval.prepared": ("{author}", "{author}"),
    # units in English reports (render/format.py `unit_name`); Chinese keeps the registry's
    "unit.万亿元": ("万亿元", "trillion yuan"),
    "unit.亿元": ("亿元", "hundred million yuan"),
    "unit.万元": ("万元", "ten thousand yuan"),
    "unit.元": ("元", "yuan"),
    "unit.元/人": ("元/人", "yuan per person"),
    "unit.万美元/人": ("万美元/人", "ten thousand US dollars per person"),
    "unit.元/美元": ("元/美元", "yuan per US dollar"),
    "unit.万人": ("万人", "ten thousand people"),
    "unit.万吨": ("万吨", "ten thousand tonnes"),
    "unit.万吨标准煤": ("万吨标准煤", "ten thousand tce"),
    "unit.吨标准煤/万元": ("吨标准煤/万元", "tce per ten thousand yuan"),
    "unit.吨/万元": ("吨/万元", "tonnes per ten thousand yuan"),
    "unit.立方米/万元": ("立方米/万元", "cubic metres per ten thousand yuan"),
    "unit.平方米/万元": ("平方米/万元", "square metres per ten thousand yuan"),
    "unit.亿立方米": ("亿立方米", "hundred million cubic metres"),
    "unit.万户": ("万户", "ten thousand households"),
    "unit.万套": ("万套", "ten thousand units"),
    "unit.万张": ("万张", "ten thousand"),
    "unit.万个": ("万个", "ten thousand"),
    "unit.万家": ("万家", "ten thousand firms"),
    "unit.万名": ("万名", "ten thousand people"),
    "unit.个": ("个", "units"),
    "unit.家": ("家", "firms"),
    "unit.所": ("所", "institutions"),
    "unit.名": ("名", "people"),
    "unit.张": ("张", "beds"),
    "unit.台": ("台", "units"),
    "unit.辆": ("辆", "vehicles"),
    "unit.套": ("套", "units"),
    "unit.户": ("户", "households"),
    "unit.宗/万人": ("宗/万人", "per ten thousand people"),
    "unit.件/万人": ("件/万人", "per ten thousand people"),
    "unit.张/万人": ("张/万人", "per ten thousand people"),
    "unit.人/万人": ("人/万人", "per ten thousand people"),
    "unit.张/千人": ("张/千人", "per thousand people"),
    "unit.册/人": ("册/人", "volumes per person"),
    "unit.公里": ("公里", "km"),
    "unit.平方公里": ("平方公里", "km²"),
    "unit.平方米/人": ("平方米/人", "m² per person"),
    "unit.公里/小时": ("公里/小时", "km/h"),
    "unit.天": ("天", "days"),
    "unit.年": ("年", "years"),
    "unit.岁": ("岁", "years"),
    # --- the rows a verdict rests on (render/evidence_text.py) ----------------------------
    "evidence.note": (
        "※ 数据备注（{series} {year}）：{note}",
        "※ data note ({series} {year}): {note}",
    ),
    "evidence.used": ("所用数据：", "Data used:"),
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
    "template.region": ("地区", "region"),
    "template.number": ("请填写数字", "Enter a number"),
    "template.number_help": (
        "数值须为数字，单位见“单位”列；无数值请留空。",
        "The value must be a number in the unit of the unit column; leave it blank if none.",
    ),
    # the form's instructions and signature block (render/template_out.py)
    "template.guide": ("填报说明", "Instructions"),
    "template.guide_title": ("{year}年数据填报说明", "How to fill in the {year} data"),
    "template.guide_fill": (
        "在各表的“数值”列填写数据，并在“来源”列注明出处（如统计公报、部门文件）；有需说明的情况写在"
        "“备注”列。",
        "Enter each figure in the value column and its source (a statistical communiqué, a "
        "department's document) in the source column; anything to explain goes in the note "
        "column.",
    ),
    "template.guide_units": (
        "数值按“单位”列的单位填写，只填数字，不带单位；百分比填百分数的数字（如60%填60）。",
        "Give each figure in the unit of the unit column, as a number without its unit; a "
        "percentage as its number (60% as 60).",
    ),
    "template.guide_rows": (
        "同一指标的各年份相邻排列：基期年份的数值用于计算进度，也须填写。",
        "An indicator's years are side by side: the baseline year's figure is needed to "
        "measure progress, so fill it in as well.",
    ),
    "template.guide_keep": (
        "请勿修改指标、年份等灰色单元格，也勿删除隐藏列。",
        "Do not change the grey cells (indicator, year, …) nor delete the hidden column.",
    ),
    "template.guide_deadline": ("请于{deadline}前报送。", "Submit by {deadline}."),
    "template.office": ("填报单位", "Submitting office"),
    "template.filled_by": ("填表人", "Filled in by"),
    "template.reviewed_by": ("审核人", "Reviewed by"),
    "template.phone": ("联系电话", "Telephone"),
    "template.date": ("报送日期", "Date submitted"),
    # --- szq validate -------------------------------------------------------------------
    "validate.rows": (
        "{path}：{rows} 行，接受 {accepted}，拒绝 {rejected}",
        "{path}: {rows} row(s), {accepted} accepted, {rejected} rejected",
    ),
    "validate.valid": ("有效", "valid"),
    "validate.invalid": ("无效", "invalid"),
    "validate.summary": (
        "{verdict}：{files} 个文件，{rows} 行，拒绝 {rejected} 行；列出诊断 {errors} 个错误、"
        "{warnings} 个警告",
        "{verdict}: {files} file(s), {rows} row(s), {rejected} rejected; diagnostics listed: "
        "{errors} error(s), {warnings} warning(s)",
    ),
    "validate.strict": ("（--strict：警告也视为失败）", " (--strict: warnings fail too)"),
    "validate.other": ("（其他）", "(other)"),
    "junit.line": ("第 {line} 行", "line {line}"),
    "junit.column": ("第 {column} 列", "column {column}"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "hint": ("提示", "hint"),
    # --- -o refused: szq never writes over what it was given ---------------------------
    "check.too_many_regions": (
        "数据中有 {count:,} 个地区；--by region 至多逐一检查 {limit:,} 个地区"
        "（行动计划只有 10 个区）：请确认地区列，或用 --region 检查一个地区",
        "the data name {count:,} regions; --by region checks at most {limit:,} one by one (the "
        "plan has 10 districts): check the region column, or check one with --region",
    ),
    "output.is_input": (
        "-o {output} 就是输入文件 {input}：szq 不会覆盖输入，请另选输出文件",
        "-o {output} is the input {input}: szq never writes over an input; choose another output "
        "file",
    ),
    "output.charts_hold_input": (
        "输入文件 {input} 位于 Markdown 报告的图表文件夹 {folder} 中：szq 会写入该文件夹，"
        "请另选报告文件名",
        "the input {input} is in the Markdown report's chart folder {folder}, which szq writes: "
        "choose another report name",
    ),
    "output.chart_not_ours": (
        "{path} 已存在且不是 szq 写入的：szq 不会覆盖它，请移走该文件或另选报告文件名",
        "{path} exists and szq did not write it: szq does not replace it; move it away or choose "
        "another report name",
    ),
    # --- a target's reason for no verdict (sz_quality.check.reasons) ---
    "reason.missing": ("缺少数据：{pairs}", "no data: {pairs}"),
    "reason.missing_derived": (
        "缺少数据：{pairs}（{indicator} = {formula}）",
        "no data: {pairs} ({indicator} = {formula})",
    ),
    "reason.no_rate": (
        "缺少{year}年人民币对美元汇率（元/美元）：请在数据中提供 cny_per_usd",
        "no exchange rate (元 per 美元) for {year}: give cny_per_usd in the data",
    ),
    "reason.before_baseline": (
        "{year}年早于基期{baseline}年",
        "{year} is before the baseline year {baseline}",
    ),
    "reason.zero_baseline": (
        "{indicator} {year}年基期值为零，无法计算变化率",
        "the baseline value of {indicator} in {year} is zero: no relative change",
    ),
    "reason.no_path": (
        "缺少基期数据 {indicator} {year}：无法判断是否达到进度",
        "no baseline value of {indicator} for {year}: the path to the target needs it",
    ),
    "reason.judgement": (
        "节点目标需要判断；{reason}",
        "a milestone that needs a judgement; {reason}",
    ),
    "reason.failed_years": ("未保持的年份：{years}", "not held in {years}"),
    "reason.overshoot": ("超出目标范围", "beyond the target range"),
    "reason.unknown_indicator": (
        "登记册中没有指标 {indicator}",
        "indicator {indicator} is not in the registry",
    ),
    "reason.at_baseline": (
        "{year}年即基期，尚无进展可判断",
        "{year} is the baseline year: no progress to judge yet",
    ),
    "reason.too_few_years": (
        "{indicator}只有{year}年一年数据，趋势需要两年",
        "{indicator} has data for {year} only: a trend needs two years",
    ),
    "reason.sign_change": (
        "{indicator}从{baseline}年到{year}年正负号改变，无法计算增长率",
        "{indicator} changes sign from {baseline} to {year}: no growth rate",
    ),
    "reason.lagging_regions": ("未达到的区：{regions}", "districts not meeting it: {regions}"),
    # --- the diagnostics of data files (sz_quality.read.codes names the codes) ---
    # --- the command line ---------------------------------------------------------------
    "cli.error": ("szq：错误：{message}", "szq: error: {message}"),
    "cli.no_such_file": ("没有这个文件：{file}", "no such file: {file}"),
    "cli.is_a_folder": ("{file} 是文件夹，不是数据文件", "{file} is a directory, not a data file"),
    "cli.not_readable": ("无法读取 {file}：没有权限", "cannot read {file}: permission denied"),
    "cli.no_data_file": (
        "没有给出数据文件（szq {command} FILE...）",
        "no data file given (szq {command} FILE...)",
    ),
    "cli.stdin_once": ("'-'（标准输入）只能读一次", "'-' (standard input) can be read once only"),
    "cli.unknown_agency": (
        "未知的牵头单位 {name!r}；`szq agencies` 列出全部单位",
        "unknown agency {name!r}; `szq agencies` lists them",
    ),
    "cli.unknown_agency.hint": (
        "未知的牵头单位 {name!r}（是否为 {hint!r}，{hint_name}？）；`szq agencies` 列出全部单位",
        "unknown agency {name!r} (did you mean {hint!r}, {hint_name}?); `szq agencies` lists them",
    ),
    "cli.workbook_terminal": (
        "工作簿不能输出到终端：请用 -o FILE.xlsx 指定文件",
        "a workbook is not for a terminal: name the file with -o FILE.xlsx",
    ),
    "cli.cannot_read_data": ("无法读取数据：{why}", "cannot read the data: {why}"),
    "cli.registry_fails": (
        "szq：错误：登记表无法加载（{count} 个问题）：",
        "szq: error: the registry does not load ({count} problem(s)):",
    ),
    "cli.unknown_status": (
        "{option}：未知的状态 {name!r}（可选：{choices}）",
        "{option}: unknown status {name!r} (choose from {choices})",
    ),
    "cli.region_and_by": (
        "--region 与 --by region 只能选一个",
        "--region and --by region: choose one",
    ),
    "cli.agency_or_all": (
        "请用 --agency 指定一个牵头单位，或给出 --all",
        "name one agency with --agency, or give --all",
    ),
    "cli.all_needs_folder": (
        "--all 为每个牵头单位写一个 CSV：请给出 -o FOLDER（或 -o FILE.xlsx）",
        "--all writes one CSV per agency: give -o FOLDER (or -o FILE.xlsx)",
    ),
    "cli.expect_agency_year": (
        "--expect-agency 与 --year 须一起使用",
        "--expect-agency and --year go together",
    ),
    "cli.unknown_encoding": (
        "未知的编码 {encoding!r}（可试 utf-8、utf-8-sig 或 gb18030）",
        "unknown encoding {encoding!r} (try utf-8, utf-8-sig or gb18030)",
    ),
    "cli.unknown_kind": (
        "未知的类型 {kind!r}；可选：{choices}",
        "unknown kind {kind!r}; choose one of: {choices}",
    ),
    "cli.unknown_chapter": (
        "未知的章 {chapter}；登记表列出：{listed}",
        "unknown chapter {chapter}; the registry lists: {listed}",
    ),
    "cli.region_no_rows": (
        "--region：数据中没有地区 {region!r} 的行",
        "--region: no rows of region {region!r} in the data",
    ),
    "cli.no_such_registry": ("没有这个登记表文件：{path}", "no such registry file: {path}"),
    "cli.no_such_measures": ("没有这个措施文件：{path}", "no such measures file: {path}"),
    "cli.cannot_read_status": (
        "无法读取措施进展文件：{why}",
        "cannot read the measures status file: {why}",
    ),
    "cli.cannot_read_registry": (
        "无法读取目标登记表：{why}",
        "cannot read the targets registry: {why}",
    ),
    "cli.cannot_read_measures": (
        "无法读取措施登记表：{why}",
        "cannot read the measures registry: {why}",
    ),
    "cli.unknown_target": (
        "未知的目标 {name!r}；`szq targets` 列出全部目标",
        "unknown target {name!r}; `szq targets` lists them",
    ),
    "cli.unknown_target.hint": (
        "未知的目标 {name!r}（是否为 {hint!r}？）",
        "unknown target {name!r} (did you mean {hint!r}?)",
    ),
    "cli.no_form_rows": ("{year} 年没有需要填报数值的目标", "no target needs a value for {year}"),
    "cli.no_form_rows.agency": (
        "{agency} 的目标在 {year} 年都不需要填报数值",
        "no target of {agency} needs a value for {year}",
    ),
    "cli.needs_calamine": (
        "读取 .xlsx、.xls 和 .ods 文件需要 python-calamine：pip install 'sz-quality[xlsx]'"
        "（或将工作表另存为 CSV）",
        "reading .xlsx, .xls and .ods files needs python-calamine: pip install "
        "'sz-quality[xlsx]' (or save the sheet as CSV)",
    ),
    "cli.report_needs": (
        "{kind} 报告需要 {name}：{hint}",
        "the {kind} report needs {name}: {hint}",
    ),
    "cli.cannot_write": ("无法写入 {output}：{why}", "cannot write {output}: {why}"),
    "cli.cannot_write.no_folder": (
        "无法写入 {output}：文件夹 {folder} 不存在",
        "cannot write {output}: the folder {folder} does not exist",
    ),
    "cli.cannot_write.exists": (
        "无法写入 {output}：已有同名文件（--all 写入一个文件夹，或 .xlsx 工作簿）",
        "cannot write {output}: a file of that name exists (--all writes a folder, or an .xlsx "
        "workbook)",
    ),
    # the command line's own usage errors (sz_quality/cli/usage_zh.py: click's, in Chinese)
    "click.usage": ("用法：{usage}", "Usage: {usage}"),
    "click.try_help": ("运行 '{command} -h' 查看帮助。", "Try '{command} -h' for help."),
    "click.error": ("错误：{message}", "Error: {message}"),
    "click.no_such_option": ("没有这个选项：{option}", "No such option: {option}"),
    "click.no_such_command": ("没有这个命令：{name}", "No such command {name}."),
    "click.no_such_option.possible": (
        "没有这个选项：{option}（可用的选项：{options}）",
        "No such option: {option} (Possible options: {options})",
    ),
    "click.missing_argument": ("缺少参数 {name}。{rest}", "Missing argument {name}.{rest}"),
    "click.missing_option": ("缺少选项 {name}。{rest}", "Missing option {name}.{rest}"),
    "click.needs_value": ("选项 {name} 需要一个值", "Option {name} requires an argument."),
    "click.not_a_choice": (
        "{name} 的值无效：{value} 不是 {choices} 之一",
        "Invalid value for {name}: {value} is not one of {choices}.",
    ),
    "click.not_an_integer": (
        "{name} 的值无效：{value} 不是整数",
        "Invalid value for {name}: {value} is not a valid integer.",
    ),
    "click.invalid_value": ("{name} 的值无效：{detail}", "Invalid value for {name}: {detail}"),
    "click.extra": ("多余的参数（{arguments}）", "Got unexpected extra arguments ({arguments})"),
    "cli.cache-unwritable": (
        "无法缓存编译后的登记表（{folder}：{why}），每次运行都将重新编译；"
        "可将 SZQ_CACHE_DIR 设为可写的文件夹，或设为 off",
        "cannot cache the compiled registry ({folder}: {why}), so every run compiles it "
        "again; set SZQ_CACHE_DIR to a writable folder, or to off",
    ),
    "diagnostic.encoding-error": (
        "无法按 {encoding} 解码的字节",
        "bytes that do not decode as {encoding}",
    ),
    "diagnostic.encoding-error.hint": (
        "请以 UTF-8 或 GB18030 保存文件，或用 --encoding 指定编码",
        "save the file as UTF-8 or GB18030, or name its encoding with --encoding",
    ),
    "diagnostic.encoding-error.mixed": (
        "该行含有并非 {encoding} 编码的文字（如 Big5 繁体），按 {encoding} 读出来是乱码",
        "this line holds text in another encoding than the file's {encoding} (Big5, say): "
        "read as {encoding} it is garbled",
    ),
    "diagnostic.encoding-error.mixed-hint": (
        "整个文件须用一种编码：请将这一行的文字改用文件的编码，或将整个文件另存为 UTF-8",
        "a file has one encoding: write this line's text in the file's, or save the whole "
        "file as UTF-8",
    ),
    "diagnostic.encoding-error.gb18030": (
        "文件其余部分是 UTF-8，这一行像是 GB18030 编码：{text!r}；请将整个文件另存为 UTF-8",
        "the rest of the file is UTF-8; this line looks like GB18030: {text!r}. Save the whole "
        "file as UTF-8",
    ),
    "diagnostic.binary": (
        "这是{kind}，不是 CSV、.xlsx、.xls 或 .ods 表格",
        "this is {kind}, not a CSV, .xlsx, .xls or .ods table",
    ),
    "diagnostic.kind.binary": ("二进制文件", "a binary file"),
    "diagnostic.kind.pdf": ("PDF 文档", "a PDF document"),
    "diagnostic.kind.zip": ("ZIP 压缩包", "a ZIP archive"),
    "diagnostic.kind.gzip": ("gzip 压缩文件", "a gzip archive"),
    "diagnostic.kind.image": ("图片", "an image"),
    "diagnostic.kind.html": (
        "网页（HTML，另存为网页的表格）",
        "an HTML page (a sheet saved as a web page)",
    ),
    "diagnostic.kind.xml-sheet": ("Excel 2003 XML 表格", "an Excel 2003 XML spreadsheet"),
    "diagnostic.markup.hint": (
        "请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）或 CSV UTF-8",
        "open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8",
    ),
    "diagnostic.encrypted": (
        "工作簿有密码保护（已加密），无法读取",
        "the workbook is password-protected (encrypted): it cannot be read",
    ),
    "diagnostic.encrypted.hint": (
        "请在 Excel 中删除密码（文件 > 信息 > 保护工作簿 > 用密码进行加密）后另存一份",
        "remove the password in Excel (File > Info > Protect Workbook > Encrypt with "
        "Password) and save a copy",
    ),
    "diagnostic.cover-sheet": (
        "第一个工作表 {sheet!r} 中没有表格（封面或目录？）；像数据表的工作表：{sheets}",
        "the first sheet {sheet!r} holds no table (a cover page?); sheets that look like "
        "data: {sheets}",
    ),
    "diagnostic.cover-sheet.hint": (
        "用 --sheet 选择，如 --sheet {sheet}",
        "choose one with --sheet, e.g. --sheet {sheet}",
    ),
    "diagnostic.hidden-sheet": (
        "读取的是隐藏工作表 {sheet!r}（由 --sheet 指定）",
        "reading the hidden sheet {sheet!r} (chosen with --sheet)",
    ),
    "diagnostic.no-value.formula-error": (
        "{name} {year} 没有数值：单元格的公式结果为错误 {error}",
        "no value for {name} in {year}: the cell's formula gives the error {error}",
    ),
    "diagnostic.no-value.formula": (
        "{name} {year} 没有数值：单元格是公式，文件未保存其计算结果（请在 Excel 中重新计算并保存）",
        "no value for {name} in {year}: the cell is a formula whose result the file does not "
        "hold (recalculate and save it in Excel)",
    ),
    "diagnostic.binary.hint": (
        "请导出为 CSV（UTF-8）或 .xlsx",
        "export the data as CSV (UTF-8) or .xlsx",
    ),
    "diagnostic.unreadable": ("无法读取文件：{error}", "cannot read the file: {error}"),
    "diagnostic.bad-xlsx": ("无法读取电子表格：{error}", "cannot read the spreadsheet: {error}"),
    "diagnostic.xlsx-missing": (
        "读取 .xlsx、.xls、.ods 需要 python-calamine",
        "reading .xlsx, .xls and .ods needs python-calamine",
    ),
    "diagnostic.xlsx-missing.hint": (
        "pip install 'sz-quality[xlsx]'",
        "pip install 'sz-quality[xlsx]'",
    ),
    "diagnostic.no-sheet": ("工作簿中没有工作表 {sheet!r}", "the workbook has no sheet {sheet!r}"),
    "diagnostic.no-sheet.hint": ("现有工作表：{sheets}", "its sheets: {sheets}"),
    "diagnostic.empty-file": ("文件是空的", "the file is empty"),
    "diagnostic.no-rows": ("表头下没有数据行", "no data rows under the header"),
    "diagnostic.missing-column": ("缺少列 {name!r}", "missing column {name!r}"),
    "diagnostic.missing-column.hint": (
        "第一行须为表头，如：指标,年份,数值,单位",
        "the first line must be the header, e.g. indicator,year,value,unit",
    ),
    "diagnostic.missing-year-column": (
        "宽表缺少年份列（如 2015 或 2015年）",
        "no year column (such as 2015 or 2015年) in a wide table",
    ),
    "diagnostic.duplicate-column": (
        "列 {header!r} 与第 {first} 列 {first_header!r} 表示同一字段 {name!r}",
        "column {header!r} means the same field {name!r} as column {first} {first_header!r}",
    ),
    "diagnostic.skipped-rows": (
        "表头（第 {header} 行）上方的第 {first}–{last} 行已跳过：{text!r}",
        "rows {first}-{last} above the header (row {header}) were skipped: {text!r}",
    ),
    "diagnostic.unknown-column": (
        "未知的列 {header!r}，已忽略",
        "unknown column {header!r}, ignored",
    ),
    "diagnostic.did-you-mean": ("是否为 {name!r}?", "did you mean {name!r}?"),
    "diagnostic.bad-csv": ("无法解析的 CSV：{error}", "cannot parse the CSV here: {error}"),
    "diagnostic.long-line": (
        "超过 32 MiB 仍无换行：不是表格，停止读取",
        "more than 32 MiB without a line break: not a table, reading stopped",
    ),
    "diagnostic.ragged-row": (
        "该行有 {count} 个字段，表头有 {expected} 个",
        "the row has {count} fields, the header {expected}",
    ),
    "diagnostic.ragged-row.hint": (
        "含分隔符或换行的单元格须加双引号",
        "quote cells that hold the delimiter or a line break",
    ),
    "diagnostic.split-number": (
        "数值 {head!r} 后的字段 {tail!r} 像是同一个数被千位分隔符拆开（{number}）",
        "the value {head!r} and the next field {tail!r} look like one number split by "
        "its thousands separator ({number})",
    ),
    "diagnostic.split-number.hint": (
        '带千位分隔符的数须加双引号（"{number}"），或不写分隔符',
        'quote a number with thousands separators ("{number}"), or write it without them',
    ),
    "diagnostic.split-number.ragged": (
        "有备注列的文件中，多出的字段说明有逗号不在引号内：带千位分隔符的数或含逗号的备注须加双引号",
        "in a file with a note column an extra field means a comma outside quotes: quote a "
        "number with thousands separators, or a note that holds a comma",
    ),
    "diagnostic.blank-row": ("空行", "blank row"),
    "diagnostic.blank-indicator": ("指标为空", "the indicator is blank"),
    "diagnostic.unknown-indicator": ("未知的指标 {name!r}", "unknown indicator {name!r}"),
    "diagnostic.ambiguous-indicator": (
        "指标名 {name!r} 同时指 {ids}",
        "the name {name!r} means several indicators: {ids}",
    ),
    "diagnostic.ambiguous-indicator.hint": ("请改用指标编号", "write the indicator id instead"),
    "diagnostic.suggest-series": ("是否为 {id!r}（{name}）?", "did you mean {id!r} ({name})?"),
    "diagnostic.bad-year": ("无效的年份 {text!r}", "not a year: {text!r}"),
    "diagnostic.bad-year.hint": (
        "年份应为 1900 至 2100 之间的整数，如 2015 或 2015年",
        "a year is a whole number from 1900 to 2100, such as 2015 or 2015年",
    ),
    "diagnostic.bad-number": ("不是数字：{text!r}", "not a number: {text!r}"),
    "diagnostic.bad-number.hint": (
        '无数值请留空或写 -；千分位逗号须在带引号的单元格中，如 "1,234.5"',
        "leave the cell blank or write - for no value; thousands separators need a quoted cell, "
        'such as "1,234.5"',
    ),
    "diagnostic.bad-number.percent": (
        "数值中不写 %，请把 % 写在单位列",
        "write the number without '%' and put '%' in the unit column",
    ),
    "diagnostic.bad-number.multiplier": (
        "数值中不写 {word}，请把 {word} 写在单位列（如 {word}元、{word}人）",
        "write the number without {word!r} and put {word!r} in the unit column (such as {word}元,"
        " {word}人)",
    ),
    "diagnostic.not-finite": (
        "数值须为有限数，而非 {text!r}",
        "a value must be finite, not {text!r}",
    ),
    "diagnostic.no-value": ("{name} {year} 没有数值", "no value for {name} in {year}"),
    "diagnostic.unknown-unit": ("未知的单位 {unit!r}", "unknown unit {unit!r}"),
    "diagnostic.bad-unit": (
        "单位 {unit!r} 是数字或算式，不是单位：请把数值写在数值列",
        "unit {unit!r} is a number or an arithmetic expression, not a unit: "
        "the value goes in the value column",
    ),
    "diagnostic.unknown-unit.hint": (
        "指标 {id!r} 的单位是 {expected!r}；留空即表示该单位",
        "the unit of {id!r} is {expected!r}; a blank unit means that one",
    ),
    "diagnostic.unit-mismatch": (
        "单位 {unit!r} 无法换算为 {id!r} 的单位 {expected!r}",
        "unit {unit!r} does not convert to {expected!r}, the unit of {id!r}",
    ),
    "diagnostic.unit-meaning": (
        "单位 {unit!r} 与 {id!r} 的单位 {expected!r} 计量的不是同一种东西（如优良天数是计数的天，"
        "不是时长），不换算",
        "unit {unit!r} counts or measures another thing than {expected!r}, the unit of {id!r} "
        "(good-air days are days counted, not a duration): not converted",
    ),
    "diagnostic.unit-currency": (
        "单位 {unit!r} 与 {expected!r} 币种不同，需按当年汇率换算",
        "unit {unit!r} is in another currency than {expected!r}: converting needs the year's "
        "exchange rate",
    ),
    "diagnostic.unit-currency.hint": (
        "请按 {expected!r} 报送，并在来源/备注中注明汇率",
        "report the value in {expected!r}, with the rate used in the source or note",
    ),
    "diagnostic.unit-per-person.hint": (
        "{id!r} 是人均指标：请写 {unit!r}",
        "{id!r} is per person: write {unit!r}",
    ),
    "diagnostic.out-of-range": (
        "{id!r} 的数值 {value:.12g} {unit} 超出合理范围 {range}",
        "value {value:.12g} {unit} of {id!r} is outside the plausible range {range}",
    ),
    "diagnostic.out-of-range.absurd": (
        "{id!r} 的数值换算后为 {value} {unit}，不可能是统计数字",
        "value of {id!r} is {value} {unit} after conversion: not a figure of statistics",
    ),
    "diagnostic.out-of-range.absurd.hint": (
        "请检查数值的位数和单位列：{id!r} 的单位是 {unit!r}",
        "check the digits and the unit column: the unit of {id!r} is {unit!r}",
    ),
    "diagnostic.suspect-fraction": (
        "{id!r} 的数值 {value:.12g}% 比其目标值 {reference:.12g}% 小约 100 倍，像是小数而非百分数",
        "value {value:.12g}% of {id!r} is about 100 times smaller than its target's "
        "{reference:.12g}%: a fraction rather than a percentage?",
    ),
    "diagnostic.suspect-fraction.hint": (
        "若指 {percent}%，请写 {percent}",
        "if {percent}% is meant, write {percent}",
    ),
    "diagnostic.duplicate-row.differ": (
        "{id!r} {region}{year} 在第 {first} 行已有数值 {old:.12g}，此处为 {new:.12g}",
        "{id!r} {region}{year} already has {old:.12g} on line {first}; here {new:.12g}",
    ),
    "diagnostic.duplicate-row.named": (
        "{id!r} 与 {other!r} 是同一个数：{region}{year} 第 {first} 行为 {old:.12g}（{unit}），"
        "此处为 {new:.12g}",
        "{id!r} and {other!r} name one figure: {region}{year} is {old:.12g} ({unit}) on line "
        "{first}; here {new:.12g}",
    ),
    "diagnostic.duplicate-row.equal": (
        "{id!r} {region}{year} 与第 {first} 行重复（数值相同）",
        "{id!r} {region}{year} repeats line {first} (same value)",
    ),
    "diagnostic.revision": (
        "{id!r} {region}{year}：{old:.12g}（{old_file} 第 {old_line} 行）改为 {new:.12g}",
        "{id!r} {region}{year}: {old:.12g} ({old_file} line {old_line}) revised to {new:.12g}",
    ),
    "diagnostic.region": ("地区 {region!r} ", "region {region!r} "),
    "diagnostic.missing-indicator": (
        "缺少 {id!r}（{name}）的 {year} 年数值，{agency} 的目标 {targets} 需要",
        "no {year} value of {id!r} ({name}), needed by {agency}'s target(s) {targets}",
    ),
    "diagnostic.missing-indicator.hint": (
        "添加一行：{id},{year},<数值>",
        "add a row: {id},{year},<value>",
    ),
    "diagnostic.unknown-region": (
        "未知的地区 {region!r}",
        "unknown region {region!r}",
    ),
    "diagnostic.unknown-region.hint": (
        "是否为 {name!r}?全市请留空或写 全市",
        "did you mean {name!r}? Leave the city total blank or write 全市",
    ),
    "diagnostic.unknown-region.none": (
        "登记表所列的区：{names}；全市请留空或写 全市",
        "the registry's districts: {names}; leave the city total blank or write 全市",
    ),
    "diagnostic.district-column": (
        "列 {header!r} 的值是区名（如 {example!r}），而文件没有地区列：按地区列读取",
        "column {header!r} holds district names (such as {example!r}) and the file has no "
        "region column: read as the region column",
    ),
    "diagnostic.district-column.hint": (
        "请把该列的表头改为 地区（或 region）",
        "head the column 地区 (or region)",
    ),
    "diagnostic.suspect-magnitude": (
        "{id!r} {region}{year}：{value:.12g} {unit}，而 {other_year}：{other:.12g} "
        "{unit}（{other_file} 第 {other_line} 行），相差约 10^{power} 倍",
        "{id!r} {region}{year}: {value:.12g} {unit} against {other_year}: {other:.12g} {unit} "
        "({other_file} line {other_line}), about 10^{power} times apart",
    ),
    "diagnostic.suspect-magnitude.unit": (
        "是否把 {written} 写成了 {unit}?",
        "{written} written as {unit}?",
    ),
    "diagnostic.suspect-magnitude.percent": (
        "是否把比例（小数）写成了百分数，或反之?",
        "a fraction written for a percentage, or the reverse?",
    ),
    "diagnostic.suspect-magnitude.other": (
        "请检查数值的位数和单位列",
        "check the digits and the unit column",
    ),
    "diagnostic.repeated-value": (
        "{id!r} {region}{year} 的数值 {value:.12g} 与 {other_year} 年（第 {other_line} "
        "行）完全相同",
        "{id!r} {region}{year}: {value:.12g}, the same as {other_year} (line {other_line})",
    ),
    "diagnostic.repeated-value.hint": (
        "是否复制了上一年的行?",
        "was last year's row copied?",
    ),
    "diagnostic.parts-total-mismatch": (
        "{id!r} {year}：各区之和 {sum:.12g} 与全市 {total:.12g} 不符（{districts}）",
        "{id!r} {year}: the districts sum to {sum:.12g} against the city total {total:.12g} "
        "({districts})",
    ),
    "diagnostic.parts-total-mismatch.hint": (
        "请核对各区数值和全市数值（新区是否重复计入所属区?）",
        "check the districts' figures and the total (a new district counted in its parent "
        "district too?)",
    ),
    "diagnostic.derived-mismatch": (
        "{id!r} {region}{year}：报送值 {value:.12g} {unit}，按 {formula} 计算为 "
        "{computed:.12g}（第 {lines} 行），相差 {apart:.1f}%，超过容差 "
        "{tolerance:g}%；检查采用报送值",
        "{id!r} {region}{year}: submitted {value:.12g} {unit}, {computed:.12g} from {formula} "
        "(lines {lines}): {apart:.1f}% apart, beyond the tolerance of {tolerance:g}%; the "
        "check uses the submitted figure",
    ),
    "diagnostic.derived-mismatch.hint": (
        "请核对报送值与其各项输入（口径：年末还是年平均?）",
        "check the submitted figure and its inputs (year-end or average?)",
    ),
    "diagnostic.wrong-template": (
        "这是 {form_agency} {form_year} 年的报送表，而校验的是 {agency} {year} 年",
        "this is the form of {form_agency} for {form_year}, not of {agency} for {year}",
    ),
    "diagnostic.wrong-template.registry": (
        "报送表由另一版本的登记表生成（{registry} {sha256}，当前 {current}）",
        "the form was made from another version of the registry ({registry} {sha256}; now "
        "{current})",
    ),
    "diagnostic.wrong-template.hint": (
        "用 szq template --agency {agency} --year {year} 生成报送表",
        "make the form with szq template --agency {agency} --year {year}",
    ),
    "diagnostic.too-many": (
        "另有 {count} 条 {code} 未列出",
        "{count} more {code} diagnostic(s) not listed",
    ),
    "diagnostic.too-many.hint": (
        "用 --max-diagnostics 0 列出全部",
        "list them all with --max-diagnostics 0",
    ),
    "diagnostic.status-encoding": (
        "文件既不是 UTF-8 也不是 GB18030",
        "the file is neither UTF-8 nor GB18030",
    ),
    "diagnostic.status-encoding.hint": ("请以 UTF-8 保存", "save it as UTF-8"),
    "diagnostic.status-empty": ("文件没有表头", "the file has no header"),
    "diagnostic.status-header.hint": (
        "第一行须为：measure,status,note",
        "the first line must be: measure,status,note",
    ),
    "diagnostic.status-unknown-column": (
        "未知的列 {header!r}（已忽略）",
        "unknown column {header!r} (ignored)",
    ),
    "diagnostic.status-unknown-column.hint": (
        "可用的列：measure、status、note",
        "the columns are: measure, status, note",
    ),
    "diagnostic.status-missing-column": (
        "表头缺少列：{columns}",
        "the header lacks the column(s): {columns}",
    ),
    "diagnostic.status-missing-id": ("该行没有措施编号", "the row has no measure id"),
    "diagnostic.status-unknown-measure": ("未知的措施 {id!r}", "unknown measure {id!r}"),
    "diagnostic.status-unknown-measure.hint": (
        "`szq measures` 列出全部编号",
        "`szq measures` lists the ids",
    ),
    "diagnostic.status-invalid-status": ("无效的状态 {status!r}", "invalid status {status!r}"),
    "diagnostic.status-invalid-status.hint": (
        "请用 done、in_progress 或 not_started",
        "use done, in_progress or not_started",
    ),
    "diagnostic.status-duplicate": (
        "措施 {id!r} 在第 {first} 行已出现；以后一行为准",
        "measure {id!r} is also on line {first}; this later row wins",
    ),
    # --- `szq schema --lang`: the row schema in one language ---
    "schema.title": ("szq 长表数据行", "szq long-format data row"),
    "schema.row": (
        "长表格式的一条报送数据（每行一个数值）。",
        "One observation of a data submission in long layout (one row per value).",
    ),
    "schema.indicator": (
        "指标编号、中英文名称或别名，或目标编号（为目标本身报送的数值，如累计下降率）。",
        "An indicator id, a Chinese or English name or alias of one, or a target id (a value "
        "reported for the target itself, such as a cumulative decline).",
    ),
    "schema.year": ("年份，1900–2100：2015 或 2015年。", "The year, 1900-2100: 2015 or 2015年."),
    "schema.value": (
        '以 unit 为单位的有限数值（带引号的单元格可用千位分隔符："1,234.5"）；空白、-、—、… '
        "表示无数值（警告）。",
        'A finite number in `unit` (thousands separators allowed in a quoted cell: "1,234.5"); '
        "blank, '-', '—' or '…' mean no value (a warning).",
    ),
    "schema.unit": (
        "szq 单位系统可读的任何单位（亿元、万人、%、吨标准煤/万元、km²）；留空即指标的单位。",
        "Any unit szq's unit system reads (亿元, 万人, %, 吨标准煤/万元, km²); blank means the "
        "indicator's own unit.",
    ),
    "schema.region": ("地区；留空为全市。", "The region (blank: the whole city)."),
    "schema.source": ("数据来源。", "Where the figure comes from."),
    "schema.note": ("备注。", "Free text."),
    # --- what each diagnostic code means (sz_quality.read.codes; the README table) ---
    "code.encoding-error": (
        "字节无法按文件编码解码（自动识别 UTF-8、带 BOM 的 UTF-8、带 BOM 的 UTF-16、GB18030，或 "
        "--encoding 指定的编码）；GB18030 文件中按 GB18030 解出私用区字符的文字"
        "（如 Big5 繁体备注）；或 --encoding 指定的编码根本读不了该文件（无 BOM 的 UTF-16）。",
        "Bytes that do not decode in the file's encoding (detected: UTF-8, UTF-8 with BOM, "
        "UTF-16 with BOM or GB18030; or as forced with `--encoding`); in a GB18030 file, text "
        "that decodes into private-use characters (a note in Big5); or a forced encoding the "
        "file cannot be in at all (UTF-16 without a BOM).",
    ),
    "code.bad-file": (
        "不是可读取的表格：二进制文件（PDF、图片、压缩包）、损坏的 .xlsx、.xls 或 .ods、"
        "不存在的工作表，或无法打开的文件。",
        "Not a table szq can read: a binary file (PDF, image, archive), a damaged .xlsx, .xls or "
        ".ods, a missing sheet, or a file that cannot be opened.",
    ),
    "code.empty-file": (
        "文件没有表头，或只有表头没有数据行。",
        "The file holds no header, or a header and no data rows.",
    ),
    "code.missing-column": (
        "缺少必需的列：长表需要 指标、年份、数值；宽表需要 指标 和至少一个年份列。",
        "A required column is absent: indicator, year and value (long layout), or indicator and "
        "at least one year column (wide layout).",
    ),
    "code.duplicate-column": (
        "两列表示同一字段（如 'indicator' 与 '指标'，或两个 '2015' 列）。",
        "Two columns mean the same field (e.g. `indicator` and `指标`, or `2015` twice).",
    ),
    "code.skipped-rows": (
        "表头上方的行（标题、副标题）已跳过；表头为第一个可识别为表头的行。",
        "A spreadsheet's rows above its header (a title, a subtitle) were skipped; the header is "
        "the first row that reads as one.",
    ),
    "code.cover-sheet": (
        "第一个可见工作表中没有表格（封面、目录），而其他工作表有：诊断列出它们，"
        "请用 --sheet 选择。",
        "The first visible sheet holds no table (a cover page, contents) and other sheets "
        "do: the diagnostic names them; choose one with `--sheet`.",
    ),
    "code.hidden-sheet": (
        "读取的工作表在工作簿中是隐藏的（由 --sheet 指定）；默认读取第一个可见工作表。",
        "The sheet read is hidden in the workbook (chosen with `--sheet`); by default szq "
        "reads the first visible sheet.",
    ),
    "code.unknown-column": (
        "无法识别的表头，该列被忽略。",
        "A header szq does not know; the column is ignored.",
    ),
    "code.bad-csv": (
        "CSV 解析器无法读取的行（如超过 128 KiB 的字段）。",
        "A line the CSV parser cannot read (e.g. a field larger than 128 KiB).",
    ),
    "code.split-number": (
        "逗号分隔的行中，一至三位数的数值后紧跟一个恰为三位数（可带小数）的字段"
        "（17,502.99 未加引号）：一个数被千位分隔符拆开，不取任何数值；"
        "有备注列的文件中多出字段的行亦为错误（ragged-row）。",
        "In a comma-separated row, a value of one to three digits followed by a field of "
        "exactly three digits (and decimals), as an unquoted 17,502.99 is: one number split "
        "by its thousands separator, never read as a value. In a file with a note column, a "
        "row with more fields than the header is an error too (ragged-row).",
    ),
    "code.ragged-row": (
        "字段数与表头不一致的行。",
        "A row with another number of fields than the header (empty cells after the last column "
        "are fine).",
    ),
    "code.blank-row": ("空行，已跳过。", "A row with no values; it is skipped."),
    "code.unknown-indicator": (
        "指标既不是登记表中的指标编号、名称或别名，也不是目标编号。",
        "An indicator that is neither an indicator id, a name or alias of one, nor a target id "
        "of the registry.",
    ),
    "code.bad-year": (
        "年份不是 1900 至 2100 之间的整数（2015、2015年 均可）。",
        "A year that is not a whole number from 1900 to 2100 (`2015`, `2015年` are fine).",
    ),
    "code.bad-number": (
        "数值不是数字，或为 NaN、无穷大。",
        "A value that is not a number, or is NaN or infinite.",
    ),
    "code.no-value": (
        "数值为空或写作 -、—、…：该行没有数值，已跳过。",
        "A value left blank or written as `-`, `—`, `…`: the row holds no value and is skipped.",
    ),
    "code.unknown-unit": ("szq 单位系统无法识别的单位。", "A unit szq's unit system cannot read."),
    "code.bad-unit": (
        "单位列中是数字或算式（5、亿元*1.1）：单位从不与数值相乘，该行被拒绝。",
        "A number or an arithmetic expression in the unit column (5, 亿元*1.1): a unit never "
        "multiplies the value; the row is rejected.",
    ),
    "code.unit-mismatch": (
        "单位与指标的量纲不同（如对百分比指标填 亿元），或币种不同（美元与元需按当年汇率换算），"
        "或量纲相同而含义不同（优良天数填 小时；张 填 家）。",
        "A unit of another dimension than the indicator's (亿元 for a %), another currency (美元 "
        "for 元), which needs the year's exchange rate, or a unit that converts in dimension but "
        "not in meaning (小时 for good-air days, which are days counted; 家 for 张).",
    ),
    "code.out-of-range": (
        "数值超出指标的合理范围（如比重不在 0-100% 之间、数量为负），"
        "或换算为指标单位后为无穷大或绝对值达到 1e15（如 亿元 指标填 1e308 万亿元），或不为 0 "
        "而绝对值小于 1e-12。",
        "A value outside the indicator's plausible range, after conversion (a share outside "
        "0–100%, a negative count), or one no statistics table holds: infinite or of magnitude "
        "1e15 or more in the indicator's unit (1e308 万亿元 for an indicator in 亿元), or not 0 "
        "but below 1e-12 (1e-300).",
    ),
    "code.suspect-fraction": (
        "百分比数值比该指标的合理水平小约 100 倍：不大于 1，且比其目标值小 20 至 500 "
        "倍（如森林覆盖率填 0.415），像是把比例写成了小数。数值照常接受。",
        "A % value about 100 times smaller than plausible for its indicator: at most 1 and 20 to "
        "500 times smaller than the figure its targets set (0.415 for forest coverage, whose "
        "target is 46%), as a fraction written for a percentage would be. The value is kept.",
    ),
    "code.duplicate-row": (
        "同一文件中同一指标、地区、年份出现两次（包括以指标编号和以其水平目标编号各给一次，"
        "如 gdp 与 gdp_2015）：数值不同为错误（先给的数值有效），相同为警告。",
        "The same indicator, region and year twice in one file, also once under the indicator "
        "and once under its level target's id (gdp and gdp_2015): an error if the values "
        "differ (the first stands), a warning if they are equal.",
    ),
    "code.revision": (
        "后一个文件对同一指标、地区、年份给出不同数值，以后者为准（旧值 -> 新值）。",
        "A later file gives another value for the same indicator, region and year; the later "
        "value is kept (old → new).",
    ),
    "code.missing-indicator": (
        "使用 --expect-agency 和 --year 时：该单位的目标在该年（以及检查据以计算的基期年或基期后"
        "各年）需要的指标没有数值。`szq template` 生成对应的报送表。",
        "With `--expect-agency` and `--year`: an indicator the agency's targets need for that "
        "year (targets whose baseline year to target year holds it, led by the text or by "
        "inference), or for a year the check measures it from (the baseline year; every year "
        "since it for a target kept every year or summed), has no value "
        "`szq check` can use: the city total's (or a district's, for a target stated for every "
        "district); a value under the target's id for the year, or values of all inputs of a "
        "derived indicator, also count. Reported against the last file; `szq template` writes "
        "the form of these rows.",
    ),
    "code.unknown-region": (
        "地区既不是全市（空白、全市、合计、总计或登记表所列名称，如 深圳市），也不是登记表所列"
        "的区（福田 与 福田区 为同一区）；按原样保留，并给出建议。",
        "A region that is neither the city total (blank, 全市, 合计, 总计, or a name the "
        "registry adds such as 深圳市) nor a district the registry lists (福田 and 福田区 are "
        "one); kept as written, with a suggestion.",
    ),
    "code.district-column": (
        "文件没有地区列，而某个无法识别的列的值是区名：按地区列读取，以免把区的数字当作全市的。",
        "A column szq does not know whose values are district names, in a file without a "
        "region column: read as the region column, so that no district figure is taken for the "
        "city's.",
    ),
    "code.suspect-magnitude": (
        "数值与同一序列相邻年份（或另一文件中的同一数字）之比接近单位写错造成的 10 的幂（10³ "
        "千、10⁴ 万、10⁸ 亿、10¹²；百分比为 10²）：是否把 万元 写成了 亿元?",
        "A value whose ratio to the same series' neighbouring year, or to the same figure in "
        "another file, is close to a power of ten a unit slip produces (10³ 千, 10⁴ 万, 10⁸ "
        "亿, 10¹²; 10² for a %): 万元 written as 亿元? Between files it replaces the "
        "`revision` warning; the later value is kept.",
    ),
    "code.repeated-value": (
        "金额或可跨区加总的指标在相邻年份数值完全相同（至少 4 位有效数字），疑为复制了上一年的行。",
        "The same value, to four or more significant figures, in consecutive years of a money "
        "amount or of an indicator that adds up across districts (a copied row?); whole "
        "numbers with fewer significant figures (360 good-air days) never.",
    ),
    "code.parts-total-mismatch": (
        "可加总指标各区之和大于全市数，或登记表所列各区俱全而其和不等于全市数（相差超过全市数的"
        " 0.5%）。",
        "An indicator marked `additive` whose districts' figures sum to more than the city "
        "total's, or, with every district of the registry present, to other than it, by more "
        "than 0.5% of the total (rounding).",
    ),
    "code.derived-mismatch": (
        "同一地区、年份既报送了派生指标（如人均生产总值），又报送了其公式的各项输入（生产总值、"
        "人口），两者相差超过该指标的容差（targets.yaml 的 tolerance，默认 "
        "5%）。检查采用报送值。",
        "A derived indicator submitted for a region and year whose formula's inputs are "
        "submitted too (GDP per capita and GDP and population), the two further apart than the "
        "indicator's `tolerance` in targets.yaml (default 5%: year-end against average "
        "population moves per-capita figures by a few %). The check uses the submitted figure.",
    ),
    "code.wrong-template": (
        "使用 --expect-agency 和 --year 时：报送表是 `szq template` "
        "为其他单位或年份生成的（错误，并给出两者），或由另一版本的登记表生成（警告）；依据报送"
        "表隐藏的 szq_form 列。",
        "With `--expect-agency` and `--year`: a form `szq template` made for another agency or "
        "year (an error naming both), or from another version of the registry (a warning); "
        "read from the form's hidden `szq_form` column.",
    ),
    "code.too-many": (
        "同一文件同一代码的诊断超过 --max-diagnostics（默认 1000），其余只计数，合并为本条，"
        "严重程度取其中最高者。",
        "More diagnostics of one code in one file than `--max-diagnostics` (default 1000, 0 for "
        "all); the rest are counted in this one, which has the worst severity among them.",
    ),
    "code.status-encoding": (
        "--measures-status：文件既不是 UTF-8 也不是 GB18030，未读取。",
        "`--measures-status`: the file is neither UTF-8 nor GB18030; nothing is read.",
    ),
    "code.status-empty": (
        "--measures-status：文件没有表头。",
        "`--measures-status`: the file has no header.",
    ),
    "code.status-missing-column": (
        "--measures-status：表头缺少 measure 或 status 列，未读取。",
        "`--measures-status`: the header lacks `measure` or `status`; nothing is read.",
    ),
    "code.status-unknown-column": (
        "--measures-status：无法识别的表头，该列被忽略。",
        "`--measures-status`: a header szq does not know; the column is ignored.",
    ),
    "code.status-missing-id": (
        "--measures-status：该行没有措施编号。",
        "`--measures-status`: a row without a measure id.",
    ),
    "code.status-unknown-measure": (
        "--measures-status：measures.yaml 中没有该措施编号。",
        "`--measures-status`: a measure id measures.yaml does not define.",
    ),
    "code.status-invalid-status": (
        "--measures-status：状态不是 done、in_progress 或 not_started。",
        "`--measures-status`: a status other than `done`, `in_progress` or `not_started`.",
    ),
    "code.status-duplicate": (
        "--measures-status：同一措施出现两行，以后一行为准。",
        "`--measures-status`: a second row for the same measure; the later row wins.",
    ),
    # --- yearly plans (szq check --plan) and the assessment (szq assess): issue 23 ---
    "plan_schema.title": ("szq 年度推进计划的一行", "szq yearly plan row"),
    "plan_schema.row": (
        "年度推进计划的一个分解目标（每行一个）：列与长表数据行相同，数值是当年要达到的目标。",
        "One sub-target of a yearly plan (年度推进计划), one per row: the columns of a "
        "long-format data row, whose value is the goal for the year.",
    ),
    "plan_schema.indicator": (
        "目标编号（目标本身当年的数值：水平、累计变化、新增量），或指标的编号、中英文名称或"
        "别名（该指标当年的数值）。",
        "A target's id (the target's own figure for the year: a level, a cumulative change, "
        "an increment), or an indicator's id, Chinese or English name or alias (the "
        "indicator's value for the year).",
    ),
    "plan_schema.year": ("计划年份，1900–2100。", "The plan's year, 1900-2100."),
    "plan_schema.value": (
        "当年的分解目标，单位见 unit（留空为目标或指标自身的单位）。",
        "The sub-target for the year, in `unit` (blank: the target's or indicator's own).",
    ),
    "plan_schema.region": (
        "分解目标所属的区；留空为全市。",
        "The district the sub-target is for (blank: the whole city).",
    ),
    "plan_schema.source": (
        "计划文件及其发布单位（必填）。",
        "The plan and who issued it (required).",
    ),
    "assess.title": ("{year} 年考核得分", "Assessment for {year}"),
    "assess.annex": ("附件：{year} 年考核得分", "Annex: the assessment for {year}"),
    "assess.rules": (
        "权重：{weights}；推定牵头的目标{inferred}；多家牵头的目标{shared}；"
        "推进中的措施计 {credit}",
        "Weights: {weights}; a target whose lead is inferred {inferred}; a target with "
        "several leads {shared}; a measure in progress earns {credit}",
    ),
    "assess.inferred.exclude": ("不计入", "counts for no agency"),
    "assess.inferred.include": ("计入推定的牵头单位", "counts for its inferred leads"),
    "assess.shared.full": ("各单位均全额计入", "counts wholly for each"),
    "assess.shared.split": ("由各单位均分", "is shared equally"),
    "assess.agencies": ("牵头单位", "Lead agencies"),
    "assess.districts": ("各区", "Districts"),
    "assess.rank": ("排名", "Rank"),
    "assess.unit": ("单位", "Unit"),
    "assess.score": ("得分", "Score"),
    "assess.not_assessable": ("无可考核内容", "Nothing assessable"),
    "assess.items": ("得分明细", "How the points were earned"),
    "assess.component.targets": ("目标完成", "Targets"),
    "assess.component.submission": ("数据报送", "Submission"),
    "assess.component.measures": ("措施落实", "Measures"),
    "assess.component.yearly_plan": ("年度计划", "Yearly plan"),
    "assess.component_line": (
        "{component}：{earned}/{possible}，权重 {weight}，得 {points} 分",
        "{component}: {earned}/{possible}, weight {weight}, {points} points",
    ),
    "assess.component_unused": (
        "{component}：无可考核项，不计",
        "{component}: nothing to count, left out",
    ),
    "assess.uncounted": (
        "另列 {count} 项不计（缺少数据、无法评估、推定牵头或未报告；明细见 --format json）",
        "{count} more listed, not counted (no data, not assessable, lead inferred, not "
        "reported; --format json lists them)",
    ),
    "assess.item.present": ("已报送", "present"),
    "assess.item.missing": ("缺报", "missing"),
    "assess.ties": (
        "同分（保留两位小数）并列同一名次；并列者按计入的项数从多到少，再按登记表中的顺序排列。",
        "Equal scores (to 0.01) share a rank; among them more items counted first, then the "
        "registry's order.",
    ),
    "yearly_target": ("年度目标", "Yearly target"),
    "yearly_status": ("年度完成", "For the year"),
    "yearly_unit": ("年度目标单位", "Yearly target unit"),
    "yearly_source": ("年度目标来源", "Yearly target source"),
    "code.plan-no-source": (
        "--plan：分解目标没有来源（是谁的计划？）。",
        "`--plan`: a sub-target without a source (whose plan is it?).",
    ),
    "code.plan-no-target": (
        "--plan：分解目标所属的指标没有任何目标，不据以判断。",
        "`--plan`: a sub-target of an indicator no target is on; it judges nothing.",
    ),
    "code.plan-short-of-target": (
        "--plan：按分解目标的路径推算，到目标年份达不到行动计划的目标。",
        "`--plan`: the path through a sub-target does not reach the plan's target by its year.",
    ),
    "code.plan-parts-short": (
        "--plan：可加总指标各区的分解目标之和达不到全市的分解目标。",
        "`--plan`: the districts' sub-targets of an additive indicator add up to less than "
        "the city's.",
    ),
    "diagnostic.plan-no-source": (
        "{id} {year} 年的分解目标没有来源",
        "the sub-target of {id} for {year} has no source",
    ),
    "diagnostic.plan-no-source.hint": (
        "在 source 列写明计划文件及其发布单位",
        "name the plan and who issued it in the source column",
    ),
    "diagnostic.plan-no-target": (
        "没有目标以 {id!r} 为指标，该分解目标不据以判断",
        "no target is on {id!r}; the sub-target judges nothing",
    ),
    "diagnostic.plan-no-target.hint": (
        "`szq targets` 列出各目标的编号和指标",
        "`szq targets` lists the targets' ids and indicators",
    ),
    "diagnostic.plan-short-of-target": (
        "{region}{id} {year} 年的分解目标 {value}{unit}：照此路径到 {target_year} 年为 "
        "{projected}{unit}，距目标 {goal}{unit} 差 {gap}{gap_unit}",
        "{region}{id}'s sub-target for {year}, {value} {unit}: on its path {target_year} "
        "reaches {projected} {unit}, {gap}{gap_unit} short of the target {goal} {unit}",
    ),
    "diagnostic.plan-short-of-target.hint": (
        "提高分解目标，或说明如何在之后的年份补足",
        "raise the sub-target, or say how the later years make up for it",
    ),
    "diagnostic.plan-parts-short": (
        "{id} {year} 年：{count} 个区的分解目标合计 {parts}{unit}，"
        "全市为 {city}{unit}，差 {gap}{unit}",
        "{id} for {year}: the sub-targets of {count} districts add up to {parts} {unit}, "
        "the city's is {city} {unit}, {gap} {unit} apart",
    ),
    "diagnostic.plan-parts-short.hint": (
        "各区的分解目标合计应覆盖全市的目标",
        "the districts' sub-targets together should cover the city's",
    ),
}


def word(key: str, lang: str, **fields: object) -> str:
    """The words for `key` in `lang` ("zh" or "en"), `{fields}` filled in; an unknown key
    is a KeyError."""
    zh, en = WORDS[key]
    chosen = zh if lang == "zh" else en
    return chosen.format(**fields) if fields else chosen


def both(key: str) -> tuple[str, str]:
    """The (zh, en) words for `key`, for what carries both names (a group of results)."""
    return WORDS[key]
