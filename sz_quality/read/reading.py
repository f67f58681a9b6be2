"""How data files are read: the options every reading entry point takes, said once.

`read_files`, `validate_files`, `read_yearly_plan` and, in sz_quality.check.run,
`read_data`, `read_plan`, `run_check`, `check_files` and `run_assess` each take one
ReadOptions rather than repeating its fields as keyword parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .session import Progress

__all__ = ["READ_DEFAULTS", "ReadOptions"]


@dataclass(frozen=True)
class ReadOptions:
    """How files are read (every field has the default `szq validate` uses).

    `encoding` forces the encoding of CSV files (default: detected; an unknown one raises
    LookupError: a usage error); `sheet` picks a sheet of .xlsx files by name or 1-based
    number (default: the first); `lang` ("zh" or "en") words the diagnostics;
    `max_per_code` diagnostics of one code are listed per file (0: all), the rest are
    counted in one `too-many` diagnostic; `jobs` processes read a large file (default: 2
    where there are two CPUs; 1 reads everything in this process), with the same result;
    `progress(path, done, total)` is told how far each file is read.
    """

    encoding: str | None = None
    sheet: str | None = None
    lang: str = "en"
    max_per_code: int = 1000
    jobs: int | None = None
    progress: Progress | None = None


READ_DEFAULTS = ReadOptions()
"""Every option at its default: the default of every `reading` parameter."""
