"""Where szq finds its shipped registries (the cache's place: sz_quality.plan.cache).

A module of its own, importing nothing heavy, so that the fast path of
`szq validate` (sz_quality.plan.lookup) and the full loader share one rule.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["default_targets_path", "packaged_or_checkout"]


def packaged_or_checkout(name: str) -> Path:
    """A registry installed with the package, else the one at the top of the checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / name
    return packaged if packaged.exists() else here.parent / name


def default_targets_path() -> Path:
    return packaged_or_checkout("targets.yaml")
