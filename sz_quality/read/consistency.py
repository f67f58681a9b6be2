"""Checks between values, once every file of a read is in the store (平衡校验, 逻辑校验).

Run by `szq validate` and `szq check` alike (reader.py), on the store of values seen:
one value per (series, region, year), the later file's, with its file and line. Nothing
here looks at a row again; the cost is a pass over the store's blocks. The checks across
years cover the city total, the registry's districts and at most OTHER_REGIONS other
regions (by name), so that their cost stays bounded whatever the file.

- `unknown-region`: a region neither the city total nor a district of the registry.
- `suspect-magnitude`: a value about 10³, 10⁴, 10⁸ or 10¹² (10² for a %) times its
  series' neighbouring year (magnitude.py).
- `repeated-value`: the same value to 4+ significant figures in consecutive years of a
  money amount or an additive indicator.
- `parts-total-mismatch`: an additive indicator's districts summing to more than the
  city total, or (all districts present) to other than it.
- `derived-mismatch`: a submitted derived figure (GDP per capita) and the one its
  formula gives from the submitted inputs, further apart than the indicator's tolerance.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from ..plan.region_names import CITY
from .cells import suspect_window
from .findings import SourceFile
from .magnitude import magnitude_hint, magnitude_slip, slip_text
from .messages import Template, template, value_template

if TYPE_CHECKING:
    from ..plan.lookup import Lookup, SeriesInfo
    from .findings import Findings
    from .layout import Layout
    from .store import SlotStore

__all__ = ["OTHER_REGIONS", "PARTS_TOLERANCE", "check_consistency", "significant_figures"]

# parts may exceed (or, all present, differ from) the total by this share of it: rounding
PARTS_TOLERANCE: Final = 0.005
_REPEAT_FIGURES: Final = 4
# regions other than the city total and the registry's districts checked across years
OTHER_REGIONS: Final = 50


def significant_figures(value: float) -> int:
    """The significant figures a value is written with (16001.98: 7; 360: 2; 3200: 2)."""
    text = f"{abs(value):.12g}"
    if "e" in text:
        text = text.split("e")[0]
    digits = text.replace(".", "").lstrip("0")
    if "." not in text:
        digits = digits.rstrip("0")
    return len(digits)


class _Check:
    """One pass over a store: the values of each (region, series) by year."""

    def __init__(
        self, lookup: Lookup, store: SlotStore, findings: Findings, layouts: dict[int, Layout]
    ) -> None:
        self.lookup = lookup
        self.store = store
        self.findings = findings
        self.layouts = layouts
        self.files: dict[int, SourceFile] = {}
        self.pending: list[tuple[int, int, int, str, Template, Template | None, str]] = []

    def file(self, number: int) -> SourceFile:
        made = self.files.get(number)
        if made is None:
            made = self.files[number] = SourceFile(self.store.paths[number - 1], number)
        return made

    def column(self, number: int, year: int, field_name: str = "value") -> int | None:
        layout = self.layouts.get(number)
        if layout is None:
            return None
        if field_name == "value" and layout.kind == "wide":
            for index, column_year in layout.years:
                if column_year == year:
                    return index + 1
            return None
        found = layout.columns.get(field_name)
        return None if found is None else found + 1

    def series(self) -> Iterator[tuple[str, SeriesInfo, list[tuple[int, int]]]]:
        """(region, series, [(year, slot), ...] by year) for every series with values."""
        store = self.store
        width = store.width
        owner = store.owner
        by_region: dict[str, list[tuple[int, int]]] = {}
        for (region, year), block in store.blocks.items():
            by_region.setdefault(region, []).append((year, block))
        infos = self.lookup.series
        for region in _checked(by_region, self.lookup.regions.districts):
            blocks = by_region[region]
            blocks.sort()
            slots: dict[int, list[tuple[int, int]]] = {}
            for year, block in blocks:
                start = block * width
                row = owner[start : start + width]
                for index, held in enumerate(row):
                    if held:
                        slots.setdefault(index, []).append((year, start + index))
            for index, found in slots.items():
                if len(found) > 1:
                    yield region, infos[index], found

    def emit(
        self,
        slot: int,
        year: int,
        code: str,
        text: Template,
        hint: Template | None,
        field_name: str = "value",
    ) -> None:
        number = self.store.owner[slot]
        line = self.store.lines[slot]
        column = self.column(number, year, field_name)
        self.pending.append((number, line, column or 0, code, text, hint, field_name))

    def say(self, slot: int, year: int, text: Template) -> None:
        """Emit the message `text` about the value in `slot`, its key the code, with the
        code's hint."""
        code = text[0]
        self.emit(slot, year, code, text, template(f"{code}.hint"))

    def flush(self) -> None:
        """Emit in file and line order, whatever the order of the store's blocks."""
        self.pending.sort(key=lambda item: item[:4])
        for number, line, column, code, text, hint, field_name in self.pending:
            where = (line, column or None, field_name)
            self.findings.emit_at(self.file(number), code, where, text, hint)
        self.pending.clear()

    # -- the checks ---------------------------------------------------------------------

    def magnitudes(self, region: str, info: SeriesInfo, found: list[tuple[int, int]]) -> None:
        values = self.store.values
        unit = info.unit
        flagged: set[int] = set()  # positions in `found` already doubted
        for position in range(1, len(found)):
            if position - 1 in flagged or found[position][0] - found[position - 1][0] > 2:
                continue
            slot_b = found[position][1]
            if magnitude_slip(values[slot_b], values[found[position - 1][1]], unit) is None:
                continue
            # the later value is doubted, unless it agrees with the one after it
            doubt, other = position, position - 1
            if position + 1 < len(found) and (
                magnitude_slip(values[found[position + 1][1]], values[slot_b], unit) is None
            ):
                doubt, other = position - 1, position
            if unit.strip() == "%" and info.reference:  # the one further from the target
                if _distance(values[found[doubt][1]], info.reference) < _distance(
                    values[found[other][1]], info.reference
                ):
                    doubt, other = other, doubt
                window = suspect_window(info.reference)
                low, high = window if window is not None else (1.0, 0.0)
                if low <= values[found[doubt][1]] <= high:
                    continue  # suspect-fraction says so already, row by row
            flagged.add(doubt)
            (year, slot), (other_year, against) = found[doubt], found[other]
            power = magnitude_slip(values[slot], values[against], unit) or 0
            where = (self.store.paths[self.store.owner[against] - 1], self.store.lines[against])
            pair = ((year, values[slot]), (other_year, values[against]))
            text = slip_text(info, region, *pair, where, power)
            self.emit(slot, year, "suspect-magnitude", text, magnitude_hint(unit, power))

    def repeats(self, region: str, info: SeriesInfo, found: list[tuple[int, int]]) -> None:
        if info.kind != "indicator" or not (
            info.id in self.lookup.additive or "元" in info.unit.split("/")[0]
        ):
            return
        values = self.store.values
        for position in range(1, len(found)):
            (year_a, slot_a), (year_b, slot_b) = found[position - 1], found[position]
            value = values[slot_b]
            if (
                year_b - year_a == 1
                and value == values[slot_a]
                and significant_figures(value) >= _REPEAT_FIGURES
            ):
                text = value_template(
                    "repeated-value",
                    (info.id, region, year_b),
                    value=value,
                    other_year=year_a,
                    other_line=self.store.lines[slot_a],
                )
                self.say(slot_b, year_b, text)

    def parts(self) -> None:
        lookup = self.lookup
        order = {name: place for place, name in enumerate(lookup.regions.districts)}
        districts = set(order)
        if not districts or not lookup.additive:
            return
        store = self.store
        width = store.width
        years: dict[int, tuple[int | None, list[tuple[str, int]]]] = {}
        for (region, year), block in store.blocks.items():
            total, parts = years.get(year, (None, []))
            if region == CITY:
                total = block
            elif region in districts:
                parts.append((region, block))
            years[year] = (total, parts)
        additive = [info for info in lookup.series if info.id in lookup.additive]
        for year, (total_block, parts) in sorted(years.items()):
            if total_block is None or not parts:
                continue
            for info in additive:
                total_slot = total_block * width + info.index
                if not store.owner[total_slot]:
                    continue
                present = [
                    (name, block * width + info.index)
                    for name, block in parts
                    if store.owner[block * width + info.index]
                ]
                if not present:
                    continue
                total_value = store.values[total_slot]
                summed = sum(store.values[slot] for _, slot in present)
                slack = abs(total_value) * PARTS_TOLERANCE
                over = summed > total_value + slack
                complete = len(present) == len(districts) and abs(summed - total_value) > slack
                if over or complete:
                    names = "、".join(sorted((name for name, _ in present), key=order.__getitem__))
                    text = template(
                        "parts-total-mismatch",
                        id=info.id,
                        year=year,
                        sum=summed,
                        total=total_value,
                        districts=names,
                    )
                    self.say(total_slot, year, text)

    def regions(self) -> None:
        """unknown-region once per name, at its first value (a registry that lists no
        districts knows no region to compare with)."""
        known = self.lookup.regions
        if not known.districts:
            return
        store = self.store
        width = store.width
        first: dict[str, tuple[int, int, int, int]] = {}  # (file, line, slot, year)
        for (region, year), block in store.blocks.items():
            if known.known(region):
                continue
            start = block * width
            row = store.owner[start : start + width].tobytes()
            slot = start + (len(row) - len(row.lstrip(b"\0"))) // store.owner.itemsize
            here = (store.owner[slot], store.lines[slot], slot, year)
            if region not in first or here < first[region]:
                first[region] = here
        cap = self.findings.max_per_code or len(first)
        for listed, (region, (_, _, slot, year)) in enumerate(
            sorted(first.items(), key=lambda item: item[1])
        ):
            # a "did you mean" only for those listed: the rest are only counted
            suggestion = known.suggest(region) if listed < cap else None
            hint = (
                template("unknown-region.hint", name=suggestion)
                if suggestion
                else template("unknown-region.none", names="、".join(known.districts))
            )
            self.emit(
                slot,
                year,
                "unknown-region",
                template("unknown-region", region=region),
                hint,
                "region",
            )


