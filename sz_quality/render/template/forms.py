"""`szq template`: the submission form of an agency for a year, as CSV or .xlsx.

One row per value the agency's targets need (sz_quality.plan.submission, the rule that
`szq validate --expect-agency` checks): indicator id, Chinese and English names, unit,
year, an empty value, source and note, and the targets that need it. The headers are
ones szq's reader knows, in --lang, so a filled-in form is read back as it is. A last
column, `szq_form` (hidden in .xlsx), carries the form's identity in every row
(sz_quality.plan.form_identity), which `validate --expect-agency` compares. In .xlsx
the value, source and note cells are unlocked and the rest protected (no password: a
guard against slips, not a lock), and the value must be a number (a data validation).

`plan_form` is the form of a yearly plan (年度推进计划, `szq template --yearly-plan`):
one row per target of the agency whose period holds the year, under the target's id and
in its unit, with the region (blank: the city; a district writes its name), the
sub-target, its source and a note: what `szq check --plan` reads (docs/yearly-plans.md).
It has no `szq_form` column: no submission is compared with it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from ...plan.form_identity import FORM_HEADER, form_identity
from ...plan.lang import Lang
from ...plan.lookup import AgencyInfo, Lookup
from ...plan.submission import requirements
from ..check.records import safe_text
from ..verdict_words import word
from ..xlsx_book import Book

__all__ = [
    "FIELDS",
    "PLAN_FIELDS",
    "SIGNATURE",
    "AgencyForm",
    "agency_form",
    "form_csv",
    "forms_xlsx",
    "plan_form",
]

FIELDS = ("indicator", "name_zh", "name_en", "unit", "year", "value", "source", "note", "targets")
# a yearly plan's form: a target's sub-target for the year, for the city or a district
PLAN_FIELDS = (
    "indicator",
    "name_zh",
    "name_en",
    "unit",
    "year",
    "value",
    "region",
    "source",
    "note",
)
_EDITABLE = frozenset({"value", "region", "source", "note"})
_WIDTHS = {
    "indicator": 28,
    "name_zh": 30,
    "name_en": 40,
    "unit": 12,
    "year": 8,
    "value": 14,
    "source": 40,
    "note": 30,
    "targets": 30,
    "region": 12,
}


@dataclass(frozen=True)
class AgencyForm:
    """An agency's form for a year: its rows, each a dict of FIELDS."""

    agency: AgencyInfo
    year: int
    rows: tuple[dict[str, object], ...]
    identity: str = ""  # every row's szq_form cell (plan/form_identity.py); "": none
    deadline: str | None = None  # when the form is due, as the office writes it
    fields: tuple[str, ...] = FIELDS  # the columns, in order (PLAN_FIELDS: a yearly plan)


def agency_form(lookup: Lookup, agency: AgencyInfo, year: int) -> AgencyForm:
    """The form's rows: an indicator's rows together, the year's first and its earlier
    (baseline) years right under it, in the order the requirements first name them."""
    needs = requirements(lookup, agency, year)
    first: dict[str, int] = {}
    for index, need in enumerate(needs):
        first.setdefault(need.series, index)
    rows = []
    for need in sorted(needs, key=lambda n: (first[n.series], -n.year)):
        info = lookup.get(need.series)
        rows.append(
            {
                "indicator": need.series,
                "name_zh": info.name_zh if info else "",
                "name_en": info.name_en if info else "",
                "unit": info.unit if info else "",
                "year": need.year,
                "value": None,
                "source": "",
                "note": "",
                "targets": ", ".join(need.targets),
            }
        )
    identity = form_identity(agency.id, year, lookup.plan_id, lookup.sha256)
    return AgencyForm(agency, year, tuple(rows), identity)


def plan_form(lookup: Lookup, agency: AgencyInfo, year: int) -> AgencyForm:
    """The agency's yearly plan form for `year`: a row per target whose period holds it."""
    rows = []
    for target in lookup.needs(agency, year):
        rows.append(
            {
                "indicator": target.id,
                "name_zh": target.name_zh,
                "name_en": target.name_en,
                "unit": target.unit,
                "year": year,
                "value": None,
                "region": "",
                "source": "",
                "note": "",
            }
        )
    return AgencyForm(agency, year, tuple(rows), fields=PLAN_FIELDS)


def _headers(fields: Sequence[str], lang: Lang) -> list[str]:
    return [word(f"template.{field}", lang) for field in fields]


