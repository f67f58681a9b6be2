"""Every family of outputs maps every format to its renderer through one table
(sz_quality.render.dispatch), importing a renderer only when it is used."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from sz_quality.render.dispatch import Format

FAMILIES = {
    "check": "OutputFormat",
    "validate": "DiagnosticsFormat",
    "calc": "CalcFormat",
    "report": "ReportFormat",
    "template": "TemplateFormat",
    "assess": "AssessFormat",
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_format_of_every_family_resolves_to_a_renderer_of_its_family(family: str) -> None:
    dispatch = importlib.import_module(f"sz_quality.render.{family}.dispatch")
    formats: type[Format] = getattr(dispatch, FAMILIES[family])
    assert len(formats) >= 2
    for member in formats:
        renderer = dispatch.renderer_for(member)
        assert callable(renderer), member
        assert renderer.__module__.startswith(f"sz_quality.render.{family}."), member
        # the word `--format` takes is the member's value, and finds it back
        assert formats(member.value) is member and member == member.value
        assert member.binary is (member.value in ("xlsx", "docx"))


def test_a_format_without_its_renderer_cannot_be_declared() -> None:
    with pytest.raises(TypeError, match="_Shape: the format 'xlsx' has no renderer"):

        class _Shape(Format):
            text = "text", "sz_quality.render.check.records:render"
            xlsx = "xlsx"


def test_a_renderer_is_named_by_its_entry_point_or_given_as_a_function() -> None:
    from sz_quality.render.check.records import render

    class Shape(Format):
        text = "text", "sz_quality.render.check.records:render"
        size = "size", len

    assert Shape.text.renderer() is render
    assert Shape.size.renderer() is len
    assert [member.binary for member in Shape] == [False, False]


def test_the_dispatches_import_no_renderer_until_one_is_used() -> None:
    code = (
        "import sys\n"
        "from sz_quality.render.check.dispatch import OutputFormat, renderer_for\n"
        + "".join(f"import sz_quality.render.{family}.dispatch\n" for family in FAMILIES)
        + "def loaded():\n"
        "    return sorted(m for m in sys.modules if m.startswith('sz_quality.render'))\n"
        "before = loaded()\n"
        "renderer_for(OutputFormat.json)\n"
        "print(before)\n"
        "new = [m for m in loaded() if m not in before and m.count('.') == 3]\n"
        "print(new, 'rich' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    before, after = done.stdout.splitlines()
    families = sorted(FAMILIES)
    expected = [
        "sz_quality.render",
        *(f"sz_quality.render.{f}{part}" for f in families for part in ("", ".dispatch")),
        "sz_quality.render.dispatch",
        "sz_quality.render.grid",  # the check's default width
    ]
    assert before == str(sorted(expected))
    assert after == "['sz_quality.render.check.records'] False"
