"""Where szq finds its shipped registries and keeps its compiled caches.

A module of its own, importing nothing heavy, so that the fast path of
`szq validate` (sz_quality.plan.lookup) and the full loader share one rule.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir", "default_targets_path", "packaged_or_checkout"]


def packaged_or_checkout(name: str) -> Path:
    """A registry installed with the package, else the one at the top of the checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / name
    return packaged if packaged.exists() else here.parent / name


def default_targets_path() -> Path:
    return packaged_or_checkout("targets.yaml")


def cache_dir() -> Path | None:
    """Where compiled registries are kept; SZQ_CACHE_DIR=off disables the cache."""
    configured = os.environ.get("SZQ_CACHE_DIR")
    if configured is not None:
        return None if configured.lower() in {"", "0", "off", "none"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "szq"