def _derived(check: _Check) -> None:
    """derived-mismatch: a submitted derived figure against its formula's, where the
    data has both (same region and year), beyond the indicator's tolerance."""
    lookup = check.lookup
    if not lookup.formulas:
        return
    from ..plan.formula import CompiledFormula

    store = check.store
    width = store.width
    rules = []
    for series_id, (text, factors, result, tolerance) in lookup.formulas.items():
        info = lookup.get(series_id)
        inputs = [item for item in map(lookup.get, factors) if item is not None]
        if info is None or len(inputs) != len(factors):
            continue
        formula = CompiledFormula(series_id, text, factors, result)
        rules.append((info, formula, inputs, tolerance))
    by_region: dict[str, list[tuple[int, int]]] = {}
    for (region, year), block in store.blocks.items():
        by_region.setdefault(region, []).append((year, block))
    checked = set(_checked(by_region, lookup.regions.districts))
    for (region, year), block in store.blocks.items():
        if region not in checked:
            continue
        start = block * width
        for info, formula, inputs, tolerance in rules:
            own = start + info.index
            slots = [start + item.index for item in inputs]
            if not store.owner[own] or not all(store.owner[slot] for slot in slots):
                continue
            values = {item.id: store.values[slot] for item, slot in zip(inputs, slots, strict=True)}
            computed = formula.evaluate(values)
            submitted = store.values[own]
            if computed is None or computed == 0:
                continue
            apart = abs(submitted - computed) / abs(computed) * 100
            if apart <= tolerance:
                continue
            said = value_template(
                "derived-mismatch",
                (info.id, region, year),
                value=submitted,
                unit=info.unit,
                computed=computed,
                formula=formula.text,
                lines=", ".join(str(store.lines[slot]) for slot in slots),
                apart=apart,
                tolerance=tolerance,
            )
            check.say(own, year, said)


def _distance(value: float, reference: float) -> float:
    """How many powers of ten a value is from a reference figure."""
    return abs(math.log10(abs(value) / reference)) if value else math.inf


def _checked(by_region: dict[str, list[tuple[int, int]]], districts: tuple[str, ...]) -> list[str]:
    """The regions whose series are checked across years: the city total, the registry's
    districts and, of the others, the first OTHER_REGIONS by name (a file of a thousand
    made-up regions costs no more than one of fifty)."""
    known = [region for region in (CITY, *districts) if region in by_region]
    named = set(known)
    others = sorted(region for region in by_region if region not in named)
    return known + others[:OTHER_REGIONS]


def check_consistency(
    lookup: Lookup, store: SlotStore, findings: Findings, layouts: dict[int, Layout]
) -> None:
    """Every check between values, over everything read (see the module's docstring)."""
    check = _Check(lookup, store, findings, layouts)
    check.regions()
    for region, info, found in check.series():
        check.magnitudes(region, info, found)
        check.repeats(region, info, found)
    check.parts()
    _derived(check)
    check.flush()
