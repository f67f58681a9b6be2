"""Text made safe for Markdown (CommonMark and GitHub's extensions): the one escaping of
`szq check --format markdown` and the Markdown annual report.

Markdown is escaped for Markdown only. A backslash before ASCII punctuation shows that
character as itself, so `\\<script>` is the text "<script>", never a tag, and `\\&gt;` is
"&gt;" as written, never ">". HTML-escaping on top (`&gt;`) would double it: a reader
would see `\\&gt;=` or `&gt;=` instead of `>=`.
"""

from __future__ import annotations

import re
from urllib.parse import quote

__all__ = ["code_span", "escape", "link_target"]

# anywhere: emphasis, code, links and images, table cells, raw HTML and entities,
# a heading's closing #s, GitHub's strikethrough and math
_SPECIAL = re.compile(r"([\\`*_\[\]|<&#~$])")
# at the start of a line only: a quote, a list item, a heading, a setext underline
_LEADING = re.compile(r"^(?:(>|[-+=](?=\s|$|[-=]))|(\d+)([.)])(?=\s|$))")
_BACKTICKS = re.compile(r"`+")


def escape(value: object, *, line_start: bool = False) -> str:
    """`value` as plain text on one line: a table cell or a heading; with `line_start`,
    text that starts a line or a list item (where `> `, `- `, `1. ` would be markup)."""
    text = _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    if not line_start:
        return text
    return _LEADING.sub(
        lambda found: "\\" + found[1] if found[1] else f"{found[2]}\\{found[3]}", text
    )


def code_span(value: object) -> str:
    """`value` as inline code, outside a table: its text exactly, on one line (no escape
    works inside code: the fence is one backtick longer than any run in the text)."""
    text = " ".join(str(value).split())
    if not text:
        return ""  # Markdown has no empty code span
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def link_target(path: str) -> str:
    """A relative path as a link's destination: spaces, brackets, `<` and the like encoded."""
    return quote(path.replace("\\", "/"), safe="/-_.~")
