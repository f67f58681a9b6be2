"""The help of `szq` and of every command in Chinese, for `--help` when the language is zh.

The commands declare their help in English (typer reads it at import). When help is
asked for in Chinese (`--lang zh`, else $SZQ_LANG, else $LANG zh_*: the same choice as
every command's --lang), `chinese_command` swaps in the texts below and the Chinese words
of the help's frame (用法, 选项, …). Only a help run imports this module, so the start-up
of every other run is untouched. tests/test_help_lang.py checks that every command and
option has its Chinese text here, and that none is left over.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["HELP_ZH", "chinese_command", "localize", "wrap_text"]

# (command, parameter) -> Chinese help; "" is the command itself, or the top level
HELP_ZH: dict[tuple[str, str], str] = {
    ("", ""): "szq:对照《关于创造深圳质量的行动计划》的量化目标检查官方统计数据。",
    ("", "targets"): "加载另一份结构相同的目标登记表(见 docs/schema.md)。"
    "默认:随附的 targets.yaml。",
    ("", "measures"): "加载另一份措施登记表。默认:随附的 measures.yaml。",
    ("", "lang"): "帮助与输出的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定);"
    "也是各命令 --lang 的默认值。",
    ("", "version"): "显示版本并退出。",
    # szq check
    ("check", ""): "对照数据检查行动计划的每一项目标,按牵头单位列出差距。\n\n"
    "状态:目标年份按目标自身的比较条件判定为 met(已达到)/ not_met(未达到);"
    "更早的年份判定为 met / on_track(进度正常)/ off_track(进度滞后),"
    "依据从基期数值到目标的路径(总量为复合增长路径,比重为直线路径);no_data(缺少数据,原因中列出缺少的序列和年份);"
    "not_assessable(无法评估:没有数据的里程碑目标)。检查完成时退出码为 0,"
    "数据有错误或出现 --fail-on 所列状态时为 1,用法错误时为 2。",
    ("check", "files"): "数据文件(长表或宽表 CSV、.xlsx、.xls、.ods;- 为标准输入);"
    "后面的文件覆盖前面文件的同一数值。",
    ("check", "year"): "检查的年份(默认:数据中最新的年份)。",
    ("check", "by"): "报告按牵头单位(agency)、章节(chapter)或地区"
    "(region:全市及数据中的每个区)分组。",
    ("check", "region"): "用某一个区的数据检查每个目标(名称与数据的地区列一致)。",
    ("check", "status"): "只显示这些状态的目标,例如 not_met,off_track;汇总仍计全部目标。",
    ("check", "agency"): "只列此牵头单位负责的目标(编号、中文或英文名称、别名)。",
    ("check", "output_format"): "table(表格,默认)、json、csv、markdown 或 xlsx"
    "(-o FILE.xlsx 时亦然)。",
    ("check", "output"): "写入 FILE(原子写入),而不是标准输出。",
    ("check", "fail_on"): "任一目标为所列状态之一时退出码为 1,例如 not_met,off_track"
    "(可选:met、not_met、on_track、off_track、no_data、not_assessable)。",
    ("check", "encoding"): "CSV 文件的编码(默认:自动识别 UTF-8、BOM、GB18030)。",
    ("check", "sheet"): "电子表格(.xlsx、.xls、.ods)的工作表:名称或从 1 开始的序号。",
    ("check", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    # szq template
    ("template", ""): "生成某牵头单位某一年的数据报送表。\n\n"
    "每行是该单位的目标在该年需要的一个数值(变化量和新增量目标还需基期年的数值):"
    "正是 `szq validate --expect-agency NAME --year YEAR` 所检查的内容。填好的报送表"
    "可以通过检查;未填写的报送表每行报告一个 missing-indicator。",
    ("template", "year"): "报送表所要求的年份。",
    ("template", "agency"): "牵头单位(编号、中文或英文名称、别名)。",
    ("template", "every_agency"): "该年有目标需要数值的每个牵头单位:.xlsx 中每个单位一个工作表,"
    "CSV 则每个单位一个 FOLDER/<编号>-<年份>.csv。",
    ("template", "output"): "FILE.xlsx 或 FILE.csv(与 --all 同用时:FILE.xlsx 或一个文件夹);"
    "不指定时 CSV 写到标准输出。",
    ("template", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    # szq calc
    ("calc", ""): "输出派生序列(研发投入占比、人均生产总值、能耗强度等)。\n\n"
    "每个派生指标的公式(targets.yaml)应用于其全部输入都有数值的每个地区和年份。"
    "退出码为 0,数据有错误时为 1。",
    ("calc", "files"): "数据文件(长表或宽表 CSV、.xlsx、.xls、.ods;- 为标准输入);"
    "后面的文件覆盖前面文件的同一数值。",
    ("calc", "output_format"): "csv(长表格式,szq 可读)、json 或 xlsx(-o FILE.xlsx 时亦然)。",
    ("calc", "output"): "写入 FILE(原子写入),而不是标准输出。",
    ("calc", "encoding"): "CSV 文件的编码(默认:自动识别 UTF-8、BOM、GB18030)。",
    ("calc", "sheet"): "电子表格(.xlsx、.xls、.ods)的工作表:名称或从 1 开始的序号。",
    ("calc", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    # szq targets / measures / agencies
    ("targets", ""): "列出行动计划的量化目标:目标值、年份和牵头单位。\n\n"
    "方括号中的牵头单位是原文未写明时由 szq 推定的(各章开头)。",
    ("targets", "agency"): "只列此牵头单位:编号(drc)、带或不带“市”的中文名称、英文名称。",
    ("targets", "chapter"): "只列此章(章号)。",
    ("targets", "kind"): "只列一种类型:level、change、increment、kept、yearly_rate、milestone。",
    ("targets", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    ("targets", "output_format"): "table(表格,供人阅读)或 json(供脚本使用)。",
    ("targets", "output"): "写入 FILE(原子写入),而不是标准输出。",
    ("measures", ""): "列出 17 张表中的具体措施,按牵头单位分组。",
    ("measures", "agency"): "只列此牵头单位:编号(drc)、带或不带“市”的中文名称、英文名称。",
    ("measures", "table"): "只列第 1–17 张表中的一张。",
    ("measures", "target"): "只列服务于此目标的措施。",
    ("measures", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    ("measures", "output_format"): "table(表格,供人阅读)或 json(供脚本使用)。",
    ("measures", "output"): "写入 FILE(原子写入),而不是标准输出。",
    ("agencies", ""): "列出牵头单位及其目标数(原文写明的、推定的)和措施数。",
    ("agencies", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    ("agencies", "output_format"): "table(表格,供人阅读)或 json(供脚本使用)。",
    ("agencies", "output"): "写入 FILE(原子写入),而不是标准输出。",
    # szq report
    ("report", ""): "生成年度进展报告:总览、各章、各牵头单位、图表、附录。\n\n"
    "HTML 为单一自含文件(内嵌 CSS,图表为内嵌 SVG);Markdown 为 GitHub 风格,"
    "图表以 SVG 文件存放在旁边;JSON 为报告的数据。"
    "需要 report 附加组件:pip install 'sz-quality[report]'。",
    ("report", "files"): "数据文件(长表或宽表 CSV、.xlsx、.xls、.ods;- 为标准输入);"
    "后面的文件覆盖前面文件的同一数值。",
    ("report", "output"): "要写入的报告(原子写入):report.html、report.md"
    "(其图表写入旁边的 report_charts/)或 report.json。",
    ("report", "year"): "报告的年份(默认:数据中最新的年份)。",
    ("report", "output_format"): "html、md、json 或 docx(默认:由 -o 的后缀决定)。",
    ("report", "measures_status"): "措施落实情况的 CSV:measure,status,note,"
    "status 为 done、in_progress 或 not_started。",
    ("report", "stamp"): "在报告中写入生成时间(默认不写,以便相同输入得到相同字节;"
    "遵循 SOURCE_DATE_EPOCH)。",
    ("report", "encoding"): "CSV 文件的编码(默认:自动识别 UTF-8、BOM、GB18030)。",
    ("report", "sheet"): "电子表格(.xlsx、.xls、.ods)的工作表:名称或从 1 开始的序号。",
    ("report", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    # szq validate / schema
    ("validate", ""): "检查报送的数据:有效时退出码为 0,数据无效为 1,用法错误为 2。",
    ("validate", "files"): "数据文件:CSV(长表或宽表;UTF-8、带 BOM 的 UTF-8 或 GB18030)"
    "或 .xlsx、.xls、.ods;- 为标准输入。后面的文件覆盖前面文件的同一数值(报告为修订)。",
    ("validate", "output_format"): "text(供人阅读)、json(供脚本使用)、github"
    "(Actions 注释)、junit(JUnit XML:Jenkins、GitLab 等)或 gitlab(GitLab 代码质量报告)。",
    ("validate", "strict"): "警告也视为失败(退出码 1),不只是错误。",
    ("validate", "expect_agency"): "报送单位(编号、中文或英文名称):其目标在 --year "
    "所需的每个指标都必须有数值(missing-indicator)。",
    ("validate", "year"): "报送数据所属的年份(与 --expect-agency 一起使用)。",
    ("validate", "encoding"): "CSV 文件的编码(默认:自动识别 UTF-8、BOM、GB18030)。",
    ("validate", "sheet"): "电子表格(.xlsx、.xls、.ods)的工作表:名称或从 1 开始的序号。",
    ("validate", "max_diagnostics"): "每个文件每种代码最多列出 N 条诊断,其余只计数(0:全部列出)。",
    ("validate", "jobs"): "处理大型 CSV 文件的进程数(默认:两个及以上 CPU 时为 2)。",
    ("validate", "lang"): "名称和消息的语言:zh 或 en(默认:$SZQ_LANG,否则由 $LANG 决定)。",
    ("validate", "output"): "写入 FILE(原子写入),而不是标准输出。",
    ("schema", ""): "长表数据行(每行一个数值)的 JSON Schema。",
    ("schema", "lang"): "说明文字的语言:zh 或 en(默认:中英双语)。",
    ("schema", "output"): "写入 FILE(原子写入),而不是标准输出。",
}

# the help's frame, as typer writes it in English: headings and the usage line...
_FRAME = (
    (re.compile(r"^Usage: ", re.M), "用法:"),
    (re.compile(r"^Arguments:$", re.M), "参数:"),
    (re.compile(r"^Options:$", re.M), "选项:"),
    (re.compile(r"^Commands:$", re.M), "命令:"),
)
# ...and the phrases it adds to the help texts
_PHRASES = (
    ("Show this message and exit.", "显示此帮助并退出。"),
    ("[default: ", "[默认:"),
    ("[env var: ", "[环境变量:"),
    ("[required]", "[必填]"),
)
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = re.compile(f"\\s+|[{_WIDE}]|[^\\s{_WIDE}]+")
_NO_LINE_START = set("，。、；：）》」』！？,.;:)]")


def _frame_zh(text: str) -> str:
    for pattern, replacement in _FRAME:
        text = pattern.sub(replacement, text)
    return text


def _columns(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _wrap_paragraph(text: str, width: int, first: str, rest: str) -> list[str]:
    """Greedy wrapping by terminal columns: a Chinese character is two columns and a
    line may break after any of them; a closing mark never starts a line."""
    lines: list[str] = []
    line, used, space = first, _columns(first), False
    fresh = True  # nothing but the indent on the line yet
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if tokens and token[0] in _NO_LINE_START and not tokens[-1].isspace():
            tokens[-1] += token  # a closing mark goes with what it closes
        else:
            tokens.append(token)
    for token in tokens:
        if token.isspace():
            space = True
            continue
        gap = " " if space and not fresh and (token.isascii() or line[-1:].isascii()) else ""
        needed = _columns(gap + token)
        if not fresh and used + needed > width:
            lines.append(line)
            line, used, gap = rest, _columns(rest), ""
            needed = _columns(token)
        line += gap + token
        used += needed
        space, fresh = False, False
    lines.append(line)
    return lines


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """typer's wrap_text, for Chinese: by columns, not characters, and with the phrases
    typer adds in Chinese."""
    for english, chinese in _PHRASES:
        text = text.replace(english, chinese)
    text = text.expandtabs()
    paragraphs = re.split(r"\n\s*\n", text) if preserve_paragraphs else [text]
    wrapped = [
        "\n".join(_wrap_paragraph(paragraph.strip(), width, initial_indent, subsequent_indent))
        for paragraph in paragraphs
        if paragraph.strip()
    ]
    return "\n\n".join(wrapped)


def localize(command: Any, name: str = "") -> None:
    """Put the Chinese help on `command` (a click command) and its subcommands."""
    command.help = HELP_ZH.get((name, ""), command.help)
    # the list of commands shows the first sentence (click cuts at ". ", which Chinese lacks)
    command.short_help = re.split("[。\n]", command.help or "", maxsplit=1)[0]
    for parameter in command.params:
        if getattr(parameter, "help", None):
            parameter.help = HELP_ZH.get((name, parameter.name or ""), parameter.help)
    english_help = command.get_help
    command.get_help = lambda ctx: _frame_zh(english_help(ctx))
    for sub_name, sub in getattr(command, "commands", {}).items():
        localize(sub, sub_name)


def chinese_command(app: Any) -> Any:
    """The click command of the typer `app`, with its help in Chinese."""
    import typer.main
    from typer._click import formatting

    formatting.wrap_text = wrap_text  # this run only prints the help, in Chinese
    command = typer.main.get_command(app)
    localize(command)
    return command
