"""The cross-references a targets file must satisfy, checked when it is loaded afresh.

Every target's chapter is listed; its indicator and lead agencies exist; every unit
parses in szq's unit system and a target's unit converts to its indicator's; formulas
parse, name known indicators and give the indicator's unit. Each problem is recorded
with the YAML line of the field at fault.
"""

from __future__ import annotations

from typing import Any

from . import units
from .formula import CompiledFormula
from .issue_words import unknown_words
from .loading import LoadIssue
from .models import Agency, Indicator, Target

__all__ = ["check_chapters", "check_references"]


def check_chapters(
    name: str, document: Any, targets: list[Target], issues: list[LoadIssue]
) -> None:
    """Every target's chapter must be listed under `chapters:`."""
    # chapters that failed validation are still listed: one mistake, one error
    raw = document.data.get("chapters")
    if not isinstance(raw, list):
        return  # reported once by validate_items
    listed: set[int] = set()
    for item in raw:
        number = item.get("number") if isinstance(item, dict) else None
        if isinstance(number, int):
            listed.add(number)
    for target in targets:
        if target.chapter not in listed:
            line, where = _item_line(document, "targets", target.id, "chapter")
            shown = ", ".join(str(number) for number in sorted(listed))
            key = "registry.chapter_not_listed" + ("" if shown else ".none")
            said = LoadIssue.said(name, line, where, key, chapter=target.chapter, listed=shown)
            issues.append(said)


def _item_line(
    document: Any, section: str, item_id: str, field_name: str
) -> tuple[int | None, str]:
    for index, raw_item in enumerate(document.data.get(section) or []):
        if isinstance(raw_item, dict) and raw_item.get("id") == item_id:
            return document.line((section, index, field_name)), f"{section}[{index}].{field_name}"
    return None, f"{section}.{field_name}"


def check_references(
    name: str,
    document: Any,
    agencies: list[Agency],
    indicators: list[Indicator],
    targets: list[Target],
    issues: list[LoadIssue],
) -> tuple[dict[tuple[str, str], tuple[float, float]], dict[str, CompiledFormula]]:
    """Indicators, agencies and units that targets refer to must exist and fit."""
    # Names declared by items that failed validation still exist: one mistake, one error.
    agency_names = {agency.name_zh for agency in agencies} | _declared(
        document, "agencies", "name_zh"
    )
    indicator_by_id = {indicator.id: indicator for indicator in indicators}
    declared_indicators = set(indicator_by_id) | _declared(document, "indicators", "id")

    def report(section: str, item_id: str, field_name: str, key: str, **fields: Any) -> None:
        line, where = _item_line(document, section, item_id, field_name)
        issues.append(LoadIssue.said(name, line, where, key, **fields))

    from .formula import FormulaError, check_formula

    formulas: dict[str, CompiledFormula] = {}
    unit_ok = set()
    for declared in indicators:
        try:
            units.parse_unit(declared.unit)
            unit_ok.add(declared.id)
        except units.UnitError as error:
            report("indicators", declared.id, "unit", "registry.unit_error", error=error)
    for derived in indicators:
        if derived.formula is None:
            continue
        try:
            formulas[derived.id] = check_formula(derived, indicator_by_id)
        except units.UnitError as error:
            if derived.id in unit_ok:
                report("indicators", derived.id, "formula", "registry.operand_unit", error=error)
        except FormulaError as error:
            report("indicators", derived.id, "formula", "registry.formula_error", error=error)

    factors: dict[tuple[str, str], tuple[float, float]] = {}
    for target in targets:
        indicator = indicator_by_id.get(target.indicator)
        if target.indicator not in declared_indicators:
            key, fields = unknown_words("indicator", target.indicator, indicator_by_id)
            report("targets", target.id, "indicator", key, **fields)
        for field_name in ("lead_agencies", "lead_agencies_inferred"):
            for agency in getattr(target, field_name):
                if agency not in agency_names:
                    key, fields = unknown_words("agency", agency, agency_names)
                    report("targets", target.id, field_name, key, **fields)
        try:
            units.parse_unit(target.unit)
        except units.UnitError as error:
            report("targets", target.id, "unit", "registry.unit_error", error=error)
            continue
        if indicator is None:
            continue
        growth = target.growth_indicator
        if growth is not None and growth not in declared_indicators:
            key, fields = unknown_words("indicator", growth, indicator_by_id)
            report("targets", target.id, "growth_indicator", key, **fields)
        if target.kind in ("change", "average_growth"):
            if units.normalise_unit_text(target.unit) != "%":
                report("targets", target.id, "unit", "registry.percent_only", kind=target.kind)
            continue
        try:
            factors[(target.unit, indicator.unit)] = units.factor_and_currency_shift(
                target.unit, indicator.unit
            )
        except units.UnitError as error:
            report(
                "targets",
                target.id,
                "unit",
                "registry.unit_misfit",
                indicator=indicator.id,
                error=error,
            )
    return factors, formulas


def _declared(document: Any, section: str, key: str) -> set[str]:
    items = document.data.get(section) if isinstance(document.data, dict) else None
    return {
        item[key]
        for item in items or []
        if isinstance(item, dict) and isinstance(item.get(key), str)
    }