def form_csv(form: AgencyForm, lang: Lang) -> str:
    """UTF-8 CSV without a byte-order mark, as every szq output."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    identity = [FORM_HEADER] if form.identity else []
    writer.writerow([*_headers(form.fields, lang), *identity])
    for row in form.rows:
        cells = ("" if row[field] is None else safe_text(str(row[field])) for field in form.fields)
        writer.writerow([*cells, *([form.identity] if form.identity else [])])
    return buffer.getvalue()


def forms_xlsx(forms: Sequence[AgencyForm], lang: Lang) -> bytes:
    """One sheet per agency, named by its Chinese name (what `--sheet` takes), then a
    sheet of instructions (填报说明: what to fill, units, the forms' deadline) and the block the
    submitting office signs (填报单位, 填表人, 审核人, 联系电话, 报送日期). The
    instructions come last, so that the reader, which reads the first sheet unless told
    otherwise, reads an agency's form."""
    book = Book()
    header = book.style(bold=True, bg_color="#DDEBF7", border=1, locked=True)
    locked = book.style(locked=True, bg_color="#F2F2F2")
    editable = book.style(locked=False, bg_color="#FFFFFF", border=1)
    for form in forms:
        sheet = book.sheet(form.agency.name_zh)
        fields = form.fields
        for column, field in enumerate(fields):
            sheet.write_string(0, column, word(f"template.{field}", lang), header)
            sheet.set_column(
                column, column, _WIDTHS[field], editable if field in _EDITABLE else None
            )
        for line, row in enumerate(form.rows, start=1):
            for column, field in enumerate(fields):
                value = row[field]
                style = editable if field in _EDITABLE else locked
                if isinstance(value, int):
                    sheet.write_number(line, column, value, style)
                elif value is None:
                    sheet.write_blank(line, column, None, style)
                else:
                    sheet.write_string(line, column, str(value), style)
            if form.identity:
                sheet.write_string(line, len(fields), form.identity, locked)
        if form.identity:
            # the form's identity: a hidden column, which every spreadsheet keeps on saving
            sheet.write_string(0, len(fields), FORM_HEADER, header)
            sheet.set_column(len(fields), len(fields), 20, locked, {"hidden": True})
        if form.rows:
            value_column = fields.index("value")
            sheet.data_validation(
                1,
                value_column,
                len(form.rows),
                value_column,
                {
                    "validate": "decimal",
                    "criteria": "between",
                    "minimum": -1e300,
                    "maximum": 1e300,
                    "input_title": word("template.number", lang),
                    "input_message": word("template.number_help", lang)[:255],
                    "error_title": word("template.number", lang),
                    "error_message": word("template.number_help", lang)[:255],
                },
            )
        sheet.freeze_panes(1, 0)
        sheet.protect("", {"autofilter": True, "format_columns": True, "sort": False})
        sheet.autofilter(0, 0, max(len(form.rows), 1), len(fields) - 1)
    _guide(book, forms, lang, next((f.deadline for f in forms if f.deadline), None))
    return book.data()


# the signature block of a submission, each with a cell to fill
SIGNATURE: tuple[str, ...] = (
    "template.office",
    "template.filled_by",
    "template.reviewed_by",
    "template.phone",
    "template.date",
)


def _guide(book: Book, forms: Sequence[AgencyForm], lang: Lang, deadline: str | None) -> None:
    """The 填报说明 sheet: the instructions, then the signature block (its cells open)."""
    sheet = book.sheet(word("template.guide", lang))
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 90)
    title = book.style(bold=True, font_size=14)
    label = book.style(bold=True, valign="top")
    text = book.style(text_wrap=True, valign="top")
    blank = book.style(locked=False, bottom=1)
    years = sorted({form.year for form in forms})
    sheet.write_string(0, 0, word("template.guide_title", lang, year=years[-1]), title)
    lines = [
        word("template.guide_fill", lang),
        word("template.guide_units", lang),
        word("template.guide_rows", lang),
        word("template.guide_keep", lang),
    ]
    if deadline:
        lines.append(word("template.guide_deadline", lang, deadline=deadline))
    row = 2
    for number, line in enumerate(lines, start=1):
        sheet.write_string(row, 0, f"{number}.", label)
        sheet.write_string(row, 1, line, text)
        row += 1
    row += 1
    for key in SIGNATURE:
        sheet.write_string(row, 0, word(key, lang), label)
        sheet.write_blank(row, 1, None, blank)
        row += 1
    sheet.protect("", {"format_columns": True})
