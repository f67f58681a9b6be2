"""Help in the user's language: `--lang zh`, $SZQ_LANG or $LANG zh_* give Chinese help
for `szq` and every command, English otherwise; `szq schema --lang`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.cli.help import ROOT, help_key, help_text, wrap_text
from sz_quality.cli.streams import ASCII_FALLBACKS
from sz_quality.read.row_model import build_row_json_schema
from sz_quality.read.row_schema import row_json_schema
from sz_quality.render.grid import text_width
from sz_quality.words import WORDS

ROOT_DIR = Path(__file__).resolve().parents[2]
COMMANDS = [
    "check",
    "calc",
    "targets",
    "measures",
    "agencies",
    "report",
    "assess",
    "validate",
    "schema",
    "template",
    "lint",
    "units",
]


def _szq(*arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`szq ARGUMENTS` (as `python -m sz_quality`, named szq in the usage line)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SZQ_LANG", "LANG", "LC_ALL")}
    done = subprocess.run(
        [sys.executable, "-m", "sz_quality", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT_DIR,
        timeout=60,
        check=False,
        env={**clean, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100", **env},
    )
    done.stdout = done.stdout.replace("python -m sz_quality", "szq")
    done.stderr = done.stderr.replace("python -m sz_quality", "szq")
    return done


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _declared() -> set[tuple[str, str]]:
    """(command, parameter) of szq ("szq", "") and of every command and option it has."""
    root = typer.main.get_command(app)
    found = {(ROOT, "")} | {(ROOT, p.name or "") for p in root.params}
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        found |= {(name, "")} | {(name, p.name or "") for p in command.params}
    return found


def _help_keys() -> set[str]:
    return {key for key in WORDS if key.startswith("help.")}


def test_every_command_and_option_has_its_help_in_the_catalogue_and_none_is_stale() -> None:
    declared = _declared()
    assert {name for name, _ in declared} == {ROOT, *COMMANDS}
    used = {help_key(name, parameter) for name, parameter in declared}
    assert used - _help_keys() == set()  # every help is there, in both languages
    assert _help_keys() - used == set()  # none is left that no command has
    for key in used:
        zh, en = WORDS[key]
        assert re.search("[\u4e00-\u9fff]", zh), key
        assert re.search("[A-Za-z]{3}", en), key  # English (which may gloss a Chinese term)


def test_a_command_says_an_option_otherwise_only_where_its_words_differ() -> None:
    for key in _help_keys():
        _, command, *parameter = key.split(".")
        if command not in ("command", "option"):
            assert WORDS[key] != WORDS.get(f"help.option.{parameter[0]}"), key


def test_the_commands_declare_no_help_of_their_own() -> None:
    """Every help text is the catalogue's: a `help=` in a declaration would be a second
    home for it, shown in English only."""
    for path in (ROOT_DIR / "sz_quality" / "cli").glob("*.py"):
        assert not re.search(r"\bhelp=", path.read_text(encoding="utf-8")), path.name


def test_options_shared_by_commands_are_written_once() -> None:
    declared = _declared()
    assert len([name for name, parameter in declared if parameter == "lang"]) == 13
    assert help_key("calc", "lang") == help_key("check", "lang") == "help.option.lang"
    assert help_key("schema", "lang") == "help.schema.lang"
    assert help_key("targets", "output") == help_key("schema", "output") == "help.option.output"


@pytest.mark.parametrize(
    ("arguments", "env"),
    [
        (["--help", "--lang", "zh"], {}),
        (["--lang", "zh", "--help"], {}),
        (["--help"], {"SZQ_LANG": "zh"}),
        ([], {"LANG": "zh_CN.UTF-8"}),  # `szq` alone prints its help
    ],
)
def test_top_help_in_chinese(arguments: list[str], env: dict[str, str]) -> None:
    done = _szq(*arguments, **env)
    assert done.returncode in (0, 2), done.stderr  # click exits 2 for `szq` alone
    text = done.stdout or done.stderr
    assert text.startswith("用法：szq [OPTIONS] COMMAND [ARGS]...")
    assert _flat(help_text(ROOT, "", "zh")) in _flat(text)
    assert "\n选项：\n" in text and "\n命令：\n" in text
    assert "显示此帮助并退出。" in text and "Show this message" not in text


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_in_chinese(command: str) -> None:
    done = _szq(command, "--help", "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"用法：szq {command} ")
    flat = _flat(done.stdout)
    for name, parameter in _declared():
        if name == command:
            assert _flat(help_text(name, parameter, "zh")) in flat, (command, parameter)
    assert "Show this message" not in done.stdout and "[default:" not in done.stdout


def test_lang_environment_and_override() -> None:
    chinese = _szq("validate", "-h", LANG="zh_CN.UTF-8")
    assert _flat(help_text("validate", "", "zh")) in _flat(chinese.stdout)
    english = _szq("validate", "-h", LANG="en_US.UTF-8")
    assert english.stdout.startswith("Usage: szq validate")
    assert "Check data submissions: exit 0 valid" in english.stdout
    assert not re.search("[\u4e00-\u9fff]", english.stdout)
    # --lang wins over the environment, both ways
    assert _szq("check", "-h", "--lang", "en", SZQ_LANG="zh").stdout.startswith("Usage:")
    assert _szq("check", "-h", "--lang", "zh", LANG="C").stdout.startswith("用法：")


def test_chinese_help_lines_fit_the_terminal() -> None:
    done = _szq("check", "-h", "--lang", "zh", COLUMNS="80")
    widths = [text_width(line) for line in done.stdout.splitlines()]
    assert max(widths) <= 80, done.stdout


def test_wrap_text_bytext_width() -> None:
    text = "对照数据检查行动计划的每一项目标,按牵头单位列出差距。" * 3
    lines = wrap_text(text, 30, "  ", "  ").splitlines()
    assert all(text_width(line) <= 30 for line in lines)
    assert "".join(line.strip() for line in lines) == text
    assert all(not line.strip().startswith(("。", ",", "、")) for line in lines)


def test_global_lang_sets_every_command_language() -> None:
    runner = CliRunner()
    global_zh = runner.invoke(app, ["--lang", "zh", "agencies", "--format", "json"])
    local_zh = runner.invoke(app, ["agencies", "--lang", "zh", "--format", "json"])
    assert global_zh.exit_code == local_zh.exit_code == 0
    os.environ.pop("SZQ_LANG", None)  # the global option set it for this process
    assert json.loads(global_zh.stdout) == json.loads(local_zh.stdout)
    assert runner.invoke(app, ["--lang", "fr", "agencies"]).exit_code == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_schema_in_one_language(lang: str) -> None:
    done = CliRunner().invoke(app, ["schema", "--lang", lang])
    assert done.exit_code == 0
    schema = json.loads(done.stdout)
    both = row_json_schema()
    described = {"": (schema["description"], both["description"])} | {
        name: (prop["description"], both["properties"][name]["description"])
        for name, prop in schema["properties"].items()
    }
    for name, (one, bilingual) in described.items():
        if lang == "en":
            assert bilingual.startswith(one), name  # the English half of the bilingual text
            examples = ("亿元, 万人, %, 吨标准煤/万元", "2015年")
            assert not re.search("[\u4e00-\u9fff]", _without(one, examples)), name
        else:
            assert re.search("[\u4e00-\u9fff]", one) and not one.startswith(bilingual[:8])
    for name, prop in schema["properties"].items():  # only the words differ
        assert _without_words(prop) == _without_words(both["properties"][name])
    if lang == "zh":
        assert schema["title"] == "szq 长表数据行"
        assert schema["properties"]["indicator"]["title"] == "指标"
    assert CliRunner().invoke(app, ["schema", "--lang", "fr"]).exit_code == 2


def _without(text: str, parts: tuple[str, ...]) -> str:
    for part in parts:
        text = text.replace(part, "")
    return text


def _without_words(prop: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in prop.items() if k not in ("description", "title")}


def test_schema_default_keeps_both_languages() -> None:
    schema = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    # the shipped copy is what the pydantic model gives (else: python -m sz_quality.read.row_model)
    assert schema == row_json_schema() == build_row_json_schema()
    assert "年份" in schema["properties"]["year"]["description"]
    assert "The year" in schema["properties"]["year"]["description"]


def test_fallbacks_hold_no_csv_or_json_specials() -> None:
    for fallback in ASCII_FALLBACKS.values():
        assert not set(fallback) & set(',"\\\n')
