"""The row path: each row checked on its own, where every data-row diagnostic comes from."""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from sys import intern
from typing import Literal

from ..plan.lookup import SeriesInfo
from .batches import CsvBatch
from .cell_resolver import Resolver
from .cells import NOT_A_NUMBER, NOT_FINITE, parse_value, source_text, split_number
from .findings import Findings, SourceFile
from .layout import Layout
from .messages import Template, template
from .plausible import check_plausible
from .sniff import looks_like_gb18030
from .store import SlotStore

__all__ = ["BAD_BYTES", "RowChecker", "needs_byte_check", "undecoded"]

# a sheet's formula cell with an error, or "=" for one without a cached value (read/xlsx.py)
FORMULA_MARK = re.compile(r"=|#(?:DIV/0!|REF!|N/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)")
BAD_BYTES = re.compile("[\udc80-\udcff]")  # bytes kept by the surrogateescape handler
# ... and in a GB file, private-use characters: bytes of another encoding (a note in Big5)
# that GB18030 decodes without an error into characters no text holds
_FOREIGN = re.compile("[\udc80-\udcff\ue000-\uf8ff]")
_GB = frozenset({"gb18030", "gbk", "gb2312"})


def undecoded(encoding: str) -> re.Pattern[str]:
    """What marks text that is not in the file's encoding (one rule for every reader)."""
    return _FOREIGN if encoding in _GB else BAD_BYTES


def needs_byte_check(text: str, clean: bool, encoding: str) -> bool:
    """Whether a batch holds text not in the file's encoding (its rows are looked at)."""
    if clean and encoding not in _GB:
        return False
    return undecoded(encoding).search(text) is not None


@cache
def _multiplied() -> re.Pattern[str]:
    """A number followed by a multiplier word (1.5万): the word belongs in the unit column."""
    from ..plan.units import MAGNITUDE_STACKS  # pint-free, but not needed on a clean file

    words = "|".join(sorted(MAGNITUDE_STACKS, key=len, reverse=True))
    return re.compile(rf"[+-]?[0-9.,]+\s*({words})")


def _bad_number_hint(shown: str) -> Template:
    """The hint for a value that is not a number: where its '%' or 万 goes, or how to write it."""
    if shown.endswith("%"):
        return template("bad-number.percent")
    multiplied = _multiplied().fullmatch(shown)
    if multiplied is not None:
        return template("bad-number.multiplier", word=multiplied.group(1))
    return template("bad-number.hint")


_NOTHING_GIVEN: tuple[str | None, str, str] = (None, "", "")  # validate keeps no observation


def _given(row: list[str], columns: dict[str, int], value_at: int) -> tuple[str | None, str, str]:
    """The row's note (None when blank), its value and its unit as written ("" if none)."""
    note = source_text(row[columns["note"]]) if "note" in columns else None
    unit_text = intern(row[columns["unit"]].strip()) if "unit" in columns else ""  # shared
    return note, row[value_at].strip(), unit_text


