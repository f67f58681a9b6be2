"""`szq template`: the submission form is what `szq validate --expect-agency` checks.

An untouched form fails with one missing-indicator per row; a filled-in one passes. The
.xlsx form is read back with openpyxl (protection, data validation), the CSV with csv.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan.lookup import load_lookup
from sz_quality.plan.submission import requirements
from sz_quality.render.template.forms import SIGNATURE
from sz_quality.render.verdict_words import word

runner = CliRunner()
AGENCY, YEAR = "市水务局", 2015


def _validate(path: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    result = runner.invoke(
        app,
        [
            "validate",
            str(path),
            "--expect-agency",
            AGENCY,
            "--year",
            str(YEAR),
            "--format",
            "json",
            "--lang",
            "en",
            *extra,
        ],
    )
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def _expected_rows() -> list[tuple[str, int]]:
    lookup = load_lookup()
    return [
        (need.series, need.year)
        for need in requirements(lookup, lookup.resolve_agency(AGENCY), YEAR)
    ]


def _missing(diagnostics: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [
        (d["params"]["id"], d["params"]["year"])  # type: ignore[index]
        for d in diagnostics
        if d["code"] == "missing-indicator"
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_form_untouched_fails_once_per_row_and_filled_passes(tmp_path: Path, lang: str) -> None:
    form = tmp_path / "wrb-2015.csv"
    written = runner.invoke(
        app, ["template", "--agency", AGENCY, "--year", str(YEAR), "-o", str(form), "--lang", lang]
    )
    assert written.exit_code == 0, written.output
    rows = list(csv.reader(io.StringIO(form.read_text(encoding="utf-8"))))
    header, body = rows[0], rows[1:]
    shown = [(row[0], int(row[4])) for row in body]
    assert sorted(shown) == sorted(_expected_rows())
    assert ("water_per_10k_gdp", 2010) in _expected_rows()  # a change needs its baseline
    # an indicator's rows together: each earlier (baseline) year right under the later
    for before, after in zip(shown, shown[1:], strict=False):
        if after[1] != YEAR:
            assert before[0] == after[0] and before[1] > after[1], (before, after)
    code, diagnostics = _validate(form)
    assert code == 1
    assert sorted(_missing(diagnostics)) == sorted(_expected_rows())
    value = header.index("数值" if lang == "zh" else "value")
    for row in body:
        row[value] = "50"  # plausible for every unit (1 would be a suspect fraction of a %)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *body])
    form.write_text(buffer.getvalue(), encoding="utf-8")
    code, diagnostics = _validate(form, "--strict")
    assert (code, diagnostics) == (0, [])


def test_xlsx_form_is_protected_validated_and_passes_when_filled(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    form = tmp_path / "wrb-2015.xlsx"
    written = runner.invoke(
        app, ["template", "--agency", "wrb", "--year", str(YEAR), "-o", str(form), "--lang", "zh"]
    )
    assert written.exit_code == 0, written.output
    book = openpyxl.load_workbook(form)
    sheet, guide = book.worksheets  # the form first (what the reader reads), then 填报说明
    assert sheet.title == AGENCY and guide.title == "填报说明"
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["指标", "中文名称", "英文名称", "单位", "年份", "数值"]
    body = list(sheet.iter_rows(min_row=2))
    assert sorted((row[0].value, row[4].value) for row in body) == sorted(_expected_rows())
    assert sheet.protection.sheet is True
    editable = {"数值", "来源", "备注"}
    for row in body:
        for name, cell in zip(header, row, strict=True):
            assert cell.protection.locked is (name not in editable), (name, cell.coordinate)
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "decimal"
    assert str(validation.sqref) == f"F2:F{len(body) + 1}"

    code, diagnostics = _validate(form)
    assert code == 1 and sorted(_missing(diagnostics)) == sorted(_expected_rows())
    for row in body:
        row[5].value = 1.5
    book.save(form)
    code, diagnostics = _validate(form, "--strict")
    assert (code, diagnostics) == (0, [])


def test_all_agencies_one_sheet_each(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    out = tmp_path / "all.xlsx"
    written = runner.invoke(app, ["template", "--all", "--year", str(YEAR), "-o", str(out)])
    assert written.exit_code == 0, written.output
    lookup = load_lookup()
    expected = [agency.name_zh for agency in lookup.agencies if requirements(lookup, agency, YEAR)]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [*expected, word("template.guide", "en")]
    code, _ = _validate(out, "--sheet", AGENCY)
    assert code == 1
    folder = tmp_path / "forms"
    written = runner.invoke(app, ["template", "--all", "--year", str(YEAR), "-o", str(folder)])
    assert written.exit_code == 0, written.output
    ids = [agency.id for agency in lookup.agencies if requirements(lookup, agency, YEAR)]
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [*(f"{i}-{YEAR}.csv" for i in ids), "szq-forms.txt"]  # the manifest of szq's forms
    )


def test_usage_errors() -> None:
    assert runner.invoke(app, ["template", "--year", "2015"]).exit_code == 2
    unknown = runner.invoke(app, ["template", "--agency", "nobody", "--year", "2015"])
    assert unknown.exit_code == 2 and "unknown agency" in unknown.stderr
    outside = runner.invoke(app, ["template", "--agency", AGENCY, "--year", "2030"])
    assert outside.exit_code == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_form_has_its_instructions_and_signature_block(tmp_path: Path, lang: str) -> None:
    """填报说明 (what to fill, units, the deadline given) and 填报单位 / 填表人 / 审核人 /
    联系电话 / 报送日期, each with an open cell beside it; read back with openpyxl."""
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    form = tmp_path / "form.xlsx"
    deadline = "2016年1月31日" if lang == "zh" else "31 January 2016"
    written = runner.invoke(
        app,
        [
            "template",
            "--agency",
            "wrb",
            "--year",
            str(YEAR),
            "-o",
            str(form),
            "--lang",
            lang,
            "--deadline",
            deadline,
        ],
    )
    assert written.exit_code == 0, written.output
    guide = openpyxl.load_workbook(form).worksheets[-1]
    cells = {row[0].value: row[1] for row in guide.iter_rows() if row[0].value}
    texts = [row[1].value for row in guide.iter_rows() if row[1].value]
    assert guide["A1"].value == word("template.guide_title", lang, year=YEAR)
    assert word("template.guide_units", lang) in texts
    assert word("template.guide_deadline", lang, deadline=deadline) in texts
    labels = [word(key, lang) for key in SIGNATURE]
    if lang == "zh":
        assert labels == ["填报单位", "填表人", "审核人", "联系电话", "报送日期"]
        # Chinese text in full-width punctuation
        assert all("," not in text and ";" not in text for text in texts)
    for label in labels:
        assert cells[label].value is None and cells[label].protection.locked is False


def test_every_template_format_has_a_renderer() -> None:
    # as pip-audit's test_to_format_is_exhaustive; the format is the output's suffix
    from sz_quality.render.template.dispatch import TemplateFormat, format_for, renderer_for
    from sz_quality.render.template.forms import agency_form

    lookup = load_lookup()
    form = agency_form(lookup, lookup.resolve_agency(AGENCY), YEAR)
    assert format_for("forms.XLSX") is TemplateFormat.xlsx
    assert format_for("form.csv") is format_for(None) is TemplateFormat.csv
    for output_format in TemplateFormat:
        rendered = renderer_for(output_format)([form], "en")
        if output_format.binary:  # a workbook: a zip file
            assert isinstance(rendered, bytes) and rendered.startswith(b"PK")
        else:
            assert isinstance(rendered, str)
            assert len(rendered.splitlines()) == 1 + len(form.rows)
