"""`szq template`: the submission form of an agency for a year (CSV or .xlsx).

Exit codes: 0 written; 2 bad usage (an unknown agency, no --agency nor --all, a form
that needs nothing for the year, .xlsx without the xlsx extra).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ..plan.years import YEAR_MAX, YEAR_MIN
from . import common, options


def template_command(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX)],
    agency: options.Agency = None,
    every_agency: Annotated[bool, typer.Option("--all")] = False,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    yearly_plan: Annotated[bool, typer.Option("--yearly-plan")] = False,
    deadline: Annotated[
        str | None, typer.Option("--deadline", metavar="DATE", show_default=False)
    ] = None,
    lang: options.Language = ...,  # type: ignore[assignment]
) -> None:
    from ..plan.agencies import UnknownAgencyError
    from ..plan.lookup import Lookup
    from ..render.template.dispatch import TemplateFormat, format_for, renderer_for
    from ..render.template.forms import agency_form, plan_form

    if (agency is None) == (not every_agency):
        common.usage_error_word("cli.agency_or_all")
    language = lang.code
    lookup = Lookup.from_registry(common.state_of(ctx).registry())
    if agency is not None:
        try:
            chosen = [lookup.resolve_agency(agency)]
        except UnknownAgencyError as error:
            common.unknown_agency(error)
    else:
        chosen = list(lookup.agencies)
    make_form = plan_form if yearly_plan else agency_form
    forms = [make_form(lookup, each, year) for each in chosen]
    forms = [replace(form, deadline=deadline) for form in forms if form.rows]
    if not forms:
        if agency is not None:
            common.usage_error_word(
                "cli.no_form_rows.agency", agency=chosen[0].name(language), year=year
            )
        common.usage_error_word("cli.no_form_rows", year=year)
    if format_for(output).binary:
        common.emit_workbook(lambda: renderer_for(TemplateFormat.xlsx)(forms, language), output)
    elif every_agency:
        if output is None or output.lower().endswith(".csv"):
            common.usage_error_word("cli.all_needs_folder")
        from ..render.template.folder import write_forms

        render_csv = renderer_for(TemplateFormat.csv)
        texts = {f"{form.agency.id}-{year}.csv": render_csv([form], language) for form in forms}
        try:
            done = write_forms(Path(output), texts, force=force)
        except OSError as error:
            common.cannot_write(output, error)
        for path in done.kept:
            common.say("cli.kept_form", language, path=path)
    else:
        common.emit(renderer_for(TemplateFormat.csv)(forms, language), output)
    rows = sum(len(form.rows) for form in forms)
    if output is not None:
        common.say("cli.wrote_forms", language, output=output, forms=len(forms), rows=rows)
    raise typer.Exit(common.EXIT_OK)
