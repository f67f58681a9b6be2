"""Benchmark `szq validate` against pandera and frictionless on a 1,000,000-row long CSV.

    python bench/bench_validate.py [--rows-only] [--runs N]

Generates into bench/out/ (git-ignored): a registry of 100 indicators (bench-targets.yaml),
a long CSV of 100 indicators x 6 years x 1,700 regions (1,020,000 rows), its Table Schema,
a pandera script with the same checks, and a 100-row file. Then, in one run, each tool in
its own process (imports included): wall time, CPU time and peak RSS (GNU time -v when
available, else getrusage of the children). Also: szq's peak RSS for 10%, 30% and 100% of
the rows (memory flat in rows?) and the cold start of `szq validate` on 100 rows (median
of 15 runs, warm cache).

The checks, the same in all three: indicator is one of the registry's ids; year is an
integer in 1900..2100; value is a number (blank allowed); a share (unit %) lies in 0..100;
(indicator, region, year) is unique. szq also converts units, which the others do not.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PYTHON = sys.executable
UNITS = ("亿元", "%", "万人", "吨标准煤/万元")
INDICATORS = [f"ind_{number:03d}" for number in range(100)]
YEARS = range(2010, 2016)
REGIONS = [f"区{number:04d}" for number in range(1700)]


def unit_of(index: int) -> str:
    return UNITS[index % len(UNITS)]


def write_registry(path: Path) -> None:
    lines = [
        "schema_version: 1",
        "plan: {id: bench, name_zh: 基准, name_en: Bench, baseline_year: 2010, target_year: 2015}",
        "chapters:",
        "  - {number: 1, name_zh: 总体要求, name_en: General requirements}",
        "agencies:",
        "  - {id: drc, name_zh: 市发展改革委, name_en: DRC}",
        "indicators:",
    ]
    for index, indicator in enumerate(INDICATORS):
        bounds = ", bounds: {min: 0, max: 100}" if unit_of(index) == "%" else ""
        lines.append(
            f"  - {{id: {indicator}, name_zh: 指标{index:03d}, name_en: Indicator {index:03d}, "
            f'unit: "{unit_of(index)}", direction: higher{bounds}}}'
        )
    lines.append("targets:")
    for index in range(0, 100, 10):
        lines.append(
            f"  - {{id: t_{index:03d}, indicator: {INDICATORS[index]}, name_zh: 目标{index}, "
            f"name_en: Target {index}, chapter: 1, clause: 2, kind: level, "
            f'comparator: ">=", value: 1, unit: "{unit_of(index)}", '
            "lead_agencies: [市发展改革委], quote: x}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_data(path: Path, regions: list[str]) -> int:
    rng = random.Random(20111)
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write("indicator,region,year,value,unit\n")
        for region in regions:
            chunk = []
            for indicator in INDICATORS:
                for year in YEARS:
                    chunk.append(f"{indicator},{region},{year},{rng.uniform(0, 100):.2f},\n")
            stream.write("".join(chunk))
            rows += len(chunk)
    return rows


def write_table_schema(path: Path) -> None:
    schema = {
        "fields": [
            {
                "name": "indicator",
                "type": "string",
                "constraints": {"required": True, "enum": INDICATORS},
            },
            {"name": "region", "type": "string"},
            {
                "name": "year",
                "type": "integer",
                "constraints": {"required": True, "minimum": 1900, "maximum": 2100},
            },
            {"name": "value", "type": "number"},
            {"name": "unit", "type": "string"},
        ],
        # frictionless checks uniqueness of the primary key
        "primaryKey": ["indicator", "region", "year"],
    }
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")


PANDERA_SCRIPT = """
import sys
import pandas as pd
import pandera.pandas as pa

INDICATORS = [f"ind_{n:03d}" for n in range(100)]
SHARES = [name for index, name in enumerate(INDICATORS) if index % 4 == 1]

frame = pd.read_csv(
    sys.argv[1],
    dtype={"indicator": str, "region": str, "unit": str},
    keep_default_na=False,
    na_values={"value": ["", "-"]},
)
share = frame["indicator"].isin(SHARES)
schema = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str, pa.Check.isin(INDICATORS)),
        "region": pa.Column(str),
        "year": pa.Column(int, pa.Check.in_range(1900, 2100)),
        "value": pa.Column(float, nullable=True),
        "unit": pa.Column(str),
    },
    checks=[
        pa.Check(
            lambda df: ~df["indicator"].isin(SHARES) | df["value"].between(0, 100),
            name="share_in_range",
        )
    ],
    unique=["indicator", "region", "year"],
)
try:
    schema.validate(frame, lazy=True)
    print("pandera: valid")
except pa.errors.SchemaErrors as error:
    print(f"pandera: {len(error.failure_cases)} failure case(s)")
