"""What calamine does not tell about a workbook's cells, read from the file's own XML.

calamine gives a cell's stored value, not its number format, and reads a formula's error
(#DIV/0!, #REF!, #N/A) or a formula without a cached value as an empty cell. For .xlsx
(styles.xml and the sheet's `s=`/`t=` attributes) and .ods (content.xml) this finds:

- the cells formatted as a percentage: a value there is the percentage it shows
  (0.0405 shown as 4.05% is 4.05 in a `%` unit);
- the formula cells with an error or without a cached value (.xlsx);
- the hidden tables of an .ods (calamine reads every .ods table as visible).

A sheet without any of these is not parsed: a byte search decides, so that a plain
100,000-row sheet costs one decompression and a few searches.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, BinaryIO, Final
from xml.etree import ElementTree

__all__ = ["FORMULA", "PERCENT", "SheetMarks"]

PERCENT: Final = "%"  # the cell is formatted as a percentage
FORMULA: Final = "="  # a formula without a cached value; else the error text (#DIV/0!)

Marks = dict[tuple[int, int], str]  # (row, column), both 1-based -> PERCENT, FORMULA, error

_CELL = re.compile(rb"<c\b([^>]*?)(/>|>(.*?)</c>)", re.DOTALL)
_ERROR_CELL = re.compile(rb'<c\b([^>]*\bt="e"[^>]*)>(.*?)</c>', re.DOTALL)
_ATTRIBUTE = re.compile(rb'\b(r|s|t)="([^"]*)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_REFERENCE = re.compile(r"([A-Z]+)([0-9]+)")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an .xls (Excel 97-2003)
_PERCENT_IDS = frozenset({9, 10})  # Excel's built-in 0% and 0.00%


def _is_percent_code(code: str) -> bool:
    """A number format code that shows a percentage: a % outside quotes and escapes."""
    code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)
    return "%" in code.split(";")[0]


def _mark(marks: Marks, attributes: dict[bytes, bytes], mark: str, *, replace: bool = True) -> None:
    reference = _REFERENCE.fullmatch(attributes.get(b"r", b"").decode("ascii", "replace"))
    if reference is not None:
        key = (int(reference.group(2)), _column_number(reference.group(1)))
        if replace or key not in marks:
            marks[key] = mark


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


class SheetMarks:
    """The marks of an .xlsx or .ods workbook; empty for anything else (.xls)."""

    def __init__(self, archive: zipfile.ZipFile | None, raw: bytes | None = None) -> None:
        self.archive = archive
        self.raw = raw  # an .xls's bytes, read with xlrd when it is installed
        self.names = set(archive.namelist()) if archive is not None else set()
        self.kind = (
            "xlsx"
            if "xl/workbook.xml" in self.names
            else "ods"
            if "content.xml" in self.names
            else ""
        )
        self._ods_content: bytes | None = None

    @classmethod
    def open(cls, handle: BinaryIO) -> SheetMarks:
        try:
            where = handle.tell()
        except (OSError, ValueError):
            return cls(None)  # not seekable
        try:
            handle.seek(0)
            head = handle.read(8)
            handle.seek(0)
            if head.startswith(_OLE):
                return cls(None, handle.read())
            return cls(zipfile.ZipFile(io.BytesIO(handle.read())))
        except (OSError, zipfile.BadZipFile, ValueError):
            return cls(None)
        finally:
            handle.seek(where)  # calamine may read on from where it was

    def _read(self, name: str) -> bytes:
        assert self.archive is not None
        return self.archive.read(name)

    # ----- hidden .ods tables
    def hidden_tables(self) -> set[str]:
        if self.kind != "ods":
            return set()
        content = self._content()
        if b'table:display="false"' not in content:
            return set()
        root = ElementTree.fromstring(content)
        hidden_styles = {
            style.get(f"{{{_STYLE}}}name")
            for style in root.iter(f"{{{_STYLE}}}style")
            for properties in style.iter(f"{{{_STYLE}}}table-properties")
            if properties.get(f"{{{_TABLE}}}display") == "false"
        }
        return {
            str(table.get(f"{{{_TABLE}}}name"))
            for table in root.iter(f"{{{_TABLE}}}table")
            if table.get(f"{{{_TABLE}}}style-name") in hidden_styles
        }

    def _content(self) -> bytes:
        if self._ods_content is None:
            self._ods_content = self._read("content.xml")
        return self._ods_content

    # ----- cell marks
    def marks(self, sheet: str) -> Marks:
        try:
            if self.kind == "xlsx":
                return self._xlsx_marks(sheet)
            if self.kind == "ods":
                return self._ods_marks(sheet)
            if self.raw is not None:
                return _xls_marks(self.raw, sheet)
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile):
            pass  # calamine read the file: what it cannot tell is left as it reads it
        return {}

    def _xlsx_sheet_path(self, sheet: str) -> str | None:
        workbook = ElementTree.fromstring(self._read("xl/workbook.xml"))
        relation = None
        for element in workbook.iter(f"{_MAIN}sheet"):
            if element.get("name") == sheet:
                relation = element.get(f"{_OFFICE_R}id")
        if relation is None:
            return None
        rels = ElementTree.fromstring(self._read("xl/_rels/workbook.xml.rels"))
        for element in rels.iter(f"{_RELS}Relationship"):
            if element.get("Id") == relation:
                target = str(element.get("Target"))
                return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        return None

    def _percent_styles(self) -> set[bytes]:
        if "xl/styles.xml" not in self.names:
            return set()
        styles = ElementTree.fromstring(self._read("xl/styles.xml"))
        percent_ids = set(_PERCENT_IDS)
        for number_format in styles.iter(f"{_MAIN}numFmt"):
            if _is_percent_code(number_format.get("formatCode", "")):
                percent_ids.add(int(number_format.get("numFmtId", "-1")))
        found: set[bytes] = set()
        cell_xfs = styles.find(f"{_MAIN}cellXfs")
        if cell_xfs is not None:
            for index, xf in enumerate(cell_xfs.iter(f"{_MAIN}xf")):
                if int(xf.get("numFmtId", "0")) in percent_ids:
                    found.add(str(index).encode())
        return found

    def _xlsx_marks(self, sheet: str) -> Marks:
        path = self._xlsx_sheet_path(sheet)
        if path is None or path not in self.names:
            return {}
        data = self._read(path)
        percent = self._percent_styles()
        wanted_styles = [s for s in percent if b' s="' + s + b'"' in data]
        if not wanted_styles and b'"e"' not in data and b"<f" not in data:
            return {}
        marks: Marks = {}
        if b"<f" in data:  # formulas: every cell looked at (an uncached one has no <v>)
            for match in _CELL.finditer(data):
                attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                body = match.group(3) or b""
                value = _VALUE.search(body)
                if attributes.get(b"t") == b"e":
                    _mark(marks, attributes, value.group(1).decode() if value else FORMULA)
                elif b"<f" in body and (value is None or not value.group(1)):
                    _mark(marks, attributes, FORMULA)
        elif b'"e"' in data:  # cached errors without their formulas
            for match in _ERROR_CELL.finditer(data):
                attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                value = _VALUE.search(match.group(2))
                _mark(marks, attributes, value.group(1).decode() if value else FORMULA)
        if wanted_styles:  # only the opening tags of the percent-formatted cells
            styles = b"|".join(re.escape(style) for style in wanted_styles)
            pattern = re.compile(rb'<c\b([^>]*\bs="(?:' + styles + rb')"[^>]*)>')
            for match in pattern.finditer(data):
                attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                if attributes.get(b"t", b"n") == b"n":
                    _mark(marks, attributes, PERCENT, replace=False)
        return marks

    def _ods_marks(self, sheet: str) -> Marks:
        content = self._content()
        if b'"percentage"' not in content and b'value-type="error"' not in content:
            return {}
        root = ElementTree.fromstring(content)
        for table in root.iter(f"{{{_TABLE}}}table"):
            if table.get(f"{{{_TABLE}}}name") == sheet:
                return _ods_table_marks(table)
        return {}


def _ods_table_marks(table: ElementTree.Element) -> Marks:
    marks: Marks = {}
    row = 0
    rows_repeated = f"{{{_TABLE}}}number-rows-repeated"
    columns_repeated = f"{{{_TABLE}}}number-columns-repeated"
    cells = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    for element in table.iter(f"{{{_TABLE}}}table-row"):
        repeat = int(element.get(rows_repeated, "1"))
        column = 0
        for cell in element:
            if cell.tag not in cells:
                continue
            span = int(cell.get(columns_repeated, "1"))
            mark: str | None = None
            if cell.get(f"{{{_OFFICE}}}value-type") == "percentage":
                mark = PERCENT
            elif cell.get(f"{{{_CALCEXT}}}value-type") == "error":  # LibreOffice's
                mark = "".join(cell.itertext()).strip() or FORMULA
            if mark is not None and repeat < 1000:
                for extra_row in range(repeat):
                    for extra in range(min(span, 1000)):
                        marks[(row + extra_row + 1, column + extra + 1)] = mark
            column += span
        row += repeat
    return marks


def _xls_marks(raw: bytes, sheet: str) -> Marks:
    """An .xls's marks, read by xlrd (in the xlsx extra); none without it."""
    try:
        import xlrd
    except ImportError:
        return {}
    try:
        return _xls_table_marks(xlrd, raw, sheet)
    except Exception:  # xlrd raises its own types for what calamine read well enough
        return {}


def _xls_table_marks(xlrd: Any, raw: bytes, sheet: str) -> Marks:
    book = xlrd.open_workbook(file_contents=raw, formatting_info=True, on_demand=True)
    table = book.sheet_by_name(sheet)
    percent_xfs = {
        index
        for index, xf in enumerate(book.xf_list)
        if xf.format_key in _PERCENT_IDS
        or _is_percent_code(getattr(book.format_map.get(xf.format_key), "format_str", ""))
    }
    marks: Marks = {}
    for row in range(table.nrows):
        for column, kind in enumerate(table.row_types(row)):
            if kind == xlrd.XL_CELL_ERROR:
                code = table.cell_value(row, column)
                marks[(row + 1, column + 1)] = xlrd.error_text_from_code.get(code, FORMULA)
            elif kind == xlrd.XL_CELL_NUMBER and table.cell_xf_index(row, column) in percent_xfs:
                marks[(row + 1, column + 1)] = PERCENT
    return marks
