"""A value in the currency of its target: 美元/人 for the per-capita GDP target in 万美元/人.

Read with the shipped registry through both read paths, then checked: a value in the
target's currency is compared as given; a value in the indicator's currency (元/人), also
under the target's id, is converted at the year's rate, or no_data naming the rate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.check.evaluate import evaluate
from sz_quality.check.results import Result
from sz_quality.cli import app
from sz_quality.plan.lookup import Lookup, load_lookup
from sz_quality.plan.registry import Registry
from sz_quality.read import reader
from sz_quality.read.observations import ReadResult
from sz_quality.read.reader import read_files
from sz_quality.read.reading import ReadOptions
from sz_quality.render.verdict_words import reason_text

ROOT = Path(__file__).resolve().parents[2]
HEADER = "indicator,year,value,unit\n"


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup(ROOT / "targets.yaml")


def read_both(lookup: Lookup, path: Path) -> ReadResult:
    """The read, asserting that the column-wise path and the row path agree."""
    fast = read_files([path], lookup)
    slow = reader._read(
        [path],
        lookup,
        ReadOptions(),
        keep=True,
        fast_path=False,
    )
    assert fast.observations == slow.observations
    assert fast.diagnostics == slow.diagnostics
    return fast


def checked(
    registry: Registry, lookup: Lookup, tmp_path: Path, rows: str, **options: object
) -> tuple[ReadResult, Result]:
    path = tmp_path / "data.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    read = read_both(lookup, path)
    report = evaluate(registry, read, 2015, **options)  # type: ignore[arg-type]
    (result,) = [r for r in report.results if r.target == "gdp_per_capita_2015"]
    return read, result


def test_usd_per_person_is_compared_directly(
    registry: Registry, lookup: Lookup, tmp_path: Path
) -> None:
    read, result = checked(
        registry, lookup, tmp_path, "gdp_per_capita,2015,25365,美元/人\n", rates={}
    )
    assert read.diagnostics == ()
    assert [(o.series, o.year, o.value) for o in read.observations] == [
        ("gdp_per_capita_2015", 2015, pytest.approx(2.5365))
    ]
    # no rate needed: the shipped table is replaced by an empty one
    assert (result.status, result.actual) == ("met", pytest.approx(2.5365))


def test_usd_under_the_target_id_is_compared_directly(
    registry: Registry, lookup: Lookup, tmp_path: Path
) -> None:
    _, result = checked(
        registry, lookup, tmp_path, "gdp_per_capita_2015,2015,19000,美元/人\n", rates={}
    )
    assert (result.status, result.actual) == ("not_met", pytest.approx(1.9))


def test_yuan_under_the_target_id_is_converted_at_the_rate(
    registry: Registry, lookup: Lookup, tmp_path: Path
) -> None:
    read, result = checked(registry, lookup, tmp_path, "gdp_per_capita_2015,2015,157985,元/人\n")
    assert [(o.series, o.value) for o in read.observations] == [("gdp_per_capita", 157985.0)]
    # 157985 元 at 6.2284 元 per 美元 (2015, the shipped table)
    assert result.actual == pytest.approx(157985 / 62284)
    assert result.status == "met"


@pytest.mark.parametrize("indicator", ["gdp_per_capita", "gdp_per_capita_2015"])
def test_yuan_without_a_rate_is_no_data_naming_it(
    registry: Registry, lookup: Lookup, tmp_path: Path, indicator: str
) -> None:
    _, result = checked(registry, lookup, tmp_path, f"{indicator},2015,157985,元/人\n", rates={})
    assert result.status == "no_data"
    assert result.reason is not None
    assert reason_text(result.reason, "en") == (
        "no exchange rate (元 per 美元) for 2015: give cny_per_usd in the data"
    )


def test_usd_figure_wins_over_the_yuan_figure(
    registry: Registry, lookup: Lookup, tmp_path: Path
) -> None:
    rows = "gdp_per_capita,2015,100000,元/人\ngdp_per_capita,2015,25365,美元/人\n"
    _, result = checked(registry, lookup, tmp_path, rows)
    assert result.actual == pytest.approx(2.5365)


def test_usd_alone_gets_a_hint_to_write_per_person(lookup: Lookup, tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(HEADER + "gdp_per_capita,2015,25365,美元\n", encoding="utf-8")
    (diagnostic,) = read_both(lookup, path).diagnostics
    assert diagnostic.code == "unit-mismatch"
    assert diagnostic.hint_in("en") == "'gdp_per_capita' is per person: write '美元/人'"
    assert diagnostic.hint_in("zh") == "'gdp_per_capita' 是人均指标：请写 '美元/人'"


def test_another_currency_without_a_target_in_it_is_still_refused(
    lookup: Lookup, tmp_path: Path
) -> None:
    path = tmp_path / "data.csv"
    path.write_text(HEADER + "gdp,2015,2800,亿美元\n", encoding="utf-8")
    (diagnostic,) = read_both(lookup, path).diagnostics
    assert (diagnostic.code, diagnostic.message_key) == ("unit-mismatch", "unit-currency")


def test_the_shipped_example_is_checked_in_dollars(registry: Registry) -> None:
    example = ROOT / "examples" / "data-2015.csv"
    output = CliRunner().invoke(app, ["check", str(example), "--format", "json"])
    assert output.exit_code == 0, output.output
    import json

    (shown,) = [
        r for r in json.loads(output.output)["results"] if r["target"] == "gdp_per_capita_2015"
    ]
    expected = evaluate(registry, read_files([example], load_lookup(ROOT / "targets.yaml")))
    (result,) = [r for r in expected.results if r.target == "gdp_per_capita_2015"]
    assert (shown["status"], shown["actual"]) == (result.status, 2.5365)
