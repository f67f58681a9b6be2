"""The diagnostic codes of data files: stable names, severities and messages in zh and en.

A CI job relies on the codes, so they never change meaning; the README's table is
generated from CODES (and a test keeps the two in step). Messages are templates: a
Diagnostic keeps the template's key and the values that fill it (`template(key, ...)`),
and its text is built in the user's language when it is shown (`message`).

This module is longer than 500 lines: it is the one table of the codes and of every
message, each in Chinese and English, which reads best in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .observations import Diagnostic, Param, Params, ReadResult, Severity

__all__ = [
    "CODES",
    "Code",
    "Template",
    "is_valid",
    "make",
    "markdown_table",
    "message",
    "summary_counts",
    "template",
]


@dataclass(frozen=True)
class Code:
    """A diagnostic code: its usual severity and what it means."""

    code: str
    severity: str  # "error", "warning", or "error or warning"
    meaning_en: str
    meaning_zh: str


CODES: dict[str, Code] = {
    code.code: code
    for code in (
        Code(
            "encoding-error",
            "error",
            "Bytes that do not decode in the file's encoding (detected: UTF-8, UTF-8 with BOM, "
            "UTF-16 with BOM or GB18030; or as forced with `--encoding`).",
            "字节无法按文件编码解码(自动识别 UTF-8、带 BOM 的 UTF-8、带 BOM 的 UTF-16、"
            "GB18030,或 --encoding 指定的编码)。",
        ),
        Code(
            "bad-file",
            "error",
            "Not a table szq can read: a binary file (PDF, image, archive), a damaged "
            ".xlsx, .xls or .ods, a missing sheet, or a file that cannot be opened.",
            "不是可读取的表格:二进制文件(PDF、图片、压缩包)、损坏的 .xlsx、.xls 或 .ods、"
            "不存在的工作表,或无法打开的文件。",
        ),
        Code(
            "empty-file",
            "error",
            "The file holds no header, or a header and no data rows.",
            "文件没有表头,或只有表头没有数据行。",
        ),
        Code(
            "missing-column",
            "error",
            "A required column is absent: indicator, year and value (long layout), or indicator "
            "and at least one year column (wide layout).",
            "缺少必需的列:长表需要 指标、年份、数值;宽表需要 指标 和至少一个年份列。",
        ),
        Code(
            "duplicate-column",
            "error",
            "Two columns mean the same field (e.g. `indicator` and `指标`, or `2015` twice).",
            "两列表示同一字段(如 'indicator' 与 '指标',或两个 '2015' 列)。",
        ),
        Code(
            "skipped-rows",
            "warning",
            "A spreadsheet's rows above its header (a title, a subtitle) were skipped; the "
            "header is the first row that reads as one.",
            "表头上方的行(标题、副标题)已跳过;表头为第一个可识别为表头的行。",
        ),
        Code(
            "cover-sheet",
            "error",
            "The first visible sheet holds no table (a cover page, contents) and other sheets "
            "do: the diagnostic names them; choose one with `--sheet`.",
            "第一个可见工作表中没有表格(封面、目录),而其他工作表有:诊断列出它们,"
            "请用 --sheet 选择。",
        ),
        Code(
            "hidden-sheet",
            "warning",
            "The sheet read is hidden in the workbook (chosen with `--sheet`); by default szq "
            "reads the first visible sheet.",
            "读取的工作表在工作簿中是隐藏的(由 --sheet 指定);默认读取第一个可见工作表。",
        ),
        Code(
            "unknown-column",
            "warning",
            "A header szq does not know; the column is ignored.",
            "无法识别的表头,该列被忽略。",
        ),
        Code(
            "bad-csv",
            "error",
            "A line the CSV parser cannot read (e.g. a field larger than 128 KiB).",
            "CSV 解析器无法读取的行(如超过 128 KiB 的字段)。",
        ),
        Code(
            "ragged-row",
            "error",
            "A row with another number of fields than the header (empty cells after the last "
            "column are fine).",
            "字段数与表头不一致的行。",
        ),
        Code("blank-row", "warning", "A row with no values; it is skipped.", "空行,已跳过。"),
        Code(
            "unknown-indicator",
            "error",
            "An indicator that is neither an indicator id, a name or alias of one, nor a target "
            "id of the registry.",
            "指标既不是登记表中的指标编号、名称或别名,也不是目标编号。",
        ),
        Code(
            "bad-year",
            "error",
            "A year that is not a whole number from 1900 to 2100 (`2015`, `2015年` are fine).",
            "年份不是 1900 至 2100 之间的整数(2015、2015年 均可)。",
        ),
        Code(
            "bad-number",
            "error",
            "A value that is not a number, or is NaN or infinite.",
            "数值不是数字,或为 NaN、无穷大。",
        ),
        Code(
            "no-value",
            "warning",
            "A value left blank or written as `-`, `—`, `…`: the row holds no value and is "
            "skipped.",
            "数值为空或写作 -、—、…:该行没有数值,已跳过。",
        ),
        Code(
            "unknown-unit",
            "error",
            "A unit szq's unit system cannot read.",
            "szq 单位系统无法识别的单位。",
        ),
        Code(
            "unit-mismatch",
            "error",
            "A unit of another dimension than the indicator's (亿元 for a %), another "
            "currency (美元 for 元), which needs the year's exchange rate, or a unit that "
            "converts in dimension but not in meaning (小时 for good-air days, which are days "
            "counted; 家 for 张).",
            "单位与指标的量纲不同(如对百分比指标填 亿元),或币种不同(美元与元需按当年汇率换算),"
            "或量纲相同而含义不同(优良天数填 小时;张 填 家)。",
        ),
        Code(
            "out-of-range",
            "error",
            "A value outside the indicator's plausible range, after conversion (a share outside"
            " 0–100%, a negative count), or one no statistics table holds: infinite or of "
            "magnitude 1e15 or more in the indicator's unit (1e308 万亿元 for an indicator in "
            "亿元), or not 0 but below 1e-12 (1e-300).",
            "数值超出指标的合理范围(如比重不在 0-100% 之间、数量为负),或换算为指标单位后"
            "为无穷大或绝对值达到 1e15(如 亿元 指标填 1e308 万亿元),或不为 0 而绝对值小于 1e-12。",
        ),
        Code(
            "suspect-fraction",
            "warning",
            "A % value about 100 times smaller than plausible for its indicator: at most 1 and"
            " 20 to 500 times smaller than the figure its targets set (0.415 for forest "
            "coverage, whose target is 46%), as a fraction written for a percentage would be."
            " The value is kept.",
            "百分比数值比该指标的合理水平小约 100 倍:不大于 1,且比其目标值小 20 至 500 倍"
            "(如森林覆盖率填 0.415),像是把比例写成了小数。数值照常接受。",
        ),
        Code(
            "duplicate-row",
            "error or warning",
            "The same indicator, region and year twice in one file: an error if the values "
            "differ, a warning if they are equal.",
            "同一文件中同一指标、地区、年份出现两次:数值不同为错误,相同为警告。",
        ),
        Code(
            "revision",
            "warning",
            "A later file gives another value for the same indicator, region and year; the "
            "later value is kept (old → new).",
            "后一个文件对同一指标、地区、年份给出不同数值,以后者为准(旧值 -> 新值)。",
        ),
        Code(
            "missing-indicator",
            "error",
            "With `--expect-agency` and `--year`: an indicator the agency's targets need for "
            "that year (targets whose baseline year to target year holds it, led by the text or"
            " by inference), or for the baseline year of a change or an increment, has no value"
            " in the submission, in any region; a value under the target's id for the year, or"
            " values of all inputs of a derived indicator, also count. Reported against the "
            "last file; `szq template` writes the form of these rows.",
            "使用 --expect-agency 和 --year 时:该单位的目标在该年(累计变化、新增类目标还有基期年)"
            "需要的指标没有数值。`szq template` 生成对应的报送表。",
        ),
        Code(
            "too-many",
            "error or warning",
            "More diagnostics of one code in one file than `--max-diagnostics` (default 1000, 0"
            " for all); the rest are counted in this one, which has the worst severity among "
            "them.",
            "同一文件同一代码的诊断超过 --max-diagnostics(默认 1000),其余只计数,"
            "合并为本条,严重程度取其中最高者。",
        ),
        Code(
            "status-encoding",
            "error",
            "`--measures-status`: the file is neither UTF-8 nor GB18030; nothing is read.",
            "--measures-status:文件既不是 UTF-8 也不是 GB18030,未读取。",
        ),
        Code(
            "status-empty",
            "error",
            "`--measures-status`: the file has no header.",
            "--measures-status:文件没有表头。",
        ),
        Code(
            "status-missing-column",
            "error",
            "`--measures-status`: the header lacks `measure` or `status`; nothing is read.",
            "--measures-status:表头缺少 measure 或 status 列,未读取。",
        ),
        Code(
            "status-unknown-column",
            "warning",
            "`--measures-status`: a header szq does not know; the column is ignored.",
            "--measures-status:无法识别的表头,该列被忽略。",
        ),
        Code(
            "status-missing-id",
            "error",
            "`--measures-status`: a row without a measure id.",
            "--measures-status:该行没有措施编号。",
        ),
        Code(
            "status-unknown-measure",
            "error",
            "`--measures-status`: a measure id measures.yaml does not define.",
            "--measures-status:measures.yaml 中没有该措施编号。",
        ),
        Code(
            "status-invalid-status",
            "error",
            "`--measures-status`: a status other than `done`, `in_progress` or `not_started`.",
            "--measures-status:状态不是 done、in_progress 或 not_started。",
        ),
        Code(
            "status-duplicate",
            "warning",
            "`--measures-status`: a second row for the same measure; the later row wins.",
            "--measures-status:同一措施出现两行,以后一行为准。",
        ),
    )
}


def markdown_table() -> str:
    """The README's table of codes, generated from CODES (a test keeps the README current)."""
    lines = ["| code | severity | meaning |", "| --- | --- | --- |"]
    lines.extend(f"| `{c.code}` | {c.severity} | {c.meaning_en} |" for c in CODES.values())
    return "\n".join(lines) + "\n"


