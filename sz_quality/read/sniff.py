"""What a file is before it is read: binary or text, and in which encoding."""

from __future__ import annotations

import codecs
import re

__all__ = [
    "HEAD",
    "binary_kind",
    "detect_encoding",
    "is_ole",
    "is_zip",
    "looks_like_gb18030",
    "markup_kind",
    "reads_as_gb18030",
]

HEAD = 1 << 16  # bytes looked at to tell the kind and the encoding

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "kind.pdf"),
    (b"\x1f\x8b", "kind.gzip"),
    (b"\x89PNG", "kind.image"),
    (b"\xff\xd8\xff", "kind.image"),
    (b"GIF8", "kind.image"),
)


def is_zip(head: bytes) -> bool:
    """A zip: read as .xlsx (or .ods) whatever the file's name says."""
    return head.startswith(b"PK\x03\x04")


def is_ole(head: bytes) -> bool:
    """An OLE compound file: read as .xls (Excel 97-2003) whatever the file's name says."""
    return head.startswith(b"\xd0\xcf\x11\xe0")


def binary_kind(head: bytes) -> str | None:
    """The message key of a binary file's kind, or None for something that may be text."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if is_zip(head):
        return "kind.zip"
    if b"\x00" in head:
        return "kind.binary"
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return "kind.binary" if head and controls * 20 > len(head) else None


# a web page or an XML spreadsheet saved under a spreadsheet's name (Excel's "Save as
# Web Page" and "XML Spreadsheet 2003" keep the .xls its users expect)
_MARKUP = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:(!doctype\s+html|html|head|body|table|meta)\b|(\?mso-application|workbook)\b)",
    re.IGNORECASE | re.DOTALL,
)


def markup_kind(head: bytes) -> str | None:
    """The message key of an HTML page (or a web archive, or an Excel 2003 XML
    spreadsheet) saved under a spreadsheet's name, or None."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            text = head[len(bom) : 4096].decode(codec, "replace")
            break
    else:
        text = head[:4096].decode("latin-1")
    if text[:40].lower().lstrip().startswith("mime-version:"):
        return "kind.html"  # a single-file web page (.mht) saved as .xls
    match = _MARKUP.match(text)
    if match is None:
        return None
    return "kind.html" if match.group(1) else "kind.xml-sheet"


def detect_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 if it reads better."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head
    if len(head) == HEAD:
        # a multi-byte character may be cut at the end of the sample
        cut = len(head)
        while cut > len(head) - 4 and cut > 0 and head[cut - 1] >= 0x80:
            cut -= 1
        sample = head[:cut]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):
        return "utf-8"  # a UTF-8 file with some lines in another encoding: those are errors
    utf8_bad = sample.decode("utf-8", "replace").count("\ufffd")
    gb_bad = sample.decode("gb18030", "replace").count("\ufffd")
    return "gb18030" if gb_bad < utf8_bad else "utf-8"


def _mostly_utf8(sample: bytes) -> bool:
    """Whether at least as many lines with non-ASCII bytes decode as UTF-8 as not.

    GB18030 decodes nearly any bytes, UTF-8 text included (亿元 becomes 浜垮厓): a file
    whose Chinese lines are mostly valid UTF-8 is UTF-8, whatever its other lines hold.
    """
    valid = invalid = 0
    for line in sample.split(b"\n"):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            invalid += 1
    return valid > 0 and valid >= invalid


def looks_like_gb18030(raw: bytes) -> str | None:
    """The text of bytes that are not UTF-8 but decode as GB18030 with Chinese in them."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text if any("\u4e00" <= char <= "\u9fff" for char in text) else None


def reads_as_gb18030(raw: bytes, final: bool) -> bool:
    """Whether bytes decode strictly as GB18030 (the fallback of a file taken for UTF-8)."""
    try:
        codecs.getincrementaldecoder("gb18030")("strict").decode(raw, final)
    except UnicodeDecodeError:
        return False
    return True
