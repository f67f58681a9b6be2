"""Benchmark reading a 100,000-row .xlsx sheet: python-calamine against openpyxl.

    python bench/bench_xlsx_read.py [--rows 100000] [--runs 5]

Writes bench/out/long-100k.xlsx once (XlsxWriter: indicator, year, value, unit, region,
source), then reads every row's values, alternately with openpyxl (read-only mode,
values only, as sz_quality/read used to) and with python-calamine, each in a fresh
process, and prints the median seconds of each and their ratio. Then `szq validate` on
the same file (the reader's choice), for the figure a user sees.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

OPENPYXL = """
import sys, openpyxl
with open(sys.argv[1], "rb") as handle:
    book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    n = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
print(n)
"""
CALAMINE = """
import sys, python_calamine
with open(sys.argv[1], "rb") as handle:
    book = python_calamine.CalamineWorkbook.from_filelike(handle)
    n = sum(1 for _ in book.get_sheet_by_index(0).iter_rows())
print(n)
"""


def make_sheet(rows: int) -> Path:
    path = OUT / f"long-{rows // 1000}k.xlsx"
    if path.exists():
        return path
    import xlsxwriter

    OUT.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("data")
    sheet.write_row(0, 0, ["indicator", "year", "value", "unit", "region", "source"])
    for row in range(1, rows + 1):
        sheet.write_row(
            row, 0, ["gdp", 2010 + row % 6, 9000.5 + row, "亿元", f"r{row // 6}", "bench"]
        )
    book.close()
    return path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = make_sheet(args.rows)
    print(f"{path.relative_to(ROOT)}: {args.rows:,} rows, {path.stat().st_size:,} bytes")
    openpyxl_times: list[float] = []
    calamine_times: list[float] = []
    for _ in range(args.runs):  # alternately: the machine is shared and noisy
        openpyxl_times.append(timed([sys.executable, "-c", OPENPYXL, str(path)]))
        calamine_times.append(timed([sys.executable, "-c", CALAMINE, str(path)]))
    a, b = statistics.median(openpyxl_times), statistics.median(calamine_times)
    print(f"openpyxl (read-only, values): median {a:.2f} s over {args.runs} runs")
    print(f"python-calamine:              median {b:.2f} s over {args.runs} runs")
    print(f"calamine is {a / b:.1f}x as fast")
    validate = [
        timed([sys.executable, "-m", "sz_quality", "validate", str(path), "--format", "json"])
        for _ in range(args.runs)
    ]
    print(f"szq validate on the sheet: median {statistics.median(validate):.2f} s")


if __name__ == "__main__":
    main()