"""


def measure(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run of `command`."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    if gnu_time:
        completed = subprocess.run(
            [gnu_time, "-v", *command], capture_output=True, text=True, env=env, cwd=cwd
        )
    else:  # pragma: no cover - without GNU time
        completed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = after.ru_maxrss / 1024  # the largest child so far, KiB on Linux
    if gnu_time:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)
        if found:
            peak = int(found.group(1)) / 1024
    tail = (completed.stdout.strip().splitlines() or [""])[-1][:100]
    return {"wall": wall, "cpu": cpu, "rss": peak, "rc": completed.returncode, "tail": tail}


def szq(*arguments: str) -> list[str]:
    return [PYTHON, "-m", "sz_quality", "--targets", str(OUT / "bench-targets.yaml"), *arguments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-others", action="store_true", help="only szq")
    parser.add_argument("--cold-only", action="store_true", help="only the cold start")
    parser.add_argument("--runs", type=int, default=15, help="cold-start runs")
    options = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["SZQ_CACHE_DIR"] = str(OUT / "cache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    # byte-compiled modules, as after `pip install` (a stale .pyc recompiled on every start
    # would cost tens of milliseconds when PYTHONDONTWRITEBYTECODE is set)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "sz_quality")], check=False)
    write_registry(OUT / "bench-targets.yaml")
    # written anew each run: a file left by another version of this script is never measured
    long_csv = OUT / "long.csv"
    rows = write_data(long_csv, REGIONS)
    fractions = {}
    for share in (10, 30):
        part = OUT / f"long-{share}pct.csv"
        write_data(part, REGIONS[: len(REGIONS) * share // 100])
        fractions[share] = part
    small = OUT / "small.csv"
    write_data(small, REGIONS[:1])  # 600 rows; cut to 100 below
    lines = small.read_text(encoding="utf-8").splitlines(keepends=True)[:101]
    small.write_text("".join(lines), encoding="utf-8")
    write_table_schema(OUT / "schema.json")
    (OUT / "pandera_check.py").write_text(PANDERA_SCRIPT, encoding="utf-8")

    # warm the compiled-registry cache and the page cache
    subprocess.run(szq("validate", str(small)), env=env, capture_output=True)
    for path in (long_csv, *fractions.values()):
        with open(path, "rb") as stream:
            while stream.read(1 << 22):
                pass

    if options.cold_only:
        cold_start(env, small, options.runs)
        return
    size = long_csv.stat().st_size / 2**20
    versions = subprocess.run(
        [PYTHON, "-c", "import typer, pandas, pandera, frictionless; print(typer.__version__, "
         "pandas.__version__, pandera.__version__, frictionless.__version__)"],
        capture_output=True, text=True, env=env,
    ).stdout.split()  # fmt: skip
    print(f"data: {long_csv} ({rows:,} rows, {size:.1f} MiB); python {sys.version.split()[0]}")
    if len(versions) == 4:
        print("typer {}, pandas {}, pandera {}, frictionless {}".format(*versions))
    print(f"{'tool':<34} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}  exit  last line")
    results = {}
    tools: list[tuple[str, list[str]]] = [
        ("szq validate", szq("validate", str(long_csv), "--format", "json", "-o", os.devnull)),
    ]
    if not options.skip_others:
        tools.append(
            (
                "pandera (pandas read_csv + lazy)",
                [PYTHON, str(OUT / "pandera_check.py"), str(long_csv)],
            )
        )
        frictionless = shutil.which("frictionless") or str(Path(PYTHON).parent / "frictionless")
        tools.append(
            (
                "frictionless validate",
                # frictionless refuses absolute paths as unsafe: run it inside bench/out
                [frictionless, "validate", "--schema", "schema.json", long_csv.name],
            )
        )
    for name, command in tools:
        result = measure(command, env, cwd=OUT)
        results[name] = result
        print(
            f"{name:<34} {result['wall']:8.2f} {result['cpu']:8.2f} {result['rss']:9.1f}  "
            f"{int(result['rc']):>4}  {result['tail']}"
        )
    mine = results["szq validate"]
    for name, result in results.items():
        if name != "szq validate":
            print(f"  szq is {result['wall'] / mine['wall']:.1f}x faster than {name} (wall)")

    print("szq peak RSS by size (flat in rows?):")
    for share, path in sorted(fractions.items()):
        result = measure(szq("validate", str(path), "--format", "json", "-o", os.devnull), env)
        print(f"  {share:>3}% of the rows: {result['rss']:.1f} MiB, {result['wall']:.2f} s")
    print(f"  100% of the rows: {mine['rss']:.1f} MiB, {mine['wall']:.2f} s")

    cold_start(env, small, options.runs)


def cold_start(env: dict[str, str], small: Path, runs: int) -> None:
    walls = []
    cpus = []
    for _ in range(runs):
        result = measure(szq("validate", str(small)), env)
        walls.append(result["wall"])
        cpus.append(result["cpu"])
    bare = [measure([PYTHON, "-c", "pass"])["wall"] for _ in range(5)]
    print(
        f"cold start, szq validate of 100 rows: median {statistics.median(walls) * 1000:.0f} ms "
        f"wall, {statistics.median(cpus) * 1000:.0f} ms cpu (min {min(walls) * 1000:.0f} ms; "
        f"bare python {statistics.median(bare) * 1000:.0f} ms; {runs} runs)"
    )


if __name__ == "__main__":
    main()
