"""Benchmark `szq report` against `szq check` on the same files, and the report's size.

    python bench/bench_report.py [--runs 9] [--lang zh] [--format html|docx]

Runs `szq check examples/data-2013.csv examples/data-2015.csv --year 2015 --lang zh`
and `szq report … -o bench/out/report.<format>` alternately, each run a new process (the
registry's cache warmed once first), and prints both medians, their ratio and the
report's size. Aims: HTML <= 5 x check and <= 300 KB; Word (the evaluation report with
its pictures) <= 10 x check.
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
    parser.add_argument("--format", default="html", choices=["html", "docx"])
    options = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    page = OUT / f"report.{options.lang}.{options.format}"
    aim = {"html": 5, "docx": 10}[options.format]
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
    print(f"ratio report / check: {report_median / check_median:.2f} (aim <= {aim})")
    size_aim = " (aim <= 300 KB)" if options.format == "html" else ""
    print(f"report size: {size:,} bytes = {size / 1024:.0f} KB{size_aim}")


if __name__ == "__main__":
    main()
