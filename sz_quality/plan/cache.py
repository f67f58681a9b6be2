"""The compiled-registry cache: one hasher, one key rule, one atomic write, one switch.

Loading a registry afresh costs yaml, pydantic and pint (~0.5 s of imports), so what
each load produces is kept as JSON: the registry (`registry`), the reader's lookup
(`lookup`) and the measures (`measures`). A file is named
``{kind}-{szq version}-{key}.json``, where the key is the sha256 of the sources the
entry was built from: a changed source, or another szq, misses the cache. Each entry
also records its kind's format number, szq's version and the full key, all checked on
read, so a damaged or foreign file is a miss, never an error.

Imports nothing heavy: `szq validate`'s fast path reads the cache through it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import __version__

__all__ = ["cache_dir", "cache_file", "digest", "read_entry", "unwritable", "write_entry"]

# names of the fields the cache adds to every entry
_FORMAT, _VERSION, _KEY = "cache_format", "cache_version", "cache_key"

# the folders where a write failed in this process, and why: the command says so once
_UNWRITABLE: list[tuple[Path, str]] = []


def unwritable() -> tuple[Path, str] | None:
    """The first cache folder this process could not write, and why (None: all written)."""
    return _UNWRITABLE[0] if _UNWRITABLE else None


def cache_dir() -> Path | None:
    """Where compiled registries are kept; SZQ_CACHE_DIR=off (or 0, none, empty) disables it."""
    configured = os.environ.get("SZQ_CACHE_DIR")
    if configured is not None:
        return None if configured.lower() in {"", "0", "off", "none"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "szq"


def digest(*parts: bytes | str) -> str:
    """The sha256 (hex) of the parts in order; a str part is hashed as UTF-8."""
    # the bare C module: `hashlib` initialises OpenSSL, a few milliseconds at start-up
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found]  # CPython 3.12+
        except ImportError:
            from hashlib import sha256
    hasher = sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
    return str(hasher.hexdigest())


def cache_file(kind: str, key: str) -> Path | None:
    """The file of one entry, or None when the cache is off."""
    directory = cache_dir()
    if directory is None:
        return None
    return directory / f"{kind}-{__version__}-{key[:32]}.json"


def read_entry(kind: str, key: str, format_number: int) -> dict[str, Any] | None:
    """The cached entry, or None when it is missing, damaged, stale or from another szq."""
    path = cache_file(kind, key)
    if path is None:
        return None
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict):
        return None
    stamp = (entry.get(_FORMAT), entry.get(_VERSION), entry.get(_KEY))
    if stamp != (format_number, __version__, key):
        return None
    return entry


def write_entry(kind: str, key: str, format_number: int, entry: dict[str, Any]) -> bool:
    """Write an entry atomically; False when the cache is off or cannot be written
    (a read-only home only makes the next start slower)."""
    path = cache_file(kind, key)
    if path is None:
        return False
    from ..atomic import write_text_atomic

    stamped = {**entry, _FORMAT: format_number, _VERSION: __version__, _KEY: key}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, json.dumps(stamped, ensure_ascii=False, sort_keys=True))
    except OSError as error:
        _UNWRITABLE.append((path.parent, error.strerror or str(error)))
        return False
    return True
