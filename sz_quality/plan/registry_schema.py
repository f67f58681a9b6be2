"""The JSON Schema of a registry (targets.yaml), for editor completion and validation.

`szq schema --registry` writes it; an editor's YAML extension reads it (VS Code's
redhat.vscode-yaml: `# yaml-language-server: $schema=targets.schema.json` on the
file's first line, or `yaml.schemas` in the settings). Built from the registry's own
models (sz_quality.plan.models) by pydantic, so the two cannot drift: every field, its
type, its literals (kinds, comparators, natures, paths), unknown fields refused. The
rules a type cannot state (the fields each comparator needs, ids that must exist) are
the loader's, and `szq lint` reports them at their lines.

A target's years are optional here: the loader takes them from `plan` when a target
leaves them out.
"""

from __future__ import annotations

from typing import Any

from .assessment import Assessment
from .models import Agency, Chapter, District, Indicator, Plan, Target, Unit

__all__ = ["registry_json_schema"]

_SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
_DEFAULTED = ("baseline_year", "target_year")  # a target's, from `plan`


def _model_schema(model: type[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    from pydantic import TypeAdapter

    schema = TypeAdapter(model).json_schema(ref_template="#/$defs/{model}")
    definitions.update(schema.pop("$defs", {}))
    definitions[model.__name__] = schema
    return {"$ref": f"#/$defs/{model.__name__}"}


def registry_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a targets registry."""
    definitions: dict[str, Any] = {}
    refs = {
        model.__name__: _model_schema(model, definitions)
        for model in (Plan, Unit, Chapter, Agency, Indicator, Target, District, Assessment)
    }
    target = definitions["Target"]
    target["required"] = [name for name in target["required"] if name not in _DEFAULTED]
    for name in _DEFAULTED:
        target["properties"][name]["description"] = f"defaults to plan.{name}"

    def items(model: str) -> dict[str, Any]:
        return {"type": "array", "items": refs[model]}

    return {
        "$schema": _SCHEMA_URI,
        "title": "szq registry of a plan's targets (targets.yaml)",
        "description": "A plan's quantified targets; every field is in szq's docs/schema.md.",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "plan", "chapters", "agencies", "indicators", "targets"],
        "properties": {
            "schema_version": {"const": 1},
            "plan": refs["Plan"],
            "units": items("Unit"),
            "chapters": items("Chapter"),
            "agencies": items("Agency"),
            "indicators": items("Indicator"),
            "targets": items("Target"),
            "districts": items("District"),
            "city_total": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "assessment": refs["Assessment"],
        },
        "$defs": definitions,
    }
