"""The help of `szq` and of every command in Chinese, for `--help` when the language is zh.

The commands declare their help in English (typer reads it at import). When help is
asked for in Chinese (`--lang zh`, else $SZQ_LANG, else $LANG zh_*: the same choice as
every command's --lang), `chinese_command` swaps in the texts below and gives every
command a help formatter (click's public hook, `Context.formatter_class`) that writes the
frame in Chinese (用法, 选项, …) and wraps by terminal columns with render.grid's `wrap`.
An option's help is written once, under its name, and again for a command only where
that command says something else. Only a help run imports this module, so the start-up of
every other run is untouched. tests/cli/test_help_lang.py checks that every command and
option has its Chinese text here, and that none is left over.
"""

from __future__ import annotations

import re
from typing import Any

import typer

from ..render.grid import text_width, wrap

__all__ = [
    "COMMANDS_ZH",
    "OPTIONS_ZH",
    "OVERRIDES_ZH",
    "ChineseHelpFormatter",
    "chinese_command",
    "help_zh",
    "localize",
    "wrap_text",
]

# a command's own help ("" is szq itself)
COMMANDS_ZH: dict[str, str] = {
    "": "szq：对照《关于创造深圳质量的行动计划》的量化目标检查官方统计数据。",
    "check": "对照数据检查行动计划的每一项目标，按牵头单位列出差距。\n\n状态："
    "目标年份按目标自身的比较条件判定为 met（已达到）/ not_met（未达到）；更早的年份判定为 "
    "met / on_track（进度正常）/ off_track（进度滞后），依据从基期数值到目标的路径"
    "（总量为复合增长路径，比重为直线路径）；no_data（缺少数据，原因中列出缺少的序列和年份）；"
    "not_assessable（无法评估：没有数据的里程碑目标）。检查完成时退出码为 0，"
    "数据有错误或出现 --fail-on 所列状态时为 1，用法错误时为 2。",
    "template": "生成某牵头单位某一年的数据报送表。\n\n每行是该单位的目标在该年需要的一个数值（"
    "以及检查据以计算的年份：变化量、新增量、年均增长目标和目标年之前的水平目标还需基期年的数值，"
    "每年保持和累计目标需基期后每一年的数值）：正是 `szq validate --expect-agency NAME --year "
    "YEAR` 所检查的内容。填好的报送表可以通过检查；未填写的报送表每行报告一个 "
    "missing-indicator。",
    "calc": "输出派生序列（研发投入占比、人均生产总值、能耗强度等）。\n\n"
    "每个派生指标的公式（targets.yaml）应用于其全部输入都有数值的每个地区和年份。退出码为 "
    "0，数据有错误时为 1。",
    "targets": "列出行动计划的量化目标：目标值、年份和牵头单位。\n\n"
    "方括号中的牵头单位是原文未写明时由 szq 推定的（各章开头）。",
    "measures": "按表列出规划的具体措施，按牵头单位分组。",
    "agencies": "列出牵头单位及其目标数（原文写明的、推定的）和措施数。",
    "report": "生成实施情况评估报告：总体情况、主要指标完成情况、分领域进展、存在的问题、"
    "下一步工作、附件。\n\nHTML "
    "为单一自含文件（内嵌 CSS，图表为内嵌 SVG）；Markdown 为 GitHub 风格，图表以 SVG "
    "文件存放在旁边；JSON 为报告的数据。需要 report 附加组件：pip install "
    "'sz-quality[report]'。",
    "assess": "按考核办法的做法为每个牵头单位和每个区打分。\n\n"
    "各项权重见登记表的 assessment 部分：已判定目标中达到或进度正常的比例、报送数据的完整性、"
    "具体措施的完成情况、年度推进计划分解目标的完成情况。逐单位列出每项的明细及其如何计入得分。"
    "运行完成时退出码为 0，输入有错误时为 1，用法错误时为 2。",
    "validate": "检查报送的数据：有效时退出码为 0，数据无效为 1，用法错误为 2。",
    "schema": "长表数据行（每行一个数值）或目标登记表的 JSON Schema。",
    "lint": "不用数据检查登记表（及措施文件）：每个问题给出行号和修改提示。\n\n"
    "加载错误附修改提示；plan.source 指明规划原文时核对引文；引文缺少目标数值；"
    "部分目标标明约束性或预期性而某目标未标。无错误时退出码为 0（可有警告），有错误时为 1，"
    "用法错误时为 2。",
    "units": "szq 能读的单位：内置单位、数量级词和登记表自定义的单位。\n\n"
    '数量级词可叠加在单位前（万亿元、万亩）；个百分点是比重增量的单位；"1" 是无量纲比值。'
    "登记表可在 `units:` 下增加单位（docs/checking.md 的 Units 一节）。",
}
# an option's help, the same for every command that has it...
OPTIONS_ZH: dict[str, str] = {
    "targets": "加载另一份结构相同的目标登记表（见 docs/schema.md）。默认：随附的 targets.yaml。",
    "measures": "加载另一份措施登记表。默认：随附的 measures.yaml。",
    "lang": "名称和消息的语言：zh 或 en（默认：$SZQ_LANG，否则由 $LANG 决定）。",
    "version": "显示版本并退出。",
    "files": "数据文件（长表或宽表 CSV、.xlsx、.xls、.ods；- 为标准输入）；"
    "后面的文件覆盖前面文件的同一数值。",
    "year": "检查的年份（默认：数据中最新的年份）。",
    "by": "报告按牵头单位（agency）、章节（chapter）或地区（region：全市及数据中的每个区）分组。",
    "region": "用某一个区的数据检查每个目标（登记表中该区的任一名称，如 福田 或 福田区，"
    "或数据中写的名称）。",
    "status": "只显示这些状态的目标，例如 not_met,off_track；汇总仍计全部目标。",
    "agency": "只列此牵头单位：编号（drc）、带或不带“市”的中文名称、英文名称。",
    "output_format": "table（表格，供人阅读）或 json（供脚本使用）。",
    "output": "写入 FILE（原子写入），而不是标准输出。",
    "fail_on": "任一目标为所列状态之一时退出码为 1，例如 not_met,off_track（可选：met、"
    "not_met、on_track、off_track、no_data、not_assessable）。",
    "encoding": "CSV 文件的编码（默认：自动识别 UTF-8、BOM、GB18030）。",
    "sheet": "电子表格（.xlsx、.xls、.ods）的工作表：名称或从 1 开始的序号。",
    "every_agency": "该年有目标需要数值的每个牵头单位：.xlsx 中每个单位一个工作表，CSV "
    "则每个单位一个 FOLDER/<编号>-<年份>.csv。",
    "chapter": "只列此章（章号）。",
    "kind": "只列一种类型：level、change、increment、kept、yearly_rate、milestone。",
    "table": "只列这一张表（表的编号）。",
    "target": "只列服务于此目标的措施。",
    "measures_status": "措施落实情况的 CSV：measure,status,note，status 为 done、in_progress "
    "或 not_started。",
    "style": "仅 Word：official（GB/T 9704：仿宋三号，页边距上 37、下 35、左 28、右 26 毫米，"
    "页码“— N —”）或 plain（宋体 10.5 磅，页边距 22 毫米）。",
    "author": "仅 Word：署名单位，写在标题下和文档属性中。",
    "stamp": "在报告中写入生成时间（默认不写，以便相同输入得到相同字节；遵循 SOURCE_DATE_EPOCH）。",
    "strict": "警告也视为失败（退出码 1），不只是错误。",
    "expect_agency": "报送单位（编号、中文或英文名称）：其目标在 --year "
    "所需的每个指标都必须有数值（missing-indicator）。",
    "max_diagnostics": "每个文件每种代码最多列出 N 条诊断，其余只计数（0：全部列出）。",
    "plan": "年度推进计划（当年的分解目标，列与数据文件相同；见 docs/yearly-plans.md）："
    "有当年分解目标的目标同时对照分解目标判定。可重复。",
    "jobs": "处理大型 CSV 文件的进程数（默认：两个及以上 CPU 时为 2）。",
}
# ...except where a command says it otherwise: (command, option) -> help
OVERRIDES_ZH: dict[tuple[str, str], str] = {
    ("", "lang"): "帮助与输出的语言：zh 或 en（默认：$SZQ_LANG，否则由 $LANG 决定）；"
    "也是各命令 --lang 的默认值。",
    ("schema", "lang"): "说明文字的语言：zh 或 en（默认：中英双语）。",
    ("schema", "registry"): "改为输出目标登记表（targets.yaml）的 JSON Schema，"
    "供编辑器补全和校验（VS Code 的 YAML 扩展可读取）。",
    ("check", "nature"): "只列约束性（binding）或预期性（expected）目标（按规划的标注）。",
    ("lint", "file"): "要检查的目标登记表（默认：--targets，否则为随附的登记表）；"
    "措施文件用 --measures 指定。",
    ("lint", "output_format"): "text（每行：文件、行号和问题）或 json。",
    ("units", "output_format"): "text（每行一个单位）或 json。",
    ("validate", "files"): "数据文件：CSV（长表或宽表；UTF-8、带 BOM 的 UTF-8 或 GB18030）或 "
    ".xlsx、.xls、.ods；- 为标准输入。后面的文件覆盖前面文件的同一数值（报告为修订）。",
    ("template", "year"): "报送表所要求的年份。",
    ("check", "explain"): "表格：把每个目标的说明（原因、仍需的年均增速、数据备注）写在名称下，"
    "缺少数据的目标逐行列出；默认以脚注和一行列出。",
    ("template", "deadline"): ".xlsx：报送截止日期，写入填报说明表。",
    ("report", "year"): "报告的年份（默认：数据中最新的年份）。",
    ("validate", "year"): "报送数据所属的年份（与 --expect-agency 一起使用）。",
    ("check", "agency"): "只列此牵头单位负责的目标（编号、中文或英文名称、别名）。",
    ("template", "agency"): "牵头单位（编号、中文或英文名称、别名）。",
    ("check", "output_format"): "table（表格，默认）、json、csv、markdown 或 xlsx（-o "
    "FILE.xlsx 时亦然）。",
    ("calc", "output_format"): "csv（长表格式，szq 可读）、json 或 xlsx（-o FILE.xlsx 时亦然）。",
    ("report", "output_format"): "html、md、json 或 docx（默认：由 -o 的后缀决定）。",
    ("validate", "output_format"): "text（供人阅读）、json（供脚本使用）、github（Actions "
    "注释）、junit（JUnit XML：Jenkins、GitLab 等）或 gitlab（GitLab 代码质量报告）。",
    ("template", "output"): "FILE.xlsx 或 FILE.csv（与 --all 同用时：FILE.xlsx 或一个文件夹）；"
    "不指定时 CSV 写到标准输出。",
    ("report", "output"): "要写入的报告（原子写入）：report.html、report.md（其图表写入旁边的 "
    "report_charts/）、report.json 或 report.docx（Word）。默认：report.<格式>。",
    ("template", "yearly_plan"): "改为年度推进计划的填报表：该单位每个目标一行当年的分解目标，"
    "全市或某个区（即 check --plan 所读取的内容）。",
    (
        "schema",
        "yearly_plan",
    ): "年度推进计划一行（一个分解目标）的 Schema（见 docs/yearly-plans.md）。",
    (
        "report",
        "plan",
    ): "年度推进计划：每个目标的行列出其当年的分解目标（年度目标）及完成情况。可重复。",
    ("report", "assessment"): "以附件形式加入各牵头单位和各区的考核得分（即 szq assess）。",
    ("assess", "year"): "考核的年份（默认：数据中最新的年份）。",
    ("assess", "plan"): "年度推进计划：其分解目标的完成情况构成“年度计划”一项。可重复。",
    (
        "assess",
        "measures_status",
    ): "措施落实情况的 CSV（measure,status,note）：构成“措施落实”一项。",
    ("assess", "output_format"): "table（表格，默认）、json、csv 或 xlsx（-o FILE.xlsx 时亦然）。",
    ("template", "force"): "与 --all -o FOLDER 同用：即使报送表已填写也覆盖"
    "（默认只覆盖 szq 写出且未改动的空白表）。",
}


