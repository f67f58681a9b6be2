"""How szq compares names a person typed or a file wrote: one folding rule, one hint rule.

Imports nothing heavy: `szq validate`'s fast path uses it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

__all__ = ["fold", "suggest"]


def fold(text: str) -> str:
    """A name folded for matching: full-width to half-width, no white space, case folded."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).casefold()


def suggest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest choice to a misspelt word, for a 'did you mean' hint."""
    import difflib

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return matches[0] if matches else None
