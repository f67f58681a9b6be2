"""Benchmark `szq check`: cold start on the 2015 example, and 1,000,000 rows against validate.

    python bench/bench_check.py [--runs 15] [--big-runs 3] [--skip-big]

1. Cold start: `python -m sz_quality check examples/data-2015.csv --format json`, each
   run a new process (the registry's JSON cache warmed once first, as on any machine
   after the first run). Aim: median <= 200 ms.
2. A 1,000,000-row long CSV (100 indicators, 6 years, ~1,700 regions): `szq validate`
   and `szq check --format json` on the same file, alternately, median of a few runs.
   Aim: check <= 1.5 x validate. The file, bench/out/check-1m.csv, is written anew each
   run, so that a file left by another version of the benchmark is never measured.

Prints the figures; writes nothing but the generated data under bench/out/.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
EXAMPLE = ROOT / "examples" / "data-2015.csv"


def run(args: list[str]) -> float:
    """Seconds one `python -m sz_quality ARGS` takes (output discarded)."""
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "sz_quality", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # any non-empty PYTHONDONTWRITEBYTECODE (even "0") stops .pyc caching
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        sys.stderr.write(completed.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"szq {' '.join(args)} exited {completed.returncode}")
    return elapsed


def big_file() -> Path:
    """A 1,000,000-row long CSV in the registry's own ids and units, written anew."""
    sys.path.insert(0, str(ROOT))
    from sz_quality.plan.registry import load_registry

    registry = load_registry(ROOT / "targets.yaml")
    indicators = [indicator for indicator in registry.indicators if indicator.formula is None]
    indicators = indicators[:100]
    years = range(2010, 2016)
    regions = [""] + [f"区域{number:04d}" for number in range(1, 1700)]
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "check-1m.csv"
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("indicator,year,value,unit,region\n")
        for region in regions:
            for indicator in indicators:
                low = indicator.bounds.min if indicator.bounds and indicator.bounds.min else 0.0
                high = indicator.bounds.max if indicator.bounds and indicator.bounds.max else None
                for offset, year in enumerate(years):
                    value = 50.0 + offset + (rows % 7)
                    if high is not None:
                        value = min(value, high)
                    value = max(value, low)
                    stream.write(f"{indicator.id},{year},{value:g},{indicator.unit},{region}\n")
                    rows += 1
    print(f"generated {path.relative_to(ROOT)}: {rows:,} rows")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--big-runs", type=int, default=3)
    parser.add_argument("--skip-big", action="store_true")
    options = parser.parse_args()

    check_example = ["check", str(EXAMPLE), "--format", "json"]
    run(check_example)  # fill the registry cache, as any earlier run would have
    times = [run(check_example) for _ in range(options.runs)]
    print(
        f"cold `szq check examples/data-2015.csv --format json`: median "
        f"{statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {options.runs} runs (aim: <= 200 ms)"
    )
    bare = [run(["--version"]) for _ in range(options.runs)]
    print(f"  for scale, `szq --version`: median {statistics.median(bare) * 1000:.0f} ms")
    if options.skip_big:
        return

    path = big_file()
    relative = str(path.relative_to(ROOT))
    validate_times: list[float] = []
    check_times: list[float] = []
    for _ in range(options.big_runs):
        validate_times.append(run(["validate", relative, "--format", "json"]))
        check_times.append(run(["check", relative, "--format", "json"]))
    validate = statistics.median(validate_times)
    check = statistics.median(check_times)
    print(
        f"{relative}: validate median {validate:.2f} s, check median {check:.2f} s, "
        f"ratio {check / validate:.2f} (aim: <= 1.5) over {options.big_runs} runs each"
    )


if __name__ == "__main__":
    main()