class RowChecker:
    """Checks rows of a known layout and stores the values it accepts."""

    __slots__ = ("resolver", "store", "findings", "comma")

    def __init__(self, resolver: Resolver, store: SlotStore, findings: Findings) -> None:
        self.resolver = resolver
        self.store = store
        self.findings = findings
        self.comma = False  # rows of a comma-separated text: a number may be split in two

    def check_text(self, file: SourceFile, layout: Layout, batch: CsvBatch) -> int:
        """Check the records of a CSV text row by row; return the number of the next line."""
        text, delimiter, first_line, encoding = batch
        self.comma = delimiter == "," and not file.sheet
        stream = io.StringIO(text, newline="")
        reader = csv.reader(stream, delimiter=delimiter, strict=False)
        handle_row = self.long_row if layout.kind == "long" else self.wide_row
        previous = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                file.reject()
                self.findings.emit(
                    file,
                    "bad-csv",
                    line=first_line + previous,
                    text=template("bad-csv", error=str(error)),
                )
                previous = reader.line_num
                continue
            line = first_line + previous
            previous = reader.line_num
            if file.check_bytes and self._bad_bytes(file, layout, row, line, encoding):
                continue
            handle_row(file, layout, row, line)
        return first_line + reader.line_num

    def _bad_bytes(
        self, file: SourceFile, layout: Layout, row: list[str], line: int, encoding: str
    ) -> bool:
        marks = undecoded(encoding)
        for index, cell in enumerate(row):
            if marks.search(cell):
                file.reject()
                hint = template("encoding-error.hint")
                message = template("encoding-error", encoding=encoding)
                if not BAD_BYTES.search(cell):  # decoded, into private-use characters
                    message = template("encoding-error.mixed", encoding=encoding)
                    hint = template("encoding-error.mixed-hint")
                elif encoding.startswith("utf-8"):
                    raw = ",".join(row).encode("utf-8", "surrogateescape")
                    text = looks_like_gb18030(raw)
                    if text is not None:
                        hint = template("encoding-error.gb18030", text=text)
                where = (line, index + 1, layout.field_at(index) or None)
                self.findings.emit_at(file, "encoding-error", where, message, hint)
                return True
        return False

    def long_row(self, file: SourceFile, layout: Layout, row: list[str], line: int) -> None:
        file.rows += 1
        if self.comma and not file.sheet and _split(self.findings, file, layout, row, line):
            file.rejected += 1
            return
        row = self._fit(file, layout, row, line)
        if not row:
            file.rejected += 1
            return
        columns = layout.columns
        info = self._check_indicator(file, row, columns["indicator"], line)
        ok = info is not None
        year_column = columns["year"]
        year = self.resolver.year(row[year_column])
        if year is None:
            ok = False
            self.findings.emit_at(
                file,
                "bad-year",
                (line, year_column + 1, "year"),
                template("bad-year", text=row[year_column].strip()),
                template("bad-year.hint"),
            )
        value_column = columns["value"]
        value = self._check_value(file, row[value_column], line, value_column, "value")
        if value == NOT_A_NUMBER:
            ok = False
        factor: float = 1.0
        if info is not None and "unit" in columns:
            found = self._check_unit(file, row, columns["unit"], info, line)
            if found is None:
                ok = False
            else:
                info, factor = found
        if not ok or not isinstance(value, float) or info is None or year is None:
            if ok and value is None:
                why = row[value_column]
                self._no_value(file, info, year, line, value_column + 1, "value", why)
            file.rejected += 1
            return
        value *= factor
        if not check_plausible(self.findings, file, info, value, (line, value_column + 1, "value")):
            file.rejected += 1
            return
        region = self.resolver.region(row[columns["region"]]) if "region" in columns else ""
        source = source_text(row[columns["source"]]) if "source" in columns else None
        given = _given(row, columns, value_column) if self.store.keep else _NOTHING_GIVEN
        column = value_column + 1
        self.store.store(file, info, region, year, value, line, source, column, "value", *given)

    def wide_row(self, file: SourceFile, layout: Layout, row: list[str], line: int) -> None:
        if self.comma and not file.sheet and _split(self.findings, file, layout, row, line):
            file.reject()
            return
        cells = self._fit(file, layout, row, line)
        if not cells:
            file.reject()
            return
        filled = [(index, year) for index, year in layout.years if cells[index].strip()]
        columns = layout.columns
        info = self._check_indicator(file, cells, columns["indicator"], line)
        placed: tuple[SeriesInfo, float] | None = (info, 1.0) if info is not None else None
        if info is not None and "unit" in columns:
            placed = self._check_unit(file, cells, columns["unit"], info, line)
        if placed is None:
            file.rows += max(len(filled), 1)
            file.rejected += max(len(filled), 1)
            return
        info, factor = placed
        if not filled:
            file.reject()
            self._no_value(file, info, None, line, None, None)
            return
        region = self.resolver.region(cells[columns["region"]]) if "region" in columns else ""
        source = source_text(cells[columns["source"]]) if "source" in columns else None
        for index, year in filled:
            file.rows += 1
            name = str(year)
            value = self._check_value(file, cells[index], line, index, name)
            if not isinstance(value, float):
                if value is None:
                    self._no_value(file, info, year, line, index + 1, name, cells[index])
                file.rejected += 1
                continue
            value *= factor
            if not check_plausible(self.findings, file, info, value, (line, index + 1, name)):
                file.rejected += 1
                continue
            given = _given(cells, columns, index) if self.store.keep else _NOTHING_GIVEN
            qualifier = layout.year_notes.get(index)
            if qualifier is not None and self.store.keep:  # 2015（初步）: the values' note
                note = given[0]
                given = (qualifier if note is None else f"{qualifier}; {note}", *given[1:])
            self.store.store(file, info, region, year, value, line, source, index + 1, name, *given)

    def _fit(self, file: SourceFile, layout: Layout, row: list[str], line: int) -> list[str]:
        """The row cut to the header's width; [] (and a diagnostic) if it cannot be read."""
        if not any(map(str.strip, row)):
            self.findings.emit(file, "blank-row", line=line, text=template("blank-row"))
            return []
        ncols = layout.ncols
        if len(row) == ncols:
            return row
        with_note = "note" in layout.columns and self.comma
        if len(row) > ncols and not with_note and not any(map(str.strip, row[ncols:])):
            return row[:ncols]  # empty cells after the last column: a trailing delimiter
        if len(row) < ncols and file.sheet:
            return row + [""] * (ncols - len(row))  # a sheet row ends at its last cell
        self.findings.emit(
            file,
            "ragged-row",
            line=line,
            text=template("ragged-row", count=len(row), expected=ncols),
            # a note column takes any text: an extra field is a comma where none belongs
            hint=template("split-number.ragged" if with_note else "ragged-row.hint"),
        )
        return []

    def _check_indicator(
        self, file: SourceFile, row: list[str], column: int, line: int
    ) -> SeriesInfo | None:
        raw = row[column]
        info = self.resolver.series(raw)
        if info is not None:
            return info
        name = raw.strip()
        hint: Template | None = None
        if not name:
            text = template("blank-indicator")
        else:
            from ..plan.lookup import fold

            lookup = self.resolver.lookup
            shared = lookup.ambiguous.get(fold(name))
            if shared:
                text = template("ambiguous-indicator", name=name, ids=", ".join(shared))
                hint = template("ambiguous-indicator.hint")
            else:
                text = template("unknown-indicator", name=name)
                guess = self.resolver.suggestion(name)
                if guess is not None:
                    hint = template(
                        "suggest-series",
                        id=guess.id,
                        name_zh=guess.name("zh"),
                        name_en=guess.name("en"),
                    )
        self.findings.emit_at(
            file, "unknown-indicator", (line, column + 1, "indicator"), text, hint
        )
        return None

    def _check_value(
        self, file: SourceFile, text: str, line: int, column: int, field_name: str
    ) -> float | None | Literal["bad"]:
        """The value; None for "no value" (not reported here); "bad" once reported."""
        if file.sheet and FORMULA_MARK.fullmatch(text):
            return None  # a formula's error, or a formula without a value: said by _no_value
        parsed = parse_value(text)
        if parsed is None or isinstance(parsed, float):
            return parsed
        shown = text.strip()
        if parsed == NOT_FINITE:
            message, hint = template("not-finite", text=shown), None
        else:
            message = template("bad-number", text=shown)
            hint = _bad_number_hint(shown)
        self.findings.emit_at(file, "bad-number", (line, column + 1, field_name), message, hint)
        return NOT_A_NUMBER

    def _check_unit(
        self, file: SourceFile, row: list[str], column: int, info: SeriesInfo, line: int
    ) -> tuple[SeriesInfo, float] | None:
        """The series the value goes to and its factor; None (and a diagnostic) if none."""
        raw = row[column]
        found = self.resolver.place(raw, info)
        if not isinstance(found, str):
            return found
        code, text, hint = _unit_problem(self.resolver, found, raw.strip(), info)
        self.findings.emit_at(file, code, (line, column + 1, "unit"), text, hint)
        return None

    def _no_value(
        self,
        file: SourceFile,
        info: SeriesInfo | None,
        year: int | None,
        line: int,
        column: int | None,
        field_name: str | None,
        text: str = "",
    ) -> None:
        message = _no_value_text(file, info.id if info is not None else "?", year, text)
        self.findings.emit(
            file, "no-value", line=line, column=column, field=field_name, text=message
        )


