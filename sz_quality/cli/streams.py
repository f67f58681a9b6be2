"""Standard output and error in whatever encoding the console or pipe has.

Redirected or piped, Python writes in the locale's code page: GBK (cp936) on a Chinese
Windows desk, cp1252 on a western one, ASCII under a bare C locale. szq's text holds
symbols (↳ ≥ ━ ┃ …) that those encodings lack, and under cp1252 or ASCII Chinese names
too. A character the encoding has is written as it is; one it lacks never ends the
command: a symbol becomes readable ASCII (the way rich draws ASCII boxes on a legacy
console), any other character its \\uXXXX escape, so nothing is silently lost. JSON gets
JSON's own escapes and XML character references, which parse back to the very same
text. Files written with -o are UTF-8 whatever the console (sz_quality.atomic).
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable
from typing import TextIO

__all__ = [
    "ASCII_FALLBACKS",
    "TEXT_ERRORS",
    "degrade_for_stdout",
    "install",
    "json_for_stream",
    "xml_for_stream",
]

TEXT_ERRORS = "szq-text"
_JSON_ERRORS = "szq-json"

# One ASCII stand-in per symbol szq writes. None holds a quote, a comma or a backslash,
# so that a CSV cell keeps its quoting; box characters stay one column wide so that a
# table keeps its columns.
ASCII_FALLBACKS: dict[str, str] = {
    "↳": ">",
    "→": "->",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "±": "+/-",
    "×": "x",
    "—": "-",
    "–": "-",
    "…": "...",
    "·": ".",
    "•": "*",
    "✓": "v",
    "✗": "x",
    "“": "'",
    "”": "'",
    "‘": "'",
    "’": "'",
    "²": "2",
    "³": "3",
    "°": "deg",
    "━": "=",
    "┃": "|",
    "┏": "+",
    "┓": "+",
    "┗": "+",
    "┛": "+",
    "┳": "+",
    "┻": "+",
    "╇": "+",
    "┡": "+",
    "┩": "+",
}


def _box_fallback(char: str) -> str | None:
    """Any other box-drawing character (U+2500-U+257F): -, | or +."""
    if not "\u2500" <= char <= "\u257f":
        return None
    name = _BOX_NAMES.get(char)
    if name is None:
        import unicodedata

        name = unicodedata.name(char, "")
        _BOX_NAMES[char] = name
    if "HORIZONTAL" in name and "VERTICAL" not in name and "AND" not in name:
        return "=" if "HEAVY" in name or "DOUBLE" in name else "-"
    if "VERTICAL" in name and "HORIZONTAL" not in name and "AND" not in name:
        return "|"
    return "+"


_BOX_NAMES: dict[str, str] = {}


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON's surrogate pair for a character beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _text_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    pieces = []
    for char in error.object[error.start : error.end]:
        fallback = ASCII_FALLBACKS.get(char) or _box_fallback(char)
        if fallback is None:
            fallback = _escape(char)
            _say_once(error.encoding)
        pieces.append(fallback)
    return "".join(pieces), error.end


_said: list[str] = []


def _say_once(encoding: str) -> None:
    """Text that is more than symbols was escaped: say so once, in ASCII, on stderr, so
    that nobody takes a \\uXXXX in a table or a CSV for the data."""
    if _said:
        return
    _said.append(encoding)
    encoding = getattr(sys.stdout, "encoding", None) or encoding  # cp1252, not "charmap"
    stream = sys.__stderr__
    if stream is not None:
        stream.write(
            f"szq: note: the console's encoding ({encoding}) lacks some characters, written "
            "here as \\uXXXX escapes; -o FILE writes UTF-8, or set PYTHONIOENCODING=utf-8\n"
        )


def _json_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(_escape(char) for char in error.object[error.start : error.end]), error.end


codecs.register_error(TEXT_ERRORS, _text_errors)
codecs.register_error(_JSON_ERRORS, _json_errors)


def _is_utf(encoding: str | None) -> bool:
    return bool(encoding) and codecs.lookup(encoding or "").name.startswith("utf")


def install() -> None:
    """Standard output and error degrade characters their encoding lacks, never fail."""
    for stream in (sys.stdout, sys.stderr):
        if _is_utf(getattr(stream, "encoding", None)):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=TEXT_ERRORS)


def xml_for_stream(text: str, stream: TextIO) -> str:
    """XML declared UTF-8 for a stream in another encoding: every non-ASCII character as
    a character reference (&#NNNN;), so that the bytes are the same in any encoding."""
    encoding = getattr(stream, "encoding", None)
    if not encoding or _is_utf(encoding):
        return text
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def json_for_stream(text: str, stream: TextIO) -> str:
    """JSON text with every character `stream`'s encoding lacks written as \\uXXXX."""
    encoding = getattr(stream, "encoding", None)
    if not encoding or _is_utf(encoding):
        return text
    return text.encode(encoding, _JSON_ERRORS).decode(encoding)


def degrade_for_stdout() -> Callable[[str], str] | None:
    """Standard output's stand-ins for a table, to apply before its layout (the grid then
    measures what the console will show); None where the encoding has every character."""
    encoding = getattr(sys.stdout, "encoding", None)
    if not encoding or _is_utf(encoding):
        return None

    def degrade(text: str) -> str:
        return text.encode(encoding, TEXT_ERRORS).decode(encoding)

    return degrade
