"""Bounds: a registry's size and depth, a file of many regions, a cache that cannot be
written. Each stops with a clear message, or runs within its bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from sz_quality.plan.loading import MAX_REGISTRY_BYTES
from sz_quality.plan.registry import RegistryError, load_registry

ROOT = Path(__file__).resolve().parents[1]


def test_a_registry_above_the_size_bound_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    shipped = (ROOT / "targets.yaml").read_bytes()
    path.write_bytes(shipped + b"#" + b"x" * MAX_REGISTRY_BYTES + b"\n")
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert "a registry holds at most 4 MiB" in str(error.value)
    assert "4 MiB" in (ROOT / "docs" / "registry.md").read_text(encoding="utf-8")


def test_a_deeply_nested_registry_is_a_registry_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("x: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(RegistryError) as error:  # a RecursionError before
        load_registry(path)
    assert "nests too deep" in str(error.value)
