"""A submission form's identity: which agency, year and registry `szq template` made it for.

Every row of a form carries it in a reserved column headed `szq_form` (hidden in .xlsx),
as `szq-form/1 agency=wrb year=2015 registry=shenzhen-quality-2011 sha256=<16 hex>`.
Cells survive what Excel, WPS and LibreOffice do to a workbook on saving, and a CSV's
columns survive any spreadsheet; document properties and comment lines do not. The reader
knows the header (no unknown-column warning) and `validate --expect-agency` compares it
with the agency and year asked for (wrong-template).
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = [
    "FORM_HEADER",
    "FORM_VERSION",
    "FormIdentity",
    "form_identity",
    "parse_identity",
    "same_registry",
]

FORM_HEADER: Final = "szq_form"
FORM_VERSION: Final = 1
_PREFIX: Final = "szq-form/"
_DIGEST: Final = 16  # hex digits of the registry's sha256 kept


class FormIdentity(NamedTuple):
    version: int
    agency: str
    year: int
    registry: str
    sha256: str


def form_identity(agency: str, year: int, registry: str, sha256: str) -> str:
    """The text every row of a form carries."""
    return (
        f"{_PREFIX}{FORM_VERSION} agency={agency} year={year} registry={registry} "
        f"sha256={sha256[:_DIGEST]}"
    )


def parse_identity(text: str) -> FormIdentity | None:
    """The identity a cell holds, or None when it holds none (edited beyond reading)."""
    words = text.split()
    if not words or not words[0].startswith(_PREFIX):
        return None
    fields = dict(word.partition("=")[::2] for word in words[1:])
    try:
        return FormIdentity(
            int(words[0][len(_PREFIX) :]),
            fields["agency"],
            int(fields["year"]),
            fields.get("registry", ""),
            fields.get("sha256", ""),
        )
    except (KeyError, ValueError):
        return None


def same_registry(identity: FormIdentity, sha256: str) -> bool:
    return bool(identity.sha256) and sha256.startswith(identity.sha256)