def _unit_problem(
    resolver: Resolver, found: str, unit: str, info: SeriesInfo
) -> tuple[str, Template, Template]:
    """The code, message and hint of a unit that places a value nowhere."""
    if found == "expression":
        code = "bad-unit"
        text = template("bad-unit", unit=unit)
        hint = template("unknown-unit.hint", id=info.id, expected=info.unit)
    elif found == "unknown":
        code = "unknown-unit"
        text = template("unknown-unit", unit=unit)
        hint = template("unknown-unit.hint", id=info.id, expected=info.unit)
    elif found == "currency":
        code = "unit-mismatch"
        text = template("unit-currency", unit=unit, expected=info.unit)
        hint = template("unit-currency.hint", expected=info.unit)
    elif found == "meaning":
        code = "unit-mismatch"
        text = template("unit-meaning", unit=unit, id=info.id, expected=info.unit)
        hint = template("unknown-unit.hint", id=info.id, expected=info.unit)
    else:
        code = "unit-mismatch"
        text = template("unit-mismatch", unit=unit, id=info.id, expected=info.unit)
        hint = template("unknown-unit.hint", id=info.id, expected=info.unit)
        per_person = f"{unit}/人"  # 美元 for a per-capita figure: 美元/人 was meant
        if (
            info.unit.endswith("/人")
            and "/" not in unit
            and not isinstance(resolver.place(per_person, info), str)
        ):
            hint = template("unit-per-person.hint", unit=per_person, id=info.id)
    return code, text, hint


def _split(findings: Findings, file: SourceFile, layout: Layout, row: list[str], line: int) -> bool:
    """A value cut in two by an unquoted thousands comma: an error, never a value."""
    years = {index for index, _ in layout.years}
    spots = sorted(years) if layout.kind == "wide" else [layout.columns["value"]]
    for index in spots:
        after = index + 1
        if after < len(row) and after not in years and split_number(row[index], row[after]):
            head, tail = row[index].strip(), row[after].strip()
            findings.emit_at(
                file,
                "split-number",
                (line, index + 1, layout.field_at(index) or None),
                template("split-number", head=head, tail=tail, number=f"{head},{tail}"),
                template("split-number.hint", number=f"{head},{tail}"),
            )
            return True
    return False


def _no_value_text(file: SourceFile, name: str, year: int | None, text: str) -> Template:
    """No value, and why when a sheet's formula says so (what sz_quality.read.xlsx wrote)."""
    when = year if year is not None else ""
    if file.sheet and FORMULA_MARK.fullmatch(text):
        if text == "=":
            return template("no-value.formula", name=name, year=when)
        return template("no-value.formula-error", name=name, year=when, error=text)
    return template("no-value", name=name, year=when)
