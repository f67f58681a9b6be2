"""How szq compares names a person typed or a file wrote: one folding rule, one hint rule.

Imports nothing heavy: `szq validate`'s fast path uses it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["TermIndex", "fold", "name_terms", "suggest"]


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


# -- "did you mean" for names with Chinese characters ------------------------------------
# Edit distance serves Latin typos (gpd -> gdp) but not Chinese names, where a name is
# reworded rather than misspelt: R&D占GDP比重 is closer to 全社会研发支出占GDP比重 (R&D
# is its English alias) than to 金融业占GDP比重, though the latter shares more characters.
# So a Chinese name is matched by what it says: its Latin words (r&d, gdp, pm2.5) and its
# characters and character pairs, each weighted by how rare it is among the series, and a
# series is suggested when its names cover most of that weight.

_LATIN = re.compile(r"[a-z0-9][a-z0-9.&+]*[a-z0-9]|[a-z0-9]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
COVERAGE_CUTOFF = 0.7  # share of a name's weight that a suggestion must cover


def name_terms(folded: str) -> tuple[set[str], set[str]]:
    """The terms a folded name is matched by: (Latin words and Chinese characters, pairs of
    adjacent Chinese characters)."""
    words = set(_LATIN.findall(folded))
    pairs: set[str] = set()
    for run in _CJK_RUN.findall(folded):
        words.update(run)
        pairs.update(run[index : index + 2] for index in range(len(run) - 1))
    return words, pairs


class TermIndex:
    """Each series' names as one text, and how many series each term occurs in."""

    __slots__ = ("texts", "total")

    def __init__(self, names: dict[str, str]) -> None:
        joined: dict[str, list[str]] = {}
        for name, series_id in names.items():
            joined.setdefault(series_id, []).append(name)
        self.texts = {series_id: "\n".join(items) for series_id, items in joined.items()}
        self.total = len(self.texts)

    def _scores(self, terms: set[str]) -> tuple[dict[str, float], float]:
        """Per series, the weight of the terms its names hold; and the terms' whole weight."""
        scores: dict[str, float] = {}
        whole = 0.0
        for term in terms:
            found = [series_id for series_id, text in self.texts.items() if term in text]
            weight = math.log((self.total + 1) / (len(found) + 0.5))  # rarer weighs more
            whole += weight
            for series_id in found:
                scores[series_id] = scores.get(series_id, 0.0) + weight
        return scores, whole

    def best(self, folded: str) -> str | None:
        """The series whose names cover the most of the name's rare words (characters
        pairs break ties: 森林 over 林木), if they cover COVERAGE_CUTOFF of them."""
        words, pairs = name_terms(folded)
        scores, whole = self._scores(words)
        if not scores or whole <= 0:
            return None
        pair_scores, _ = self._scores(pairs)
        best = max(sorted(scores), key=lambda sid: scores[sid] + 0.5 * pair_scores.get(sid, 0.0))
        return best if scores[best] >= COVERAGE_CUTOFF * whole else None
