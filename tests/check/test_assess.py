"""`szq assess`: the score of every lead agency and district, its fairness rules, ranking."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sz_quality.check.assess import AssessmentReport, ComponentScore, Item, UnitScore, _ranked
from sz_quality.check.run import run_assess
from sz_quality.cli import app
from sz_quality.plan.assessment import Assessment
from sz_quality.plan.measures import MeasureRegistry
from sz_quality.plan.registry import Registry, RegistryError, load_registry

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATA_2015 = EXAMPLES / "data-2015.csv"
DATA_2013 = EXAMPLES / "data-2013.csv"
DISTRICTS_2013 = EXAMPLES / "districts-2013-illustrative.csv"
PLAN_2013 = EXAMPLES / "plans" / "plan-2013-illustrative.csv"
STATUS_2015 = EXAMPLES / "measures" / "status-2015-illustrative.csv"
runner = CliRunner()


def _unit(report: AssessmentReport, key: str) -> UnitScore:
    return next(unit for unit in report.units if unit.key == key)


def _item(unit: UnitScore, component: str, item_id: str) -> Item:
    return next(i for i in unit.component(component).items if i.id == item_id)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def report_2015(registry: Registry) -> AssessmentReport:
    return run_assess([DATA_2015], registry)


def test_every_point_of_a_score_is_explained(report_2015: AssessmentReport) -> None:
    fso = _unit(report_2015, "fso")  # 市金融办
    assert report_2015.year == 2015
    # targets: finance_share_2015 met (1 of 1 judged; the two without data not counted)
    targets = fso.component("targets")
    assert [(i.id, i.status, i.credit) for i in targets.items] == [
        ("finance_share_2015", "met", 1.0),
        ("fund_scale_2015", "no_data", None),
        ("logistics_share_2015", "no_data", None),
    ]
    # submission: one row of three present
    submission = fso.component("submission")
    assert [(i.id, i.status, i.credit) for i in submission.items] == [
        ("finance_share 2015", "present", 1.0),
        ("fund_scale 2015", "missing", 0.0),
        ("logistics_share 2015", "missing", 0.0),
    ]
    # no measures status, no yearly plan: those components are left out, the weights
    # of the others (40 and 20) scaled to 100
    assert not fso.component("measures").used and not fso.component("yearly_plan").used
    assert targets.points == pytest.approx(40 / 60 * 100)
    assert submission.points == pytest.approx(20 / 60 * 100 / 3)
    assert fso.score == pytest.approx(77.777778, abs=1e-6)
    assert fso.rank == 1
    data = fso.to_dict()
    assert data["components"][1]["earned"] == 1.0 and data["components"][1]["possible"] == 3.0


def test_a_target_without_data_is_missing_data_not_a_failure(report_2015: AssessmentReport) -> None:
    fso = _unit(report_2015, "fso")
    fund = _item(fso, "targets", "fund_scale_2015")
    assert (fund.credit, fund.note) == (None, "no_data")  # not counted as failed
    assert _item(fso, "submission", "fund_scale 2015").credit == 0.0  # but missing


def test_an_inferred_lead_does_not_count_unless_the_registry_says_so(
    registry: Registry, report_2015: AssessmentReport
) -> None:
    # strategic_emerging_share_2015 is met; 市文体旅游局 is only its inferred lead
    ctsb = _unit(report_2015, "ctsb")
    item = _item(ctsb, "targets", "strategic_emerging_share_2015")
    assert (item.status, item.credit, item.note) == ("met", None, "inferred_lead")
    assert "strategic_emerging_share 2015" not in [i.id for i in ctsb.component("submission").items]
    included = replace(registry, assessment=Assessment(inferred_leads="include"))
    counted = _unit(run_assess([DATA_2015], included), "ctsb")
    assert _item(counted, "targets", "strategic_emerging_share_2015").credit == 1.0
    assert counted.component("targets").share == 1.0  # 2 of 2: finance_share, emerging share


def test_several_leads_share_a_target_as_the_registry_says(
    registry: Registry, report_2015: AssessmentReport
) -> None:
    # finance_share_2015 has four leads: each counts it wholly by default
    assert _item(_unit(report_2015, "tc"), "targets", "finance_share_2015").weight == 1.0
    split = replace(registry, assessment=Assessment(shared_targets="split"))
    stiic = _unit(run_assess([DATA_2015], split), "stiic")
    shares = {i.id: i.weight for i in stiic.component("targets").counted}
    assert shares["finance_share_2015"] == pytest.approx(0.25)
    assert shares["retail_sales_2015"] == pytest.approx(0.5)  # two leads
    # met (1/4) and not met (1/2): a third of the weight earned
    assert stiic.component("targets").share == pytest.approx(1 / 3)


def test_an_agency_with_nothing_assessable_is_listed_not_scored_zero(
    report_2015: AssessmentReport,
) -> None:
    idle = [unit for unit in report_2015.agencies if unit.score is None]
    # no target of their own, no row to submit, and no measures status given
    assert [unit.key for unit in idle] == [
        "sasac",
        "fc",
        "emo",
        "smb",
        "pd",
        "fao",
        "psro",
        "pro",
        "ro",
        "lao",
        "ascho",
        "sb",
        "ab",
    ]
    assert all(not c.used for unit in idle for c in unit.components)
    assert all(unit.rank is None for unit in idle)
    assert report_2015.agencies[-1].to_dict()["assessable"] is False
    # listed after every agency with a score
    first_idle = report_2015.agencies.index(idle[0])
    assert all(unit.score is not None for unit in report_2015.agencies[:first_idle])


def test_measures_done_make_their_component(
    registry: Registry, measure_registry: MeasureRegistry
) -> None:
    report = run_assess(
        [DATA_2015], registry, measures=measure_registry, measures_status=STATUS_2015
    )
    drc = _unit(report, "drc")
    measures = drc.component("measures")
    counted = [(i.id, i.status, i.credit) for i in measures.counted]
    assert counted  # the statuses the file gives
    assert all(i.note == "not_reported" for i in measures.items if i.credit is None)
    credits = {"done": 1.0, "in_progress": 0.5, "not_started": 0.0}
    assert all(credit == credits[status] for _, status, credit in counted)


def test_the_yearly_plan_and_the_districts(registry: Registry) -> None:
    report = run_assess([DATA_2013, DISTRICTS_2013], registry, year=2013, plan=[PLAN_2013])
    assert [unit.key for unit in report.districts] == ["福田区", "坪山新区"]
    futian, pingshan = report.districts
    assert [(i.id, i.status, i.credit) for i in futian.component("yearly_plan").items] == [
        ("gdp_2015", "met", 1.0)
    ]
    assert pingshan.component("yearly_plan").share == 0.0
    assert (futian.rank, pingshan.rank) == (1, 2)
    assert not futian.component("submission").used and not futian.component("measures").used
    # GDP 1.5万亿元 is the city's total: a district's GDP is not judged against it
    gdp = _item(futian, "targets", "gdp_2015")
    assert (gdp.status, gdp.credit, gdp.note) == ("off_track", None, "city_figure")
    assert not futian.component("targets").used  # nothing else judged on its rows
    assert futian.score == 100.0 and pingshan.score == 0.0


def test_ties_share_a_rank_and_are_ordered_as_stated() -> None:
    def unit(key: str, score: float, counted: int) -> UnitScore:
        items = tuple(Item(f"t{i}", "met", 1.0) for i in range(counted))
        component = ComponentScore("targets", 40.0, items, points=score)
        return UnitScore("agency", key, key, key, (component,), score=score)

    units = [
        unit("a", 50.0, 1),
        unit("b", 80.0, 1),
        unit("c", 50.004, 3),  # the same score to 0.01 as a and d, more items counted
        unit("d", 49.996, 1),
        replace(unit("e", 0.0, 0), score=None),
        unit("f", 10.0, 2),
    ]
    ranked = _ranked(units)
    assert [(u.key, u.rank) for u in ranked] == [
        ("b", 1),
        ("c", 2),
        ("a", 2),  # registry order among equals with as many items
        ("d", 2),
        ("f", 5),
        ("e", None),
    ]


def test_the_cli_json_equals_the_library(report_2015: AssessmentReport) -> None:
    out = runner.invoke(app, ["assess", str(DATA_2015), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    expected = json.loads(json.dumps(report_2015.to_dict()))
    expected["inputs"] = [str(DATA_2015)]
    assert data == expected
    assert data["rules"]["weights"] == {
        "targets": 40.0,
        "submission": 20.0,
        "measures": 20.0,
        "yearly_plan": 20.0,
    }


def test_csv_has_a_row_per_item_and_the_table_a_rank_per_agency() -> None:
    out = runner.invoke(app, ["assess", str(DATA_2015), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    fso = [row for row in rows if row["unit"] == "fso"]
    assert [(r["component"], r["item"], r["credit"]) for r in fso] == [
        ("targets", "finance_share_2015", "1.0"),
        ("targets", "fund_scale_2015", ""),
        ("targets", "logistics_share_2015", ""),
        ("submission", "finance_share 2015", "1.0"),
        ("submission", "fund_scale 2015", "0.0"),
        ("submission", "logistics_share 2015", "0.0"),
    ]
    assert {row["score"] for row in fso} == {"77.777778"} and fso[0]["rank"] == "1"
    idle = [row for row in rows if row["unit"] == "sasac"]
    assert len(idle) == 1 and idle[0]["score"] == "" and idle[0]["component"] == ""
    table = runner.invoke(app, ["assess", str(DATA_2015), "--lang", "zh"]).stdout
    assert "2015 年考核得分" in table and "1. 市金融办：77.78" in table
    assert "无可考核内容：市国资委、市财政委、市应急办" in table


def test_the_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    out = tmp_path / "assess.xlsx"
    assert runner.invoke(app, ["assess", str(DATA_2015), "-o", str(out)]).exit_code == 0
    book = openpyxl.load_workbook(out)
    scores = list(book.worksheets[0].iter_rows(values_only=True))
    assert scores[1][:3] == (
        1,
        "Financial Services Office of Shenzhen Municipal People's Government",
        pytest.approx(77.777778),
    )
    items = list(book.worksheets[1].iter_rows(values_only=True))
    assert items[0][:6] == ("kind", "unit", "name", "rank", "score", "component")


@pytest.mark.parametrize(
    ("section", "field", "message"),
    [
        ("assessment:\n  targets: -1\n", "assessment.targets", "a weight is 0 or more"),
        (
            "assessment:\n  targets: 0\n  submission: 0\n  measures: 0\n  yearly_plan: 0\n",
            "assessment",
            "at least one component needs a weight above 0",
        ),
        (
            "assessment:\n  inferred_leads: maybe\n",
            "assessment.inferred_leads",
            "'exclude' or 'include', got 'maybe'",
        ),
        ("assessment:\n  bonus: 5\n", "assessment.bonus", "unknown field"),
    ],
)
def test_the_assessment_section_is_validated_at_load(
    tmp_path: Path, section: str, field: str, message: str
) -> None:
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    start = text.index("\nassessment:")
    end = text.index("\nchapters:")
    path = tmp_path / "targets.yaml"
    path.write_text(text[:start] + "\n" + section + text[end:], encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    (issue,) = caught.value.issues
    assert issue.field == field
    assert message.lower() in issue.message.lower()
    first = text[:start].count("\n") + 2  # the line of `assessment:`
    assert issue.line is not None and first <= issue.line < first + section.count("\n")


def test_every_format_has_its_renderer(report_2015: AssessmentReport) -> None:
    from sz_quality.render.assess.dispatch import AssessFormat, renderer_for, workbook

    for chosen in AssessFormat:
        if chosen.binary:
            pytest.importorskip("xlsxwriter")
            book = renderer_for(chosen)(report_2015, "en")
            assert book[:2] == b"PK"
            assert workbook(report_2015, "en") == book
        else:
            assert renderer_for(chosen)(report_2015, "en")
