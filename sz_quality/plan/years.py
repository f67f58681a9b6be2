"""The years szq knows: a plan's, a target's, a data row's, a command's --year."""

from __future__ import annotations

from typing import Final

__all__ = ["YEAR_MAX", "YEAR_MIN"]

YEAR_MIN: Final = 1900
YEAR_MAX: Final = 2100
