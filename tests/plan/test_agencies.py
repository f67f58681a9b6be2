"""Every command names an agency by the same rule (sz_quality.plan.agencies)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.cli import app
from sz_quality.plan.agencies import AgencyNames, UnknownAgencyError
from sz_quality.plan.lookup import load_lookup
from sz_quality.plan.models import Agency
from sz_quality.plan.registry import Registry

runner = CliRunner()

ACCEPTED = [
    "drc",
    "DRC",
    "ＤＲＣ",  # full-width
    " drc ",
    "市发展改革委",
    "发展改革委",  # without 市 (also the alias)
    "Shenzhen Municipal Development and Reform Commission",
    "shenzhen  municipal development and reform commission",
    "ＳＨＥＮＺＨＥＮ　Municipal Development and Reform Commission",
]
REFUSED = ["drx", "发改", "nobody", "市"]


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agencies") / "data.csv"
    path.write_text(
        "indicator,year,value,unit,region,source\ngdp,2013,14500,亿元,,test\n", encoding="utf-8"
    )
    return path


def commands(option_value: str, data: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", str(data), "--agency", option_value],
        "targets": ["targets", "-f", "json", "--agency", option_value],
        "measures": ["measures", "-f", "json", "--agency", option_value],
        "validate": [
            "validate",
            str(data),
            "--expect-agency",
            option_value,
            "--year",
            "2013",
        ],
    }


COMMANDS = ["check", "targets", "measures", "validate"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("spelling", ACCEPTED)
def test_every_command_accepts_the_same_spellings(
    command: str, spelling: str, data_file: Path
) -> None:
    result = runner.invoke(app, commands(spelling, data_file)[command])
    assert "unknown agency" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1), result.output


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("spelling", REFUSED)
def test_every_command_refuses_the_same_spellings(
    command: str, spelling: str, data_file: Path
) -> None:
    result = runner.invoke(app, commands(spelling, data_file)[command])
    assert result.exit_code == 2, result.output
    assert f"unknown agency {spelling!r}" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_gives_the_same_hint(command: str, data_file: Path) -> None:
    result = runner.invoke(app, commands("drx", data_file)[command])
    assert "did you mean 'drc', 市发展改革委?" in result.stderr


def test_registry_and_lookup_resolve_alike(registry: Registry) -> None:
    lookup = load_lookup(registry.path)
    for spelling in ACCEPTED:
        assert registry.resolve_agency(spelling).id == "drc"
        assert lookup.resolve_agency(spelling).id == "drc"
    for spelling in REFUSED:
        assert registry.find_agency(spelling) is None
        assert lookup.find_agency(spelling) is None
        with pytest.raises(UnknownAgencyError):
            lookup.resolve_agency(spelling)


def test_an_earlier_agency_keeps_a_shared_spelling() -> None:
    first = Agency("a", "市甲局", "Bureau A")
    second = Agency("b", "市乙局", "Bureau B", aliases=("甲局",))
    names = AgencyNames.of([first, second])
    assert names.find("甲局") == "a"
    assert names.find("乙局") == "b"
