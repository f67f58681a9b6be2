"""Every word szq prints, in Chinese and English: one catalogue, one lookup.

The check's table, Markdown and CSV, the annual report, the registry listings, the
messages of `szq validate` (sz_quality.read.codes), the reasons a target has no verdict,
`szq schema --lang` and the help of every command (`help.*`, sz_quality/cli/help.py) all
take their words from here, so that one concept has one wording wherever it is printed.

The catalogue is data, `words.json` beside this module: sections (a title saying what
they hold) of entries `key: [zh, en]` or `key: [zh, en, note]`, the note a word to the
translator. Some entries hold `{fields}` that `word` fills in. Chinese entries use
full-width punctuation (：，；（）), except inside `{fields}`, `code`, quotes and what a
user types as is (`not_met,off_track`, a CSV line); tests/test_catalogue.py holds these
rules, and that every key is said once.

Foundation: any layer may import it, and it imports nothing of szq; reading the JSON
takes about a millisecond, so that `szq validate` starts as fast as before.
"""

from __future__ import annotations

import json
import os

__all__ = ["CATALOGUE", "WORDS", "CatalogueError", "both", "load_catalogue", "word"]

CATALOGUE = os.path.join(os.path.dirname(__file__), "words.json")


class CatalogueError(ValueError):
    """The catalogue says a key twice or an entry is not [zh, en(, note)]."""


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object whose keys are each said once (json keeps the last silently)."""
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise CatalogueError(f"{key!r} is said twice in one section")
        result[key] = value
    return result


def load_catalogue(path: str | os.PathLike[str] = CATALOGUE) -> dict[str, tuple[str, str]]:
    """key -> (zh, en), in the catalogue's order, from its sections."""
    with open(path, encoding="utf-8") as file:
        sections = json.load(file, object_pairs_hook=_unique)
    words: dict[str, tuple[str, str]] = {}
    for title, entries in sections.items():
        for key, entry in entries.items():
            if key in words:
                raise CatalogueError(f"{key!r} is said again in section {title!r}")
            if not (
                isinstance(entry, list)
                and len(entry) in (2, 3)
                and all(isinstance(text, str) for text in entry)
            ):
                raise CatalogueError(f"{key!r} is not [zh, en] or [zh, en, note]: {entry!r}")
            words[key] = (entry[0], entry[1])
    return words


WORDS: dict[str, tuple[str, str]] = load_catalogue()


def word(key: str, lang: str, **fields: object) -> str:
    """The words for `key` in `lang` ("zh" or "en"), `{fields}` filled in; an unknown key
    is a KeyError."""
    zh, en = WORDS[key]
    chosen = zh if lang == "zh" else en
    return chosen.format(**fields) if fields else chosen


def both(key: str) -> tuple[str, str]:
    """The (zh, en) words for `key`, for what carries both names (a group of results)."""
    return WORDS[key]
