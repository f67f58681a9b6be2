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
    "Registry": "registry",
    "RegistryError": "registry",
    "load_registry": "registry",
    "MeasureRegistry": "measures",
    "load_measures": "measures",
    "conversion_factor": "units",
    "UnitError": "units",
    "CurrencyError": "units",
    "Diagnostic": "observations",
    "Observation": "observations",
    "ReadResult": "observations",
    "Lookup": "lookup",
    "load_lookup": "lookup",
    "read_files": "reader",
    "evaluate": "evaluate",
    "Report": "report_model",
    "Result": "report_model",
    "AnnualReport": "report",
    "build_report": "report",
    "write_report": "report",
    "render_html": "report",
    "render_markdown": "report",
    "report_json": "report",
    "MeasuresStatus": "measures_status",
    "read_measures_status": "measures_status",
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
