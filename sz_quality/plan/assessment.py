"""The registry's `assessment:` section: how `szq assess` scores a unit (a 考核办法).

Four components, each a share of its items (0 to 1), weighted into a score out of 100:
- `targets`: the unit's targets met or on track among those that can be judged (met,
  on track, not met, off track; no data and not assessable are not judged);
- `submission`: the rows the unit must submit for the year (`validate --expect-agency`:
  sz_quality.plan.submission) present and valid;
- `measures`: its specific measures done (`--measures-status`; in progress earns
  `in_progress_credit`, not started nothing; not reported is not counted);
- `yearly_plan`: its targets' sub-targets for the year met (`--plan`; no data is not
  judged).
A weight of 0 leaves the component out; a component without an item that can be judged
(no measures status given, no yearly plan) is left out of that unit's score, and the
other weights are scaled up to 100. Defaults: 40, 20, 20, 20.

Fairness, as the registry states it:
- `inferred_leads` (default `exclude`): a target whose lead agency is only inferred
  (推定牵头) counts for no agency; `include` counts it for the inferred leads.
- `shared_targets` (default `full`): a target with several leads counts wholly for each;
  `split` gives each lead 1/n of its weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from .models import FieldError

__all__ = ["COMPONENTS", "Assessment", "Component"]

Component = Literal["targets", "submission", "measures", "yearly_plan"]
COMPONENTS: tuple[Component, ...] = ("targets", "submission", "measures", "yearly_plan")


@dataclass(frozen=True, slots=True)
class Assessment:
    """The components' weights and the fairness rules of `szq assess`."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "allow_inf_nan": False}

    targets: float = 40.0
    submission: float = 20.0
    measures: float = 20.0
    yearly_plan: float = 20.0
    in_progress_credit: float = 0.5  # what a measure in progress earns (done: 1)
    inferred_leads: Literal["exclude", "include"] = "exclude"
    shared_targets: Literal["full", "split"] = "full"

    def __post_init__(self) -> None:
        for name in COMPONENTS:
            if getattr(self, name) < 0:
                raise FieldError(name, "model.weight_negative")
        if not any(getattr(self, name) > 0 for name in COMPONENTS):
            raise FieldError(None, "model.no_weight")
        if not 0 <= self.in_progress_credit <= 1:
            raise FieldError("in_progress_credit", "model.credit_range")

    def weight(self, component: Component) -> float:
        value: float = getattr(self, component)
        return value
