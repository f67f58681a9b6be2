"""The rules engine's table of rules: one rule for every kind of target."""

from __future__ import annotations

from typing import get_args

import pytest

from sz_quality.check.rules import RULES
from sz_quality.plan.models import KINDS, Kind


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_rule(kind: Kind) -> None:
    rule = RULES[kind]
    assert callable(rule.measure) and callable(rule.judge) and callable(rule.without_value)


def test_rules_name_no_other_kind() -> None:
    assert set(RULES) == set(KINDS) == set(get_args(Kind))
