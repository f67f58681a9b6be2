"""Benchmark the cold start of every `szq` command but `report`.

    python bench/bench_commands.py [--runs 15] [--against /path/to/other/checkout]

Each run is a new `python -m sz_quality …` process (the registry's cache warmed once
first, as on any machine after the first run); the commands take turns, so that the
machine's load falls on all alike. Prints the median and minimum of each; aim: every
median <= 200 ms. With --against, the same commands of another checkout of szq run
alternately with this one's (an A/B comparison of a change).
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
EXAMPLE = "examples/data-2015.csv"
COMMANDS: dict[str, list[str]] = {
    "check": ["check", EXAMPLE, "--format", "json"],
    "check (table, zh)": ["check", EXAMPLE, "--lang", "zh"],
    "validate": ["validate", EXAMPLE],
    "calc": ["calc", EXAMPLE],
    "targets": ["targets"],
    "measures": ["measures"],
    "agencies": ["agencies"],
    "schema": ["schema"],
    "--help": ["--help"],
    "check --help (zh)": ["check", "--help", "--lang", "zh"],
    "--version": ["--version"],
}


def run(checkout: Path, arguments: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sz_quality", *arguments],
        cwd=checkout,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"{checkout}: szq {' '.join(arguments)} exited {done.returncode}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--against", type=Path, help="another checkout of szq, run alternately")
    options = parser.parse_args()
    checkouts = [ROOT] + ([options.against.resolve()] if options.against else [])
    times: dict[tuple[Path, str], list[float]] = {}
    for checkout in checkouts:
        for name, arguments in COMMANDS.items():
            run(checkout, arguments)  # warm the cache and the .pyc files
            times[(checkout, name)] = []
    for _ in range(options.runs):
        for name, arguments in COMMANDS.items():
            for checkout in checkouts:
                times[(checkout, name)].append(run(checkout, arguments))
    header = f"{'command':<22}" + "".join(f"{c.name + ' median':>20}{'min':>8}" for c in checkouts)
    print(f"cold start, {options.runs} runs each, python -m sz_quality (aim: median <= 200 ms)")
    print(header)
    for name in COMMANDS:
        cells = ""
        for checkout in checkouts:
            spent = times[(checkout, name)]
            cells += f"{statistics.median(spent) * 1000:>17.0f} ms{min(spent) * 1000:>5.0f} ms"
        print(f"{name:<22}{cells}")


if __name__ == "__main__":
    main()
