"""约束性 / 预期性 (issue 21): a target's nature, carried to its result, counted apart."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sz_quality.check.evaluate import evaluate
from sz_quality.plan.registry import load_registry
from sz_quality.read.observations import Observation
from sz_quality.render.verdict_words import reason_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"


def test_binding_and_expected_targets_are_counted_apart() -> None:
    base = load_registry(FIXTURES / "registry.yaml")
    binding = replace(base.targets_by_id["share_over"], nature="binding")
    expected = replace(base.targets_by_id["rate_at_most"], nature="expected")
    unmarked = base.targets_by_id["gdp_level"]
    registry = replace(base, targets=(binding, expected, unmarked))
    data = [Observation("share", 2015, 99.5, ""), Observation("rate", 2015, 3.5, "")]
    report = evaluate(registry, data, 2015)
    assert [r.nature for r in report.results] == ["binding", "expected", None]
    by_nature = report.summary_by_nature()
    assert by_nature["binding"]["met"] == 1 and sum(by_nature["binding"].values()) == 1
    assert by_nature["expected"]["not_met"] == 1 and sum(by_nature["expected"].values()) == 1
    assert [r.target for r in report.for_nature("binding").results] == ["share_over"]
    data_json = report.to_dict(reason_words("en"))
    assert data_json["results"][0]["nature"] == "binding"
    assert data_json["summary_by_nature"]["expected"]["not_met"] == 1


def test_the_mark_is_in_the_label_and_the_overview() -> None:
    from sz_quality.render.check.summary import overview_lines
    from sz_quality.render.format import target_label

    base = load_registry(FIXTURES / "registry.yaml")
    binding = replace(base.targets_by_id["share_over"], nature="binding")
    assert target_label(binding, "zh") == "覆盖率超过99% 〔约束性〕"
    assert target_label(binding, "en") == "Coverage above 99% [binding]"
    report = evaluate(replace(base, targets=(binding,)), [Observation("share", 2015, 99.5, "")])
    assert overview_lines(report, "en")[1] == (
        "binding targets: met 1 · not met 0 · on track 0 · off track 0 · no data 0 (of 1)"
    )
    unmarked = evaluate(replace(base, targets=(base.targets_by_id["share_over"],)), [])
    assert not any("binding" in line for line in overview_lines(unmarked, "en"))