def help_zh(command: str, parameter: str = "") -> str | None:
    """The Chinese help of `command` ("" is szq), or of its option `parameter`."""
    if not parameter:
        return COMMANDS_ZH.get(command)
    return OVERRIDES_ZH.get((command, parameter), OPTIONS_ZH.get(parameter))


# the help's frame as click writes it, in Chinese: its headings...
_HEADINGS = {"Arguments": "参数", "Options": "选项", "Commands": "命令"}
# ...and the phrases it adds to the help texts
_PHRASES = (
    ("Show this message and exit.", "显示此帮助并退出。"),
    ("[default: ", "[默认："),
    ("[env var: ", "[环境变量："),
    ("[required]", "[必填]"),
)


def wrap_text(text: str, width: int, first: str = "", rest: str = "") -> str:
    """`text` in lines of at most `width` columns, the first indented by `first`, the
    others by `rest`; paragraphs (split by a blank line) kept, with the phrases click
    adds in Chinese."""
    for english, chinese in _PHRASES:
        text = text.replace(english, chinese)
    indent = max(text_width(first), text_width(rest))
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.expandtabs()):
        if paragraph.strip():
            lines = wrap(" ".join(paragraph.split()), width - indent, break_wide=True)
            paragraphs.append(
                "\n".join((first if i == 0 else rest) + line for i, line in enumerate(lines))
            )
    return "\n\n".join(paragraphs)


