"""The one catalogue of words (sz_quality.words): both languages for every key, one
punctuation convention per language, and no words left in the layers that must not hold
any."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from sz_quality.words import CATALOGUE, WORDS, CatalogueError, both, load_catalogue, word

PACKAGE = Path(__file__).resolve().parents[1] / "sz_quality"
CATALOGUE_PATH = Path(CATALOGUE)
_CJK = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# what a Chinese text keeps as typed: {fields}, `code`, quotes, a list a user types as is
_AS_TYPED = re.compile(
    r"\{[^}]*\}|`[^`]*`|\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.<>{}]+(?:,[A-Za-z0-9_.<>{}]+)+"
)
# entries whose example is a CSV line, written with the ASCII commas of the file
_CSV_LINES = {"diagnostic.missing-column.hint", "diagnostic.missing-indicator.hint"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def half_width_marks(chinese: str) -> list[str]:
    """The ASCII marks of a Chinese text that should be full-width (：，；（）？！)."""
    return re.findall(r"[:,;()?!]", _AS_TYPED.sub("", chinese))


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_key_has_both_languages_with_the_same_fields(key: str) -> None:
    zh, en = WORDS[key]
    assert zh.strip() and en.strip(), key
    assert _fields(zh) == _fields(en), key


def test_chinese_entries_use_full_width_punctuation() -> None:
    wrong = {
        key: half_width_marks(zh)
        for key, (zh, _) in WORDS.items()
        if key not in _CSV_LINES and half_width_marks(zh)
    }
    assert wrong == {}
    for key in _CSV_LINES:  # the CSV line keeps its commas, the sentence around it does not
        assert "，" in WORDS[key][0] or "：" in WORDS[key][0]


def test_the_check_is_caught() -> None:
    assert half_width_marks("目标(原文)") == ["(", ")"]
    assert half_width_marks("{path}:{rows} 行") == [":"]
    assert half_width_marks("例如 not_met,off_track；第 {line} 行") == []


def test_one_lookup() -> None:
    assert word("check.title", "zh", year=2015) == "目标检查：2015年"
    assert word("check.title", "en", year=2015) == "Target check for 2015"
    assert both("group.city_total") == ("全市", "City total")
    with pytest.raises(KeyError):
        word("no.such.key", "en")


def test_the_catalogue_imports_nothing_of_szq() -> None:
    """Any layer imports it: it must import no layer, and nothing heavy."""
    code = (
        "import sys, sz_quality.words; "
        "print(sorted(m for m in sys.modules if m.startswith('sz_quality')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "['sz_quality', 'sz_quality.words']"


def _words_in(path: Path) -> list[str]:
    """The Chinese string constants of a module, its docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and _CJK.search(node.value)
    ]


@pytest.mark.parametrize("layer", ["check", "report"])
def test_no_words_inline_in_the_engine(layer: str) -> None:
    found = {
        str(path.relative_to(PACKAGE)): words
        for path in sorted((PACKAGE / layer).glob("*.py"))
        if (words := _words_in(path))
    }
    assert found == {}


# Chinese in the renderers that is no word szq prints: font names, the glyphs a font is
# probed for, the marks a line may not start or end with
_NOT_WORDS = {
    "render/grid.py",
    "render/report/docx.py",
    "render/report/docx_charts.py",
    "render/report/docx_style.py",
}


@pytest.mark.parametrize("layer", ["render", "cli"])
def test_no_words_inline_in_the_renderers_or_the_command_line(layer: str) -> None:
    """What they print in Chinese, even a mark, is the catalogue's (the help's frame, a
    list's separator, a sentence's end were written inline)."""
    found = {
        name: words
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if (name := str(path.relative_to(PACKAGE))) not in _NOT_WORDS and (words := _words_in(path))
    }
    assert found == {}


def _catalogue(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_catalogue_reads_its_sections_in_order() -> None:
    import json

    sections = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    keys = [key for entries in sections.values() for key in entries]
    assert list(WORDS) == keys
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": {"k": ["一", "one"], "k": ["二", "two"]}}', "'k' is said twice in one section"),
        (
            '{"a": {"k": ["一", "one"]}, "b": {"k": ["二", "two"]}}',
            "'k' is said again in section 'b'",
        ),
        ('{"a": {"k": ["一"]}}', "'k' is not [zh, en] or [zh, en, note]: ['一']"),
        ('{"a": {"k": ["一", 1]}}', "'k' is not [zh, en] or [zh, en, note]: ['一', 1]"),
    ],
)
def test_a_catalogue_that_says_a_key_twice_or_half_does_not_load(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(_catalogue(tmp_path, text))
    assert str(raised.value) == message


def test_a_note_to_the_translator_is_not_printed(tmp_path: Path) -> None:
    path = _catalogue(tmp_path, '{"a": {"k": ["一、二", "one, two", "a list"]}}')
    assert load_catalogue(path) == {"k": ("一、二", "one, two")}
