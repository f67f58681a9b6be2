"""`szq lint` (a registry checked without data) and `szq units` (the units szq reads)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import common, options


class LintFormat(str, Enum):
    text = "text"
    json = "json"


def lint_command(
    ctx: typer.Context,
    file: Annotated[str | None, typer.Argument(metavar="FILE", show_default=False)] = None,
    output_format: Annotated[LintFormat, typer.Option("--format", "-f")] = LintFormat.text,
    output: options.Output = None,
    lang: options.Language = ...,  # type: ignore[assignment]
) -> None:
    from ..paths import default_targets_path
    from ..plan.lint import lint_registry
    from ..render.jsonout import dumps

    state = common.state_of(ctx)
    path = Path(file or state.targets_path or default_targets_path())
    if not path.is_file():
        common.usage_error_word("cli.no_such_registry", path=str(path))
    measures = state.measures_path
    if measures is None and file is None and state.targets_path is None:
        from ..plan.measures import default_measures_path

        measures = str(default_measures_path())
    if measures is not None and not Path(measures).is_file():
        common.usage_error_word("cli.no_such_measures", path=str(measures))
    issues = lint_registry(path, measures)
    if output_format is LintFormat.json:
        found = [issue.to_dict(lang.value) for issue in issues]
        common.emit(dumps({"issues": found}), output, json=True)
    else:
        from ..words import word

        errors = sum(issue.severity == "error" for issue in issues)
        lines = [issue.text_in(lang.value) for issue in issues]
        warnings = len(issues) - errors
        summary = word("lint.summary", lang.value, path=path, errors=errors, warnings=warnings)
        common.emit("\n".join([*lines, summary]) + "\n", output)
    failed = any(issue.severity == "error" for issue in issues)
    raise typer.Exit(common.EXIT_INVALID if failed else common.EXIT_OK)


def units_command(
    ctx: typer.Context,
    output_format: Annotated[LintFormat, typer.Option("--format", "-f")] = LintFormat.text,
    output: options.Output = None,
    lang: options.Language = ...,  # type: ignore[assignment]
) -> None:
    from ..plan import units
    from ..render.jsonout import dumps

    state = common.state_of(ctx)
    registry = state.registry()  # its units join the vocabulary
    names = {unit.name: (unit.name_zh, unit.name_en) for unit in registry.units}
    rows = units.vocabulary()
    if output_format is LintFormat.json:
        found = [
            {"name": name, "means": means, "source": source, "names": list(names.get(name, ()))}
            for name, means, source in rows
        ]
        common.emit(dumps({"units": found}), output, json=True)
        return
    from ..render.grid import text_width

    index = 0 if lang.value == "zh" else 1
    width = max(text_width(name) for name, _, _ in rows)
    lines = []
    for name, means, source in rows:
        named = f"  {names[name][index]}" if name in names else ""
        pad = " " * (width - text_width(name))
        lines.append(f"{name}{pad}  {means:<24}  {source}{named}")
    common.emit("\n".join(lines) + "\n", output)