_HelpFormatter: Any = typer.Context.formatter_class  # click's HelpFormatter


class ChineseHelpFormatter(_HelpFormatter):  # type: ignore[misc]
    """click's help formatter with the frame in Chinese and wrapping by terminal columns
    (a Chinese character takes two)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = " " * self.current_indent + "用法："
        self.write(wrap_text(f"{prog} {args}", self.width, prefix, " " * text_width(prefix)))
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent))
        self.write("\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max(text_width(first) for first, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if text_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - text_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_columns = max(self.width - first_col - 2, 10)
            hanging = " " * (first_col + self.current_indent)
            lines = wrap_text(second, text_columns + len(hanging), "", hanging)
            self.write(lines.lstrip(" ") + "\n")


class _ChineseContext(typer.Context):
    formatter_class = ChineseHelpFormatter


def localize(command: Any, name: str = "") -> None:
    """Put the Chinese help on `command` (a click command) and its subcommands."""
    command.help = help_zh(name) or command.help
    # the list of commands shows the first sentence (click cuts at ". ", which Chinese lacks)
    command.short_help = re.split("[。\n]", command.help or "", maxsplit=1)[0]
    command.context_class = _ChineseContext
    for parameter in command.params:
        if getattr(parameter, "help", None):
            parameter.help = help_zh(name, parameter.name or "") or parameter.help
    for sub_name, sub in getattr(command, "commands", {}).items():
        localize(sub, sub_name)


def chinese_command(app: Any) -> Any:
    """The click command of the typer `app`, with its help in Chinese."""
    import typer.main

    command = typer.main.get_command(app)
    localize(command)
    return command