# Message templates: key -> (zh, en), filled with str.format.
_MESSAGES: dict[str, tuple[str, str]] = {
    "encoding-error": (
        "无法按 {encoding} 解码的字节",
        "bytes that do not decode as {encoding}",
    ),
    "encoding-error.hint": (
        "请以 UTF-8 或 GB18030 保存文件,或用 --encoding 指定编码",
        "save the file as UTF-8 or GB18030, or name its encoding with --encoding",
    ),
    "encoding-error.gb18030": (
        "文件其余部分是 UTF-8,这一行像是 GB18030 编码:{text!r};请将整个文件另存为 UTF-8",
        "the rest of the file is UTF-8; this line looks like GB18030: {text!r}. Save the "
        "whole file as UTF-8",
    ),
    "binary": (
        "这是{kind},不是 CSV、.xlsx、.xls 或 .ods 表格",
        "this is {kind}, not a CSV, .xlsx, .xls or .ods table",
    ),
    "kind.binary": ("二进制文件", "a binary file"),
    "kind.pdf": ("PDF 文档", "a PDF document"),
    "kind.zip": ("ZIP 压缩包", "a ZIP archive"),
    "kind.gzip": ("gzip 压缩文件", "a gzip archive"),
    "kind.image": ("图片", "an image"),
    "kind.html": (
        "网页(HTML,另存为网页的表格)",
        "an HTML page (a sheet saved as a web page)",
    ),
    "kind.xml-sheet": ("Excel 2003 XML 表格", "an Excel 2003 XML spreadsheet"),
    "markup.hint": (
        "请在 Excel 中打开,另存为 Excel 工作簿(.xlsx)或 CSV UTF-8",
        "open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8",
    ),
    "encrypted": (
        "工作簿有密码保护(已加密),无法读取",
        "the workbook is password-protected (encrypted): it cannot be read",
    ),
    "encrypted.hint": (
        "请在 Excel 中删除密码(文件 > 信息 > 保护工作簿 > 用密码进行加密)后另存一份",
        "remove the password in Excel (File > Info > Protect Workbook > Encrypt with "
        "Password) and save a copy",
    ),
    "binary.hint": (
        "请导出为 CSV(UTF-8)或 .xlsx",
        "export the data as CSV (UTF-8) or .xlsx",
    ),
    "unreadable": ("无法读取文件:{error}", "cannot read the file: {error}"),
    "bad-xlsx": ("无法读取电子表格:{error}", "cannot read the spreadsheet: {error}"),
    "xlsx-missing": (
        "读取 .xlsx、.xls、.ods 需要 python-calamine",
        "reading .xlsx, .xls and .ods needs python-calamine",
    ),
    "xlsx-missing.hint": (
        "pip install 'sz-quality[xlsx]'",
        "pip install 'sz-quality[xlsx]'",
    ),
    "no-sheet": ("工作簿中没有工作表 {sheet!r}", "the workbook has no sheet {sheet!r}"),
    "no-sheet.hint": ("现有工作表:{sheets}", "its sheets: {sheets}"),
    "cover-sheet": (
        "第一个工作表 {sheet!r} 中没有表格(封面或目录?);像数据表的工作表:{sheets}",
        "the first sheet {sheet!r} holds no table (a cover page?); sheets that look like "
        "data: {sheets}",
    ),
    "cover-sheet.hint": (
        "用 --sheet 选择,如 --sheet {sheet}",
        "choose one with --sheet, e.g. --sheet {sheet}",
    ),
    "hidden-sheet": (
        "读取的是隐藏工作表 {sheet!r}(由 --sheet 指定)",
        "reading the hidden sheet {sheet!r} (chosen with --sheet)",
    ),
    "empty-file": ("文件是空的", "the file is empty"),
    "no-rows": ("表头下没有数据行", "no data rows under the header"),
    "missing-column": ("缺少列 {name!r}", "missing column {name!r}"),
    "missing-column.hint": (
        "第一行须为表头,如:指标,年份,数值,单位",
        "the first line must be the header, e.g. indicator,year,value,unit",
    ),
    "missing-year-column": (
        "宽表缺少年份列(如 2015 或 2015年)",
        "no year column (such as 2015 or 2015年) in a wide table",
    ),
    "duplicate-column": (
        "列 {header!r} 与第 {first} 列 {first_header!r} 表示同一字段 {name!r}",
        "column {header!r} means the same field {name!r} as column {first} {first_header!r}",
    ),
    "skipped-rows": (
        "表头(第 {header} 行)上方的第 {first}–{last} 行已跳过:{text!r}",
        "rows {first}-{last} above the header (row {header}) were skipped: {text!r}",
    ),
    "unknown-column": ("未知的列 {header!r},已忽略", "unknown column {header!r}, ignored"),
    "did-you-mean": ("是否为 {name!r}?", "did you mean {name!r}?"),
    "bad-csv": ("无法解析的 CSV:{error}", "cannot parse the CSV here: {error}"),
    "long-line": (
        "超过 32 MiB 仍无换行:不是表格,停止读取",
        "more than 32 MiB without a line break: not a table, reading stopped",
    ),
    "ragged-row": (
        "该行有 {count} 个字段,表头有 {expected} 个",
        "the row has {count} fields, the header {expected}",
    ),
    "ragged-row.hint": (
        "含分隔符或换行的单元格须加双引号",
        "quote cells that hold the delimiter or a line break",
    ),
    "blank-row": ("空行", "blank row"),
    "blank-indicator": ("指标为空", "the indicator is blank"),
    "unknown-indicator": ("未知的指标 {name!r}", "unknown indicator {name!r}"),
    "ambiguous-indicator": (
        "指标名 {name!r} 同时指 {ids}",
        "the name {name!r} means several indicators: {ids}",
    ),
    "ambiguous-indicator.hint": ("请改用指标编号", "write the indicator id instead"),
    "suggest-series": ("是否为 {id!r}({name})?", "did you mean {id!r} ({name})?"),  # name_zh/_en
    "bad-year": ("无效的年份 {text!r}", "not a year: {text!r}"),
    "bad-year.hint": (
        "年份应为 1900 至 2100 之间的整数,如 2015 或 2015年",
        "a year is a whole number from 1900 to 2100, such as 2015 or 2015年",
    ),
    "bad-number": ("不是数字:{text!r}", "not a number: {text!r}"),
    "bad-number.hint": (
        '无数值请留空或写 -;千分位逗号须在带引号的单元格中,如 "1,234.5"',
        "leave the cell blank or write - for no value; thousands separators need a quoted "
        'cell, such as "1,234.5"',
    ),
    "bad-number.percent": (
        "数值中不写 %,请把 % 写在单位列",
        "write the number without '%' and put '%' in the unit column",
    ),
    "bad-number.multiplier": (
        "数值中不写 {word},请把 {word} 写在单位列(如 {word}元、{word}人)",
        "write the number without {word!r} and put {word!r} in the unit column (such as "
        "{word}元, {word}人)",
    ),
    "not-finite": ("数值须为有限数,而非 {text!r}", "a value must be finite, not {text!r}"),
    "no-value": ("{name} {year} 没有数值", "no value for {name} in {year}"),
    "no-value.formula-error": (
        "{name} {year} 没有数值:单元格的公式结果为错误 {error}",
        "no value for {name} in {year}: the cell's formula gives the error {error}",
    ),
    "no-value.formula": (
        "{name} {year} 没有数值:单元格是公式,文件未保存其计算结果(请在 Excel 中重新计算并保存)",
        "no value for {name} in {year}: the cell is a formula whose result the file does not "
        "hold (recalculate and save it in Excel)",
    ),
    "unknown-unit": ("未知的单位 {unit!r}", "unknown unit {unit!r}"),
    "unknown-unit.hint": (
        "指标 {id!r} 的单位是 {expected!r};留空即表示该单位",
        "the unit of {id!r} is {expected!r}; a blank unit means that one",
    ),
    "unit-mismatch": (
        "单位 {unit!r} 无法换算为 {id!r} 的单位 {expected!r}",
        "unit {unit!r} does not convert to {expected!r}, the unit of {id!r}",
    ),
    "unit-meaning": (
        "单位 {unit!r} 与 {id!r} 的单位 {expected!r} 计量的不是同一种东西(如优良天数是计数的天,"
        "不是时长),不换算",
        "unit {unit!r} counts or measures another thing than {expected!r}, the unit of {id!r} "
        "(good-air days are days counted, not a duration): not converted",
    ),
    "unit-currency": (
        "单位 {unit!r} 与 {expected!r} 币种不同,需按当年汇率换算",
        "unit {unit!r} is in another currency than {expected!r}: converting needs the "
        "year's exchange rate",
    ),
    "unit-currency.hint": (
        "请按 {expected!r} 报送,并在来源/备注中注明汇率",
        "report the value in {expected!r}, with the rate used in the source or note",
    ),
    "unit-per-person.hint": (
        "{id!r} 是人均指标:请写 {unit!r}",
        "{id!r} is per person: write {unit!r}",
    ),
    "out-of-range": (
        "{id!r} 的数值 {value:.12g} {unit} 超出合理范围 {range}",
        "value {value:.12g} {unit} of {id!r} is outside the plausible range {range}",
    ),
    "out-of-range.absurd": (
        "{id!r} 的数值换算后为 {value} {unit},不可能是统计数字",
        "value of {id!r} is {value} {unit} after conversion: not a figure of statistics",
    ),
    "out-of-range.absurd.hint": (
        "请检查数值的位数和单位列:{id!r} 的单位是 {unit!r}",
        "check the digits and the unit column: the unit of {id!r} is {unit!r}",
    ),
    "suspect-fraction": (
        "{id!r} 的数值 {value:.12g}% 比其目标值 {reference:.12g}% 小约 100 倍,像是小数而非百分数",
        "value {value:.12g}% of {id!r} is about 100 times smaller than its target's "
        "{reference:.12g}%: a fraction rather than a percentage?",
    ),
    "suspect-fraction.hint": (
        "若指 {percent}%,请写 {percent}",
        "if {percent}% is meant, write {percent}",
    ),
    "duplicate-row.differ": (
        "{id!r} {region}{year} 在第 {first} 行已有数值 {old:.12g},此处为 {new:.12g}",
        "{id!r} {region}{year} already has {old:.12g} on line {first}; here {new:.12g}",
    ),
    "duplicate-row.equal": (
        "{id!r} {region}{year} 与第 {first} 行重复(数值相同)",
        "{id!r} {region}{year} repeats line {first} (same value)",
    ),
    "revision": (
        "{id!r} {region}{year}:{old:.12g}({old_file} 第 {old_line} 行)改为 {new:.12g}",
        "{id!r} {region}{year}: {old:.12g} ({old_file} line {old_line}) revised to {new:.12g}",
    ),
    "region": ("地区 {region!r} ", "region {region!r} "),
    "missing-indicator": (
        "缺少 {id!r}({name})的 {year} 年数值,{agency} 的目标 {targets} 需要",
        "no {year} value of {id!r} ({name}), needed by {agency}'s target(s) {targets}",
    ),
    "missing-indicator.hint": (
        "添加一行:{id},{year},<数值>",
        "add a row: {id},{year},<value>",
    ),
    "too-many": (
        "另有 {count} 条 {code} 未列出",
        "{count} more {code} diagnostic(s) not listed",
    ),
    "too-many.hint": (
        "用 --max-diagnostics 0 列出全部",
        "list them all with --max-diagnostics 0",
    ),
    # --measures-status
    "status-encoding": (
        "文件既不是 UTF-8 也不是 GB18030",
        "the file is neither UTF-8 nor GB18030",
    ),
    "status-encoding.hint": ("请以 UTF-8 保存", "save it as UTF-8"),
    "status-empty": ("文件没有表头", "the file has no header"),
    "status-header.hint": (
        "第一行须为:measure,status,note",
        "the first line must be: measure,status,note",
    ),
    "status-unknown-column": (
        "未知的列 {header!r}(已忽略)",
        "unknown column {header!r} (ignored)",
    ),
    "status-unknown-column.hint": (
        "可用的列:measure、status、note",
        "the columns are: measure, status, note",
    ),
    "status-missing-column": (
        "表头缺少列:{columns}",
        "the header lacks the column(s): {columns}",
    ),
    "status-missing-id": ("该行没有措施编号", "the row has no measure id"),
    "status-unknown-measure": ("未知的措施 {id!r}", "unknown measure {id!r}"),
    "status-unknown-measure.hint": ("`szq measures` 列出全部编号", "`szq measures` lists the ids"),
    "status-invalid-status": ("无效的状态 {status!r}", "invalid status {status!r}"),
    "status-invalid-status.hint": (
        "请用 done、in_progress 或 not_started",
        "use done, in_progress or not_started",
    ),
    "status-duplicate": (
        "措施 {id!r} 在第 {first} 行已出现;以后一行为准",
        "measure {id!r} is also on line {first}; this later row wins",
    ),
}

