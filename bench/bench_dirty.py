"""Benchmark `szq validate` on a dirty file against the same file clean, side by side.

    python bench/bench_dirty.py [--runs N] [--jobs N]

Generates into bench/out/ (git-ignored), against the shipped registry: `clean.csv`, a
long CSV of its 113 indicators x 6 years x 1,500 regions (1,017,000 rows, values within
each indicator's bounds), and `dirty.csv`, the same rows with 3% made bad: 1% misspelt
indicators (five distinct spellings) and 2% unreadable numbers (five distinct spellings),
never both in one row. Then `szq validate --max-diagnostics 100 --format json` on each,
alternately, `--runs` times: the median wall time of each,
their ratio (aim: at most 2), and a check that every bad row is counted as rejected.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

OUT = HERE / "out"
ROOT = HERE.parent
PYTHON = sys.executable
REGIONS = [f"区{number:04d}" for number in range(1500)]
YEARS = range(2010, 2016)

MISSPELT = ("ind_0O1", "indd_002", "ind-003", "指标1", "ind_1000")
UNREADABLE = ("n/a", "12..5", "x", "1_000", "？")


def write_clean(path: Path) -> None:
    """The clean file: every indicator of the shipped registry, in its own unit."""
    sys.path.insert(0, str(ROOT))
    from sz_quality.plan.lookup import load_lookup

    lookup = load_lookup()
    indicators = [info for info in lookup.series if info.kind == "indicator"]
    rng = random.Random(20111)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write("indicator,region,year,value,unit\n")
        for region in REGIONS:
            chunk = []
            for info in indicators:
                high = min(info.max if info.max is not None else 100.0, 100.0) * 0.9
                for year in YEARS:
                    chunk.append(f"{info.id},{region},{year},{rng.uniform(1.5, high):.2f},\n")
            stream.write("".join(chunk))


def write_dirty(clean: Path, dirty: Path) -> tuple[int, int]:
    """Copy `clean` with 1% of rows misspelt and 2% unreadable; (rows, bad rows)."""
    rng = random.Random(15)
    rows = bad = 0
    with (
        open(clean, encoding="utf-8") as source,
        open(dirty, "w", encoding="utf-8", newline="") as target,
    ):
        target.write(source.readline())
        for line in source:
            rows += 1
            draw = rng.random()
            if draw < 0.01:
                cells = line.split(",")
                cells[0] = rng.choice(MISSPELT)
                line = ",".join(cells)
                bad += 1
            elif draw < 0.03:
                cells = line.split(",")
                cells[3] = rng.choice(UNREADABLE)
                line = ",".join(cells)
                bad += 1
            target.write(line)
    return rows, bad


def run(path: Path, env: dict[str, str], jobs: int | None) -> tuple[float, dict[str, object]]:
    command = [PYTHON, "-m", "sz_quality", "validate", str(path), "--max-diagnostics", "100"]
    command += ["--format", "json"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"szq failed ({completed.returncode}): {completed.stderr.strip()}")
    return wall, json.loads(completed.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each file (alternately)")
    parser.add_argument("--jobs", type=int, default=None, help="szq validate --jobs")
    options = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["SZQ_CACHE_DIR"] = str(OUT / "cache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    clean = OUT / "clean.csv"
    write_clean(clean)  # anew each run: a file kept from an older registry may not be clean now
    dirty = OUT / "dirty.csv"
    rows, bad = write_dirty(clean, dirty)
    print(f"{rows:,} rows; dirty.csv has {bad:,} bad rows ({bad / rows:.2%})")

    times: dict[str, list[float]] = {"clean": [], "dirty": []}
    results: dict[str, dict[str, object]] = {}
    run(clean, env, options.jobs)  # warm the registry cache and the page cache
    for _ in range(options.runs):
        for name, path in (("clean", clean), ("dirty", dirty)):
            wall, result = run(path, env, options.jobs)
            times[name].append(wall)
            results[name] = result
    for name in ("clean", "dirty"):
        (summary,) = results[name]["files"]  # type: ignore[misc]
        listed = len(results[name]["diagnostics"])  # type: ignore[arg-type]
        print(
            f"{name:>5}: median {statistics.median(times[name]):.2f} s over {options.runs} runs "
            f"({', '.join(f'{t:.2f}' for t in times[name])}); rows {summary['rows']:,}, "
            f"rejected {summary['rejected']:,}, diagnostics listed {listed}"
        )
    ratio = statistics.median(times["dirty"]) / statistics.median(times["clean"])
    (dirty_summary,) = results["dirty"]["files"]  # type: ignore[misc]
    counted = dirty_summary["rejected"] == bad
    print(f"dirty / clean: {ratio:.2f} (aim <= 2); every bad row rejected: {counted}")


if __name__ == "__main__":
    main()
