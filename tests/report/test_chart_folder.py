"""A Markdown report's chart folder: szq replaces and removes only the charts it wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("matplotlib")

from typer.testing import CliRunner  # noqa: E402

from sz_quality.cli import app  # noqa: E402
from sz_quality.render.report.writer import (  # noqa: E402
    MANIFEST,
    ChartFolderConflict,
    write_charts,
)

# two years of GDP: a chart of the target, and the statuses by chapter
DATA = "indicator,year,value,unit,region\ngdp,2010,9510.91,亿元,\ngdp,2013,14500.23,亿元,\n"


def _report(tmp_path: Path, *extra: str) -> Any:
    data = tmp_path / "data.csv"
    data.write_text(DATA, encoding="utf-8")
    return CliRunner().invoke(
        app, ["report", str(data), "-o", str(tmp_path / "r.md"), "--lang", "en", *extra]
    )


def _manifest(folder: Path) -> list[str]:
    lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("#")]


def test_a_users_files_in_the_chart_folder_survive(tmp_path: Path) -> None:
    folder = tmp_path / "r_charts"
    folder.mkdir()
    mine = {"logo.svg": "<svg>mine</svg>", "notes.txt": "my notes", "chart-old.svg": "<svg/>"}
    for name, content in mine.items():
        (folder / name).write_text(content, encoding="utf-8")
    first = _report(tmp_path)
    assert first.exit_code == 0, first.stderr
    for name, content in mine.items():
        assert (folder / name).read_text(encoding="utf-8") == content
    charts = sorted(path.name for path in folder.glob("*.svg") if path.name not in mine)
    assert charts == ["chart-gdp_2015.svg", "chart-statuses.svg"]
    assert _manifest(folder) == charts
    # a second run replaces its own charts, and still not the user's files
    second = _report(tmp_path)
    assert second.exit_code == 0, second.stderr
    assert sorted(path.name for path in folder.iterdir()) == sorted([*mine, *charts, MANIFEST])


def test_a_users_file_where_a_chart_goes_is_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "r_charts"
    folder.mkdir()
    first = _report(tmp_path)  # learn the name of a chart, then start again
    assert first.exit_code == 0, first.stderr
    taken = _manifest(folder)[0]
    for path in [*folder.iterdir(), tmp_path / "r.md", tmp_path / "data.csv"]:
        path.unlink()
    (folder / taken).write_text("<svg>mine</svg>", encoding="utf-8")
    result = _report(tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"szq: error: {folder / taken} exists and szq did not write it: szq does not "
        "replace it; move it away or choose another report name\n"
    )
    assert (folder / taken).read_text(encoding="utf-8") == "<svg>mine</svg>"
    assert [path.name for path in folder.iterdir()] == [taken]
    assert not (tmp_path / "r.md").exists()


def test_charts_an_earlier_run_wrote_are_removed_when_gone(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    write_charts(folder, {"a": "<svg>a</svg>", "b": "<svg>b</svg>"})
    (folder / "mine.svg").write_text("<svg>mine</svg>", encoding="utf-8")
    written = write_charts(folder, {"b": "<svg>b2</svg>"})
    assert written == [folder / "b.svg"]
    assert sorted(path.name for path in folder.iterdir()) == sorted([MANIFEST, "b.svg", "mine.svg"])
    assert (folder / "b.svg").read_text(encoding="utf-8") == "<svg>b2</svg>"
    assert _manifest(folder) == ["b.svg"]


def test_an_edited_manifest_reaches_nothing_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    outside = tmp_path / "data.svg"
    outside.write_text("<svg>data</svg>", encoding="utf-8")
    (folder / MANIFEST).write_text("../data.svg\n/tmp/x.svg\n.hidden.svg\n", encoding="utf-8")
    write_charts(folder, {"a": "<svg>a</svg>"})
    assert outside.read_text(encoding="utf-8") == "<svg>data</svg>"
    assert _manifest(folder) == ["a.svg"]


def test_a_conflict_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "b.svg").write_text("<svg>mine</svg>", encoding="utf-8")
    with pytest.raises(ChartFolderConflict) as caught:
        write_charts(folder, {"a": "<svg>a</svg>", "b": "<svg>b</svg>"})
    assert caught.value.path == folder / "b.svg"
    assert [path.name for path in folder.iterdir()] == ["b.svg"]
