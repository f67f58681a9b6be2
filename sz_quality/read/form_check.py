"""`validate --expect-agency X --year Y` on a form `szq template` made for another.

A form carries its identity in every row (sz_quality.plan.form_identity). A form made for
another agency or year is an error (`wrong-template`) naming both; one made from another
version of the registry a warning (its rows may not be what the targets need now). A
file without the column is not a form of szq's, and nothing is said.
"""

from __future__ import annotations

from ..plan.form_identity import parse_identity, same_registry
from ..plan.lookup import AgencyInfo, Lookup
from .findings import Findings, SourceFile
from .messages import template

__all__ = ["check_forms"]


def check_forms(
    lookup: Lookup,
    paths: list[str],
    findings: Findings,
    forms: dict[int, tuple[str, int, int]],
    agency: AgencyInfo,
    year: int,
) -> None:
    for number, (cell, line, column) in sorted(forms.items()):
        identity = parse_identity(cell)
        if identity is None:
            continue
        file = SourceFile(paths[number - 1], number)
        hint = template("wrong-template.hint", agency=agency.id, year=year)
        if identity.agency != agency.id or identity.year != year:
            made = lookup.find_agency(identity.agency)
            text = template(
                "wrong-template",
                form_agency_zh=made.name("zh") if made else identity.agency,
                form_agency_en=made.name("en") if made else identity.agency,
                form_year=identity.year,
                agency_zh=agency.name("zh"),
                agency_en=agency.name("en"),
                year=year,
            )
            findings.emit(file, "wrong-template", line=line, column=column, text=text, hint=hint)
        elif not same_registry(identity, lookup.sha256) or identity.registry != lookup.plan_id:
            text = template(
                "wrong-template.registry",
                registry=identity.registry,
                sha256=identity.sha256,
                current=lookup.sha256[: len(identity.sha256) or 16],
            )
            findings.emit(
                file,
                "wrong-template",
                line=line,
                column=column,
                text=text,
                hint=hint,
                severity="warning",
            )
