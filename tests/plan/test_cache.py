"""One cache for the registry, the lookup and the measures (sz_quality.plan.cache)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sz_quality.plan import cache
from sz_quality.plan.lookup import load_lookup
from sz_quality.plan.measures import load_measures
from sz_quality.plan.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("SZQ_CACHE_DIR", str(home))
    return home


def entries(home: Path, kind: str) -> list[Path]:
    return sorted(home.glob(f"{kind}-*.json"))


def test_one_hasher_for_every_entry() -> None:
    import hashlib

    assert cache.digest(b"abc") == hashlib.sha256(b"abc").hexdigest()
    assert cache.digest(b"ab", "c") == cache.digest(b"abc")


def test_two_registries_never_share_an_entry(cache_home: Path) -> None:
    small = load_registry(FIXTURES / "check" / "registry.yaml")
    shipped = load_registry(ROOT / "targets.yaml")
    assert small.sha256 == cache.digest((FIXTURES / "check" / "registry.yaml").read_bytes())
    assert small.sha256 != shipped.sha256
    assert len(entries(cache_home, "registry")) == 2
    # warm loads read each its own entry
    assert load_registry(FIXTURES / "check" / "registry.yaml").targets == small.targets
    assert load_registry(ROOT / "targets.yaml").targets == shipped.targets
    small_lookup = load_lookup(FIXTURES / "check" / "registry.yaml")
    shipped_lookup = load_lookup(ROOT / "targets.yaml")
    assert len(small_lookup.series) == len(small.indicators) + len(small.targets)
    assert len(shipped_lookup.series) == len(shipped.indicators) + len(shipped.targets)


def test_a_changed_file_misses_the_cache(cache_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    text = (FIXTURES / "check" / "registry.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = load_lookup(path)
    path.write_text(text + "\n# changed\n", encoding="utf-8")
    second = load_lookup(path)
    assert first.sha256 != second.sha256
    assert len(entries(cache_home, "registry")) == 2
    assert len(entries(cache_home, "lookup")) == 2


def test_an_entry_of_another_szq_is_a_miss(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache.write_entry("demo", "k" * 64, 1, {"value": 1})
    assert cache.read_entry("demo", "k" * 64, 1) is not None
    assert cache.read_entry("demo", "k" * 64, 2) is None  # another format
    assert cache.read_entry("demo", "j" * 64, 1) is None  # another key
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert cache.read_entry("demo", "k" * 64, 1) is None  # another szq


def test_a_damaged_entry_is_a_miss(cache_home: Path) -> None:
    registry = load_registry(ROOT / "targets.yaml")
    for path in cache_home.glob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    assert load_registry(ROOT / "targets.yaml").targets == registry.targets


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SZQ_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    registry = load_registry(ROOT / "targets.yaml")
    load_measures(registry, ROOT / "measures.yaml")
    load_lookup(ROOT / "targets.yaml")
    assert not cache.write_entry("demo", "k" * 64, 1, {})
    assert list(tmp_path.iterdir()) == []


def test_measures_are_cached_against_their_targets(cache_home: Path) -> None:
    registry = load_registry(ROOT / "targets.yaml")
    fresh = load_measures(registry, ROOT / "measures.yaml")
    assert len(entries(cache_home, "measures")) == 1
    warm = load_measures(registry, ROOT / "measures.yaml")
    assert warm.measures == fresh.measures and warm.tables == fresh.tables


def test_warm_listing_commands_import_no_heavy_module(cache_home: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from sz_quality.cli import app\n"
        "for command in (['measures', '-f', 'json'], ['agencies', '-f', 'json']):\n"
        "    assert CliRunner().invoke(app, command).exit_code == 0\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'pint') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "SZQ_CACHE_DIR": str(cache_home)}
    subprocess.run([sys.executable, "-c", code], check=False, env=env)  # cold: fills the cache
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


@pytest.fixture(scope="module")
def cache_of_a_module_fixture() -> str | None:
    return os.environ.get("SZQ_CACHE_DIR")


def test_a_module_fixture_uses_the_session_cache_not_the_users(
    cache_of_a_module_fixture: str | None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # a module's lookup fixture once read ~/.cache/szq, where another checkout's szq of
    # the same version had left a lookup without the 千亿 stack of units
    assert cache_of_a_module_fixture == str(tmp_path_factory.getbasetemp() / "szq-cache")
