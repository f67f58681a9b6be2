"""Bounds: a registry's size and depth, a file of many regions, a cache that cannot be
written. Each stops with a clear message, or runs within its bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from sz_quality.plan.registry import RegistryError, load_registry

ROOT = Path(__file__).resolve().parents[2]


def test_a_registry_above_the_size_bound_is_refused_at_once(tmp_path: Path) -> None:
    from sz_quality.plan.loading import MAX_REGISTRY_BYTES

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


def test_a_cache_that_cannot_be_written_is_said_once_and_the_command_runs(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    blocker = tmp_path / "home"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    env = {**os.environ, "SZQ_CACHE_DIR": str(blocker / "szq")}
    data = ROOT / "examples" / "data-2015.csv"
    runs = []
    for lang in ("en", "zh"):
        command = [sys.executable, "-m", "sz_quality", "check", str(data), "--lang", lang]
        runs.append(subprocess.run(command, capture_output=True, text=True, env=env, check=False))
    assert [run.returncode for run in runs] == [0, 0]
    assert runs[0].stdout.count("gdp") and runs[1].stdout
    assert runs[0].stderr.splitlines() == [
        f"szq: cannot cache the compiled registry ({blocker / 'szq'}: Not a directory), "
        "so every run compiles it again; set SZQ_CACHE_DIR to a writable folder, or to off"
    ]
    assert len(runs[1].stderr.splitlines()) == 1 and "无法缓存" in runs[1].stderr


def test_by_region_stops_early_above_its_bound(
    registry: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """100,000 regions took all the memory and 11 minutes; now an error naming the bound
    (measured: 4.5 s and 676 MB for 100,000 regions, 12.4 s and 493 MB at 1,000)."""
    from typer.testing import CliRunner

    from sz_quality.check import run
    from sz_quality.cli import app

    assert run.MAX_REGIONS == 1000
    monkeypatch.setattr(run, "MAX_REGIONS", 3)
    path = tmp_path / "regions.csv"
    rows = "".join(f"gdp,2015,{100 + n},亿元,地区{n}\n" for n in range(4))
    path.write_text("indicator,year,value,unit,region\n" + rows, encoding="utf-8")
    with pytest.raises(run.TooManyRegionsError) as error:
        run.run_check([path], registry, by="region")  # type: ignore[arg-type]
    assert error.value.count == 4
    result = CliRunner().invoke(app, ["check", str(path), "--by", "region", "--lang", "en"])
    assert result.exit_code == 2
    assert "the data name 4 regions; --by region checks at most 3 one by one" in result.output
    zh = CliRunner().invoke(app, ["check", str(path), "--by", "region", "--lang", "zh"])
    assert "数据中有 4 个地区" in zh.output
    monkeypatch.setattr(run, "MAX_REGIONS", 4)  # at the bound: checked
    assert run.run_check([path], registry, by="region").report.results  # type: ignore[arg-type]