# messages whose {region} is a phrase ("region 'r3' ") built from the raw region, if any
_WITH_REGION = frozenset({"duplicate-row.equal", "duplicate-row.differ", "revision"})

Template = tuple[str, Params]
"""A message key and the values that fill it."""


def template(key: str, **params: Param) -> Template:
    """A message to build later, in whichever language it is shown.

    A value named `<name>_zh` and `<name>_en` fills `{name}` in that language (names of
    indicators and agencies).
    """
    return key, tuple(params.items())


def message(key: str, lang: str, **params: Any) -> str:
    """The message `key` in `lang` ("zh" or "en"), filled with `params`."""
    pair = _MESSAGES[key]
    chosen = pair[0] if lang == "zh" else pair[1]
    return chosen.format(**_in_language(key, lang, params))


def _in_language(key: str, lang: str, params: dict[str, Any]) -> dict[str, Any]:
    """The values as the template in `lang` takes them."""
    values = dict(params)
    suffix = "_zh" if lang == "zh" else "_en"
    for name, value in params.items():
        if name.endswith(suffix):
            values[name[: -len(suffix)]] = value
    if key == "binary":
        values["kind"] = message(str(values["kind"]), lang)
    elif key in _WITH_REGION:
        region = values.get("region", "")
        values["region"] = message("region", lang, region=region) if region else ""
    return values


def make(
    code: str,
    file: str,
    line: int | None,
    column: int | None,
    field: str | None,
    text: Template,
    hint: Template | None = None,
    *,
    severity: Severity | None = None,
    lang: str = "en",
) -> Diagnostic:
    """A Diagnostic of a known code; the severity defaults to the code's.

    `text` and `hint` are `template(...)`s; `lang` is the language of `.message`.
    """
    if severity is None:
        default = CODES[code].severity
        severity = "warning" if default == "warning" else "error"
    hint_key, hint_params = (None, ()) if hint is None else hint
    return Diagnostic(
        code,
        severity,
        file,
        line,
        column,
        field,
        message_key=text[0],
        params=text[1],
        hint_key=hint_key,
        hint_params=hint_params,
        lang=lang,
    )


def summary_counts(diagnostics: tuple[Diagnostic, ...]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for diagnostic in diagnostics if diagnostic.severity == "error")
    return errors, len(diagnostics) - errors


def is_valid(result: ReadResult, *, strict: bool = False) -> bool:
    """No errors (and, when `strict`, no warnings either): what exit code 0 means."""
    return not (result.has_errors or (strict and result.has_warnings))
