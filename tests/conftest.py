"""Shared fixtures: the shipped registries, the source text, and an isolated cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "sz_quality" / "data" / "source.zh.txt"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Each test session compiles registries into its own cache, never the user's: set
    # for the whole session, so that a module's fixtures (built before any test's own
    # fixtures) never read an entry that another checkout of szq wrote to ~/.cache/szq.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SZQ_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "szq-cache"))
        yield


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def source_compact(source_text: str) -> str:
    """The source with all white space removed: quotes are matched against this."""
    return "".join(source_text.split())


@pytest.fixture(scope="session")
def registry():  # type: ignore[no-untyped-def]
    from sz_quality.plan.registry import load_registry

    return load_registry(ROOT / "targets.yaml")


@pytest.fixture(scope="session")
def measure_registry(registry):  # type: ignore[no-untyped-def]
    from sz_quality.plan.measures import load_measures

    return load_measures(registry, ROOT / "measures.yaml")
