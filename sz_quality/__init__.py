"""szq: check official statistics against the quantified targets of the Shenzhen Quality plan.

The library does the work and never prints; the `szq` command is a thin edge over it.
Public names are imported on first use, so `import sz_quality` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Registry": "plan.registry",
    "RegistryError": "plan.registry",
    "load_registry": "plan.registry",
    "MeasureRegistry": "plan.measures",
    "load_measures": "plan.measures",
    "conversion_factor": "plan.units",
    "UnitError": "plan.units",
    "CurrencyError": "plan.units",
    "Diagnostic": "read.observations",
    "Observation": "read.observations",
    "ReadResult": "read.observations",
    "Lookup": "plan.lookup",
    "load_lookup": "plan.lookup",
    "read_files": "read.reader",
    "ReadOptions": "read.reading",
    "evaluate": "check.evaluate",
    "check_files": "check.run",
    "run_check": "check.run",
    "read_data": "check.run",
    "district_series": "check.run",
    "CheckRun": "check.run",
    "UnknownRegionError": "check.run",
    "MissingSheetError": "check.run",
    "Report": "check.results",
    "Result": "check.results",
    "AnnualReport": "report.model",
    "build_report": "report.build",
    "write_report": "render.report.writer",
    "render_html": "render.report.pages",
    "render_markdown": "render.report.pages",
    "report_json": "render.report.as_json",
    "report_dict": "render.report.as_json",
    "MeasuresStatus": "read.measures_status",
    "read_measures_status": "read.measures_status",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sz_quality' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
