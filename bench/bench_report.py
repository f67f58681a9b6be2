"""Benchmark `szq report` against `szq check` on the same files, and the report's size.

    python bench/bench_report.py [--runs 9] [--lang zh]

Runs `szq check examples/data-2013.csv examples/data-2015.csv --year 2015 --lang zh`
and `szq report … -o bench/out/report.html` alternately, each run a new process (the
registry's cache warmed once first), and prints both medians, their ratio and the
report's size. Aims: report <= 5 x check, report <= 300 KB.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from bench_commands import run as timed_run  # one way to time a command (bench/)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
FILES = ["examples/data-2013.csv", "examples/data-2015.csv"]


def run(args: list[str]) -> float:
    """Seconds one `python -m sz_quality ARGS` takes in this checkout."""
    return timed_run(ROOT, args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    options = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    page = OUT / f"report.{options.lang}.html"
    common = [*FILES, "--year", "2015", "--lang", options.lang]
    check = ["check", *common]
    report = ["report", *common, "-o", str(page)]
    run(check)  # warm the registry cache and the .pyc files
    run(report)
    check_times, report_times = [], []
    for _ in range(options.runs):
        check_times.append(run(check))
        report_times.append(run(report))
    check_median = statistics.median(check_times)
    report_median = statistics.median(report_times)
    size = page.stat().st_size
    print(f"szq check  (cold, median of {options.runs}): {check_median * 1000:.0f} ms")
    print(f"szq report (cold, median of {options.runs}): {report_median * 1000:.0f} ms")
    print(f"ratio report / check: {report_median / check_median:.2f} (aim <= 5)")
    print(f"report size: {size:,} bytes = {size / 1024:.0f} KB (aim <= 300 KB)")


if __name__ == "__main__":
    main()
