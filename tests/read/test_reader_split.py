"""The reader's fast path and its two-process split give what the row path gives; a
failed child is replaced or reaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_helpers import HEADER, check, write

from sz_quality.plan.lookup import Lookup
from sz_quality.read import batches, csvfile, reader, session, split
from sz_quality.read.observations import ReadResult
from sz_quality.read.reader import read_files, validate_files
from sz_quality.read.reading import ReadOptions

# -- the fast path and the two-process split agree with the row path --------------------------


def _mixed(rows: int, given: bool = False) -> str:
    """Rows of every kind; `given`: with units to convert, a source and a note."""
    lines = [HEADER.rstrip("\n") + (",source,note" if given else "")]
    for number in range(rows):
        region = f"r{number % 37}"
        if given and number % 3 == 0:
            region = ""  # the city total, the rows `szq check` keeps
        year = 2000 + number % 11
        name = ("gdp", "hightech_share", "population", "gdp_2015")[number % 4]
        value = str(number % 97)
        if number % 101 == 0:
            value = "x"
        if number % 211 == 0:
            name = "nope"
        if not given:
            lines.append(f"{name},{year},{value},,{region}")
            continue
        unit = "万亿元" if name == "gdp" and number % 8 == 0 else ""
        note = f"note {number % 5}" if number % 2 else ""
        lines.append(f"{name},{year},{value}.5,{unit},{region},src {number % 7},{note}")
    return "\n".join(lines) + "\n"


def _comparable(result: ReadResult) -> tuple[Any, ...]:
    return (result.diagnostics, result.inputs, sorted(result.observations, key=repr))


@pytest.mark.parametrize("given", [False, True])
def test_fast_path_equals_row_path(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: bool
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 2048)
    path = write(tmp_path, _mixed(3000, given))
    fast = check(read_files([path], lookup))
    slow = check(
        reader._read(
            [path],
            lookup,
            ReadOptions(),
            keep=True,
            fast_path=False,
        )
    )
    assert _comparable(fast) == _comparable(slow)
    assert {d.code for d in fast.diagnostics} >= {"duplicate-row", "bad-number"}
    if given:  # the cells as written, the source and the note are kept
        for obs in fast.observations:
            number = obs.line - 2  # the row's number in _mixed
            assert obs.source == f"src {number % 7}"
            assert obs.note == (f"note {number % 5}" if number % 2 else None)
            assert obs.value_text == f"{number % 97}.5"


def _plain_given(rows: int) -> str:
    """Distinct keys, a unit to convert, a source and a note; a bad row now and then (the
    column path rejects it row by row) and a population out of range (its batch goes to
    the row path)."""
    lines = [HEADER.rstrip("\n") + ",source,note"]
    for number in range(rows):
        name = ("gdp", "population", "gdp_2015")[number % 3]
        # gdp_2015 names the figure gdp does: in the districts only, so no figure is given twice
        region = "" if number % 4 == 0 and name != "gdp_2015" else f"r{number}"
        value = "x" if number % 500 == 499 else f"{number % 97}.5"
        if number == 250:  # population: a negative count
            value = "-3"
        unit = "万亿元" if name == "gdp" and number % 2 == 0 else ""
        note = f"note {number % 5}" if number % 2 else ""
        year = 1950 + number // 12  # the city's rows: one key each (for rows < 1200)
        lines.append(f"{name},{year},{value},{unit},{region},src {number % 7},{note}")
    return "\n".join(lines) + "\n"


def test_both_paths_keep_the_same_cells_as_given(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 2048)
    taken: list[int | None] = []
    plain = session.check_plain_batch

    def spy(*arguments: Any) -> int | None:
        taken.append(plain(*arguments))
        return taken[-1]

    monkeypatch.setattr(session, "check_plain_batch", spy)
    path = write(tmp_path, _plain_given(1200))
    fast = check(read_files([path], lookup))
    assert any(taken) and None in taken  # both paths took batches
    slow = check(
        reader._read(
            [path],
            lookup,
            ReadOptions(),
            keep=True,
            fast_path=False,
        )
    )
    assert _comparable(fast) == _comparable(slow)
    assert len(fast.observations) == 1200 - 3  # two "x", one negative population
    for obs in fast.observations:
        number = obs.line - 2  # the row's number in _plain_given
        assert obs.source == f"src {number % 7}"
        assert obs.note == (f"note {number % 5}" if number % 2 else None)
        assert obs.value_text == f"{number % 97}.5"
        in_trillions = obs.series == "gdp" and number % 2 == 0
        assert obs.unit_text == ("万亿元" if in_trillions else "")
        assert obs.value == (number % 97 + 0.5) * (1e4 if in_trillions else 1)
    city = check(read_files([path], lookup, regions=frozenset({""})))
    assert city.observations == tuple(obs for obs in fast.observations if obs.region == "")


_CELLS = {
    "indicator": ["gdp", "hightech_share", "population", "gdp_2015", "GDP", "nope", "gpd", ""],
    "year": ["2015", "2014", "2013", "2015年", "20x5", "1850", ""],
    "value": [
        "1", "0.3", "35", "-2", " 7 ", "+5", ".5", "1e3", "1e308", "1e400", "1_000", "0x10",
        "inf", "NaN", "１２", "-", "", "1.2.3", "1e", "99999999999999999", "0.4",
    ],
    "unit": [
        "", "亿元", "万元", "%", "万人", "furlongs", "小时", "万亿元", "5", "亿元*1.1", "502.99",
    ],
    "city": ["", "r"],  # "r": a region of its own (r<row>), so that few keys repeat
}  # fmt: skip


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(*(st.sampled_from(choices) for choices in _CELLS.values())),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=64, max_value=1024),
)
def test_fast_path_equals_row_path_on_any_rows(
    lookup: Lookup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[str, ...]],
    chunk: int,
) -> None:
    """Whatever the cells, both read paths accept the same rows and say the same things."""
    rows = sorted(rows, key=lambda row: row[0] in ("nope", "gpd", ""))  # clean rows first
    monkeypatch.setattr(batches, "_CHUNK", chunk)
    text = HEADER + "".join(
        ",".join((*row[:-1], f"{row[-1]}{index}" if row[-1] else "")) + "\n"
        for index, row in enumerate(rows)
    )
    path = write(tmp_path, text)
    reading = ReadOptions(jobs=1)
    fast = check(reader._read([path], lookup, reading, keep=True))
    slow = check(reader._read([path], lookup, reading, keep=True, fast_path=False))
    assert _comparable(fast) == _comparable(slow)


@pytest.mark.parametrize("cap", [0, 5])
def test_two_processes_equal_one(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    splits: list[object] = []
    plan = split.plan_split

    def spy(*arguments: Any) -> Any:
        splits.append(plan(*arguments))
        return splits[-1]

    monkeypatch.setattr(split, "plan_split", spy)
    earlier = write(tmp_path, HEADER + "gdp,2003,1,,r3\ngdp,2003,5,,r36\n", "earlier.csv")
    path = write(tmp_path, _mixed(6000))
    assert path.stat().st_size > 40_000
    one = check(validate_files([earlier, path], lookup, ReadOptions(max_per_code=cap, jobs=1)))
    assert not splits
    two = check(validate_files([earlier, path], lookup, ReadOptions(max_per_code=cap, jobs=2)))
    assert splits and splits[0] is not None  # the second file was read in two halves
    assert one.diagnostics == two.diagnostics
    assert one.inputs == two.inputs


@pytest.mark.parametrize(
    ("regions", "given"), [({"r3"}, False), ({"r3", "r5", ""}, False), ({""}, True)]
)
def test_a_region_filter_read_in_two_processes_equals_one(
    lookup: Lookup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    regions: set[str],
    given: bool,
) -> None:
    """`szq check` keeps observations of the city total only, and may then split a file:
    duplicates, revisions and sources come out as from one process and no filter."""
    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    splits: list[object] = []
    plan = split.plan_split

    def spy(*arguments: Any) -> Any:
        splits.append(plan(*arguments))
        return splits[-1]

    monkeypatch.setattr(split, "plan_split", spy)
    earlier = write(tmp_path, HEADER + "gdp,2003,1,,r3\ngdp,2004,5,,r5\n", "earlier.csv")
    path = write(tmp_path, _mixed(6000, given))
    one = check(read_files([earlier, path], lookup, ReadOptions(jobs=1), regions=regions))
    assert not splits
    two = check(read_files([earlier, path], lookup, ReadOptions(jobs=2), regions=regions))
    assert splits and splits[-1] is not None  # the second file was read in two halves
    assert _comparable(one) == _comparable(two)
    assert one.revisions == two.revisions
    everything = check(read_files([earlier, path], lookup, ReadOptions(jobs=1)))
    assert sorted(two.observations, key=repr) == sorted(
        (obs for obs in everything.observations if obs.region in regions), key=repr
    )
    assert two.observations and {obs.region for obs in two.observations} <= regions


def test_validate_keeps_no_observations(lookup: Lookup, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "gdp,2015,1,,\n")
    assert validate_files([path], lookup).observations == ()
    assert len(read_files([path], lookup).observations) == 1


def test_progress_reports_bytes(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches, "_CHUNK", 1024)
    path = write(tmp_path, HEADER + "gdp,2015,1,,x\n" * 2000)
    calls: list[tuple[str, int, int]] = []
    validate_files([path], lookup, ReadOptions(jobs=1, progress=lambda *call: calls.append(call)))
    done = [call[1] for call in calls]
    assert done == sorted(done) and done[-1] == path.stat().st_size == calls[-1][2]
    assert {call[0] for call in calls} == {str(path)}


def test_a_failed_child_is_replaced(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    path = write(tmp_path, _mixed(6000))
    one = check(validate_files([path], lookup, ReadOptions(jobs=1)))
    parent = os.getpid()
    original = split.check_second_half

    def crash_in_child(*arguments: Any) -> None:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        original(*arguments)

    monkeypatch.setattr(split, "check_second_half", crash_in_child)
    two = check(validate_files([path], lookup, ReadOptions(jobs=2)))
    assert (one.diagnostics, one.inputs) == (two.diagnostics, two.inputs)


def _open_descriptors() -> set[str]:
    import os

    return set(os.listdir("/proc/self/fd"))


def _gone(pid: int) -> bool:
    """The child was reaped: waiting for it again finds no such child."""
    import os

    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
@pytest.mark.parametrize("failure", ["long-line", "exception"])
def test_a_failed_first_half_reaps_the_child(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """When the parent's half stops (a line too long, or any exception), the child that
    checks the second half is reaped and its pipe closed, whatever it was doing."""
    import os

    from sz_quality.read.session import Session

    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    body = _mixed(6000)
    if failure == "long-line":
        monkeypatch.setattr(batches, "_LONG_LINE", 20_000)
        cut = body.index("\n", len(body) // 4)
        body = body[:cut] + "\n" + "x" * 30_000 + body[cut:]
    else:
        original = Session.check_batch
        calls = [0]

        def fail_later(self: Session, *arguments: Any) -> int:
            calls[0] += 1
            if calls[0] > 2:
                raise RuntimeError("the first half fails")
            return original(self, *arguments)

        monkeypatch.setattr(Session, "check_batch", fail_later)
    path = write(tmp_path, body)
    halves: list[Any] = []
    plan = split.plan_split

    def spy(*arguments: Any) -> Any:
        halves.append(plan(*arguments))
        return halves[-1]

    monkeypatch.setattr(split, "plan_split", spy)
    before = _open_descriptors()
    parent = os.getpid()
    if failure == "long-line":
        result = check(validate_files([path], lookup, ReadOptions(jobs=2)))
        assert "bad-csv" in {d.code for d in result.diagnostics}
    else:
        with pytest.raises(RuntimeError, match="first half fails"):
            validate_files([path], lookup, ReadOptions(jobs=2))
    assert os.getpid() == parent
    assert halves and halves[0] is not None and halves[0].pid > 0  # a child was started
    assert _gone(halves[0].pid)
    assert _open_descriptors() <= before


def test_every_region_keeps_those_series_in_every_region(
    lookup: Lookup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`szq check` keeps the city total, and every district's rows of the series a target
    stated for every district needs: the same on the fast path, the row path and in two
    processes."""
    monkeypatch.setattr(batches, "_CHUNK", 4096)
    monkeypatch.setattr(csvfile, "_PARALLEL_MIN", 20_000)
    path = write(tmp_path, _mixed(6000))
    options: dict[str, Any] = {"regions": {"r3"}, "every_region": {"population"}}
    one = check(read_files([path], lookup, ReadOptions(jobs=1), **options))
    two = check(read_files([path], lookup, ReadOptions(jobs=2), **options))
    slow = check(
        reader._read(
            [path],
            lookup,
            ReadOptions(jobs=1),
            keep=True,
            regions=frozenset({"r3"}),
            every_region=frozenset({"population"}),
            fast_path=False,
        )
    )
    everything = check(read_files([path], lookup, ReadOptions(jobs=1)))
    expected = sorted(
        (o for o in everything.observations if o.region == "r3" or o.series == "population"),
        key=repr,
    )
    for result in (one, two, slow):
        assert sorted(result.observations, key=repr) == expected
    assert len({o.region for o in expected if o.series == "population"}) == 37
